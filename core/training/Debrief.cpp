// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/Debrief.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/deadlines/DeadlineService.h"
#include "core/deadlines/RuleSet.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/training/Exercise.h"

namespace wb::core::training {

namespace {

constexpr std::array<std::pair<LineOutcome, std::string_view>, 3> LineOutcomeNames{{
    {LineOutcome::Followed, "followed"},
    {LineOutcome::Declined, "declined"},
    {LineOutcome::Missed, "missed"},
}};

constexpr std::array<std::pair<DeadlineOutcome, std::string_view>, 6> DeadlineOutcomeNames{{
    {DeadlineOutcome::Met, "met"},
    {DeadlineOutcome::ClosedBeforeKnown, "closed-before-known"},
    {DeadlineOutcome::Late, "late"},
    {DeadlineOutcome::Missed, "missed"},
    {DeadlineOutcome::Open, "open"},
    {DeadlineOutcome::NotReached, "not-reached"},
}};

/// How bad an outcome is, for the rule's overall outcome: the worst of its items.
int severity(DeadlineOutcome outcome) noexcept
{
    switch (outcome) {
    case DeadlineOutcome::Missed: return 5;
    case DeadlineOutcome::Late: return 4;
    case DeadlineOutcome::Open: return 3;
    case DeadlineOutcome::Met: return 2;
    case DeadlineOutcome::ClosedBeforeKnown: return 1;
    case DeadlineOutcome::NotReached: return 0;
    }
    return 0;
}

DeadlineOutcome outcomeOf(deadlines::DueState state) noexcept
{
    switch (state) {
    case deadlines::DueState::MetOnTime: return DeadlineOutcome::Met;
    case deadlines::DueState::MetLate: return DeadlineOutcome::Late;
    case deadlines::DueState::Overdue: return DeadlineOutcome::Missed;
    case deadlines::DueState::Upcoming:
    case deadlines::DueState::DueToday: return DeadlineOutcome::Open;
    }
    return DeadlineOutcome::Open;
}

std::vector<LineResult>
lineResults(Workspace& workspace, std::int64_t caseId, const ScenarioPack& pack, const Catalogues& catalogues)
{
    const auto view =
        plan::build(workspace, caseId, *catalogues.enquiries, *catalogues.questions, workspace.clock().now());
    std::map<std::string, const plan::PlanItem*, std::less<>> choices;
    for (const auto* items : {&view.proposals, &view.noLongerApplies}) {
        for (const auto& item : *items) {
            choices.emplace(item.enquiryId, &item);
        }
    }
    std::vector<LineResult> out;
    for (const auto& line : pack.model.lines) {
        LineResult result;
        result.enquiry = line.enquiry;
        result.weight = line.weight;
        result.why = line.why;
        result.learningPoint = line.learningPoint;
        if (const auto* entry = catalogues.enquiries->find(line.enquiry)) {
            result.title = entry->title;
            result.principle = entry->principle;
        }
        const auto choice = choices.find(line.enquiry);
        if (choice != choices.end() && choice->second->choice == plan::Choice::Accepted && choice->second->enquiry) {
            result.outcome = LineOutcome::Followed;
            result.status = choice->second->enquiry->get("status");
        } else if (choice != choices.end() && choice->second->choice == plan::Choice::Declined &&
                   choice->second->decline) {
            result.outcome = LineOutcome::Declined;
            result.rationale = choice->second->decline->get("rationale");
        }
        out.push_back(std::move(result));
    }
    return out;
}

std::vector<DeadlineResult> deadlineResults(Workspace& workspace,
                                            std::int64_t caseId,
                                            const ScenarioPack& pack,
                                            const ExerciseState& state,
                                            const Catalogues& catalogues)
{
    const auto items = catalogues.deadlines->forCase(workspace, caseId, workspace.clock().now());
    std::vector<DeadlineResult> out;
    for (const auto& model : pack.model.deadlines) {
        DeadlineResult result;
        result.rule = model.rule;
        result.why = model.why;
        if (const auto* rule = catalogues.deadlines->rules().find(model.rule)) {
            result.title = rule->title;
        }
        for (const auto& item : items) {
            if (item.ruleId != model.rule) {
                continue;
            }
            DeadlineItemResult one{item.title, item.due, item.metAt, outcomeOf(item.state)};
            if (std::find(state.closedOnArrival.begin(), state.closedOnArrival.end(), item.key()) !=
                state.closedOnArrival.end()) {
                one.outcome = DeadlineOutcome::ClosedBeforeKnown;
            }
            if (severity(one.outcome) > severity(result.outcome)) {
                result.outcome = one.outcome;
            }
            result.items.push_back(std::move(one));
        }
        std::stable_sort(result.items.begin(), result.items.end(),
                         [](const DeadlineItemResult& a, const DeadlineItemResult& b) { return a.due < b.due; });
        out.push_back(std::move(result));
    }
    return out;
}

/// The record of the case that shows the choice (its uuid), or the catalogue id of the line adopted; nothing when
/// the trainee made no such choice.
std::optional<std::string> findChoice(Workspace& workspace,
                                      std::int64_t caseId,
                                      const ChoiceMatch& match,
                                      const std::vector<std::string>& packRecords)
{
    if (!match.enquiry.empty()) {
        for (const auto& r : workspace.records().listForCase(recordSpec(recordtype::kEnquiry), caseId)) {
            if (r.get("catalogue_id") == match.enquiry) {
                return r.uuid;
            }
        }
        return std::nullopt;
    }
    for (const auto& record : workspace.records().listForCase(recordSpec(match.recordType), caseId)) {
        const bool holds = std::all_of(match.equals.begin(), match.equals.end(),
                                       [&](const auto& field) { return record.get(field.first) == field.second; });
        const bool unrecorded = std::all_of(match.empty.begin(), match.empty.end(),
                                            [&](const std::string& field) { return record.get(field).empty(); });
        const bool fromPack = std::find(packRecords.begin(), packRecords.end(), record.uuid) != packRecords.end();
        if (holds && unrecorded && !fromPack) {
            return record.uuid;
        }
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(LineOutcome outcome) noexcept
{
    for (const auto& [value, name] : LineOutcomeNames) {
        if (value == outcome) {
            return name;
        }
    }
    return {};
}

std::optional<LineOutcome> lineOutcomeFromString(std::string_view name) noexcept
{
    for (const auto& [value, text] : LineOutcomeNames) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::string_view toString(DeadlineOutcome outcome) noexcept
{
    for (const auto& [value, name] : DeadlineOutcomeNames) {
        if (value == outcome) {
            return name;
        }
    }
    return {};
}

std::optional<DeadlineOutcome> deadlineOutcomeFromString(std::string_view name) noexcept
{
    for (const auto& [value, text] : DeadlineOutcomeNames) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

int Debrief::linesFollowed() const noexcept
{
    return static_cast<int>(std::count_if(lines.begin(), lines.end(),
                                          [](const LineResult& l) { return l.outcome == LineOutcome::Followed; }));
}

int Debrief::deadlinesWith(DeadlineOutcome outcome) const noexcept
{
    return static_cast<int>(std::count_if(deadlines.begin(), deadlines.end(),
                                          [&](const DeadlineResult& d) { return d.outcome == outcome; }));
}

Debrief makeDebrief(Workspace& workspace, const Catalogues& catalogues)
{
    const auto state = exerciseState(workspace);
    if (!state) {
        throw Error(ErrorCode::NotFound, "this workspace runs no exercise", "exercise");
    }
    const ScenarioPack pack = exercisePack(workspace, catalogues);
    const auto found = workspace.cases().findByUuid(state->caseUuid);
    if (!found) {
        throw Error(ErrorCode::NotFound, "the exercise's case is no longer in the workspace", "exercise");
    }
    const std::int64_t caseId = found->id;

    Debrief d;
    d.packId = pack.id;
    d.packVersion = pack.version;
    d.packTitle = pack.title;
    d.trainee = state->trainee;
    d.scenarioTime = workspace.clock().now();
    for (const auto& released : state->released) {
        if (const auto* inject = pack.findInject(released.injectId)) {
            d.injects.push_back(inject->title);
        }
    }
    d.lines = lineResults(workspace, caseId, pack, catalogues);
    d.deadlines = deadlineResults(workspace, caseId, pack, *state, catalogues);

    std::map<nom::Principle, PrincipleResult> byPrinciple;
    for (const auto& line : d.lines) {
        auto& p = byPrinciple[line.principle];
        p.principle = line.principle;
        ++p.lines;
        p.weight += line.weight;
        if (line.outcome == LineOutcome::Followed) {
            ++p.followed;
            p.weightFollowed += line.weight;
        }
    }
    for (const auto& [principle, result] : byPrinciple) {
        d.principles.push_back(result);
    }

    for (const auto& error : pack.model.errors) {
        const auto record = findChoice(workspace, caseId, error.match, state->packRecords);
        if (!record) {
            continue;
        }
        FlaggedChoice flagged;
        flagged.error = error.id;
        flagged.title = error.title;
        flagged.match = error.match;
        flagged.recordUuid = *record;
        if (const auto* point = pack.model.findLearningPoint(error.learningPoint)) {
            flagged.point = *point;
        }
        d.flagged.push_back(std::move(flagged));
    }

    std::set<std::string, std::less<>> wanted;
    for (const auto& line : d.lines) {
        if (line.outcome != LineOutcome::Followed && !line.learningPoint.empty()) {
            wanted.insert(line.learningPoint);
        }
    }
    for (const auto& flagged : d.flagged) {
        wanted.insert(flagged.point.id);
    }
    for (const auto& point : pack.model.learningPoints) {
        if (wanted.contains(point.id)) {
            d.learningPoints.push_back(point);
        }
    }

    auto decisions = workspace.records().listForCase(recordSpec(recordtype::kDecision), caseId);
    std::reverse(decisions.begin(), decisions.end()); // the log lists newest first
    for (const auto& r : decisions) {
        d.decisions.push_back({r.get("decided_at"), r.get("decision"), r.get("rationale")});
    }
    auto contacts = workspace.records().listForCase(recordSpec(recordtype::kContact), caseId);
    std::reverse(contacts.begin(), contacts.end());
    for (const auto& r : contacts) {
        d.contacts.push_back({r.get("contacted_at"), r.get("method"), r.get("purpose")});
    }
    return d;
}

} // namespace wb::core::training
