// SPDX-License-Identifier: GPL-3.0-or-later
// "Enter each fact once" (issue 14): facts that a case's records already hold are read from the records, so the
// rules engine, the journey checklists, the context summary and the deadline snapshot see them without the officer
// answering the same thing again on Context. One function merges them with the context answers, with one stated
// precedence (mergeFacts); every reader goes through it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/ApproxDate.h"
#include "core/domain/Time.h"
#include "core/nom/Facts.h"

namespace wb::core::nom {

class QuestionCatalogue;

/// What a case's records say that a context question also asks: read by the caller from the workspace (the case's
/// Overview, People, relationships, ISVA referrals and bail records), so this file needs no repository.
struct CaseRecordFacts {
    struct PersonFacts {
        bool named = false;                     ///< a given or family name is recorded
        std::optional<std::string> dateOfBirth; ///< "YYYY-MM-DD"
        std::optional<int> ageYears;            ///< an age in years, recorded when the date of birth is not known
        bool interpreterNeeded = false;
    };
    struct Bail {
        std::string kind;      ///< "bail" or "rui"
        std::string startDate; ///< "YYYY-MM-DD"
        bool ended = false;
    };
    ApproxDate offenceDate;                          ///< Overview: when it happened
    std::vector<PersonFacts> victims;                ///< People: victims
    std::vector<PersonFacts> suspects;               ///< People: suspects
    std::vector<std::string> relationshipCategories; ///< People: victim-suspect relationships (relationship-types)
    std::vector<std::string> isvaAccepted;           ///< ISVA referrals: "yes", "no" or "undecided", one per referral
    std::vector<Bail> bails;                         ///< bail and RUI records
    /// People: the other cases in which a person confirmed the same as one of the suspects (repeat suspects, match
    /// decisions "same") is a suspect.
    int linkedSuspectCases = 0;
};

/// Which record a derived fact comes from; the UI words it ("From People: ...").
enum class RecordSource { People, Relationships, Overview, IsvaReferrals, Bail };

/// "people", "relationships", "overview", "isva-referrals", "bail".
std::string_view toString(RecordSource source) noexcept;

struct DerivedFact {
    FactValue value;
    RecordSource source = RecordSource::People;
};

using DerivedFacts = std::map<std::string, DerivedFact, std::less<>>;

/// The facts the records hold at `now`. A fact is derived only when the catalogue has its question and the value
/// passes the question's checks (so victim.ageAtOffence is derived only from a catalogue that asks it). The rules:
///   relationship.category    People relationships, when every relationship recorded has the same category
///   suspect.known            true when a suspect with a name is on People (never false: no suspect yet is not
///                            "not known")
///   suspect.under18          from the youngest named suspect's date of birth (age at `now`) or recorded age
///   suspect.interpreterNeeded true when a suspect on People needs an interpreter
///   suspect.status           the latest bail record (by start date) that has not ended: "on-bail" or
///                            "released-under-investigation"
///   victim.age               the youngest victim's age at `now` from the date of birth, else the age recorded
///   victim.ageAtOffence      the youngest victim's age on the day the offence happened (or began: the earliest day
///                            of the Overview's offence date), from the date of birth only (an age alone cannot give
///                            it to the year)
///   offence.period           the Overview's offence date as a range (a day, month or year: its first to its last
///                            second, London time; an exact time: that instant)
///   victim.supportedByIsva   true when an ISVA referral was accepted (an offer declined or undecided derives
///                            nothing: the offer can be made again)
///   suspect.linkedRassoReports the number of other cases linked through a suspect confirmed the same person
///                            (linkedSuspectCases), when at least one (no link in this workspace is not "none
///                            anywhere": reports elsewhere are still answered, or given as an override with a reason)
DerivedFacts deriveFacts(const CaseRecordFacts& records, const QuestionCatalogue& questions, Instant now);

/// A current context answer: the latest one to its question, not withdrawn.
struct CurrentAnswer {
    FactValue value;
    /// Set when the officer gave the answer to override a fact derived from the records, with the reason.
    std::optional<std::string> overrideReason;
};

using CurrentAnswers = std::map<std::string, CurrentAnswer, std::less<>>;

/// Where a merged fact comes from.
enum class FactOrigin {
    Answer,   ///< a context answer, no record holds this fact
    Record,   ///< derived from a record (a plain answer to the same question, if any, is set aside)
    Override, ///< a context answer given, with a reason, over the records
};

struct FactProvenance {
    FactOrigin origin = FactOrigin::Answer;
    std::optional<DerivedFact> derived; ///< what the records say, when they say anything (also under an override)
    std::string overrideReason;         ///< Override only
};

struct MergedFacts {
    Facts facts;
    std::map<std::string, FactProvenance, std::less<>> provenance; ///< one per key of `facts`
};

/// The one merge of a case's facts. Precedence, highest first:
///   1. an override: a context answer given with a reason (the officer knows better than the record, and said why);
///   2. a fact derived from the records (the record is where the officer keeps the detail, and it is kept up to
///      date there, so an earlier plain answer that disagrees no longer counts and the question is not asked again);
///   3. a plain context answer.
MergedFacts mergeFacts(const CurrentAnswers& answers, const DerivedFacts& derived);

} // namespace wb::core::nom
