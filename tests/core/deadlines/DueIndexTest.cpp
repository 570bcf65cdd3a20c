// SPDX-License-Identifier: GPL-3.0-or-later
// The stored due list (schema 8): what Today reads must be exactly what a fresh evaluation gives;
// a change marks its case in the same transaction and only that case is re-evaluated; closing a case
// drops its items; changed rules rebuild everything; the limit gives the most urgent items.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

#include "core/Workspace.h"
#include "core/deadlines/DeadlineService.h"
#include "core/deadlines/DueIndex.h"
#include "core/records/RecordSpec.h"
#include "core/store/Database.h"
#include "tests/support/TestSupport.h"

namespace wb::core::deadlines {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

Instant at(const char* iso)
{
    return parseIsoUtc(iso).value();
}

DeadlineService load(const fs::path& rules)
{
    return DeadlineService::load(rules, fs::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json",
                                 test::enquiries(), test::questions());
}

fs::path shippedRules()
{
    return fs::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json";
}

class DueIndexTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ws = test::createWorkspace(dir / "w.rwb");
        for (int i = 0; i < 3; ++i) {
            auto draft = test::caseDraft(("FICT/Q" + std::to_string(i) + "/26").c_str());
            draft.reportedAt = at("2026-05-20T10:00:00Z");
            cases.push_back(ws->cases().add(draft));
            PersonDraft p;
            p.caseId = cases.back().id;
            p.role = PersonRole::Victim;
            p.givenName = "Fictional";
            p.familyName = "Victim";
            victims.push_back(ws->people().add(p));
        }
        add("case_event", cases[0].id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
        add("case_event", cases[1].id, {{"kind", "interview-under-caution"}, {"occurred_at", "2026-05-27T10:00:00Z"}});
        add("contact_plan", cases[2].id,
            {{"victim_id", std::to_string(victims[2].id)},
             {"agreed_on", "2026-05-21"},
             {"frequency_days", "7"},
             {"method", "phone"},
             {"recorded_by", "DC Fictional"}});
    }

    Record add(const char* type, std::int64_t parent, const Values& values)
    {
        return ws->records().add(recordSpec(type), parent, values);
    }

    std::int64_t dirtyCount() { return ws->connectionForImport().queryInt("SELECT count(*) FROM due_dirty"); }

    /// Today as a fresh evaluation of every case would give it (met items asked for, then left out).
    std::vector<DueItem> fresh(const DeadlineService& svc, Instant now)
    {
        DueFilter all;
        all.includeMet = true;
        std::vector<DueItem> open;
        for (auto& item : svc.today(*ws, now, all)) {
            if (!item.metAt) {
                open.push_back(std::move(item));
            }
        }
        return open;
    }

    static std::vector<std::string> keys(const std::vector<DueItem>& items)
    {
        std::vector<std::string> out;
        for (const auto& item : items) {
            out.push_back(item.key() + " " + toIsoUtc(item.due) + " " + std::string(toString(item.state)));
        }
        return out;
    }

    test::TempDir dir;
    std::unique_ptr<Workspace> ws;
    std::vector<Case> cases;
    std::vector<Person> victims;
};

TEST_F(DueIndexTest, storedListMatchesAFreshEvaluationAtAnyTime)
{
    const auto svc = load(shippedRules());
    for (const char* now :
         {"2026-05-21T09:00:00Z", "2026-05-26T08:00:00Z", "2026-05-27T12:00:00Z", "2026-06-15T12:00:00Z"}) {
        const auto stored = svc.today(*ws, at(now));
        EXPECT_FALSE(stored.empty()) << now;
        EXPECT_EQ(keys(stored), keys(fresh(svc, at(now)))) << now;
        const auto one = stored.front();
        EXPECT_EQ(one.title.empty(), false);
        EXPECT_FALSE(one.source.empty());
    }
}

