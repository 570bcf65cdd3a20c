// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching at a force's sizes (issue 16): one person's candidates (CandidateIndex::matchesFor) against
// every recorded person, beside an exact indexed lookup by name (PersonRepository::lookup) in the same run, and the
// whole-workspace scan (CandidateIndex::allMatches). Two persons per size unit (WB_BENCH_SIZES 5000,50000 → 10,000
// and 100,000 persons), 100 per case, written into a workspace of their own (match-persons-P.rwb) and read back as
// the engine reads them (PersonRecordSource::all).
//
// The persons are invented, with name frequencies shaped like a real population's: surnames made of syllables (as
// core/demo/Generator makes them) and common given names, both drawn from a Zipf-like law (rank r weighs 1/(r + 5)),
// so that a few names are frequent and most are rare; one person in fifty has a corrupted duplicate in another case
// (a typing error in a name, day and month of birth swapped, a missing address), the pairs the scan should find.
// Phones only from Ofcom's drama range (07700 900000–900999), so at most 1,000 persons have one.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/domain/Uuid.h"
#include "core/matching/CandidateIndex.h"
#include "core/matching/MatchModel.h"
#include "core/people/People.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"
#include "core/suspects/MatchingIndex.h"
#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace wb::bench {

namespace {

constexpr int PersonsPerUnit = 2;
constexpr int PersonsPerCase = 100;
constexpr int DuplicateEvery = 50;

constexpr std::array<const char*, 48> SurnameStart{
    "Ash",    "Bram", "Brack", "Carr",  "Dal",  "Elm",  "Fen",  "Gar",  "Hal",   "Hart", "Ing",   "Kel",
    "Lang",   "Mar",  "Nor",   "Oak",   "Pen",  "Quen", "Ross", "Sel",  "Thorn", "Till", "Ulver", "Vick",
    "Wal",    "Wynd", "Yar",   "Brind", "Cres", "Dun",  "Fair", "Glen", "Holl",  "Kirk", "Lind",  "Mort",
    "Nether", "Pell", "Rad",   "Shel",  "Stam", "Tarn", "Whit", "Bell", "Cor",   "Fal",  "Hern",  "Mill"};
constexpr std::array<const char*, 50> SurnameEnd{
    "wick", "ley",  "ton",    "ford",  "more", "field", "dale", "worth",  "by",   "combe", "ham",    "well",  "stone",
    "wood", "bury", "brook",  "hurst", "low",  "mere",  "shaw", "thorpe", "wold", "ridge", "gate",   "holme", "croft",
    "den",  "fold", "ington", "man",   "side", "ward",  "bank", "cote",   "fell", "garth", "hay",    "land",  "moor",
    "nall", "port", "rick",   "stead", "ter",  "ville", "wald", "win",    "yard", "berry", "chester"};
constexpr std::array<const char*, 64> GivenNames{
    "James",  "Oliver", "Jack",   "Harry",  "George", "Noah",   "Charlie",  "Jacob",  "Thomas", "Oscar",  "William",
    "Daniel", "Joshua", "Liam",   "Ryan",   "Adam",   "Lewis",  "Callum",   "Connor", "Kieran", "Jordan", "Luke",
    "Aaron",  "Ben",    "Sam",    "Alex",   "Jamie",  "Chris",  "Dean",     "Lee",    "Wayne",  "Darren", "Craig",
    "Paul",   "Mark",   "Steven", "Gary",   "Scott",  "Shaun",  "Carl",     "Tyler",  "Reece",  "Mason",  "Ethan",
    "Ellis",  "Kyle",   "Owen",   "Rhys",   "Aled",   "Dylan",  "Mohammed", "Ali",    "Imran",  "Tariq",  "Kofi",
    "Tomasz", "Piotr",  "Andrei", "Marius", "Florin", "Sophie", "Emma",     "Leah",   "Chloe"};
constexpr std::array<const char*, 16> Streets{"Invented Road", "Fictional Street", "Madeup Lane",   "Sample Close",
                                              "Testing Way",   "Example Avenue",   "Nowhere Drive", "Pretend Row",
                                              "Notreal Court", "Imagined Grove",   "Dummy Terrace", "Mock Crescent",
                                              "Unreal Place",  "Placeholder Walk", "Token Hill",    "Specimen Gardens"};

/// A Zipf-like draw over ranks 0..n-1: rank r weighs 1 / (r + 5).
class Zipf
{
public:
    explicit Zipf(std::size_t n)
    {
        std::vector<double> weights(n);
        for (std::size_t r = 0; r < n; ++r) {
            weights[r] = 1.0 / (static_cast<double>(r) + 5.0);
        }
        m_pick = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
    }
    std::size_t operator()(std::mt19937_64& random) { return m_pick(random); }

private:
    std::discrete_distribution<std::size_t> m_pick;
};

/// One generated person as the workspace will hold them.
struct Generated {
    std::string role;
    std::string given;
    std::string family;
    std::optional<std::string> dateOfBirth;
    std::optional<int> age;
    std::optional<std::string> phone;
    std::optional<std::string> address;
    std::optional<std::size_t> duplicateOf; ///< the person this one is a corrupted copy of
};

std::string typo(std::string text, std::mt19937_64& random)
{
    if (text.size() > 3) {
        const std::size_t at = 1 + random() % (text.size() - 2);
        text[at] = static_cast<char>('a' + random() % 26);
    }
    return text;
}

/// `persons` invented persons, the same for the same count (seed 1): the last one in DuplicateEvery are corrupted
/// copies of earlier ones.
std::vector<Generated> generate(int persons)
{
    std::mt19937_64 random(1);
    std::vector<std::string> surnames;
    for (const char* start : SurnameStart) {
        for (const char* end : SurnameEnd) {
            surnames.push_back(std::string(start) + end);
        }
    }
    std::shuffle(surnames.begin(), surnames.end(), random); // rank is not alphabetical
    Zipf pickSurname(surnames.size());
    Zipf pickGiven(GivenNames.size());
    const auto count = static_cast<std::size_t>(persons);
    const std::size_t duplicates = count / DuplicateEvery;
    const std::size_t originals = count - duplicates;
    const std::size_t phoneEvery = std::max<std::size_t>(1, (count + 999) / 1000);
    std::vector<Generated> out;
    out.reserve(count);
    std::size_t phones = 0;
    for (std::size_t i = 0; i < originals; ++i) {
        Generated g;
        const int r = static_cast<int>(i % 20);
        g.role = r < 11 ? "suspect" : (r < 16 ? "victim" : "witness");
        g.given = GivenNames[pickGiven(random)];
        g.family = surnames[pickSurname(random)];
        if (random() % 10 == 0) {
            g.age = 18 + static_cast<int>(random() % 50);
        } else {
            char dob[16];
            std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1950 + static_cast<int>(random() % 56),
                          1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28));
            g.dateOfBirth = dob;
        }
        if (i % phoneEvery == 0 && phones < 1000) {
            char phone[16];
            std::snprintf(phone, sizeof phone, "07700 900%03d", static_cast<int>(phones++));
            g.phone = phone;
        }
        if (random() % 10 < 7) {
            g.address = std::to_string(1 + random() % 300) + " " + Streets[random() % Streets.size()] +
                        ", Testbury TE" + std::to_string(1 + random() % 98) + " " + std::to_string(random() % 10) +
                        static_cast<char>('A' + random() % 26) + static_cast<char>('A' + random() % 26);
        }
        out.push_back(std::move(g));
    }
    for (std::size_t d = 0; d < duplicates; ++d) {
        const std::size_t of = random() % originals;
        Generated g = out[of];
        g.role = "suspect";
        g.duplicateOf = of;
        switch (random() % 4) {
        case 0: g.family = typo(g.family, random); break;
        case 1: g.given = typo(g.given, random); break;
        case 2: // day and month swapped where both can be months, else a year out
            if (g.dateOfBirth) {
                const std::string dob = *g.dateOfBirth;
                const std::string day = dob.substr(8, 2);
                g.dateOfBirth = day <= "12" ? dob.substr(0, 5) + day + "-" + dob.substr(5, 2)
                                            : std::to_string(std::stoi(dob.substr(0, 4)) - 1) + dob.substr(4);
            }
            break;
        default: g.address.reset(); break;
        }
        out.push_back(std::move(g));
    }
    return out;
}

