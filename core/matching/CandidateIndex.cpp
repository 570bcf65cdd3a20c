// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/CandidateIndex.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/Error.h"
#include "core/matching/Similarity.h"

namespace wb::core::matching {

namespace {

void addAll(std::vector<std::string>& keys, const char* prefix, const std::vector<std::string>& values)
{
    for (const auto& v : values) {
        keys.push_back(prefix + v);
    }
}

bool isSuspect(const PersonRecord& r)
{
    return r.role == PersonRole::Suspect;
}

constexpr std::uint32_t kNoMark = std::numeric_limits<std::uint32_t>::max();

bool startsWith(const std::string& text, const char* prefix)
{
    return text.rfind(prefix, 0) == 0;
}

} // namespace

CandidateIndex::CandidateIndex(const MatchModel& model, std::vector<PersonRecord> records)
    : m_model(model)
    , m_records(std::move(records))
    , m_scorer(model, &m_frequencies, model.priorWeightFor(m_records.size()))
{
    if (m_records.size() >= kNoMark) {
        throw Error(ErrorCode::Validation, "too many records for one matching index", "records");
    }
    m_prepared.reserve(m_records.size());
    for (const auto& record : m_records) {
        m_prepared.push_back(PreparedRecord::from(record));
    }
    m_recordBlocks.resize(m_records.size());
    m_recordReach.resize(m_records.size());
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        attach(static_cast<std::uint32_t>(i));
        if (m_records[i].personId != 0) {
            m_byPerson.emplace(m_records[i].personId, static_cast<std::uint32_t>(i));
        }
    }
}

