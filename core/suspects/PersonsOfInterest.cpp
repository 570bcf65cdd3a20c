// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/suspects/PersonsOfInterest.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include <boost/pending/disjoint_sets.hpp>

#include "core/Workspace.h"
#include "core/store/Database.h"

namespace wb::core::suspects {

namespace {

/// Persons and cases read once each while groups are built.
class Lookup
{
public:
    explicit Lookup(Workspace& workspace)
        : m_workspace(workspace)
    {
    }
    const std::optional<Person>& person(const std::string& uuid)
    {
        const auto it = m_people.find(uuid);
        if (it != m_people.end()) {
            return it->second;
        }
        return m_people.emplace(uuid, m_workspace.people().findByUuid(uuid)).first->second;
    }
    bool exists(const std::string& uuid) { return person(uuid).has_value(); }
    const std::optional<Case>& caseOf(std::int64_t caseId)
    {
        const auto it = m_cases.find(caseId);
        if (it != m_cases.end()) {
            return it->second;
        }
        return m_cases.emplace(caseId, m_workspace.cases().find(caseId)).first->second;
    }

private:
    Workspace& m_workspace;
    std::map<std::string, std::optional<Person>> m_people;
    std::map<std::int64_t, std::optional<Case>> m_cases;
};

bool joins(const MatchDecision& d, Lookup& lookup)
{
    return d.verdict == MatchVerdict::Same && lookup.exists(d.pair.first) && lookup.exists(d.pair.second);
}

/// A group from its members' uuids and the current decisions among them (`decisions` may hold others too).
PersonOfInterest group(const std::set<std::string>& uuids, const std::vector<MatchDecision>& decisions, Lookup& lookup)
{
    PersonOfInterest poi;
    for (const auto& uuid : uuids) {
        const auto& person = lookup.person(uuid);
        const auto& caseRecord = lookup.caseOf(person->caseId);
        if (caseRecord) {
            poi.members.push_back({*person, *caseRecord});
        }
    }
    std::sort(poi.members.begin(), poi.members.end(), [](const auto& x, const auto& y) {
        return std::tie(x.caseRecord.reference, x.person.id) < std::tie(y.caseRecord.reference, y.person.id);
    });
    for (const auto& d : decisions) {
        if (uuids.count(d.pair.first) == 0 || uuids.count(d.pair.second) == 0) {
            continue;
        }
        (d.verdict == MatchVerdict::Same ? poi.links : poi.conflicts).push_back(d);
    }
    const auto byId = [](const MatchDecision& x, const MatchDecision& y) { return x.id < y.id; };
    std::sort(poi.links.begin(), poi.links.end(), byId);
    std::sort(poi.conflicts.begin(), poi.conflicts.end(), byId);
    return poi;
}

} // namespace

std::size_t PersonOfInterest::caseCount() const
{
    std::set<std::int64_t> cases;
    for (const auto& m : members) {
        cases.insert(m.caseRecord.id);
    }
    return cases.size();
}

std::size_t PersonOfInterest::suspectCaseCount() const
{
    std::set<std::int64_t> cases;
    for (const auto& m : members) {
        if (m.person.role == PersonRole::Suspect) {
            cases.insert(m.caseRecord.id);
        }
    }
    return cases.size();
}

std::vector<PersonOfInterest> personsOfInterest(Workspace& workspace)
{
    Lookup lookup(workspace);
    const auto decisions = workspace.matchDecisions().allCurrent();
    std::map<std::string, std::size_t> index; // uuid → element of the disjoint sets
    std::vector<std::string> uuids;
    const auto elementOf = [&](const std::string& uuid) {
        const auto [it, added] = index.emplace(uuid, uuids.size());
        if (added) {
            uuids.push_back(uuid);
        }
        return it->second;
    };
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (const auto& d : decisions) {
        if (joins(d, lookup)) {
            edges.emplace_back(elementOf(d.pair.first), elementOf(d.pair.second));
        }
    }
    boost::disjoint_sets_with_storage<> sets(uuids.size());
    for (std::size_t i = 0; i < uuids.size(); ++i) {
        sets.make_set(i);
    }
    for (const auto& [x, y] : edges) {
        sets.union_set(x, y);
    }
    std::map<std::size_t, std::set<std::string>> groups; // representative → members
    for (std::size_t i = 0; i < uuids.size(); ++i) {
        groups[sets.find_set(i)].insert(uuids[i]);
    }
    std::vector<PersonOfInterest> out;
    for (const auto& [representative, members] : groups) {
        PersonOfInterest poi = group(members, decisions, lookup);
        if (poi.members.size() >= 2) {
            out.push_back(std::move(poi));
        }
    }
    std::sort(out.begin(), out.end(), [](const PersonOfInterest& x, const PersonOfInterest& y) {
        if (x.caseCount() != y.caseCount()) {
            return x.caseCount() > y.caseCount();
        }
        return x.links.front().id < y.links.front().id;
    });
    return out;
}

std::map<std::int64_t, std::set<std::int64_t>> linkedSuspectCaseSets(const std::vector<SameLink>& links)
{
    struct Member {
        std::int64_t caseId;
        bool suspect;
    };
    std::map<std::string, std::size_t> index; // uuid → element of the disjoint sets
    std::vector<Member> members;
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    const auto elementOf = [&](const SameLink::End& end) {
        const auto [it, added] = index.emplace(end.uuid, members.size());
        if (added) {
            members.push_back({end.caseId, end.role == toString(PersonRole::Suspect)});
        }
        return it->second;
    };
    edges.reserve(links.size());
    for (const auto& link : links) {
        edges.emplace_back(elementOf(link.first), elementOf(link.second));
    }
    boost::disjoint_sets_with_storage<> sets(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
        sets.make_set(i);
    }
    for (const auto& [x, y] : edges) {
        sets.union_set(x, y);
    }
    std::map<std::size_t, std::set<std::int64_t>> suspectCases; // representative → cases where a member is a suspect
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (members[i].suspect) {
            suspectCases[sets.find_set(i)].insert(members[i].caseId);
        }
    }
    std::map<std::int64_t, std::set<std::int64_t>> linked; // case → the other cases linked through its suspects
    for (const auto& [representative, cases] : suspectCases) {
        for (const std::int64_t c : cases) {
            for (const std::int64_t other : cases) {
                if (other != c) {
                    linked[c].insert(other);
                }
            }
        }
    }
    return linked;
}

