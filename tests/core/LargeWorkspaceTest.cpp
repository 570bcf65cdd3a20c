// SPDX-License-Identifier: GPL-3.0-or-later
// The synthetic-data generator and the queries that must stay quick at 50,000 cases:
// the case list page and the person lookup across every case.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/demo/Generator.h"
#include "core/records/RecordSpec.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "support/TestSupport.h"

namespace wb {
namespace {

core::GeneratorOptions small(int cases, std::uint64_t seed)
{
    core::GeneratorOptions o;
    o.cases = cases;
    o.seed = seed;
    o.batch = 4;
    o.shape.contacts = 3;
    o.shape.enquiries = 2;
    o.shape.decisions = 2;
    o.shape.timelineEvents = 2;
    return o;
}

/// Everything the generator decides, as text: references, people, record values and uuids.
std::string contentOf(core::Workspace& ws)
{
    std::string out;
    for (const auto& c : ws.cases().list()) {
        out += c.uuid + " " + c.reference + " " + c.primaryOffence + " " + core::toIsoUtc(c.reportedAt) + "\n";
        for (const auto& p : ws.people().listForCase(c.id)) {
            out += "  " + p.uuid + " " + p.givenName + " " + p.familyName + " " + p.dateOfBirth.value_or("-") + "\n";
        }
        for (const auto& spec : core::recordSpecs()) {
            for (const auto& r : ws.records().listForCase(spec, c.id)) {
                out += "  " + std::string(spec.type) + " " + r.uuid;
                for (const auto& [key, value] : r.values) {
                    if (key.find("_id") == std::string::npos) { // row ids depend on insertion order only
                        out += " " + key + "=" + value;
                    }
                }
                out += "\n";
            }
        }
    }
    return out;
}

TEST(Generator, theSameSeedGivesTheSameWorkspaceAndAnotherSeedADifferentOne)
{
    test::TempDir dir;
    auto a = test::createWorkspace(dir / "a.rwb");
    auto b = test::createWorkspace(dir / "b.rwb");
    auto c = test::createWorkspace(dir / "c.rwb");
    const auto report = core::generateWorkspace(*a, small(6, 42));
    core::generateWorkspace(*b, small(6, 42));
    core::generateWorkspace(*c, small(6, 43));
    EXPECT_EQ(report.cases, 6);
    EXPECT_EQ(report.people, 60);
    EXPECT_EQ(a->cases().count(), 6);
    EXPECT_EQ(contentOf(*a), contentOf(*b));
    EXPECT_NE(contentOf(*a), contentOf(*c));
    // Written like an officer's records: validated, audited and indexed.
    EXPECT_TRUE(a->verifyAudit().ok());
    EXPECT_EQ(a->integrityCheck(), "ok");
    EXPECT_FALSE(a->search("Synthetic update").empty());
}

TEST(Generator, hasTheShapeAskedFor)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "w.rwb");
    core::GeneratorOptions o;
    o.cases = 2;
    const auto report = core::generateWorkspace(*ws, o);
    const auto cases = ws->cases().list();
    ASSERT_EQ(cases.size(), 2u);
    const auto id = cases.front().id;
    EXPECT_EQ(ws->people().listForCase(id).size(), 10u);
    EXPECT_EQ(ws->records().listForCase(core::recordSpec("contact"), id).size(), 30u);
    EXPECT_EQ(ws->records().listForCase(core::recordSpec("enquiry"), id).size(), 20u);
    EXPECT_EQ(ws->records().listForCase(core::recordSpec("decision"), id).size(), 10u);
    EXPECT_EQ(ws->records().listForCase(core::recordSpec("timeline_event"), id).size(), 15u);
    EXPECT_EQ(ws->records().listForCase(core::recordSpec("exhibit"), id).size() +
                  ws->records().listForCase(core::recordSpec("device"), id).size(),
              5u);
    EXPECT_GT(report.records, 2 * 90);
}

