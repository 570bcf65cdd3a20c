// SPDX-License-Identifier: GPL-3.0-or-later
// The deadline engine's public API (issue 5): what is due, for which case, by when,
// what satisfies it, and whether it was met on time. The rules are data
// (resources/nom/deadline-rules.json); working days follow the bank holidays of
// England and Wales (resources/reference/bank-holidays-england-wales.json).
// Instants are UTC; days and "end of day" are counted in Europe/London.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Time.h"
#include "core/records/RecordSpec.h"

namespace wb::core {
class Workspace;
namespace nom {
class EnquiryCatalogue;
class QuestionCatalogue;
} // namespace nom
} // namespace wb::core

namespace wb::core::deadlines {

/// What kind of deadline an item is (used for filtering and icons).
enum class DueKind {
    VictimUpdate,      ///< Right 6: tell the victim about an arrest, interview, release, bail, RUI, bail change
    DecisionExplained, ///< a decision not to investigate (or NFA) explained to the victim
    AgreedUpdate,      ///< the update frequency agreed in the contact plan
    SupportReferral,   ///< Right 4: referral to support services
    BailEnd,           ///< an applicable bail period ends (and the warning before it)
    RuiReview,         ///< a review of a release under investigation
    ForensicWindow,    ///< a forensic sampling window counted from the time of last contact
    DeviceReturn,      ///< a victim's device held for more than 24 hours without a swap
    SupervisoryReview, ///< a supervisory review point
    EnquiryDue,        ///< a tracked line of enquiry's due date
    CpsEarlyAdvice,    ///< CPS early advice awaited (21 days from the request, issue 14)
    RightToReview,     ///< Victims' Right to Review: acknowledgement, result, the CPS prompt-request window
    VictimStatement,   ///< Victims' Code Right 7: the Victim Personal Statement offered
    Order,             ///< an order or notice: the hearing after a DVPN/DAPN, an order's expiry
    Other,             ///< any other rule a force adds
};

std::string_view toString(DueKind kind) noexcept;
std::optional<DueKind> dueKindFromString(std::string_view name) noexcept;

enum class DueState {
    Upcoming,  ///< due later than today (Europe/London)
    DueToday,  ///< due today (Europe/London) and not yet past
    Overdue,   ///< past its due instant and not met
    MetOnTime, ///< met at or before the due instant
    MetLate,   ///< met after the due instant: lateness is recorded, not hidden
};

std::string_view toString(DueState state) noexcept;

/// Where an item is dealt with: a new record of `recordType` with these values prefilled
/// (e.g. a contact with purpose "event-notification" for the victim), or an existing record
/// to open (recordId != 0, e.g. the enquiry that is due).
struct DueAction {
    std::string recordType;
    std::int64_t recordId = 0;
    Values preset;
};

/// One due item.
struct DueItem {
    std::string ruleId; ///< the rule in deadline-rules.json, e.g. "right6-arrest"
    DueKind kind = DueKind::Other;
    std::int64_t caseId = 0;
    std::string caseReference;
    std::int64_t personId = 0; ///< the victim it concerns, 0 when it concerns the case
    std::string title;         ///< plain English, no personal data: "Tell the victim about the arrest"
    std::string detail;        ///< why and the basis: "Victims' Code Right 6: within 1 working day (enhanced rights)"
    std::string source;        ///< provenance of the rule (the brief's section and tag)
    bool confirmed = false;    ///< the brief's [C] tag for the rule
    Instant triggeredAt{};     ///< the event it counts from
    Instant due{};             ///< the instant it must be met by (end of the working day, Europe/London, for day rules)
    /// The deadline has a time of its own (hours from an instant: a forensic window, a device held 24 hours, an
    /// accepted enquiry due when its window closes). False: it runs to the end of a London day, so views show the
    /// date only, never "23:59".
    bool timed = false;
    /// A target (a government or national aim), not a legal deadline: views say so (the 24-hour phone return).
    bool target = false;
    std::optional<Instant> warnFrom; ///< shown as upcoming from here (e.g. 14 days before a bail period ends)
    DueState state = DueState::Upcoming;
    std::optional<Instant> metAt; ///< when it was met
    std::string satisfiedBy; ///< what meets it, in plain English: "a contact with the purpose 'event notification'"
    std::string triggerUuid; ///< the record the item arose from (stable across evaluations)
    DueAction action;

