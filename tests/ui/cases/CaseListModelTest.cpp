// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <set>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include "core/store/Database.h"
#include "core/store/Transaction.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/people/PersonListModel.h"
#include "ui/session/SignalBridge.h"

namespace wb::ui::test {
namespace {

using Tester = QAbstractItemModelTester;

class CaseListModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        workspace = makeWorkspace(dir / "model.rwb");
        bridge = std::make_unique<SignalBridge>(*workspace);
        model = std::make_unique<CaseListModel>(wb::test::offences());
        tester = std::make_unique<Tester>(model.get(), Tester::FailureReportingMode::Fatal);
        QObject::connect(bridge.get(), &SignalBridge::caseChanged, model.get(), &CaseListModel::applyChange);
        model->load(workspace->cases());
    }

    QString cell(int row, int column) const { return model->index(row, column).data().toString(); }

    TempDir dir;
    std::unique_ptr<core::Workspace> workspace;
    std::unique_ptr<SignalBridge> bridge;
    std::unique_ptr<CaseListModel> model;
    std::unique_ptr<Tester> tester;
};

TEST_F(CaseListModelTest, InsertsOneRowOnAddWithoutReset)
{
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    workspace->cases().add(wb::test::caseDraft("FICT/0100/26", "SOA2003-s1"));

    ASSERT_TRUE(waitFor([&] { return inserted.count() == 1; }));
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 0); // first row
    EXPECT_EQ(inserted.at(0).at(2).toInt(), 0); // exactly one row
    EXPECT_EQ(reset.count(), 0);
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(cell(0, CaseListModel::ReferenceColumn), QStringLiteral("FICT/0100/26"));
    EXPECT_EQ(cell(0, CaseListModel::OperationColumn), QStringLiteral("Operation Testbed"));
    EXPECT_EQ(cell(0, CaseListModel::OffenceColumn), QStringLiteral("Rape"));
    EXPECT_EQ(cell(0, CaseListModel::StatusColumn), QStringLiteral("Open"));

    workspace->cases().add(wb::test::caseDraft("FICT/0101/26"));
    ASSERT_TRUE(waitFor([&] { return inserted.count() == 2; }));
    EXPECT_EQ(model->rowCount(), 2);
    EXPECT_EQ(reset.count(), 0);
}

TEST_F(CaseListModelTest, UpdatesAndRemovesRowByRow)
{
    auto record = workspace->cases().add(wb::test::caseDraft("FICT/0200/26"));
    workspace->cases().add(wb::test::caseDraft("FICT/0201/26"));
    ASSERT_TRUE(waitFor([&] { return model->rowCount() == 2; }));
    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);

    record.status = core::CaseStatus::Closed;
    workspace->cases().update(record);
    ASSERT_TRUE(waitFor([&] { return changed.count() == 1; }));
    const int row = model->rowOf(record.id);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex().row(), row);
    EXPECT_EQ(cell(row, CaseListModel::StatusColumn), QStringLiteral("Closed"));

    workspace->cases().remove(record.id);
    ASSERT_TRUE(waitFor([&] { return removed.count() == 1; }));
    EXPECT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->rowOf(record.id), -1);
    EXPECT_EQ(reset.count(), 0);
}

TEST_F(CaseListModelTest, ShowsReportedTimeInUkTime)
{
    auto summer = wb::test::caseDraft("FICT/0300/26");
    summer.reportedAt = *core::parseIsoUtc("2025-07-01T12:05:00Z"); // BST: UTC+1
    auto winter = wb::test::caseDraft("FICT/0301/26");
    winter.reportedAt = *core::parseIsoUtc("2025-01-15T23:30:00Z"); // GMT
    const auto summerId = workspace->cases().add(summer).id;
    const auto winterId = workspace->cases().add(winter).id;
    ASSERT_TRUE(waitFor([&] { return model->rowCount() == 2; }));
    EXPECT_EQ(cell(model->rowOf(summerId), CaseListModel::ReportedColumn), QStringLiteral("01/07/2025 13:05"));
    EXPECT_EQ(cell(model->rowOf(winterId), CaseListModel::ReportedColumn), QStringLiteral("15/01/2025 23:30"));
    // Sorting uses the instant, not the text.
    EXPECT_LT(
        model->index(model->rowOf(winterId), CaseListModel::ReportedColumn).data(CaseListModel::SortRole).toLongLong(),
        model->index(model->rowOf(summerId), CaseListModel::ReportedColumn).data(CaseListModel::SortRole).toLongLong());
}