std::filesystem::path matchPath(int persons)
{
    return benchDir() / ("match-persons-" + std::to_string(persons) + ".rwb");
}

void fill(core::Workspace& ws, const std::vector<Generated>& persons)
{
    std::vector<std::int64_t> cases;
    for (std::size_t c = 0; c * PersonsPerCase < persons.size(); ++c) {
        core::CaseDraft draft;
        draft.reference = "BENCH/M/" + std::to_string(c);
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
    for (std::size_t i = 0; i < persons.size(); ++i) {
        const auto& g = persons[i];
        const std::int64_t caseId = cases[i / PersonsPerCase];
        person.reset();
        person.bind(":uuid", core::newUuid())
            .bind(":case", caseId)
            .bind(":role", g.role)
            .bind(":given", g.given)
            .bind(":family", g.family)
            .bind(":dob", g.dateOfBirth)
            .bind(":age", g.age ? std::optional<std::int64_t>(*g.age) : std::nullopt)
            .bind(":at", at)
            .run();
        const std::int64_t personId = db.lastInsertRowId();
        for (const auto& [kind, value] :
             {std::pair<const char*, std::optional<std::string>>{"phone", g.phone}, {"address", g.address}}) {
            if (!value) {
                continue;
            }
            identifier.reset();
            identifier.bind(":uuid", core::newUuid())
                .bind(":case", caseId)
                .bind(":person", personId)
                .bind(":kind", kind)
                .bind(":value", *value)
                .bind(":at", at)
                .run();
        }
    }
    tx.commit();
}

/// The shipped model, or the file WB_BENCH_MATCH_MODEL names (to compare blocking settings in one session).
const core::matching::MatchModel& model()
{
    static const auto m = [] {
        const char* other = std::getenv("WB_BENCH_MATCH_MODEL");
        return core::matching::MatchModel::load(other != nullptr && *other != '\0'
                                                    ? std::filesystem::path(other)
                                                    : resources() / "matching" / "match-model.json");
    }();
    return m;
}

/// One size's workspace (kept open for the lookups), its persons read back, the index over them, the true pairs and
/// the subjects searched for.
struct MatchSet {
    std::unique_ptr<core::Workspace> ws;
    std::unique_ptr<core::matching::CandidateIndex> index;
    std::set<std::pair<std::size_t, std::size_t>> truePairs; ///< by position in the index's records
    std::vector<std::size_t> subjects;                       ///< suspects spread over the whole set
};

MatchSet& matchSet(int persons)
{
    static std::map<int, std::unique_ptr<MatchSet>> sets;
    auto& slot = sets[persons];
    if (slot) {
        return *slot;
    }
    const auto generated = generate(persons);
    const auto path = matchPath(persons);
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
            fill(*ws, generated);
        }
        std::filesystem::rename(partial, path);
    }
    auto set = std::make_unique<MatchSet>();
    set->ws = core::Workspace::open(path, core::Workspace::deriveForOpen(path, Passphrase), offences(), lists());
    auto records = set->ws->personRecords().all(); // by id: the order they were written in
    if (records.size() != generated.size()) {
        throw std::runtime_error("the match benchmark's workspace does not hold the persons generated for it");
    }
    for (std::size_t i = 0; i < generated.size(); ++i) {
        if (generated[i].duplicateOf) {
            set->truePairs.emplace(*generated[i].duplicateOf, i);
        }
        if (records[i].role == core::PersonRole::Suspect && i % 7 == 0) {
            set->subjects.push_back(i);
        }
    }
    if (set->subjects.empty()) {
        throw std::runtime_error("the match benchmark's workspace has no suspect to search for");
    }
    set->index = std::make_unique<core::matching::CandidateIndex>(model(), std::move(records));
    slot = std::move(set);
    return *slot;
}

