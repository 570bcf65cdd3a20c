// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/OpeningQuestions.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

namespace wb::core::plan {

namespace {

/// How far before `now` the instants tried for a time question lie, in hours: the forensic windows (hours to
/// weeks), then months and years for non-recent offences.
constexpr int LadderHours[] = {0,   1,   6,   12,   24,   36,   48,   72,    96,    120,   144,    168,   240,
                               336, 504, 720, 1440, 2160, 4380, 8760, 17520, 43800, 87600, 175200, 350400};

/// The widest run of whole numbers tried above a number question's minimum.
constexpr int NumberSpan = 200;

bool proposedNow(const nom::Enquiry& entry, const nom::Facts& facts, Instant now)
{
    return entry.when.holds(facts, now);
}

bool namesFact(const nom::Enquiry& entry, const std::string& key)
{
    const auto keys = entry.when.factKeys(); // sorted
    return std::binary_search(keys.begin(), keys.end(), key);
}

/// Suspect-focused first, then priority, then catalogue order.
bool openedBefore(const nom::Enquiry* a, const nom::Enquiry* b) noexcept
{
    const auto tier = [](const nom::Enquiry* e) { return e->principle == nom::Principle::SuspectFocused ? 0 : 1; };
    if (tier(a) != tier(b)) {
        return tier(a) < tier(b);
    }
    if (a->priority != b->priority) {
        return a->priority < b->priority;
    }
    return a->order < b->order;
}

} // namespace

std::vector<nom::FactValue> candidateAnswers(const nom::Question& question, Instant now)
{
    std::vector<nom::FactValue> out;
    switch (question.type) {
    case nom::AnswerType::YesNo:
        out.emplace_back(true);
        out.emplace_back(false);
        break;
    case nom::AnswerType::Choice:
        for (const auto& option : question.options) {
            out.emplace_back(option.value);
        }
        break;
    case nom::AnswerType::MultiChoice:
        for (const auto& option : question.options) {
            out.emplace_back(nom::TextList{option.value});
        }
        break;
    case nom::AnswerType::Text: out.emplace_back(std::string("-")); break;
    case nom::AnswerType::Number: {
        const double low = question.min ? std::ceil(*question.min) : 0.0;
        const double high = question.max ? std::floor(*question.max) : low + NumberSpan;
        for (double n = low; n <= high && n <= low + NumberSpan; n += 1.0) {
            out.emplace_back(n);
        }
        if (question.max && high > low + NumberSpan) {
            out.emplace_back(high);
        }
        break;
    }
    case nom::AnswerType::Instant:
        for (const int hours : LadderHours) {
            out.emplace_back(now - std::chrono::hours{hours});
        }
        break;
    case nom::AnswerType::DateRange:
        for (const int hours : LadderHours) {
            const Instant at = now - std::chrono::hours{hours};
            out.emplace_back(nom::DateRange{at, at});
        }
        break;
    }
    return out;
}

std::vector<OpeningQuestion> openingQuestions(const nom::EnquiryCatalogue& enquiries,
                                              const nom::QuestionCatalogue& questions,
                                              const nom::Facts& facts,
                                              Instant now)
{
    // Not proposed now. An entry that intrudes on the victim's private life is never a reason to ask a question:
    // such an enquiry is started deliberately, on a recorded line of enquiry, never prompted to open.
    std::vector<const nom::Enquiry*> waiting;
    for (const auto& entry : enquiries.entries()) {
        if (!entry.intrudesOnVictimPrivacy && !proposedNow(entry, facts, now)) {
            waiting.push_back(&entry);
        }
    }

    std::vector<OpeningQuestion> out;
    for (const nom::Question* question : questions.visibleQuestions(facts, now)) {
        if (facts.find(question->id) != facts.end()) {
            continue; // answered
        }
        std::vector<const nom::Enquiry*> candidates;
        for (const nom::Enquiry* entry : waiting) {
            if (namesFact(*entry, question->id)) {
                candidates.push_back(entry);
            }
        }
        if (candidates.empty()) {
            continue;
        }
        OpeningQuestion result;
        result.question = question;
        nom::Facts tried = facts;
        for (const auto& answer : candidateAnswers(*question, now)) {
            tried.insert_or_assign(question->id, answer);
            for (auto it = candidates.begin(); it != candidates.end();) {
                if (proposedNow(**it, tried, now)) {
                    result.opens.push_back(*it);
                    it = candidates.erase(it);
                } else {
                    ++it;
                }
            }
            if (candidates.empty()) {
                break;
            }
        }
        if (result.opens.empty()) {
            continue;
        }
        std::sort(result.opens.begin(), result.opens.end(), openedBefore);
        result.suspectFocused =
            static_cast<int>(std::count_if(result.opens.begin(), result.opens.end(), [](const nom::Enquiry* e) {
                return e->principle == nom::Principle::SuspectFocused;
            }));
        out.push_back(std::move(result));
    }
    std::stable_sort(out.begin(), out.end(), [](const OpeningQuestion& a, const OpeningQuestion& b) {
        if (a.opens.size() != b.opens.size()) {
            return a.opens.size() > b.opens.size();
        }
        if (a.suspectFocused != b.suspectFocused) {
            return a.suspectFocused > b.suspectFocused;
        }
        return a.question->order < b.question->order;
    });
    return out;
}

} // namespace wb::core::plan
