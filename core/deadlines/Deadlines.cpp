// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/Deadlines.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/deadlines/Calendar.h"
#include "core/deadlines/Collector.h"
#include "core/deadlines/Engine.h"
#include "core/deadlines/RuleSet.h"

namespace wb::core::deadlines {

namespace {

constexpr std::array<std::pair<DueKind, std::string_view>, 11> KindNames{{
    {DueKind::VictimUpdate, "VictimUpdate"},
    {DueKind::DecisionExplained, "DecisionExplained"},
    {DueKind::AgreedUpdate, "AgreedUpdate"},
    {DueKind::SupportReferral, "SupportReferral"},
    {DueKind::BailEnd, "BailEnd"},
    {DueKind::RuiReview, "RuiReview"},
    {DueKind::ForensicWindow, "ForensicWindow"},
    {DueKind::DeviceReturn, "DeviceReturn"},
    {DueKind::SupervisoryReview, "SupervisoryReview"},
    {DueKind::EnquiryDue, "EnquiryDue"},
    {DueKind::Other, "Other"},
}};

bool isOpen(DueState state)
{
    return state == DueState::Overdue || state == DueState::DueToday || state == DueState::Upcoming;
}

} // namespace

std::string_view toString(DueKind kind) noexcept
{
    for (const auto& [k, name] : KindNames) {
        if (k == kind) {
            return name;
        }
    }
    return "Other";
}

std::optional<DueKind> dueKindFromString(std::string_view name) noexcept
{
    for (const auto& [k, n] : KindNames) {
        if (n == name) {
            return k;
        }
    }
    return std::nullopt;
}

std::string_view toString(DueState state) noexcept
{
    switch (state) {
    case DueState::Upcoming: return "Upcoming";
    case DueState::DueToday: return "DueToday";
    case DueState::Overdue: return "Overdue";
    case DueState::MetOnTime: return "MetOnTime";
    case DueState::MetLate: return "MetLate";
    }
    return "Upcoming";
}

std::string DueItem::key() const
{
    return ruleId + "|" + triggerUuid + "|" + std::to_string(personId);
}

DeadlineService DeadlineService::load(const std::filesystem::path& rulesFile,
                                      const std::filesystem::path& bankHolidaysFile,
                                      std::shared_ptr<const nom::EnquiryCatalogue> enquiries,
                                      std::shared_ptr<const nom::QuestionCatalogue> questions)
{
    DeadlineService service;
    service.m_rules = std::make_shared<const RuleSet>(RuleSet::fromFile(rulesFile));
    service.m_calendar = std::make_shared<const Calendar>(Calendar::fromFile(bankHolidaysFile));
    service.m_enquiries = std::move(enquiries);
    service.m_questions = std::move(questions);
    return service;
}

std::vector<DueItem> DeadlineService::forCase(Workspace& workspace, std::int64_t caseId, Instant now) const
{
    CaseSelection selection;
    selection.caseId = caseId;
    const auto snapshots =
        collectSnapshots(workspace.connectionForImport(), selection, m_questions.get(), m_enquiries != nullptr);
    if (snapshots.empty()) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(caseId));
    }
    return evaluateCase(*m_rules, *m_calendar, snapshots.front(), now, m_enquiries.get());
}

std::vector<DueItem>
DeadlineService::today(Workspace& workspace, Instant now, const DueFilter& filter, std::chrono::days horizon) const
{
    CaseSelection selection;
    selection.caseIds = filter.caseIds;
    const auto snapshots =
        collectSnapshots(workspace.connectionForImport(), selection, m_questions.get(), m_enquiries != nullptr);
    const Instant until = now + horizon;
    std::vector<DueItem> out;
    for (const auto& snapshot : snapshots) {
        for (auto& item : evaluateCase(*m_rules, *m_calendar, snapshot, now, m_enquiries.get())) {
            if (!filter.kinds.empty() &&
                std::find(filter.kinds.begin(), filter.kinds.end(), item.kind) == filter.kinds.end()) {
                continue;
            }
            const bool inView =
                item.state != DueState::Upcoming || item.due <= until || (item.warnFrom && *item.warnFrom <= now);
            if ((isOpen(item.state) && inView) || (filter.includeMet && !isOpen(item.state))) {
                out.push_back(std::move(item));
            }
        }
    }
    sortByUrgency(out);
    return out;
}

std::map<std::int64_t, CaseDueCounts> DeadlineService::countsByCase(Workspace& workspace, Instant now) const
{
    const auto snapshots =
        collectSnapshots(workspace.connectionForImport(), CaseSelection{}, m_questions.get(), m_enquiries != nullptr);
    const Instant week = now + std::chrono::days(7);
    std::map<std::int64_t, CaseDueCounts> counts;
    for (const auto& snapshot : snapshots) {
        auto& c = counts[snapshot.caseId];
        for (const auto& item : evaluateCase(*m_rules, *m_calendar, snapshot, now, m_enquiries.get())) {
            if (item.state == DueState::Overdue) {
                ++c.overdue;
            } else if (item.state == DueState::DueToday) {
                ++c.dueToday;
            } else if (item.state == DueState::Upcoming && item.due <= week) {
                ++c.upcoming;
            }
        }
    }
    return counts;
}

} // namespace wb::core::deadlines