int personsFor(const benchmark::State& state)
{
    return static_cast<int>(state.range(0)) * PersonsPerUnit;
}

/// p50 and p95 of per-call times as counters p50_ms and p95_ms.
void reportP95(benchmark::State& state, std::vector<double>& ms)
{
    if (ms.empty()) {
        return;
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))]; };
    state.counters["p50_ms"] = at(0.50);
    state.counters["p95_ms"] = at(0.95);
}

/// One suspect's candidates scored against every recorded person (blocks, scores, threshold, order), as the form of
/// a suspect being typed asks for them.
void BM_MatchCandidates(benchmark::State& state)
{
    auto& set = matchSet(personsFor(state));
    std::vector<double> ms;
    std::size_t k = 0;
    for (auto _ : state) {
        const auto& subject = set.index->records()[set.subjects[k++ % set.subjects.size()]];
        const auto start = SteadyClock::now();
        const auto matches = set.index->matchesFor(subject);
        ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
        benchmark::DoNotOptimize(matches.data());
    }
    reportP95(state, ms);
    // How many records a search scores (outside the timing): the blocks' size at this scale.
    std::size_t candidates = 0;
    const std::size_t sample = std::min<std::size_t>(100, set.subjects.size());
    for (std::size_t i = 0; i < sample; ++i) {
        candidates += set.index->candidatesFor(set.index->records()[set.subjects[i]]).size();
    }
    state.counters["persons"] = static_cast<double>(set.index->records().size());
    state.counters["candidates_per_search"] = static_cast<double>(candidates) / static_cast<double>(sample);
}