TEST_F(CaseListModelTest, ClearEmptiesAndIgnoresEventsArrivingAfterIt)
{
    workspace->cases().add(wb::test::caseDraft("FICT/0400/26"));
    ASSERT_TRUE(waitFor([&] { return model->rowCount() == 1; }));
    workspace->cases().add(wb::test::caseDraft("FICT/0401/26")); // queued, not yet delivered
    model->clear();
    EXPECT_EQ(model->rowCount(), 0);
    QCoreApplication::sendPostedEvents(); // the late event is delivered now
    EXPECT_EQ(model->rowCount(), 0) << "a late event must not put case data back into a locked model";
    EXPECT_FALSE(model->isLoaded());
    model->load(workspace->cases());
    EXPECT_EQ(model->rowCount(), 2);
}

/// A workspace of `n` cases written in one transaction (no model listening), FICT/<4 digits>/26,
/// reported an hour apart.
std::vector<core::Case> addCases(core::Workspace& workspace, int n, int from = 0)
{
    std::vector<core::Case> out;
    core::store::Transaction tx(workspace.connectionForImport());
    for (int i = from; i < from + n; ++i) {
        auto draft = wb::test::caseDraft(QStringLiteral("FICT/%1/26").arg(i, 4, 10, QLatin1Char('0')).toStdString(),
                                         i % 2 == 0 ? "SOA2003-s1" : "SOA2003-s3");
        draft.reportedAt = core::nowUtc() - std::chrono::hours(24 + (i * 37) % (n + from));
        out.push_back(workspace.cases().add(draft));
    }
    tx.commit();
    return out;
}

TEST(CaseListModelPaging, LoadsAPageAtATimeAsTheViewAsksNeverEveryCase)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "paged.rwb");
    const int total = 2500;
    addCases(*workspace, total);
    CaseListModel model(wb::test::offences());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.load(workspace->cases());
    EXPECT_EQ(model.rowCount(), CaseListModel::DefaultPageSize) << "only the first page is read";
    EXPECT_TRUE(model.canFetchMore({}));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 2 * CaseListModel::DefaultPageSize);
    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), CaseListModel::DefaultPageSize);
    EXPECT_EQ(inserted.at(0).at(2).toInt(), 2 * CaseListModel::DefaultPageSize - 1);

    int fetches = 0;
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        EXPECT_GT(model.rowCount(), before);
        EXPECT_LE(model.rowCount(), before + CaseListModel::DefaultPageSize);
        ++fetches;
    }
    EXPECT_EQ(model.rowCount(), total);
    EXPECT_EQ(fetches, (total - 1) / CaseListModel::DefaultPageSize - 1);
    EXPECT_EQ(reset.count(), 1) << "the load only";
    // Every case once, newest reported first (the default order), however the pages fell.
    std::set<std::int64_t> seen;
    for (int row = 0; row < model.rowCount(); ++row) {
        seen.insert(model.idAt(row));
        if (row > 0) {
            EXPECT_GE(model.index(row - 1, CaseListModel::ReportedColumn).data(CaseListModel::SortRole).toLongLong(),
                      model.index(row, CaseListModel::ReportedColumn).data(CaseListModel::SortRole).toLongLong());
        }
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(total));
}

