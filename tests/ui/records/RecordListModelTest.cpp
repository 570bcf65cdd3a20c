// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "support/RecordWorld.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseTab.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordListModel.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/FieldLabels.h"

namespace wb::ui::test {
namespace {

std::int64_t parentFor(const RecordWorld& world, const core::RecordSpec& spec)
{
    if (spec.parentTable == "exhibits") {
        return world.firstId("exhibit");
    }
    if (spec.parentTable == "bail_records") {
        return world.firstId("bail");
    }
    if (spec.parentTable == "people") {
        return world.workspace->people().listForCase(world.context.caseId).at(1).id; // the suspect
    }
    return world.context.caseId;
}

TEST(RecordListModel, PassesTheModelTesterForEveryRecordType)
{
    RecordWorld world;
    // The demo data has no third-party request, extension, RUI review, time awaiting a CPS decision, order or unused
    // material: add
    // one of each.
    auto& records = world.workspace->records();
    records.add(core::recordSpec("tpm_request"), world.context.caseId,
                {{"tpm_type", "medical"},
                 {"holder", "Fictional GP surgery"},
                 {"line_of_enquiry", "Fictional reason"},
                 {"proportionality", "Fictional necessity"}});
    const auto bailId = world.firstId("bail");
    records.add(core::recordSpec("bail_extension"), bailId,
                {{"extension", "extension-1"},
                 {"new_end", "2026-12-01"},
                 {"authorised_by", "Insp Fictional"},
                 {"authorised_rank", "inspector"},
                 {"authorised_on", "2026-02-01"}});
    records.add(core::recordSpec("rui_review"), bailId, {{"due_on", "2026-03-01"}});
    records.add(core::recordSpec("bail_pause"), bailId, {{"from_date", "2026-02-10"}});
    records.add(core::recordSpec("order"), world.context.caseId,
                {{"order_type", "sro"},
                 {"subject_id", std::to_string(world.workspace->people().listForCase(world.context.caseId).at(1).id)},
                 {"made_on", "2026-02-01"}});
    records.add(core::recordSpec("plan_snapshot"), world.context.caseId,
                {{"taken_at", "2026-01-05T10:00:00Z"},
                 {"taken_by", "DC Fictional"},
                 {"catalogue_version", "test"},
                 {"enquiry_ids", "SUS-PRE-001"}});
    records.add(core::recordSpec("unused_material"), world.context.caseId,
                {{"description", "Fictional first account notes"}, {"sensitivity", "not-sensitive"}});
    for (const auto& spec : core::recordSpecs()) {
        SCOPED_TRACE(std::string(spec.type));
        RecordListModel model(world.context, spec);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setParentId(parentFor(world, spec));
        EXPECT_GT(model.rowCount(), 0) << "demo data has one of each";
        EXPECT_EQ(model.columnCount(), static_cast<int>(FieldLabels::columns(spec.type).size()) +
                                           (spec.field("supersedes_id") != nullptr ? 1 : 0));
        for (int column = 0; column < model.columnCount(); ++column) {
            EXPECT_FALSE(model.headerData(column, Qt::Horizontal).toString().isEmpty());
        }
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setSourceModel(&model);
        proxy.setSortRole(RecordListModel::SortRole);
        proxy.sort(0);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterFixedString(QStringLiteral("no such text anywhere"));
        EXPECT_EQ(proxy.rowCount(), 0);
        model.setParentId(0);
        EXPECT_EQ(model.rowCount(), 0);
    }
}

TEST(RecordListModel, AddsUpdatesAndRemovesRowByRow)
{
    RecordWorld world;
    const auto& spec = core::recordSpec("timeline_event");
    RecordListModel model(world.context, spec);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int rows = model.rowCount();

    auto added = world.workspace->records().add(
        spec, world.context.caseId, {{"occurred", "year|2009-01-01|2009-12-31"}, {"title", "Fictional event"}});
    ASSERT_TRUE(waitFor([&] { return inserted.count() == 1; }));
    EXPECT_EQ(model.rowCount(), rows + 1);
    const int row = model.rowOf(added.id);
    ASSERT_GE(row, 0);
    EXPECT_EQ(model.index(row, 0).data().toString(), QStringLiteral("2009"));
    EXPECT_EQ(model.index(row, 0).data(RecordListModel::SortRole).toString(), QStringLiteral("2009-01-01"));

    auto values = added.values;
    values["title"] = "Fictional event, retitled";
    world.workspace->records().update(spec, added.id, values);
    ASSERT_TRUE(waitFor([&] { return changed.count() >= 1; }));
    EXPECT_EQ(model.index(row, 1).data().toString(), QStringLiteral("Fictional event, retitled"));

    // A record of another type, or of another case, does not touch this list.
    world.workspace->records().add(core::recordSpec("review"), world.context.caseId,
                                   {{"reviewed_at", "2026-02-01T10:00:00Z"},
                                    {"reviewer_name", "DI Fictional"},
                                    {"reviewer_rank", "inspector"},
                                    {"scope", "Fictional scope"}});
    QCoreApplication::processEvents();

    world.workspace->records().remove(spec, added.id);
    ASSERT_TRUE(waitFor([&] { return removed.count() == 1; }));
    EXPECT_EQ(model.rowCount(), rows);
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(reset.count(), 0);
}

TEST(RecordListModel, ShowsLabelsNotCodesAndNamesThroughPrivacyMode)
{
    RecordWorld world;
    RecordListModel model(world.context, core::recordSpec("device"));
    ASSERT_GT(model.rowCount(), 0);
    const QString owner = model.index(0, 0).data().toString();
    EXPECT_NE(owner, QStringLiteral("suspect"));
    EXPECT_FALSE(owner.isEmpty());
    const auto people = world.workspace->people().listForCase(world.context.caseId);

    RecordListModel bail(world.context, core::recordSpec("bail"));
    const QString suspect = bail.index(0, 0).data().toString();
    EXPECT_EQ(suspect.toStdString(), people.at(1).givenName + " " + people.at(1).familyName);

    // A victim's name goes through privacy mode: the timeline's linked... use the relationship list.
    RecordListModel relationships(world.context, core::recordSpec("relationship"));
    QSignalSpy changed(&relationships, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&relationships, &QAbstractItemModel::modelReset);
    const QString full = relationships.index(0, 0).data().toString();
    world.privacy.setOn(true);
    EXPECT_GE(changed.count(), 1);
    EXPECT_EQ(reset.count(), 0);
    const QString hidden = relationships.index(0, 0).data().toString();
    EXPECT_NE(hidden, full);
    EXPECT_EQ(hidden, world.privacy.displayName(people.at(0)));
}

TEST(RecordListModel, DataAnswersFromWhatWasLoadedWithTheRowsWithoutAQuery)
{
    RecordWorld world;
    world.workspace->records().add(core::recordSpec("tpm_request"), world.context.caseId,
                                   {{"tpm_type", "medical"},
                                    {"holder", "Fictional GP surgery"},
                                    {"line_of_enquiry", "Fictional reason"},
                                    {"proportionality", "Fictional necessity"}});
    std::vector<std::unique_ptr<RecordListModel>> models;
    std::vector<QStringList> before;
    const auto cells = [](const RecordListModel& model) {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < model.columnCount(); ++column) {
                for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), RecordListModel::SortRole}) {
                    out << model.index(row, column).data(role).toString();
                }
            }
        }
        return out;
    };
    bool linksSeen = false;
    for (const auto& spec : core::recordSpecs()) {
        auto model = std::make_unique<RecordListModel>(world.context, spec);
        model->setParentId(parentFor(world, spec));
        before.push_back(cells(*model));
        for (const auto& field : spec.fields) {
            linksSeen = linksSeen || (model->rowCount() > 0 && (field.kind == core::FieldKind::PersonLink ||
                                                                field.kind == core::FieldKind::RecordLink));
        }
        models.push_back(std::move(model));
    }
    ASSERT_TRUE(linksSeen) << "the demo data links records to people and to other records";
    world.bridge.reset();    // the lock would empty nothing here: only the models' own data is read
    world.workspace->lock(); // any query from now on throws Error(Locked)
    for (std::size_t i = 0; i < models.size(); ++i) {
        SCOPED_TRACE(std::string(models[i]->spec().type));
        QStringList after;
        ASSERT_NO_THROW(after = cells(*models[i]));
        EXPECT_EQ(after, before[i]);
        EXPECT_FALSE(after.join(QString()).contains(QStringLiteral("(removed"))) << "every link was resolved";
    }
    // Privacy mode changes what the loaded names show, still without a query.
    world.privacy.setOn(true);
    for (const auto& model : models) {
        EXPECT_NO_THROW(cells(*model));
    }
}

TEST(RecordListModel, ALinkedPersonRenamedIsShownAfterTheChange)
{
    RecordWorld world;
    RecordListModel bail(world.context, core::recordSpec("bail"));
    QSignalSpy changed(&bail, &QAbstractItemModel::dataChanged);
    auto suspect = world.workspace->people().listForCase(world.context.caseId).at(1);
    suspect.givenName = "Rowan";
    world.workspace->people().update(suspect);
    ASSERT_TRUE(waitFor([&] { return changed.count() >= 1; }));
    EXPECT_EQ(bail.index(0, 0).data().toString().toStdString(), "Rowan " + suspect.familyName);
}

} // namespace
} // namespace wb::ui::test
