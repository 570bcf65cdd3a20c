// SPDX-License-Identifier: GPL-3.0-or-later
// CaseRepository::page: the Cases tab's filter and every column's sort, both ways, done in SQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/Workspace.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/store/Database.h"
#include "support/TestSupport.h"

namespace wb {
namespace {

using Query = core::CaseRepository::Query;
using Key = Query::SortKey;

class CaseRepositoryPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ws = test::createWorkspace(dir / "page.rwb");
        // Twelve cases with distinct and repeated values in every column.
        const char* offences[] = {"SOA2003-s1", "SOA2003-s3", "SOA2003-s2", "SOA2003-s9"};
        for (int i = 0; i < 12; ++i) {
            auto draft = test::caseDraft("FICT/" + std::to_string(3000 + (i * 7) % 12) + "/26", offences[i % 4]);
            draft.reportedAt = core::nowUtc() - std::chrono::hours(24 * (1 + (i * 5) % 12)) - std::chrono::hours(i % 2);
            if (i % 3 == 0) {
                draft.operationName.reset();
            } else {
                draft.operationName = "Operation " + std::string(i % 3 == 1 ? "Beacon" : "Alder");
            }
            auto record = ws->cases().add(draft);
            if (i % 5 == 0) {
                record.status = core::CaseStatus::Closed;
                record = ws->cases().update(record);
            }
            cases.push_back(record);
        }
        // Next due items for some cases (the due list is derived data: written here directly).
        auto& db = ws->connectionForImport();
        const auto due = [&](std::int64_t caseId, std::int64_t when) {
            db.exec("INSERT INTO due_items (case_id, kind, rule_id, trigger_uuid, person_id, due, item) VALUES (" +
                    std::to_string(caseId) + ", 'deadline', 'rule', 'u', 0, " + std::to_string(when) + ", '{}')");
        };
        db.exec("DELETE FROM due_items");
        due(cases[1].id, 5000);
        due(cases[1].id, 9000); // its next is the earlier one
        due(cases[2].id, 7000);
        due(cases[4].id, 1000);
        due(cases[7].id, 3000);
        nextDue = {{cases[1].id, 5000}, {cases[2].id, 7000}, {cases[4].id, 1000}, {cases[7].id, 3000}};
    }

    std::vector<core::Case> all(Query q)
    {
        q.offset = 0;
        q.limit = 1000;
        return ws->cases().page(q);
    }

    std::string title(const core::Case& c) const { return test::offences()->find(c.primaryOffence)->title; }

    test::TempDir dir;
    std::unique_ptr<core::Workspace> ws;
    std::vector<core::Case> cases;
    std::map<std::int64_t, std::int64_t> nextDue;
};

/// The expected order: by `less` on the key, ties newest-reported first, then by id (newest first).
std::vector<std::int64_t> expected(std::vector<core::Case> rows,
                                   const std::function<int(const core::Case&, const core::Case&)>& compare,
                                   bool descending)
{
    std::sort(rows.begin(), rows.end(), [&](const core::Case& a, const core::Case& b) {
        const int c = compare(a, b);
        if (c != 0) {
            return descending ? c > 0 : c < 0;
        }
        if (a.reportedAt != b.reportedAt) {
            return a.reportedAt > b.reportedAt;
        }
        return a.id > b.id;
    });
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) {
        ids.push_back(r.id);
    }
    return ids;
}

std::vector<std::int64_t> idsOf(const std::vector<core::Case>& rows)
{
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) {
        ids.push_back(r.id);
    }
    return ids;
}