TEST(CaseListModelPaging, SortAndFilterReadTheFirstPageAgainInSql)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "sorted.rwb");
    const auto cases = addCases(*workspace, 30);
    CaseListModel model(wb::test::offences());
    model.setPageSize(10);
    model.load(workspace->cases());
    ASSERT_EQ(model.rowCount(), 10);

    // The case at the top stays selected (a persistent index follows it) when the order changes.
    const QPersistentModelIndex top(model.index(0, CaseListModel::ReferenceColumn));
    const QString topReference = top.data().toString();
    model.sort(CaseListModel::ReferenceColumn, Qt::AscendingOrder);
    EXPECT_EQ(model.rowCount(), 10) << "the first page in the new order";
    EXPECT_EQ(model.index(0, CaseListModel::ReferenceColumn).data().toString(), QStringLiteral("FICT/0000/26"));
    EXPECT_EQ(model.index(9, CaseListModel::ReferenceColumn).data().toString(), QStringLiteral("FICT/0009/26"));
    if (top.isValid()) {
        EXPECT_EQ(top.data().toString(), topReference);
    }
    model.sort(CaseListModel::ReferenceColumn, Qt::DescendingOrder);
    EXPECT_EQ(model.index(0, CaseListModel::ReferenceColumn).data().toString(), QStringLiteral("FICT/0029/26"));
    model.fetchMore({});
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 30);
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_EQ(model.index(29, CaseListModel::ReferenceColumn).data().toString(), QStringLiteral("FICT/0000/26"));

    model.sort(CaseListModel::OffenceColumn, Qt::AscendingOrder); // by title: "Rape" before "Sexual assault"
    EXPECT_EQ(model.index(0, CaseListModel::OffenceColumn).data().toString(), QStringLiteral("Rape"));
    model.sort(CaseListModel::OffenceColumn, Qt::DescendingOrder);
    EXPECT_EQ(model.index(0, CaseListModel::OffenceColumn).data().toString(), QStringLiteral("Sexual assault"));

    model.setFilterText(QStringLiteral("fict/0012"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.idAt(0), cases[12].id);
    model.setFilterText(QStringLiteral("SEXUAL")); // the offence title, not its code
    EXPECT_EQ(model.rowCount(), 10);
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 15);
    EXPECT_FALSE(model.canFetchMore({}));
    model.setFilterText(QStringLiteral("open")); // the status word as shown
    EXPECT_EQ(model.rowCount(), 10);
    model.setFilterText(QStringLiteral("closed"));
    EXPECT_EQ(model.rowCount(), 0);
    model.setFilterText(QString());
    EXPECT_EQ(model.rowCount(), 10);
}

TEST(CaseListModelPaging, LiveChangesKeepTheLoadedWindowAndItsSelection)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "live.rwb");
    const auto cases = addCases(*workspace, 12);
    SignalBridge bridge(*workspace);
    CaseListModel model(wb::test::offences());
    QObject::connect(&bridge, &SignalBridge::caseChanged, &model, &CaseListModel::applyChange);
    model.setPageSize(5);
    model.sort(CaseListModel::ReferenceColumn, Qt::AscendingOrder);
    model.load(workspace->cases());
    model.fetchMore({});
    ASSERT_EQ(model.rowCount(), 10);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy moved(&model, &QAbstractItemModel::layoutChanged);

    // A case that sorts into the loaded rows goes in at its place; one beyond them is not loaded.
    auto early = wb::test::caseDraft("FICT/0003A/26");
    const auto added = workspace->cases().add(early);
    ASSERT_TRUE(waitFor([&] { return inserted.count() == 1; }));
    EXPECT_EQ(model.rowOf(added.id), 4);
    EXPECT_EQ(model.rowCount(), 11);
    workspace->cases().add(wb::test::caseDraft("FICT/0099/26"));
    QCoreApplication::sendPostedEvents(); // its change is delivered now
    EXPECT_EQ(model.rowCount(), 11) << "beyond the loaded rows: read when scrolled to";
    EXPECT_TRUE(model.canFetchMore({}));

    // An edit that moves the selected case: it keeps its selection at its new place.
    const QPersistentModelIndex selected(model.index(model.rowOf(cases[1].id), 0));
    auto record = cases[1];
    record.reference = "FICT/0007A/26";
    workspace->cases().update(record);
    ASSERT_TRUE(waitFor([&] { return moved.count() >= 1; }));
    EXPECT_EQ(model.rowOf(cases[1].id), 8);
    EXPECT_EQ(selected.row(), 8);
    EXPECT_EQ(model.index(8, CaseListModel::ReferenceColumn).data().toString(), QStringLiteral("FICT/0007A/26"));
    EXPECT_EQ(reset.count(), 0);
}

