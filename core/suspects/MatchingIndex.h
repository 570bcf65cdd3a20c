// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat suspects (issue 16): the matching engine over one open workspace. Owns the shipped model (loaded once) and
// a CandidateIndex of every person the workspace records; the screens ask it for the persons a suspect may be while
// the suspect is typed, and the whole-workspace scan (core/suspects/RepeatSuspects) runs over it.
// Victim rule: a victim is never the subject of a search: candidatesFor() gives none for a victim.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/matching/CandidateIndex.h"
#include "core/matching/MatchModel.h"
#include "core/matching/MatchTypes.h"
#include "core/repo/MatchDecisionRepository.h"

namespace wb::core {
class Workspace;
} // namespace wb::core

namespace wb::core::suspects {

/// A recorded person as a proposal shows them: their matching details (with case id and role) and the case's
/// reference.
struct MatchedPerson {
    matching::PersonRecord record;
    std::string caseReference;
};

/// A person the subject may be: the other person, the pair's score and the pair's current decision, if any
/// (undecided, or "different" with either person's details changed since).
struct MatchCandidate {
    MatchedPerson other;
    matching::MatchScore score;
    std::optional<MatchDecision> decision;
};

/// What candidatesFor() found.
struct CandidateResult {
    /// Awaiting the officer's decision: at or above the model's threshold, strongest first.
    std::vector<MatchCandidate> candidates;
    /// At or above the threshold and already decided "same": linked already (a person of interest), not proposed.
    std::vector<MatchCandidate> linked;
    /// At or above the threshold, decided "different" and neither person's details changed since: not shown.
    std::size_t suppressed = 0;
    /// True when the subject is a victim: no search is made for a victim.
    bool victimSubject = false;
};

class MatchingIndex
{
public:
    /// resources/matching/match-model.json under the data folder (Catalogues::loadFrom's folder).
    static std::filesystem::path modelFile(const std::filesystem::path& dataFolder);

    /// Loads the model from the data folder (Error(ReferenceData) naming the problem) and builds the index from
    /// every person of the workspace. The workspace must outlive the index.
    MatchingIndex(Workspace& workspace, const std::filesystem::path& dataFolder);
    /// The same with a model already loaded (tests, estimated models).
    MatchingIndex(Workspace& workspace, matching::MatchModel model);
    ~MatchingIndex();
    MatchingIndex(const MatchingIndex&) = delete;
    MatchingIndex& operator=(const MatchingIndex&) = delete;

    /// Reads every person of the workspace again and rebuilds the index (people added, changed or removed since).
    /// May run off the GUI thread; the caller serialises every use of the workspace and of this index.
    void rebuild();
    /// Rebuilds from records already read (PersonRecordSource::all()), so that only the building runs elsewhere.
    void rebuild(std::vector<matching::PersonRecord> records);
    /// Reads one person again (PersonRecordSource::find: their row and identifiers, two indexed queries) and updates
    /// the index for them alone: added, changed, or taken out when the workspace no longer holds them. What a save
    /// of one person needs instead of rebuild() (tests/bench MatchRefresh: a save plus this costs a few per cent
    /// more than the save alone at 100,000 persons). Same threading rule as rebuild().
    void refresh(std::int64_t personId);
    /// The same for each of several persons (a case's people, or PersonRecordSource::all(changedSince)'s).
    void refresh(const std::vector<std::int64_t>& personIds);

    /// The persons `subject` may be, at or above the threshold, strongest first. `subject` is a suspect being typed
    /// (not saved yet: personId 0, no uuid, its caseId the case it is typed in) or a saved one (as read, or with the
    /// details being edited). Never the subject themself nor a person of the subject's case; a subject who is not a
    /// suspect (a witness) is compared with suspects only (every decision needs one); a victim: none at all
    /// (victimSubject). Pairs decided "same" come back in `linked`, those decided "different" with no detail
    /// changed since are only counted (suppressed: core/suspects/Decisions awaitsDecision). Reads the current
    /// decisions and case references from the workspace; a person removed since the last rebuild is left out.
    CandidateResult candidatesFor(const matching::PersonRecord& subject) const;

    const matching::MatchModel& model() const noexcept { return *m_model; }
    const matching::CandidateIndex& index() const noexcept { return *m_index; }
    Workspace& workspace() const noexcept { return m_workspace; }

private:
    Workspace& m_workspace;
    std::unique_ptr<const matching::MatchModel> m_model; ///< its address stays put: the index refers to it
    std::unique_ptr<matching::CandidateIndex> m_index;
};

} // namespace wb::core::suspects