std::vector<std::string> CandidateIndex::blockingKeys(const PreparedRecord& r)
{
    std::vector<std::string> keys;
    if (!r.familyCode.empty()) {
        // With the given name's initial: a surname code alone makes blocks that grow with the workspace (every
        // Smith against every Smith); swapped or mistyped given names are still found by the other keys.
        keys.push_back("f:" + r.familyCode + (r.given.empty() ? std::string{} : "|" + r.given.substr(0, 1)));
    }
    if (!r.givenCode.empty() && r.birthDate) {
        keys.push_back("g:" + r.givenCode + "|" + std::to_string(r.birthDate->year));
    }
    if (!r.givenCode.empty() && !r.familyCode.empty()) {
        keys.push_back("n:" + std::min(r.givenCode, r.familyCode) + "|" + std::max(r.givenCode, r.familyCode));
    }
    if (r.birthDate) {
        keys.push_back("d:" + std::to_string(r.birthDate->days));
    }
    addAll(keys, "p:", r.phones);
    addAll(keys, "e:", r.emails);
    addAll(keys, "h:", r.handles);
    addAll(keys, "v:", r.vehicles);
    addAll(keys, "i:", r.policeIds);
    for (const auto& code : r.postcodes) {
        keys.push_back("c:" + code.whole());
    }
    for (const auto& alias : r.aliases) {
        if (!alias.family.empty()) {
            keys.push_back("f:" + metaphone(alias.family));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

std::vector<std::string> CandidateIndex::keysOf(const PreparedRecord& r) const
{
    auto keys = blockingKeys(r);
    if (r.familyCode.empty() || r.given.empty()) {
        return keys;
    }
    bool added = false;
    for (const auto& formal : m_model.formalNamesOf(r.given)) {
        if (formal.front() != r.given.front()) {
            keys.push_back("f:" + r.familyCode + "|" + formal.substr(0, 1));
            added = true;
        }
    }
    if (added) {
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    }
    return keys;
}

std::optional<int> CandidateIndex::blockingYear(const PreparedRecord& r)
{
    if (r.birthDate) {
        return r.birthDate->year;
    }
    if (r.ageYears && r.ageOn) {
        return r.ageOn->year - *r.ageYears;
    }
    return std::nullopt;
}

std::vector<CandidateIndex::KeyParts> CandidateIndex::partsOf(const PreparedRecord& r) const
{
    const auto year = blockingYear(r);
    std::vector<KeyParts> out;
    for (auto& key : keysOf(r)) {
        KeyParts parts;
        if (startsWith(key, "f:") || startsWith(key, "n:")) {
            // A name block by birth year, dated ("d") and aged ("a") records apart; "?" holds the records with
            // neither, met by every record of the block.
            const char* kind = r.birthDate ? "#d" : "#a";
            parts.own = year ? key + kind + std::to_string(*year) : key + "#?";
            if (year) {
                const int datedReach = r.birthDate ? kSameKindYearReach : kYearReach;
                const int agedReach = r.birthDate ? kYearReach : kSameKindYearReach;
                for (int y = *year - datedReach; y <= *year + datedReach; ++y) {
                    parts.meets.push_back(key + "#d" + std::to_string(y));
                }
                for (int y = *year - agedReach; y <= *year + agedReach; ++y) {
                    parts.meets.push_back(key + "#a" + std::to_string(y));
                }
                parts.meets.push_back(key + "#?");
            }
        } else if (startsWith(key, "g:") && r.birthDate) {
            // A given name and birth year block by day and month, the smaller first: swapped ones share the part.
            const int low = std::min(r.birthDate->day, r.birthDate->month);
            const int high = std::max(r.birthDate->day, r.birthDate->month);
            parts.own = key + "#" + std::to_string(low) + "-" + std::to_string(high);
            parts.meets.push_back(parts.own);
        }
        parts.whole = std::move(key);
        out.push_back(std::move(parts));
    }
    return out;
}

void CandidateIndex::attach(std::uint32_t i)
{
    m_frequencies.add(m_prepared[i]);
    auto& mine = m_recordBlocks[i];
    auto& reach = m_recordReach[i];
    mine.clear();
    reach.clear();
    const auto join = [&](const std::string& key) -> Block& {
        Block& block = m_blocks[key];
        block.insert(std::lower_bound(block.begin(), block.end(), i), i);
        mine.push_back(&block);
        return block;
    };
    for (const auto& parts : partsOf(m_prepared[i])) {
        Reach r;
        r.whole = &join(parts.whole);
        if (!parts.own.empty()) {
            join(parts.own);
        }
        for (const auto& key : parts.meets) {
            r.meets.push_back(&m_blocks[key]); // created empty if no record is there yet: its address stays put
        }
        reach.push_back(std::move(r));
    }
}

template <typename Visit>
void CandidateIndex::visitReach(const Block* whole, const std::vector<const Block*>& meets, Visit visit) const
{
    if (whole->size() < 2 || meets.empty() || whole->size() <= m_model.splitBlockSize()) {
        if (whole->size() <= m_model.maxBlockSize()) {
            visit(*whole);
        }
        return;
    }
    for (const Block* part : meets) {
        if (part->size() <= m_model.maxBlockSize()) {
            visit(*part);
        }
    }
}

void CandidateIndex::detach(std::uint32_t i)
{
    m_frequencies.remove(m_prepared[i]);
    for (Block* block : m_recordBlocks[i]) {
        const auto at = std::lower_bound(block->begin(), block->end(), i);
        if (at != block->end() && *at == i) {
            block->erase(at);
        }
    }
    m_recordBlocks[i].clear(); // an emptied block stays in the map: other records' pointers stay valid
    m_recordReach[i].clear();
}

std::optional<std::size_t> CandidateIndex::indexOf(std::int64_t personId) const
{
    if (personId == 0) {
        return std::nullopt;
    }
    const auto it = m_byPerson.find(personId);
    if (it == m_byPerson.end()) {
        return std::nullopt;
    }
    return it->second;
}

void CandidateIndex::upsert(PersonRecord record)
{
    if (const auto at = indexOf(record.personId)) {
        const auto i = static_cast<std::uint32_t>(*at);
        detach(i);
        m_prepared[i] = PreparedRecord::from(record);
        m_records[i] = std::move(record);
        attach(i);
    } else {
        if (m_records.size() + 1 >= kNoMark) {
            throw Error(ErrorCode::Validation, "too many records for one matching index", "records");
        }
        const auto i = static_cast<std::uint32_t>(m_records.size());
        m_prepared.push_back(PreparedRecord::from(record));
        m_records.push_back(std::move(record));
        m_recordBlocks.emplace_back();
        m_recordReach.emplace_back();
        attach(i);
        if (m_records[i].personId != 0) {
            m_byPerson.emplace(m_records[i].personId, i);
        }
    }
    m_scorer.setPriorWeight(m_model.priorWeightFor(m_records.size()));
}

bool CandidateIndex::remove(std::int64_t personId)
{
    const auto at = indexOf(personId);
    if (!at) {
        return false;
    }
    const auto i = static_cast<std::uint32_t>(*at);
    const auto last = static_cast<std::uint32_t>(m_records.size() - 1);
    detach(i);
    m_byPerson.erase(personId);
    if (i != last) {
        // The last record takes the freed index: its blocks and its entry in the person map follow.
        for (Block* block : m_recordBlocks[last]) {
            block->erase(std::lower_bound(block->begin(), block->end(), last));
            block->insert(std::lower_bound(block->begin(), block->end(), i), i);
        }
        m_records[i] = std::move(m_records[last]);
        m_prepared[i] = std::move(m_prepared[last]);
        m_recordBlocks[i] = std::move(m_recordBlocks[last]);
        m_recordReach[i] = std::move(m_recordReach[last]);
        if (const auto it = m_byPerson.find(m_records[i].personId); it != m_byPerson.end() && it->second == last) {
            it->second = i;
        }
    }
    m_records.pop_back();
    m_prepared.pop_back();
    m_recordBlocks.pop_back();
    m_recordReach.pop_back();
    m_scorer.setPriorWeight(m_model.priorWeightFor(m_records.size()));
    return true;
}

std::vector<std::size_t> CandidateIndex::candidatesOf(const PreparedRecord& prepared, std::int64_t personId) const
{
    // A record in several of the subject's blocks is taken once: a mark per record, kept by the calling thread
    // between searches (a new number per search, so it is never cleared), instead of sorting every block's records.
    thread_local std::vector<std::uint32_t> mark;
    thread_local std::uint32_t search = 0;
    if (mark.size() < m_records.size()) {
        mark.resize(m_records.size(), 0);
    }
    if (++search == 0) { // wrapped round: forget every mark
        std::fill(mark.begin(), mark.end(), 0);
        search = 1;
    }
    std::vector<std::size_t> out;
    const auto take = [&](const Block& block) {
        for (const std::uint32_t i : block) {
            if (mark[i] != search) {
                mark[i] = search;
                if (personId == 0 || m_records[i].personId != personId) {
                    out.push_back(i);
                }
            }
        }
    };
    std::vector<const Block*> meets;
    for (const auto& parts : partsOf(prepared)) {
        const auto whole = m_blocks.find(parts.whole);
        if (whole == m_blocks.end()) {
            continue;
        }
        meets.clear();
        for (const auto& key : parts.meets) {
            if (const auto part = m_blocks.find(key); part != m_blocks.end()) {
                meets.push_back(&part->second);
            }
        }
        if (!parts.meets.empty() && meets.empty()) {
            // The subject meets parts of the block but no record is in any of them (a block split by year with no
            // one born near the subject): nothing to take from it, whether or not the block is split.
            if (whole->second.size() > m_model.splitBlockSize()) {
                continue;
            }
        }
        visitReach(&whole->second, meets, take);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::size_t> CandidateIndex::candidatesFor(const PersonRecord& record) const
{
    if (record.role == PersonRole::Victim) {
        return {};
    }
    return candidatesOf(PreparedRecord::from(record), record.personId);
}

double CandidateIndex::floorWeight() const
{
    const double t = m_model.threshold();
    return std::log2(t / (1.0 - t));
}

std::vector<Candidate> CandidateIndex::matchesFor(const PersonRecord& record) const
{
    std::vector<Candidate> out;
    if (record.role == PersonRole::Victim) {
        return out;
    }
    const PreparedRecord prepared = PreparedRecord::from(record); // once for every candidate
    const double floor = floorWeight();
    const auto bounds = m_scorer.nameBounds(prepared);
    for (const std::size_t i : candidatesOf(prepared, record.personId)) {
        const auto weight = m_scorer.weightIfReaches(prepared, m_prepared[i], floor, bounds);
        if (weight && MatchScorer::probability(*weight) >= m_model.threshold()) {
            out.push_back(Candidate{i, m_scorer.score(record, prepared, m_records[i], m_prepared[i])});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score.totalWeight > b.score.totalWeight; });
    return out;
}

bool CandidateIndex::mayPair(std::size_t a, std::size_t b) const
{
    if (a == b || (m_records[a].personId == m_records[b].personId && m_records[a].personId != 0)) {
        return false;
    }
    return isSuspect(m_records[a]) || isSuspect(m_records[b]);
}

void CandidateIndex::pairsOf(std::uint32_t i, std::vector<std::uint32_t>& mark, std::vector<std::uint32_t>& out) const
{
    out.clear();
    const auto takeTail = [&](const Block& block) {
        // Ascending: the records after i are the tail.
        for (auto it = std::upper_bound(block.begin(), block.end(), i); it != block.end(); ++it) {
            const std::uint32_t j = *it;
            if (mark[j] == i) {
                continue;
            }
            mark[j] = i;
            if (mayPair(i, j)) {
                out.push_back(j);
            }
        }
    };
    for (const Reach& reach : m_recordReach[i]) {
        visitReach(reach.whole, reach.meets, takeTail);
    }
    std::sort(out.begin(), out.end());
}

std::vector<std::pair<std::size_t, std::size_t>> CandidateIndex::allCandidatePairs() const
{
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<std::uint32_t> mark(m_records.size(), kNoMark);
    std::vector<std::uint32_t> others;
    for (std::uint32_t i = 0; i < m_records.size(); ++i) {
        pairsOf(i, mark, others);
        for (const std::uint32_t j : others) {
            pairs.emplace_back(i, j);
        }
    }
    return pairs;
}

std::vector<CandidatePair>
CandidateIndex::allMatches(const std::function<bool(std::size_t, std::size_t)>& progress) const
{
    std::vector<std::uint32_t> mark(m_records.size(), kNoMark);
    std::vector<std::uint32_t> others;
    std::size_t total = 0;
    if (progress) { // a first pass that only counts, for "n of total pairs compared"
        for (std::uint32_t i = 0; i < m_records.size(); ++i) {
            pairsOf(i, mark, others);
            total += others.size();
        }
        std::fill(mark.begin(), mark.end(), kNoMark);
    }
    std::vector<CandidatePair> out;
    constexpr std::size_t kProgressEvery = 4096;
    const double floor = floorWeight();
    std::size_t done = 0;
    std::size_t nextReport = 0;
    bool cancelled = false;
    for (std::uint32_t a = 0; a < m_records.size() && !cancelled; ++a) {
        pairsOf(a, mark, others);
        const auto bounds = others.empty() ? MatchScorer::NameBounds{} : m_scorer.nameBounds(m_prepared[a]);
        for (const std::uint32_t b : others) {
            if (progress && done >= nextReport) {
                nextReport = done + kProgressEvery;
                if (!progress(done, total)) {
                    cancelled = true;
                    break;
                }
            }
            ++done;
            const auto weight = m_scorer.weightIfReaches(m_prepared[a], m_prepared[b], floor, bounds);
            if (weight && MatchScorer::probability(*weight) >= m_model.threshold()) {
                out.push_back(
                    CandidatePair{a, b, m_scorer.score(m_records[a], m_prepared[a], m_records[b], m_prepared[b])});
            }
        }
    }
    if (progress && !cancelled) {
        progress(total, total);
    }
    std::stable_sort(out.begin(), out.end(), [](const CandidatePair& x, const CandidatePair& y) {
        return x.score.totalWeight > y.score.totalWeight;
    });
    return out;
}

} // namespace wb::core::matching