/// The same suspects looked up by exact given and family name through the workspace's index (PersonRepository::lookup
/// on the encrypted file): the baseline a scored search is compared with.
void BM_MatchNameLookup_enc(benchmark::State& state)
{
    auto& set = matchSet(personsFor(state));
    std::vector<double> ms;
    std::size_t k = 0;
    for (auto _ : state) {
        const auto& subject = set.index->records()[set.subjects[k++ % set.subjects.size()]];
        core::PersonRepository::Lookup query;
        query.familyName = subject.familyName;
        query.givenName = subject.givenName;
        const auto start = SteadyClock::now();
        const auto found = set.ws->people().lookup(query);
        ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
        benchmark::DoNotOptimize(found.data());
    }
    reportP95(state, ms);
}

/// Every pair of the workspace that shares a block, scored: the whole scan an officer starts, with the share of the
/// generated duplicates it proposes.
void BM_MatchScan(benchmark::State& state)
{
    auto& set = matchSet(personsFor(state));
    std::size_t proposed = 0;
    std::size_t found = 0;
    for (auto _ : state) {
        const auto matches = set.index->allMatches();
        proposed = matches.size();
        found = 0;
        for (const auto& m : matches) {
            found += set.truePairs.count({m.first, m.second});
        }
        benchmark::DoNotOptimize(matches.data());
    }
    // Outside the timing: how many pairs the scan compared (its work) and how many of the duplicates share a block
    // at all (what blocking lets through; the rest of the missed ones fell below the threshold).
    const auto compared = set.index->allCandidatePairs();
    std::size_t blocked = 0;
    for (const auto& pair : compared) {
        blocked += set.truePairs.count(pair);
    }
    state.counters["persons"] = static_cast<double>(set.index->records().size());
    state.counters["pairs_compared"] = static_cast<double>(compared.size());
    state.counters["duplicates_blocked"] = static_cast<double>(blocked);
    state.counters["pairs_proposed"] = static_cast<double>(proposed);
    state.counters["duplicates"] = static_cast<double>(set.truePairs.size());
    state.counters["duplicates_found"] = static_cast<double>(found);
}

/// A suspect saved (a changed given name: PersonRepository update, audit entry, commit with synchronous=FULL), alone
/// and followed by the matching index's update for that one person (MatchingIndex::refresh: the person read again and
/// their blocks, term frequencies and the prior updated), alternately on the same suspects in the same run; p50 of
/// each and their ratio (issue 16: the update costs at most 10 % more than the save alone). Each iteration changes a
/// suspect's given name and restores it, so the workspace ends as it began.
void BM_MatchRefresh(benchmark::State& state)
{
    auto& set = matchSet(personsFor(state));
    static std::map<int, std::unique_ptr<core::suspects::MatchingIndex>> indexes;
    auto& matching = indexes[personsFor(state)];
    if (!matching) {
        matching = std::make_unique<core::suspects::MatchingIndex>(*set.ws, model());
    }
    auto& db = set.ws->connectionForImport();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::vector<double> saveMs;
    std::vector<double> bothMs;
    std::vector<double> refreshMs;
    std::size_t k = 0;
    for (auto _ : state) {
        const auto& subject = set.index->records()[set.subjects[k++ % set.subjects.size()]];
        auto person = set.ws->people().find(subject.personId);
        if (!person) {
            state.SkipWithError("a benchmark suspect is missing");
            break;
        }
        const std::string given = person->givenName;
        person->givenName = given + "e";
        auto start = SteadyClock::now();
        core::people::update(set.ws->people(), *person);
        saveMs.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());

        person->givenName = given; // restored, with the index's update
        start = SteadyClock::now();
        core::people::update(set.ws->people(), *person);
        const auto saved = SteadyClock::now();
        matching->refresh(subject.personId);
        const auto end = SteadyClock::now();
        bothMs.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        refreshMs.push_back(std::chrono::duration<double, std::milli>(end - saved).count());
    }
    const auto p50 = [](std::vector<double>& ms) {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0.0 : ms[ms.size() / 2];
    };
    const double save = p50(saveMs);
    const double both = p50(bothMs);
    state.counters["save_p50_ms"] = save;
    state.counters["save_refresh_p50_ms"] = both;
    state.counters["refresh_p50_ms"] = p50(refreshMs);
    state.counters["ratio_p50"] = save > 0.0 ? both / save : 0.0;
    state.counters["persons"] = static_cast<double>(matching->index().records().size());
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace

void registerMatchBenchmarks()
{
    perSize("MatchCandidates", BM_MatchCandidates);
    perSize("MatchNameLookup_enc", BM_MatchNameLookup_enc);
    perSize("MatchScan", BM_MatchScan);
    perSize("MatchRefresh", BM_MatchRefresh)->Iterations(200);
}

} // namespace wb::bench
