// SPDX-License-Identifier: GPL-3.0-or-later
// Search and person lookup across every case (encrypted and plain).
#include <cstddef>
#include <string>

#include "core/repo/SearchIndex.h"
#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace wb::bench {

namespace {

/// What an officer types into search: a surname (about one person in 1,200 has each).
std::string searchTerm(core::store::Database& db)
{
    return db.queryText("SELECT family_name FROM people ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 3 FROM people)")
        .value_or("Bramwick");
}

void BM_Search_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    const auto term = searchTerm(ws.connectionForImport());
    std::size_t hits = 0;
    for (auto _ : state) {
        auto found = ws.search(term);
        hits = found.size();
        benchmark::DoNotOptimize(found.data());
    }
    state.counters["items"] = static_cast<double>(hits);
}

void BM_Search_plain(benchmark::State& state)
{
    auto& ws = plain(static_cast<int>(state.range(0)));
    const auto term = searchTerm(*ws.db);
    for (auto _ : state) {
        auto found = core::search::find(*ws.db, term);
        benchmark::DoNotOptimize(found.data());
    }
}

/// A person from the middle of the workspace to look for.
core::Person someone(core::store::Database& db, core::PersonRepository& people)
{
    const auto id = db.queryInt("SELECT id FROM people ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM people)");
    return *people.find(id);
}

std::string phoneOf(core::store::Database& db, std::int64_t personId)
{
    return db
        .queryText("SELECT value FROM person_identifiers WHERE kind = 'phone' AND person_id = " +
                   std::to_string(personId))
        .value_or("07700 900000");
}

enum class LookupBy { Name, BirthDate, Phone };

core::PersonRepository::Lookup lookupFor(LookupBy by, const core::Person& p, const std::string& phone)
{
    core::PersonRepository::Lookup q;
    switch (by) {
    case LookupBy::Name:
        q.familyName = p.familyName;
        q.givenName = p.givenName;
        break;
    case LookupBy::BirthDate: q.dateOfBirth = p.dateOfBirth.value_or("1980-01-01"); break;
    case LookupBy::Phone: q.phone = phone; break;
    }
    return q;
}

template <LookupBy By> void BM_PersonLookup_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    auto& db = ws.connectionForImport();
    const auto p = someone(db, ws.people());
    const auto q = lookupFor(By, p, phoneOf(db, p.id));
    for (auto _ : state) {
        auto found = ws.people().lookup(q);
        benchmark::DoNotOptimize(found.data());
    }
}

template <LookupBy By> void BM_PersonLookup_plain(benchmark::State& state)
{
    auto& ws = plain(static_cast<int>(state.range(0)));
    const auto p = someone(*ws.db, ws.people);
    const auto q = lookupFor(By, p, phoneOf(*ws.db, p.id));
    for (auto _ : state) {
        auto found = ws.people.lookup(q);
        benchmark::DoNotOptimize(found.data());
    }
}

} // namespace

void registerSearchBenchmarks()
{
    perSize("Search/enc", BM_Search_enc);
    perSize("Search/plain", BM_Search_plain);
    perSize("PersonByName/enc", BM_PersonLookup_enc<LookupBy::Name>);
    perSize("PersonByName/plain", BM_PersonLookup_plain<LookupBy::Name>);
    perSize("PersonByBirthDate/enc", BM_PersonLookup_enc<LookupBy::BirthDate>);
    perSize("PersonByBirthDate/plain", BM_PersonLookup_plain<LookupBy::BirthDate>);
    perSize("PersonByPhone/enc", BM_PersonLookup_enc<LookupBy::Phone>);
    perSize("PersonByPhone/plain", BM_PersonLookup_plain<LookupBy::Phone>);
}

} // namespace wb::bench
