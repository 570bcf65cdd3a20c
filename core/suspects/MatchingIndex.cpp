// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/suspects/MatchingIndex.h"

#include <map>
#include <utility>

#include "core/Workspace.h"
#include "core/suspects/Decisions.h"

namespace wb::core::suspects {

namespace {

/// Who may be a candidate for the subject: never the subject or their case; a non-suspect subject only with suspects.
bool mayPair(const matching::PersonRecord& subject, const matching::PersonRecord& other)
{
    if (other.personId == subject.personId || (subject.caseId != 0 && other.caseId == subject.caseId)) {
        return false;
    }
    return subject.role == PersonRole::Suspect || other.role == PersonRole::Suspect;
}

} // namespace

std::filesystem::path MatchingIndex::modelFile(const std::filesystem::path& dataFolder)
{
    return dataFolder / "matching" / "match-model.json";
}

MatchingIndex::MatchingIndex(Workspace& workspace, const std::filesystem::path& dataFolder)
    : MatchingIndex(workspace, matching::MatchModel::load(modelFile(dataFolder)))
{
}

MatchingIndex::MatchingIndex(Workspace& workspace, matching::MatchModel model)
    : m_workspace(workspace)
    , m_model(std::make_unique<const matching::MatchModel>(std::move(model)))
{
    rebuild();
}

MatchingIndex::~MatchingIndex() = default;

void MatchingIndex::rebuild()
{
    rebuild(m_workspace.personRecords().all());
}

void MatchingIndex::rebuild(std::vector<matching::PersonRecord> records)
{
    m_index = std::make_unique<matching::CandidateIndex>(*m_model, std::move(records));
}

void MatchingIndex::refresh(std::int64_t personId)
{
    if (auto record = m_workspace.personRecords().find(personId)) {
        m_index->upsert(std::move(*record));
    } else {
        m_index->remove(personId);
    }
}

void MatchingIndex::refresh(const std::vector<std::int64_t>& personIds)
{
    for (const std::int64_t personId : personIds) {
        refresh(personId);
    }
}

CandidateResult MatchingIndex::candidatesFor(const matching::PersonRecord& subject) const
{
    CandidateResult result;
    if (subject.role == PersonRole::Victim) {
        result.victimSubject = true;
        return result;
    }
    std::map<std::int64_t, std::string> references; // case id → reference, read once each
    const auto referenceOf = [&](std::int64_t caseId) -> std::optional<std::string> {
        if (const auto it = references.find(caseId); it != references.end()) {
            return it->second;
        }
        const auto found = m_workspace.cases().find(caseId);
        if (!found) {
            return std::nullopt;
        }
        return references.emplace(caseId, found->reference).first->second;
    };
    for (auto& match : m_index->matchesFor(subject)) {
        const matching::PersonRecord& other = m_index->records()[match.index];
        if (!mayPair(subject, other) || !m_workspace.people().find(other.personId)) {
            continue; // the subject's own case, or removed since the index was built
        }
        auto reference = referenceOf(other.caseId);
        if (!reference) {
            continue;
        }
        std::optional<MatchDecision> current;
        if (!subject.personUuid.empty()) {
            current = m_workspace.matchDecisions().current(PersonPair::of(subject.personUuid, other.personUuid));
        }
        MatchCandidate candidate{MatchedPerson{other, std::move(*reference)}, std::move(match.score), current};
        if (current && current->verdict == MatchVerdict::Same) {
            result.linked.push_back(std::move(candidate));
        } else if (awaitsDecision(current, subject, other)) {
            result.candidates.push_back(std::move(candidate));
        } else {
            ++result.suppressed;
        }
    }
    return result;
}

} // namespace wb::core::suspects
