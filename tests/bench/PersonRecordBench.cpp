// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching (issue 16): every person of the workspace read as the engine's PersonRecords
// (core/repo/PersonRecordSource), people and identifiers in two queries. The workspace is built for this family:
// two persons per size unit (WB_BENCH_SIZES 50000 → 100,000 persons) with two identifiers each (a phone and an
// address), one person in ten with an age instead of a date of birth, spread over one case per 100 persons.
// Invented values only (Ofcom drama phone range).
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/domain/Uuid.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"
#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace wb::bench {

namespace {

constexpr int PersonsPerUnit = 2;
constexpr int PersonsPerCase = 100;

std::filesystem::path personsPath(int persons)
{
    return benchDir() / ("person-records-" + std::to_string(persons) + ".rwb");
}

void fill(core::Workspace& ws, int persons)
{
    std::vector<std::int64_t> cases;
    for (int c = 0; c * PersonsPerCase < persons; ++c) {
        core::CaseDraft draft;
        draft.reference = "BENCH/PR/" + std::to_string(c);
        draft.primaryOffence = "SOA2003-s1";
        draft.reportedAt = anchor();
        cases.push_back(ws.cases().add(draft).id);
    }
    auto& db = ws.connectionForImport();
    core::store::Transaction tx(db);
    const std::string at = core::toIsoUtc(anchor());
    core::store::Statement person(db, "INSERT INTO people (uuid, case_id, role, given_name, family_name, "
                                      "date_of_birth, age_years, created_at, updated_at) VALUES (:uuid, :case, "
                                      ":role, :given, :family, :dob, :age, :at, :at)");
    core::store::Statement identifier(db, "INSERT INTO person_identifiers (uuid, case_id, person_id, kind, value, "
                                          "created_at, updated_at) VALUES (:uuid, :case, :person, :kind, :value, "
                                          ":at, :at)");
    static const char* const Given[] = {"Alex", "Sam", "Jo", "Chris", "Robin", "Jamie", "Kit", "Morgan"};
    static const char* const Family[] = {"Fictional", "Madeup", "Invented", "Testcase", "Placeholder", "Sample"};
    for (int i = 0; i < persons; ++i) {
        const std::int64_t caseId = cases[static_cast<std::size_t>(i / PersonsPerCase)];
        char dob[16];
        std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1950 + i % 50, 1 + i % 12, 1 + i % 28);
        const bool ageOnly = i % 10 == 0;
        person.reset();
        person.bind(":uuid", core::newUuid())
            .bind(":case", caseId)
            .bind(":role", i % 3 == 0 ? "victim" : (i % 3 == 1 ? "suspect" : "witness"))
            .bind(":given", Given[i % 8])
            .bind(":family", std::string(Family[i % 6]) + std::to_string(i % 997))
            .bind(":dob", ageOnly ? std::nullopt : std::optional<std::string>(dob))
            .bind(":age", ageOnly ? std::optional<std::int64_t>(20 + i % 50) : std::nullopt)
            .bind(":at", at)
            .run();
        const std::int64_t personId = db.lastInsertRowId();
        char phone[16];
        std::snprintf(phone, sizeof phone, "07700 900%03d", i % 1000);
        const std::string address = std::to_string(1 + i % 200) + " Invented Road, Testbury TE" +
                                    std::to_string(1 + i % 9) + " " + std::to_string(i % 10) + "ZZ";
        for (const auto& [kind, value] : {std::pair<const char*, std::string>{"phone", phone}, {"address", address}}) {
            identifier.reset();
            identifier.bind(":uuid", core::newUuid())
                .bind(":case", caseId)
                .bind(":person", personId)
                .bind(":kind", kind)
                .bind(":value", value)
                .bind(":at", at)
                .run();
        }
    }
    tx.commit();
}

std::unique_ptr<core::Workspace> openPersons(int persons)
{
    const auto path = personsPath(persons);
    if (!std::filesystem::exists(path)) {
        std::filesystem::create_directories(benchDir());
        const auto partial = std::filesystem::path(path.string() + ".partial");
        std::filesystem::remove(partial);
        {
            core::CreateOptions options;
            options.owner.displayName = "DC Benchmark Example";
            options.training = true;
            auto ws = core::Workspace::create(partial, core::Workspace::deriveForCreate(Passphrase, kdfParams()),
                                              options, offences(), lists());
            fill(*ws, persons);
        }
        std::filesystem::rename(partial, path);
    }
    return core::Workspace::open(path, core::Workspace::deriveForOpen(path, Passphrase), offences(), lists());
}

/// Every person as a PersonRecord, on the encrypted workspace.
void BM_PersonRecords_enc(benchmark::State& state)
{
    const int persons = static_cast<int>(state.range(0)) * PersonsPerUnit;
    auto ws = openPersons(persons);
    const auto source = ws->personRecords();
    std::size_t loaded = 0;
    std::size_t identifiers = 0;
    for (auto _ : state) {
        const auto records = source.all();
        loaded = records.size();
        identifiers = 0;
        for (const auto& r : records) {
            identifiers += r.phones.size() + r.addresses.size();
        }
        benchmark::DoNotOptimize(records.data());
    }
    state.counters["persons"] = static_cast<double>(loaded);
    state.counters["identifiers"] = static_cast<double>(identifiers);
}

/// The people of one case (100 persons), as a suspect's form would read its neighbours.
void BM_PersonRecordsOfCase_enc(benchmark::State& state)
{
    const int persons = static_cast<int>(state.range(0)) * PersonsPerUnit;
    auto ws = openPersons(persons);
    const auto source = ws->personRecords();
    const auto caseId = readCase(ws->connectionForImport());
    for (auto _ : state) {
        const auto records = source.forCase(caseId);
        benchmark::DoNotOptimize(records.data());
    }
}

} // namespace

void registerPersonRecordBenchmarks()
{
    perSize("PersonRecords_enc", BM_PersonRecords_enc);
    perSize("PersonRecordsOfCase_enc", BM_PersonRecordsOfCase_enc);
}

} // namespace wb::bench
