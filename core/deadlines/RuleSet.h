// SPDX-License-Identifier: GPL-3.0-or-later
// The deadline rules as data (resources/nom/deadline-rules.json): what starts each clock,
// how long it runs, what stops it, and where it is dealt with. See resources/nom/DEADLINES.md.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/deadlines/DeadlineService.h"

namespace wb::core::deadlines {

/// What starts a rule's clock. The engine knows how to read each from the case's records;
/// the rules file chooses which ones apply and with what limits.
enum class TriggerType {
    CaseEvent,         ///< "case-event": a case_events entry of one of `eventKinds` (per victim)
    BailRecord,        ///< "bail-record": a bail record of one of `bailKinds` ("bail", "rui"), from its start date (per
                       ///< victim)
    CaseReported,      ///< "case-reported": the case's reported_at (per victim, or per case with "per": "case")
    ContactPlan,       ///< "contact-plan": the victim's current contact plan, every frequency_days (per victim)
    BailPeriodEnd,     ///< "bail-period-end": the end of the applicable bail period, after any extension (per case)
    RuiReview,         ///< "rui-review": a planned review of a release under investigation (per case)
    ForensicWindow,    ///< "forensic-window": the enquiry catalogue's windows from offence.lastContactAt (per case)
    VictimDevice,      ///< "victim-device": a victim's device seized and not returned (per case, personId = owner)
    SupervisoryReview, ///< "supervisory-review": the next supervisory review after the last one (per case)
    EnquiryDue,        ///< "enquiry-due": a tracked line of enquiry's due date (per case)
    OrderHearing,      ///< "order-hearing": a DVPN/DAPN served; its hours disregard Sundays and holidays (per case)
    OrderExpiry,       ///< "order-expiry": an order's recorded expiry date (per case)
};

std::string_view toString(TriggerType type) noexcept;
std::optional<TriggerType> triggerTypeFromString(std::string_view name) noexcept;

/// How long a clock runs. Exactly one unit per offset.
struct Offset {
    enum class Unit {
        WorkingDays, ///< to the end (23:59:59 London) of the n-th working day after the trigger's London date
        Days,        ///< to the end of the London day n calendar days after the trigger's London date
        Hours,       ///< exactly n hours after the trigger instant
        Months,      ///< to the end of the London day n months after the trigger's London date
        FromRecord,  ///< the record says when (frequency_days, due_on, the bail period's end, the catalogue window)
    };
    Unit unit = Unit::WorkingDays;
    int amount = 0;

    /// "1 working day", "5 working days", "24 hours", "3 months", "as recorded".
    std::string describe() const;
};

/// What stops a rule's clock.
struct Satisfier {
    std::string text; ///< plain English for the UI ("a contact with the purpose ...")
    std::vector<std::string>
        contactPurposes;            ///< a contact with the victim of one of these purposes, at or after the trigger
    bool anyContact = false;        ///< a contact with the victim of any purpose (agreed updates)
    bool isvaReferral = false;      ///< an ISVA referral offered to the victim on or after the trigger's date
    bool supervisoryReview = false; ///< a supervisory review recorded at or after the trigger
    /// "caseEvents": a case event of one of these kinds at or after the trigger (early advice received, a review
    /// request acknowledged); for rules per case.
    std::vector<std::string> caseEvents;
    /// "explainedEvent": a contact meets the item only when it records that it explained the item's event
    /// (Right 6, issue 14); a contact recorded before contacts could say so meets it as before.
    bool explainedEvent = false;
};

/// One rule of deadline-rules.json.
struct Rule {
    std::string id;
    DueKind kind = DueKind::Other;
    std::string title;          ///< no personal data: "Tell the victim about the arrest"
    std::string detail;         ///< the basis, for victims without enhanced rights (or for every item)
    std::string enhancedDetail; ///< the basis when the victim has enhanced rights (empty: `detail`)
    std::string source;
    bool confirmed = false;
    bool target = false; ///< "target": a government or national aim, not a legal deadline (views say so)
    TriggerType trigger = TriggerType::CaseEvent;
    std::vector<std::string> eventKinds; ///< CaseEvent
    std::vector<std::string> bailKinds;  ///< BailRecord
    bool perCase = false; ///< CaseReported, CaseEvent: one item for the case, not one per victim ("per": "case")
    Offset offset;
    std::optional<Offset> enhanced; ///< the offset when the victim has enhanced rights
    std::optional<std::chrono::seconds> warnBefore;
    Satisfier satisfiedBy;
    DueAction action;             ///< record type and preset values; the engine adds victim, method and record id
    bool actionHasVictim = false; ///< the action's record type has a victim_id field (filled in per victim)
    bool actionHasMethod = false; ///< ... and a method field (filled in from the contact plan)

    /// Whether the rule makes one item per victim (true) or per case record (false).
    bool perVictim() const noexcept;
};

/// The loaded rules, validated. Immutable.
class RuleSet
{
public:
    /// Parses and validates. Throws Error(ReferenceData) "<origin>: rule <id>: '<field>' ..." naming the rule
    /// and field: wrong kind or format, missing version or source, a malformed or duplicate id, an unknown
    /// kind or trigger, a missing title, detail or source, 'confirmed' not a boolean, an offset without exactly
    /// one unit or with a number out of range, 'fromRecord' on a trigger that has no recorded date (or its
    /// absence on one that has), eventKinds/bailKinds missing or empty where the trigger needs them, an
    /// 'enhanced' offset on a rule that is not per victim, a satisfier the trigger cannot use, an unknown
    /// action record type or preset field, and any unknown key.
    static RuleSet fromJson(std::string_view json, std::string_view origin = "deadline-rules.json");
    static RuleSet fromFile(const std::filesystem::path& path);

    const std::string& version() const noexcept { return m_version; }
    const std::string& source() const noexcept { return m_source; }
    /// In file order.
    const std::vector<Rule>& rules() const noexcept { return m_rules; }
    /// nullptr when no rule has that id.
    const Rule* find(std::string_view id) const noexcept;

private:
    std::string m_version;
    std::string m_source;
    std::vector<Rule> m_rules;
};

} // namespace wb::core::deadlines
