// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

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
    QTest::qWait(50);
    EXPECT_EQ(model->rowCount(), 0) << "a late event must not put case data back into a locked model";
    EXPECT_FALSE(model->isLoaded());
    model->load(workspace->cases());
    EXPECT_EQ(model->rowCount(), 2);
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
    QTest::qWait(20);
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
