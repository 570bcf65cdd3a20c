// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/ContextAnswers.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/CaseFacts.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/QuestionCatalogue.h"

namespace wb::core::cases {

std::optional<ContextAnswer> answer(Workspace& workspace,
                                    std::int64_t caseId,
                                    const std::string& questionId,
                                    const std::optional<nom::FactValue>& value,
                                    const nom::QuestionCatalogue& questions,
                                    const std::optional<std::string>& overrideReason)
{
    const nom::CurrentAnswers current = workspace.context().currentAnswers(caseId, questions);
    const auto stored = current.find(questionId);
    const bool unchanged = value ? stored != current.end() && stored->second.value == *value &&
                                       stored->second.overrideReason == overrideReason
                                 : stored == current.end();
    if (unchanged) {
        return std::nullopt;
    }
    if (value && !overrideReason && questions.find(questionId) != nullptr) {
        const auto derived = nom::deriveFacts(recordFacts(workspace, caseId), questions, workspace.clock().now());
        const auto fromRecord = derived.find(questionId);
        if (fromRecord != derived.end() && !(fromRecord->second.value == *value)) {
            throw Error(ErrorCode::Validation,
                        "overrideReason: the case's records hold this fact; give a reason to answer otherwise",
                        "overrideReason");
        }
    }
    return workspace.context().answer(caseId, questionId, value, questions, overrideReason);
}

std::map<std::string, LatestChange> latestChanges(Workspace& workspace, std::int64_t caseId)
{
    std::map<std::string, LatestChange> latest;
    // Stored oldest first: the last one for a question is its latest change.
    for (const auto& stored : workspace.context().storedAnswers(caseId)) {
        latest[stored.questionId] = LatestChange{stored.answeredAt, stored.answeredBy};
    }
    return latest;
}

std::vector<std::string> importantFacts(const nom::EnquiryCatalogue* enquiries, const nom::JourneyChecklists* journey)
{
    std::set<std::string> keys;
    if (enquiries != nullptr) {
        for (const auto& entry : enquiries->entries()) {
            for (auto& key : entry.when.factKeys()) {
                keys.insert(std::move(key));
            }
        }
    }
    if (journey != nullptr) {
        std::function<void(const nom::DoneWhen&)> collect = [&](const nom::DoneWhen& d) {
            if (d.kind == nom::DoneWhen::Kind::Fact) {
                keys.insert(d.fact);
            }
            for (const auto& a : d.any) {
                collect(a);
            }
        };
        for (const auto& stage : journey->stages()) {
            for (const auto& item : stage.items) {
                if (item.doneWhen) {
                    collect(*item.doneWhen);
                }
            }
        }
    }
    return {keys.begin(), keys.end()};
}

std::vector<const nom::Question*> unansweredImportant(const nom::QuestionCatalogue& questions,
                                                      const nom::Facts& facts,
                                                      const nom::EnquiryCatalogue* enquiries,
                                                      const nom::JourneyChecklists* journey,
                                                      Instant now)
{
    const auto important = importantFacts(enquiries, journey);
    std::vector<const nom::Question*> out;
    for (const nom::Question* q : questions.visibleQuestions(facts, now)) {
        if (facts.count(q->id) == 0 && std::binary_search(important.begin(), important.end(), q->id)) {
            out.push_back(q);
        }
    }
    return out;
}

} // namespace wb::core::cases