template <typename T> int cmp(const T& a, const T& b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

TEST_F(CaseRepositoryPageTest, SortsByEveryColumnBothWays)
{
    const std::map<Key, std::function<int(const core::Case&, const core::Case&)>> keys = {
        {Key::Reference, [](const auto& a, const auto& b) { return cmp(lower(a.reference), lower(b.reference)); }},
        {Key::Operation,
         [](const auto& a, const auto& b) { return cmp(a.operationName.value_or(""), b.operationName.value_or("")); }},
        {Key::Offence, [this](const auto& a, const auto& b) { return cmp(title(a), title(b)); }},
        {Key::Status,
         [](const auto& a, const auto& b) {
             return cmp(std::string(core::toString(a.status)), std::string(core::toString(b.status)));
         }},
        {Key::Reported,
         [](const auto& a, const auto& b) {
             const int c = cmp(a.reportedAt, b.reportedAt);
             return c != 0 ? c : cmp(a.id, b.id);
         }},
    };
    for (const auto& [key, compare] : keys) {
        for (const bool descending : {false, true}) {
            SCOPED_TRACE(std::to_string(static_cast<int>(key)) + (descending ? " desc" : " asc"));
            Query q;
            q.sortBy = key;
            q.descending = descending;
            EXPECT_EQ(idsOf(all(q)), expected(cases, compare, descending));
        }
    }
}

TEST_F(CaseRepositoryPageTest, SortsByNextDueWithCasesWithoutDeadlinesLastBothWays)
{
    Query q;
    q.sortBy = Key::NextDue;
    q.descending = false;
    const auto ascending = idsOf(all(q));
    ASSERT_EQ(ascending.size(), cases.size());
    EXPECT_EQ(std::vector<std::int64_t>(ascending.begin(), ascending.begin() + 4),
              (std::vector<std::int64_t>{cases[4].id, cases[7].id, cases[1].id, cases[2].id}));
    q.descending = true;
    const auto descending = idsOf(all(q));
    EXPECT_EQ(std::vector<std::int64_t>(descending.begin(), descending.begin() + 4),
              (std::vector<std::int64_t>{cases[2].id, cases[1].id, cases[7].id, cases[4].id}));
    // The rest (no open item) follow in both directions, newest reported first.
    std::vector<core::Case> rest;
    for (const auto& c : cases) {
        if (nextDue.count(c.id) == 0) {
            rest.push_back(c);
        }
    }
    const auto restOrder = expected(
        rest, [](const auto&, const auto&) { return 0; }, false);
    EXPECT_EQ(std::vector<std::int64_t>(ascending.begin() + 4, ascending.end()), restOrder);
    EXPECT_EQ(std::vector<std::int64_t>(descending.begin() + 4, descending.end()), restOrder);
}

TEST_F(CaseRepositoryPageTest, PagesFollowEachOtherWithoutGapOrOverlapInEveryOrder)
{
    for (const Key key : {Key::Reference, Key::Operation, Key::Offence, Key::Status, Key::Reported, Key::NextDue}) {
        for (const bool descending : {false, true}) {
            SCOPED_TRACE(std::to_string(static_cast<int>(key)) + (descending ? " desc" : " asc"));
            Query q;
            q.sortBy = key;
            q.descending = descending;
            const auto whole = idsOf(all(q));
            std::vector<std::int64_t> paged;
            q.limit = 5;
            for (q.offset = 0;; q.offset += 5) {
                const auto page = ws->cases().page(q);
                EXPECT_LE(page.size(), 5u);
                const auto ids = idsOf(page);
                paged.insert(paged.end(), ids.begin(), ids.end());
                if (page.size() < 5) {
                    break;
                }
            }
            EXPECT_EQ(paged, whole);
            q.offset = 12;
            EXPECT_TRUE(ws->cases().page(q).empty()) << "past the end";
            q.offset = 10;
            EXPECT_EQ(ws->cases().page(q).size(), 2u) << "the last, partial page";
        }
    }
}

TEST_F(CaseRepositoryPageTest, FiltersByReferenceOperationOffenceTitleAndStatusWordWithACount)
{
    const auto matching = [&](const std::function<bool(const core::Case&)>& test) {
        std::set<std::int64_t> ids;
        for (const auto& c : cases) {
            if (test(c)) {
                ids.insert(c.id);
            }
        }
        return ids;
    };
    const auto found = [&](const Query& q) {
        const auto ids = idsOf(all(q));
        EXPECT_EQ(ws->cases().count(q), static_cast<std::int64_t>(ids.size()));
        return std::set<std::int64_t>(ids.begin(), ids.end());
    };
    Query q;
    q.text = "fict/3005";
    EXPECT_EQ(found(q), matching([](const auto& c) { return c.reference == "FICT/3005/26"; }));
    q.text = "beacon";
    EXPECT_EQ(found(q), matching([](const auto& c) { return c.operationName == std::string("Operation Beacon"); }));
    q.text = "SEXUAL"; // "Sexual assault" and "Sexual activity with a child", by their titles
    EXPECT_EQ(found(q), matching([](const auto& c) {
                  return c.primaryOffence == "SOA2003-s3" || c.primaryOffence == "SOA2003-s9";
              }));
    q.text = "clos"; // the status word, as the UI shows it
    q.statusesMatchingText = {core::CaseStatus::Closed};
    EXPECT_EQ(found(q), matching([](const auto& c) { return c.status == core::CaseStatus::Closed; }));
    q.statusesMatchingText.clear();
    EXPECT_TRUE(found(q).empty()) << "without the UI's word, 'clos' matches nothing";

    Query open;
    open.status = core::CaseStatus::Open;
    open.text = "alder";
    EXPECT_EQ(found(open), matching([](const auto& c) {
                  return c.status == core::CaseStatus::Open && c.operationName == std::string("Operation Alder");
              }));
    Query wild;
    wild.text = "_";
    EXPECT_TRUE(found(wild).empty()) << "LIKE wildcards are plain characters";
    EXPECT_EQ(ws->cases().count(Query{}), 12);
}

TEST_F(CaseRepositoryPageTest, TheDefaultAndReferenceOrdersAndTheStatusFilterUseAnIndex)
{
    for (const Key key : {Key::Reported, Key::Reference}) {
        for (const bool descending : {false, true}) {
            Query q;
            q.sortBy = key;
            q.descending = descending;
            const std::string plan = ws->cases().pagePlan(q);
            EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
        }
    }
    Query open;
    open.status = core::CaseStatus::Open;
    const std::string plan = ws->cases().pagePlan(open);
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
    Query byDue;
    byDue.sortBy = Key::NextDue;
    EXPECT_NE(ws->cases().pagePlan(byDue).find("due_items_by_case"), std::string::npos)
        << "the next due item of each case is one index lookup";
}

} // namespace
} // namespace wb