// Qt's model tester calls fetchMore() itself inside its checks of each change, so it runs here on
// a model whose rows all fit in one page; the tests above check the paging without it.
TEST(CaseListModelPaging, PassesTheModelTesterThroughSortsFiltersAndLiveChanges)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "tester.rwb");
    const auto cases = addCases(*workspace, 20);
    SignalBridge bridge(*workspace);
    CaseListModel model(wb::test::offences());
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    QObject::connect(&bridge, &SignalBridge::caseChanged, &model, &CaseListModel::applyChange);
    model.load(workspace->cases());
    ASSERT_EQ(model.rowCount(), 20);
    for (int column = 0; column < CaseListModel::ColumnCount; ++column) {
        for (const auto order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(column, order);
            EXPECT_EQ(model.rowCount(), 20);
        }
    }
    model.setFilterText(QStringLiteral("sexual"));
    EXPECT_EQ(model.rowCount(), 10);
    model.setFilterText(QStringLiteral("0001"));
    EXPECT_EQ(model.rowCount(), 1);
    model.setFilterText(QString());
    model.sort(CaseListModel::ReferenceColumn, Qt::DescendingOrder);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    auto moved = cases[3];
    moved.reference = "FICT/0100/26"; // from near the bottom to the top
    workspace->cases().update(moved);
    ASSERT_TRUE(waitFor([&] { return model.rowOf(moved.id) == 0; }));
    EXPECT_EQ(layout.count(), 1);
    workspace->cases().remove(cases[5].id);
    ASSERT_TRUE(waitFor([&] { return model.rowCount() == 19; }));
    workspace->cases().add(wb::test::caseDraft("FICT/0050/26"));
    ASSERT_TRUE(waitFor([&] { return model.rowCount() == 20; }));
    EXPECT_EQ(model.index(1, CaseListModel::ReferenceColumn).data().toString(), QStringLiteral("FICT/0050/26"));
}

TEST(CaseListModelPaging, DataAnswersFromTheLoadedRowsWithoutAQuery)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "pure.rwb");
    addCases(*workspace, 8);
    CaseListModel model(wb::test::offences());
    model.load(workspace->cases());
    QStringList before;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            before << model.index(row, column).data().toString()
                   << model.index(row, column).data(Qt::ToolTipRole).toString();
        }
    }
    workspace->lock(); // any query from now on throws Error(Locked)
    QStringList after;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            after << model.index(row, column).data().toString()
                  << model.index(row, column).data(Qt::ToolTipRole).toString();
        }
    }
    EXPECT_EQ(after, before);
    // Reading more while locked says so once, through failed(), and throws nothing into the view.
    QSignalSpy failed(&model, &CaseListModel::failed);
    model.setPageSize(3);
    model.sort(CaseListModel::ReferenceColumn, Qt::AscendingOrder);
    EXPECT_EQ(failed.count(), 1);
    EXPECT_EQ(model.rowCount(), 8) << "the rows shown are left as they were";
}

TEST(PersonListModel, InsertsOnlyPeopleOfItsCaseRowByRow)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "people.rwb");
    const auto mine = workspace->cases().add(wb::test::caseDraft("FICT/0500/26"));
    const auto other = workspace->cases().add(wb::test::caseDraft("FICT/0501/26"));
    SignalBridge bridge(*workspace);
    PersonListModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    QObject::connect(&bridge, &SignalBridge::personChanged, &model, &PersonListModel::applyChange);
    model.load(workspace->people(), mine.id);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    core::PersonDraft person;
    person.caseId = other.id;
    person.givenName = "Riley";
    person.familyName = "Placeholder";
    workspace->people().add(person);
    person.caseId = mine.id;
    person.role = core::PersonRole::Suspect;
    person.givenName = "Jordan";
    person.familyName = "Sample";
    person.dateOfBirth = "1995-09-30";
    const auto added = workspace->people().add(person);

    ASSERT_TRUE(waitFor([&] { return inserted.count() == 1; }));
    QCoreApplication::sendPostedEvents(); // anything else queued is delivered now
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(reset.count(), 0);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, PersonListModel::RoleColumn).data().toString(), QStringLiteral("Suspect"));
    EXPECT_EQ(model.index(0, PersonListModel::NameColumn).data().toString(), QStringLiteral("Jordan Sample"));
    EXPECT_EQ(model.index(0, PersonListModel::DateOfBirthColumn).data().toString(), QStringLiteral("30/09/1995"));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    workspace->people().remove(added.id);
    ASSERT_TRUE(waitFor([&] { return removed.count() == 1; }));
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace wb::ui::test
