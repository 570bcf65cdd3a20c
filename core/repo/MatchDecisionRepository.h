// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/signals2/signal.hpp>

#include "core/audit/AuditLog.h"
#include "core/domain/Time.h"
#include "core/repo/Connection.h"

namespace wb::core {

/// An officer's decision on a pair of persons (repeat suspects, issue 16).
enum class MatchVerdict {
    Same,      ///< the same person: the pair joins one person of interest (core/suspects/PersonsOfInterest)
    Different, ///< different people: not proposed again unless either one's details change
    Undecided, ///< looked at, not decided yet: still awaiting a decision
};

std::string_view toString(MatchVerdict verdict) noexcept;
std::optional<MatchVerdict> matchVerdictFromString(std::string_view text) noexcept;

/// Two persons by uuid, in one order (first < second): (A, B) and (B, A) are the same pair.
struct PersonPair {
    std::string first;
    std::string second;

    /// The pair of `a` and `b` in its stored order.
    static PersonPair of(std::string a, std::string b);
    bool operator==(const PersonPair&) const = default;
    auto operator<=>(const PersonPair&) const = default;
};

/// A current "same" decision between two persons still recorded, with each one's case and role (as stored).
struct SameLink {
    struct End {
        std::string uuid;
        std::int64_t caseId = 0;
        std::string role;
    };
    End first;
    End second;
};

/// A decision to record. The persons in any order; each fingerprint (core/matching/Fingerprint) belongs to the
/// person beside it.
struct MatchDecisionDraft {
    std::string personA; ///< uuid
    std::string personB; ///< uuid
    MatchVerdict verdict = MatchVerdict::Undecided;
    std::string rationale; ///< required: why (several lines allowed)
    std::string fingerprintA;
    std::string fingerprintB;
};

/// One stored decision: a row is never changed; a revision is a newer row for the same pair.
struct MatchDecision {
    std::int64_t id = 0;
    std::string uuid;
    PersonPair pair;
    MatchVerdict verdict = MatchVerdict::Undecided;
    std::string rationale;
    std::string decidedBy; ///< the workspace owner (the audit log's actor)
    Instant decidedAt{};
    std::string fingerprintFirst;  ///< of pair.first when decided
    std::string fingerprintSecond; ///< of pair.second when decided

    /// The fingerprint recorded for one person of the pair (empty when not in it).
    const std::string& fingerprintOf(std::string_view personUuid) const noexcept;
};

/// Decisions on pairs of persons, kept in `match_decisions` (schema 15): every decision a new row, audited,
/// the latest of a pair its current decision. Same transaction and signal rules as the other repositories.
/// The checks of who may be paired (existing persons, a suspect among them, never two victims) are the use
/// cases' (core/suspects/Decisions), which know the people; this checks the row itself.
class MatchDecisionRepository
{
public:
    struct Event {
        ChangeKind kind; ///< always Added: decisions are never changed or removed
        MatchDecision decision;
    };

    explicit MatchDecisionRepository(const Connection& connection);

    /// Stores a new decision for the pair, decided by the workspace owner now. Throws Error(Validation) naming
    /// the field: "personA"/"personB" (not a uuid, or the same person twice), "rationale" (blank, over 4,000
    /// characters, or control characters other than line breaks and tabs), "fingerprintA"/"fingerprintB" (blank).
    MatchDecision record(const MatchDecisionDraft& draft);

    /// Stores a decision brought by a handover bundle as it was made: its uuid, pair, verdict, rationale, who
    /// decided and when, and the fingerprints are kept (the pair put in its stored order, the fingerprints with
    /// it). Audited as a creation by `actor` (the importing officer) with `notes`, the decider and time noted as
    /// the bundle's. The same checks as record(), and "uuid" (not a uuid, or already used by a decision here),
    /// "decidedBy" (blank or too long). Whether the pair may take it (no conflicting decision here, the victim
    /// rule) is the caller's (core/io's bundle import).
    MatchDecision
    import(const MatchDecision& incoming, const std::string& actor, const std::vector<audit::FieldChange>& notes = {});

    /// The pair's current decision (its latest), if any.
    std::optional<MatchDecision> current(const PersonPair& pair) const;
    /// Every decision on the pair, oldest first (the last is current).
    std::vector<MatchDecision> history(const PersonPair& pair) const;
    /// The current decision of every decided pair, oldest first.
    std::vector<MatchDecision> allCurrent() const;
    /// The current decisions of the pairs one person is in, oldest first.
    std::vector<MatchDecision> currentFor(std::string_view personUuid) const;
    /// Every current "same" decision whose two persons are still recorded, oldest first (readSameLinks).
    std::vector<SameLink> sameLinks() const;
    /// The same on a connection of its own (the due list's evaluation of the whole workspace).
    static std::vector<SameLink> readSameLinks(store::Database& db);

    boost::signals2::signal<void(const Event&)> changed;

private:
    static void checkPersons(const std::string& personA, const std::string& personB);
    MatchDecision
    insert(MatchDecision decision, const std::string& actor, const std::vector<audit::FieldChange>& notes);

    const Connection& m_connection;
};

} // namespace wb::core