TEST_F(DueIndexTest, aChangeMarksItsCaseInTheSameTransactionAndOnlyThatCaseIsReevaluated)
{
    const auto svc = load(shippedRules());
    EXPECT_EQ(svc.refresh(*ws), cases.size()); // first use: every case
    EXPECT_EQ(dirtyCount(), 0);
    EXPECT_EQ(svc.refresh(*ws), 0u); // nothing changed since

    const Instant now = at("2026-05-27T12:00:00Z");
    const auto before = svc.today(*ws, now);
    const auto arrestUpdate =
        std::find_if(before.begin(), before.end(), [&](const DueItem& i) { return i.ruleId == "right6-arrest"; });
    ASSERT_NE(arrestUpdate, before.end());

    // Logging the contact marks case 0, and nothing else, as the record is written.
    add("contact", cases[0].id,
        {{"victim_id", std::to_string(victims[0].id)},
         {"contacted_at", "2026-05-27T09:15:00Z"},
         {"method", "phone"},
         {"purpose", "event-notification"},
         {"by_whom", "DC Fictional"},
         {"explained_events", arrestUpdate->triggerUuid}});
    EXPECT_EQ(dirtyCount(), 1);
    EXPECT_EQ(ws->connectionForImport().queryInt("SELECT case_id FROM due_dirty"), cases[0].id);

    const auto after = svc.today(*ws, now);
    EXPECT_EQ(dirtyCount(), 0);
    EXPECT_TRUE(std::none_of(after.begin(), after.end(), [](const DueItem& i) { return i.ruleId == "right6-arrest"; }));
    EXPECT_EQ(keys(after), keys(fresh(svc, now)));
}

TEST_F(DueIndexTest, closingACaseDropsItsItemsAndReopeningBringsThemBack)
{
    const auto svc = load(shippedRules());
    const Instant now = at("2026-05-27T12:00:00Z");
    const auto hasCase = [](const std::vector<DueItem>& items, std::int64_t id) {
        return std::any_of(items.begin(), items.end(), [&](const DueItem& i) { return i.caseId == id; });
    };
    ASSERT_TRUE(hasCase(svc.today(*ws, now), cases[1].id));

    auto closed = cases[1];
    closed.status = CaseStatus::Closed;
    ws->cases().update(closed);
    EXPECT_FALSE(hasCase(svc.today(*ws, now), cases[1].id));
    EXPECT_EQ(svc.countsByCase(*ws, now).count(cases[1].id), 0u);

    closed.status = CaseStatus::Open;
    ws->cases().update(closed);
    EXPECT_TRUE(hasCase(svc.today(*ws, now), cases[1].id));
}

TEST_F(DueIndexTest, changedRulesRebuildEveryCase)
{
    const auto shipped = load(shippedRules());
    EXPECT_EQ(shipped.refresh(*ws), cases.size());
    EXPECT_EQ(shipped.refresh(*ws), 0u);

    // The same rules with one more blank line: a different file, so a different fingerprint.
    const fs::path edited = dir / "deadline-rules.json";
    {
        std::ifstream in(shippedRules(), std::ios::binary);
        std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        std::ofstream(edited, std::ios::binary) << text << "\n";
    }
    const auto force = load(edited);
    EXPECT_NE(force.fingerprint(), shipped.fingerprint());
    EXPECT_EQ(force.refresh(*ws), cases.size());
    EXPECT_EQ(force.refresh(*ws), 0u);
    // Going back is another change.
    EXPECT_EQ(shipped.refresh(*ws), cases.size());
}