std::unordered_map<std::int64_t, int> linkedSuspectCaseCounts(store::Database& db)
{
    std::unordered_map<std::int64_t, int> out;
    for (const auto& [caseId, others] : linkedSuspectCaseSets(MatchDecisionRepository::readSameLinks(db))) {
        out.emplace(caseId, static_cast<int>(others.size()));
    }
    return out;
}

std::optional<PersonOfInterest> personOfInterestFor(Workspace& workspace, std::int64_t personId)
{
    const auto start = workspace.people().find(personId);
    if (!start) {
        return std::nullopt;
    }
    Lookup lookup(workspace);
    // Breadth first along the current "same" decisions, reading each member's decisions once.
    std::set<std::string> members{start->uuid};
    std::deque<std::string> queue{start->uuid};
    std::map<std::int64_t, MatchDecision> seen; // decision id → decision: every current decision of a member
    while (!queue.empty()) {
        const std::string uuid = queue.front();
        queue.pop_front();
        for (const auto& d : workspace.matchDecisions().currentFor(uuid)) {
            seen.emplace(d.id, d);
            if (!joins(d, lookup)) {
                continue;
            }
            const std::string& other = d.pair.first == uuid ? d.pair.second : d.pair.first;
            if (members.insert(other).second) {
                queue.push_back(other);
            }
        }
    }
    if (members.size() < 2) {
        return std::nullopt;
    }
    std::vector<MatchDecision> decisions;
    decisions.reserve(seen.size());
    for (auto& [id, d] : seen) {
        decisions.push_back(std::move(d));
    }
    PersonOfInterest poi = group(members, decisions, lookup);
    if (poi.members.size() < 2) {
        return std::nullopt;
    }
    return poi;
}

} // namespace wb::core::suspects