    /// Stable identity for the UI: rule + trigger record + person.
    std::string key() const;
};

/// Filters for the Today list. Empty sets mean "all".
struct DueFilter {
    std::vector<DueKind> kinds;
    std::vector<std::int64_t> caseIds;
    bool includeMet = false; ///< met items are kept for the case's own view; Today shows open ones
};

/// Counts for the case list.
struct CaseDueCounts {
    int overdue = 0;
    int dueToday = 0;
    int upcoming = 0; ///< upcoming items within the next 7 days
};

class Calendar;
class RuleSet;
struct DueIndexInputs;

/// Evaluates the rules against a workspace's records. Holds the loaded rules and calendar;
/// cheap to copy (shared, immutable data). Thread-compatible: one call at a time per workspace.
class DeadlineService
{
public:
    /// Loads deadline-rules.json and the bank-holiday file; throws Error(ReferenceData) naming the file,
    /// entry and field for bad data.
    static DeadlineService load(const std::filesystem::path& rulesFile,
                                const std::filesystem::path& bankHolidaysFile,
                                std::shared_ptr<const nom::EnquiryCatalogue> enquiries,
                                std::shared_ptr<const nom::QuestionCatalogue> questions);

    /// Every item of one case (met ones included), most urgent first.
    std::vector<DueItem> forCase(Workspace& workspace, std::int64_t caseId, Instant now) const;
    /// Open items (upcoming within `horizon`, due today, overdue) across every open case, most urgent first:
    /// overdue (oldest first), then due today, then upcoming by due instant. At most `limit` items
    /// (0 = all): ask for one more than you show to know whether there are more.
    ///
    /// Read from the stored due list (schema 8), brought up to date first (refresh()): an indexed read
    /// that stops at the limit, however many cases the workspace holds. With filter.includeMet the
    /// met items are wanted too, which are not stored: every open case is then evaluated afresh.
    std::vector<DueItem> today(Workspace& workspace,
                               Instant now,
                               const DueFilter& filter = {},
                               std::chrono::days horizon = std::chrono::days(14),
                               std::size_t limit = 0) const;
    /// Counts per open case with anything due within 7 days, for the case list; only `caseIds` when
    /// given (each listed case gets an entry, zero when nothing is due). From the stored due list.
    std::map<std::int64_t, CaseDueCounts>
    countsByCase(Workspace& workspace, Instant now, const std::vector<std::int64_t>& caseIds = {}) const;
    /// Brings the stored due list up to date: re-evaluates the cases changed since it was last brought
    /// up to date, or every case when the rules, bank holidays, catalogues or app version changed.
    /// Returns the number of cases re-evaluated. today() and countsByCase() call it. progress, when
    /// given, is called with (cases done, cases to do) before the first batch and after each one.
    std::size_t refresh(Workspace& workspace,
                        const std::function<void(std::size_t done, std::size_t total)>& progress = {}) const;
    /// Compares the stored due list with a fresh evaluation (deadlines::verifyDueIndex); reads only.
    std::vector<std::string> verifyStored(Workspace& workspace) const;
    /// Empties the stored due list and rebuilds it (`repair`); returns the cases re-evaluated.
    std::size_t rebuildStored(Workspace& workspace) const;
    /// What the stored due list was built from (a BLAKE2b hash, hex).
    const std::string& fingerprint() const noexcept { return m_fingerprint; }

    const Calendar& calendar() const noexcept { return *m_calendar; }
    const RuleSet& rules() const noexcept { return *m_rules; }

private:
    DueIndexInputs dueIndexInputs() const;

    std::shared_ptr<const Calendar> m_calendar;
    std::shared_ptr<const RuleSet> m_rules;
    std::shared_ptr<const nom::EnquiryCatalogue> m_enquiries;
    std::shared_ptr<const nom::QuestionCatalogue> m_questions;
    std::string m_fingerprint;
};

} // namespace wb::core::deadlines
