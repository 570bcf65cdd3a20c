// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/OutcomeGuards.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/LondonTime.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/records/SpecSupport.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/RecordRepository.h"

namespace wb::core::cases {

namespace {

constexpr std::string_view CommunityResolution = "8";
constexpr std::string_view EvidentialVictimSupports = "15";
constexpr std::string_view EvidentialVictimWithdraws = "16";

[[noreturn]] void refused(const char* field, const std::string& what)
{
    throw Error(ErrorCode::GuardrailRefused, std::string(field) + ": " + what, field);
}

bool hasRapeOffence(const CaseDraft& c)
{
    return isRapeOffence(c.primaryOffence) || std::any_of(c.otherOffences.begin(), c.otherOffences.end(),
                                                          [](const std::string& code) { return isRapeOffence(code); });
}

std::string isoDate(std::chrono::year_month_day d)
{
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

/// "YYYY-MM-DD" minus some days (the date is validated by the case repository before this runs).
std::string daysBefore(const std::string& date, int days)
{
    using namespace std::chrono;
    const year_month_day ymd{year{std::stoi(date.substr(0, 4))},
                             month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                             day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
    return isoDate(year_month_day{sys_days{ymd} - std::chrono::days{days}});
}

/// The London date of a stored UTC instant, empty when it does not parse.
std::string londonDay(const std::string& instant)
{
    const auto at = parseIsoUtc(instant);
    return at ? isoDate(london::date(*at)) : std::string();
}

/// Each victim's current wish: the latest entry that no later entry supersedes.
std::vector<Record> currentWishes(Workspace& ws, std::int64_t caseId)
{
    const auto all = ws.records().listForCase(recordSpec(recordtype::kVictimWish), caseId);
    std::set<std::string> superseded;
    for (const auto& r : all) {
        if (!r.get("supersedes_id").empty()) {
            superseded.insert(r.get("supersedes_id"));
        }
    }
    std::map<std::string, Record> latest; // victim id → entry
    for (const auto& r : all) {
        if (superseded.count(std::to_string(r.id)) != 0) {
            continue;
        }
        auto it = latest.find(r.get("victim_id"));
        if (it == latest.end() || it->second.get("recorded_at") < r.get("recorded_at")) {
            latest[r.get("victim_id")] = r;
        }
    }
    std::vector<Record> out;
    out.reserve(latest.size());
    for (auto& [victim, r] : latest) {
        out.push_back(std::move(r));
    }
    return out;
}

/// The withdrawal outcome 16 rests on; throws when there is none or it is incomplete. Returns its London date.
std::string checkWithdrawal(Workspace& ws, std::int64_t caseId)
{
    std::optional<Record> withdrawal;
    for (auto& wish : currentWishes(ws, caseId)) {
        if (wish.get("wish") == "withdrawn" &&
            (!withdrawal || withdrawal->get("recorded_at") < wish.get("recorded_at"))) {
            withdrawal = std::move(wish);
        }
    }
    if (!withdrawal) {
        refused("outcomeWithdrawal", "outcome 16 needs the victim's withdrawal recorded (the victim's wishes)");
    }
    if (withdrawal->get("spoken_directly").empty()) {
        refused("outcomeSpokenDirectly", "outcome 16 needs the withdrawal to record whether the victim was spoken to "
                                         "directly");
    }
    if (withdrawal->get("evidence_led_considered") != "yes") {
        refused("outcomeEvidenceLed", "outcome 16 needs the withdrawal to record that an evidence-led prosecution "
                                      "was considered, and the conclusion");
    }
    return londonDay(withdrawal->get("recorded_at"));
}

using specs::rankLevel;

/// A signed-off review by a sergeant or above, dated from `earliest` to the outcome date (London dates).
void checkReview(Workspace& ws, std::int64_t caseId, const std::string& earliest, const std::string& outcomeDate)
{
    const int sergeant = rankLevel(ws.lists(), "sergeant");
    for (const auto& review : ws.records().listForCase(recordSpec(recordtype::kReview), caseId)) {
        const std::string on = londonDay(review.get("reviewed_at"));
        if (review.get("signed_off") == "1" && rankLevel(ws.lists(), review.get("reviewer_rank")) >= sergeant &&
            !on.empty() && on >= earliest && on <= outcomeDate) {
            return;
        }
    }
    refused("outcomeSupervisoryReview",
            fmt::format("outcomes 15 and 16 need a signed-off supervisory review (sergeant or above) in the {} days "
                        "before the outcome date",
                        OutcomeReviewWindowDays));
}

} // namespace

bool isRapeOffence(std::string_view offenceCode) noexcept
{
    static constexpr std::array<std::string_view, 4> Rape{"SOA2003-s1", "SOA2003-s1-attempt", "SOA2003-s5",
                                                          "SOA1956-s1"};
    return std::find(Rape.begin(), Rape.end(), offenceCode) != Rape.end();
}

void checkNewCaseOutcome(const CaseDraft& draft)
{
    if (!draft.outcomeCode) {
        return;
    }
    if (*draft.outcomeCode == CommunityResolution && hasRapeOffence(draft)) {
        refused("outcomeCommunityResolution", "a community resolution (outcome 8) is never recorded for rape");
    }
    if (*draft.outcomeCode == EvidentialVictimWithdraws) {
        refused("outcomeWithdrawal", "outcome 16 needs the victim's withdrawal recorded: a new case has none");
    }
    if (*draft.outcomeCode == EvidentialVictimSupports) {
        refused("outcomeSupervisoryReview", "outcome 15 needs a supervisory review: a new case has none");
    }
}

void checkOutcome(Workspace& workspace, const Case& edited, const Case& before)
{
    if (!edited.outcomeCode) {
        return;
    }
    const std::string& code = *edited.outcomeCode;
    if (code == CommunityResolution && hasRapeOffence(edited)) {
        // Checked on every save, not only when the code changes: adding a rape offence to such a case is refused too.
        refused("outcomeCommunityResolution", "a community resolution (outcome 8) is never recorded for rape");
    }
    if (before.outcomeCode == edited.outcomeCode) {
        return; // an outcome recorded earlier is not re-judged when other details are saved
    }
    if (code != EvidentialVictimSupports && code != EvidentialVictimWithdraws) {
        return;
    }
    if (!edited.outcomeDate || !isValidIsoDate(*edited.outcomeDate)) {
        return; // the case repository refuses it, naming outcomeDate
    }
    std::string earliest = daysBefore(*edited.outcomeDate, OutcomeReviewWindowDays);
    if (code == EvidentialVictimWithdraws) {
        earliest = std::max(earliest, checkWithdrawal(workspace, edited.id));
    }
    checkReview(workspace, edited.id, earliest, *edited.outcomeDate);
}

} // namespace wb::core::cases