TEST_F(DueIndexTest, refreshReportsHowManyCasesAreDoneBeforeAndAfterEachBatch)
{
    const auto svc = load(shippedRules());
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    const auto record = [&calls](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    EXPECT_EQ(svc.refresh(*ws, record), cases.size());
    const std::vector<std::pair<std::size_t, std::size_t>> expected{{0, 3}, {3, 3}};
    EXPECT_EQ(calls, expected) << "named before the first batch and after each one (one batch of 500 here)";

    // Nothing to do is said too, so the unlock dialog can say it is done.
    calls.clear();
    EXPECT_EQ(svc.refresh(*ws, record), 0u);
    const std::vector<std::pair<std::size_t, std::size_t>> nothing{{0, 0}};
    EXPECT_EQ(calls, nothing);
}

TEST_F(DueIndexTest, limitGivesTheMostUrgentItemsFirstAndFiltersApplyBeforeIt)
{
    const auto svc = load(shippedRules());
    const Instant now = at("2026-05-27T12:00:00Z");
    const auto all = svc.today(*ws, now);
    ASSERT_GE(all.size(), 3u);
    for (std::size_t limit = 1; limit <= all.size() + 1; ++limit) {
        const auto some = svc.today(*ws, now, {}, days(14), limit);
        ASSERT_EQ(some.size(), std::min(limit, all.size()));
        EXPECT_EQ(keys(some), keys(std::vector<DueItem>(all.begin(), all.begin() + some.size())));
    }
    DueFilter one;
    one.caseIds = {cases[2].id};
    const auto filtered = svc.today(*ws, now, one, days(14), 1);
    ASSERT_EQ(filtered.size(), 1u);
    EXPECT_EQ(filtered.front().caseId, cases[2].id);
}

TEST_F(DueIndexTest, countsForListedCasesOnly)
{
    const auto svc = load(shippedRules());
    const Instant now = at("2026-05-27T12:00:00Z");
    const auto all = svc.countsByCase(*ws, now);
    const auto some = svc.countsByCase(*ws, now, {cases[0].id});
    ASSERT_EQ(some.size(), 1u);
    EXPECT_EQ(some.at(cases[0].id).overdue, all.at(cases[0].id).overdue);
    EXPECT_EQ(some.at(cases[0].id).dueToday, all.at(cases[0].id).dueToday);
    EXPECT_EQ(some.at(cases[0].id).upcoming, all.at(cases[0].id).upcoming);
}

TEST(DueItemCodingTest, roundTripsEveryField)
{
    DueItem item;
    item.ruleId = "right6-arrest";
    item.kind = DueKind::VictimUpdate;
    item.caseId = 12;
    item.caseReference = "FICT/1/26";
    item.personId = 34;
    item.title = "Tell the victim about the arrest";
    item.detail = "Victims' Code Right 6 — within 1 working day";
    item.source = "brief §5 [C]";
    item.confirmed = true;
    item.triggeredAt = at("2026-05-22T15:30:00Z");
    item.due = at("2026-05-26T22:59:59Z");
    item.warnFrom = at("2026-05-12T22:59:59Z");
    item.satisfiedBy = "a contact";
    item.triggerUuid = "0b8f7a2e-0000-4000-8000-000000000001";
    item.action.recordType = "contact";
    item.action.preset = {{"victim_id", "34"}, {"purpose", "event-notification"}};
    const DueItem back = decodeDueItem(encodeDueItem(item));
    EXPECT_EQ(back.key(), item.key());
    EXPECT_EQ(back.kind, item.kind);
    EXPECT_EQ(back.caseId, item.caseId);
    EXPECT_EQ(back.caseReference, item.caseReference);
    EXPECT_EQ(back.title, item.title);
    EXPECT_EQ(back.detail, item.detail);
    EXPECT_EQ(back.source, item.source);
    EXPECT_EQ(back.confirmed, item.confirmed);
    EXPECT_EQ(back.triggeredAt, item.triggeredAt);
    EXPECT_EQ(back.due, item.due);
    EXPECT_EQ(back.warnFrom, item.warnFrom);
    EXPECT_EQ(back.metAt, item.metAt);
    EXPECT_EQ(back.satisfiedBy, item.satisfiedBy);
    EXPECT_EQ(back.action.recordType, item.action.recordType);
    EXPECT_EQ(back.action.recordId, item.action.recordId);
    EXPECT_EQ(back.action.preset, item.action.preset);
    EXPECT_THROW(decodeDueItem("{\"rule\": 1}"), Error);
}

TEST_F(DueIndexTest, verifyComparesTheStoredListWithAFreshEvaluationAndRepairRebuildsIt)
{
    const auto svc = load(shippedRules());
    svc.refresh(*ws);
    EXPECT_TRUE(svc.verifyStored(*ws).empty());
    auto& db = ws->connectionForImport();
    // An item moved a week later behind the workbench's back (the case is not marked for re-evaluation).
    db.exec("UPDATE due_items SET due = due + 604800 WHERE case_id = " + std::to_string(cases[1].id));
    // One left behind for a case that does not exist.
    db.exec("INSERT INTO due_items (case_id, kind, rule_id, trigger_uuid, person_id, due, item) "
            "SELECT 999, kind, rule_id, trigger_uuid, person_id, due, item FROM due_items LIMIT 1");
    EXPECT_EQ(dirtyCount(), 0);
    const auto problems = svc.verifyStored(*ws);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "due list: the stored items of case " + std::to_string(cases[1].id) +
                               " differ from its records (derived data: `rasso-workbench-cli repair` rebuilds it)");
    EXPECT_NE(problems[1].find("case 999"), std::string::npos) << problems[1];
    // A case marked for re-evaluation is not judged: it is re-evaluated before it is next read.
    db.exec("INSERT INTO due_dirty (case_id) VALUES (" + std::to_string(cases[1].id) + ")");
    EXPECT_EQ(svc.verifyStored(*ws).size(), 1u);
    EXPECT_EQ(svc.rebuildStored(*ws), cases.size());
    EXPECT_TRUE(svc.verifyStored(*ws).empty());
    EXPECT_TRUE(ws->verifyAudit().ok()); // repair touched nothing audited
}

} // namespace
} // namespace wb::core::deadlines