TEST(Generator, refusesAFutureAnchorAndWritesNothing)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "w.rwb");
    auto o = small(2, 1);
    o.anchor = core::nowUtc() + std::chrono::days(2);
    EXPECT_THROW(core::generateWorkspace(*ws, o), core::Error);
    EXPECT_EQ(ws->cases().count(), 0);
}

TEST(CasePage, filtersSortsAndPagesWithoutReadingEveryCase)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "w.rwb");
    core::generateWorkspace(*ws, small(12, 5));
    core::CaseRepository::Query q;
    q.limit = 5;
    const auto first = ws->cases().page(q);
    ASSERT_EQ(first.size(), 5u);
    for (std::size_t i = 1; i < first.size(); ++i) {
        EXPECT_GE(first[i - 1].reportedAt, first[i].reportedAt);
    }
    q.offset = 5;
    const auto second = ws->cases().page(q);
    ASSERT_EQ(second.size(), 5u);
    EXPECT_GE(first.back().reportedAt, second.front().reportedAt);
    q.offset = 10;
    EXPECT_EQ(ws->cases().page(q).size(), 2u);

    core::CaseRepository::Query byText;
    byText.text = "gen/000007";
    const auto found = ws->cases().page(byText);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found.front().reference.substr(0, 10), "GEN/000007");
    EXPECT_EQ(ws->cases().count(byText), 1);

    core::CaseRepository::Query wild; // LIKE wildcards in the text are plain characters
    wild.text = "%";
    EXPECT_EQ(ws->cases().count(wild), 0);

    core::CaseRepository::Query open;
    open.status = core::CaseStatus::Open;
    core::CaseRepository::Query closed;
    closed.status = core::CaseStatus::Closed;
    EXPECT_EQ(ws->cases().count(open) + ws->cases().count(closed), 12);

    core::CaseRepository::Query byReference;
    byReference.sortBy = core::CaseRepository::Query::SortKey::Reference;
    byReference.descending = false;
    const auto sorted = ws->cases().page(byReference);
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        EXPECT_LT(sorted[i - 1].reference, sorted[i].reference);
    }
}

TEST(CasePage, usesAnIndexRatherThanSortingEveryRow)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "w.rwb");
    auto& db = ws->connectionForImport();
    core::store::Statement plan(db, "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE 1 ORDER BY reported_at DESC, "
                                    "id DESC LIMIT 200");
    std::string detail;
    while (plan.step()) {
        detail += plan.columnText(3) + "\n";
    }
    EXPECT_EQ(detail.find("TEMP B-TREE"), std::string::npos) << detail;
}

TEST(PersonLookup, findsByNameDateOfBirthOrPhoneAcrossCases)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "w.rwb");
    core::generateWorkspace(*ws, small(8, 9));
    const auto cases = ws->cases().list();
    const auto someone = ws->people().listForCase(cases.at(3).id).at(1);

    core::PersonRepository::Lookup byName;
    byName.familyName = someone.familyName;
    byName.givenName = someone.givenName;
    const auto named = ws->people().lookup(byName);
    ASSERT_FALSE(named.empty());
    bool seen = false;
    for (const auto& p : named) {
        EXPECT_EQ(p.familyName, someone.familyName);
        seen = seen || p.id == someone.id;
    }
    EXPECT_TRUE(seen);

    core::PersonRepository::Lookup lower; // names match whatever their case
    lower.familyName = someone.familyName;
    for (auto& ch : lower.familyName) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    EXPECT_FALSE(ws->people().lookup(lower).empty());

    const auto phone = ws->records().list(core::recordSpec("identifier"), someone.id).at(0).get("value");
    core::PersonRepository::Lookup byPhone;
    byPhone.phone = phone;
    seen = false;
    for (const auto& p : ws->people().lookup(byPhone)) {
        seen = seen || p.id == someone.id;
    }
    EXPECT_TRUE(seen);

    if (someone.dateOfBirth) {
        core::PersonRepository::Lookup byBirth;
        byBirth.dateOfBirth = *someone.dateOfBirth;
        EXPECT_FALSE(ws->people().lookup(byBirth).empty());
    }
    EXPECT_THROW(ws->people().lookup({}), core::Error);
}

} // namespace
} // namespace wb
