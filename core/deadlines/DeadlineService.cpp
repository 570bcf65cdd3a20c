// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/DeadlineService.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <utility>

#include <sodium.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/deadlines/Calendar.h"
#include "core/deadlines/CaseEvaluation.h"
#include "core/deadlines/CollectSnapshots.h"
#include "core/deadlines/DueIndex.h"
#include "core/deadlines/RuleSet.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/QuestionCatalogue.h"

namespace wb::core::deadlines {

namespace {

constexpr std::array<std::pair<DueKind, std::string_view>, 15> KindNames{{
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
    {DueKind::CpsEarlyAdvice, "CpsEarlyAdvice"},
    {DueKind::RightToReview, "RightToReview"},
    {DueKind::VictimStatement, "VictimStatement"},
    {DueKind::Order, "Order"},
    {DueKind::Other, "Other"},
}};

bool isOpen(DueState state)
{
    return state == DueState::Overdue || state == DueState::DueToday || state == DueState::Upcoming;
}

/// Bump when the engine's logic or the stored item format changes within one app version.
constexpr std::string_view DueIndexFormat = "due-index 1";

std::string fileBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
    // Everything the stored due list depends on besides the records: when any of it changes, every
    // case is re-evaluated (refresh()).
    std::string basis;
    for (const std::string& part :
         {std::string(DueIndexFormat), std::string(WB_VERSION), fileBytes(rulesFile), fileBytes(bankHolidaysFile),
          service.m_enquiries ? "enquiries " + service.m_enquiries->version() : std::string("no enquiries"),
          service.m_questions ? "questions " + service.m_questions->version() : std::string("no questions")}) {
        basis += std::to_string(part.size()) + ":" + part;
    }
    std::array<unsigned char, 16> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(basis.data()), basis.size(),
                       nullptr, 0);
    std::array<char, 33> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    service.m_fingerprint = hex.data();
    return service;
}

std::size_t DeadlineService::refresh(Workspace& workspace,
                                     const std::function<void(std::size_t done, std::size_t total)>& progress) const
{
    DueIndexInputs inputs = dueIndexInputs();
    inputs.progress = progress;
    return refreshDueIndex(workspace.connectionForImport(), inputs).cases;
}

std::vector<std::string> DeadlineService::verifyStored(Workspace& workspace) const
{
    return verifyDueIndex(workspace.connectionForImport(), dueIndexInputs());
}

std::size_t DeadlineService::rebuildStored(Workspace& workspace) const
{
    return rebuildDueIndex(workspace.connectionForImport(), dueIndexInputs()).cases;
}

DueIndexInputs DeadlineService::dueIndexInputs() const
{
    DueIndexInputs inputs;
    inputs.rules = m_rules.get();
    inputs.calendar = m_calendar.get();
    inputs.enquiries = m_enquiries.get();
    inputs.questions = m_questions.get();
    inputs.fingerprint = m_fingerprint;
    return inputs;
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

std::vector<DueItem> DeadlineService::today(
    Workspace& workspace, Instant now, const DueFilter& filter, std::chrono::days horizon, std::size_t limit) const
{
    // Anything due before today ends is shown, however short the horizon.
    const Date tomorrow{std::chrono::sys_days{Calendar::londonDate(now)} + std::chrono::days(1)};
    const Instant endOfToday = Calendar::londonMidnight(tomorrow) - std::chrono::seconds(1);
    const Instant until = std::max(now + horizon, endOfToday);
    if (!filter.includeMet) {
        refresh(workspace);
        return storedOpenItems(workspace.connectionForImport(), now, until, filter, limit);
    }
    // Met items are not stored: evaluate every (selected) open case afresh.
    CaseSelection selection;
    selection.caseIds = filter.caseIds;
    const auto snapshots =
        collectSnapshots(workspace.connectionForImport(), selection, m_questions.get(), m_enquiries != nullptr);
    std::vector<DueItem> out;
    for (const auto& snapshot : snapshots) {
        for (auto& item : evaluateCase(*m_rules, *m_calendar, snapshot, now, m_enquiries.get())) {
            if (!filter.kinds.empty() &&
                std::find(filter.kinds.begin(), filter.kinds.end(), item.kind) == filter.kinds.end()) {
                continue;
            }
            const bool inView = item.due <= until || (item.warnFrom && *item.warnFrom <= now);
            if (!isOpen(item.state) || inView) {
                out.push_back(std::move(item));
            }
        }
    }
    sortByUrgency(out);
    if (limit > 0 && out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

std::map<std::int64_t, CaseDueCounts>
DeadlineService::countsByCase(Workspace& workspace, Instant now, const std::vector<std::int64_t>& caseIds) const
{
    refresh(workspace);
    return storedCounts(workspace.connectionForImport(), now, caseIds);
}

} // namespace wb::core::deadlines
