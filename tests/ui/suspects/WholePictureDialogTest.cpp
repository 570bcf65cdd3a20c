// SPDX-License-Identifier: GPL-3.0-or-later
// A person's whole picture (ui/suspects/WholePictureDialog): a suspect confirmed the same as a person of another
// case shows both cases with the role there, the identifiers by kind, the link and its rationale, and "Open case"
// asks the hub for that case at that person; empty sections say so in words. Fictional people only.
#include <gtest/gtest.h>

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/suspects/SuspectsWorld.h"
#include "ui/suspects/WholePictureDialog.h"
#include "ui/text/MatchText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

using core::MatchVerdict;
using core::PersonRole;

QStringList lines(const QListWidget* list)
{
    QStringList out;
    for (int row = 0; row < list->count(); ++row) {
        out << list->item(row)->text();
    }
    return out;
}

class WholePictureDialogTest : public SuspectsWorld
{
protected:
    void SetUp() override
    {
        SuspectsWorld::SetUp();
        jon = add(one, PersonRole::Suspect, "Jon", "Smyth");
        jonathan = add(two, PersonRole::Suspect, "Jonathan", "Smith");
        core::people::addIdentifier(ws(), jon.id, {"phone", "07700 900123", ""});
        core::people::addIdentifier(ws(), jonathan.id, {"email", "jonathan.smith@example.org", ""});
    }

    core::Person jon;
    core::Person jonathan;
};

TEST_F(WholePictureDialogTest, aPersonLinkedAcrossTwoCasesShowsBothCasesIdentifiersAndTheLink)
{
    core::suspects::decide(ws(), {jon.id, jonathan.id, MatchVerdict::Same, "Same phone and custody photo"});
    WholePictureDialog dialog(*matching, cataloguesLoaded, &privacy, jonathan.id);
    dialog.show();
    ASSERT_TRUE(dialog.picture().has_value()) << dialog.message()->text().toStdString();

    EXPECT_NE(dialog.headingLabel()->text().indexOf(QStringLiteral("Jonathan Smith")), -1);
    EXPECT_NE(dialog.headingLabel()->text().indexOf(QStringLiteral("2 cases")), -1)
        << dialog.headingLabel()->text().toStdString();
    QTableWidget* cases = dialog.casesTable();
    ASSERT_EQ(cases->rowCount(), 2);
    EXPECT_EQ(cases->item(0, 0)->text(), QStringLiteral("FICT/0161/26"));
    EXPECT_EQ(cases->item(1, 0)->text(), QStringLiteral("FICT/0162/26"));
    EXPECT_EQ(cases->item(0, 1)->text(), QStringLiteral("Operation Testbed"));
    EXPECT_FALSE(cases->item(1, 2)->text().isEmpty()) << "the offence's title";
    EXPECT_NE(cases->item(1, 2)->text(), QStringLiteral("SOA2003-s2")) << "words from the catalogue, not its code";
    EXPECT_EQ(cases->item(0, 3)->text(), QStringLiteral("Open"));
    EXPECT_EQ(cases->item(0, 4)->text(), QStringLiteral("No outcome yet"));
    EXPECT_EQ(cases->item(0, 5)->text(), QStringLiteral("Suspect"));
    EXPECT_EQ(cases->item(0, 6)->text(), QStringLiteral("Jon Smyth"));

    QTableWidget* identifiers = dialog.identifiersTable();
    ASSERT_EQ(identifiers->rowCount(), 2);
    EXPECT_EQ(identifiers->item(0, 0)->text(), QStringLiteral("Phone number"));
    EXPECT_EQ(identifiers->item(0, 1)->text(), QStringLiteral("07700 900123"));
    EXPECT_EQ(identifiers->item(0, 2)->text(), QStringLiteral("FICT/0161/26"));
    EXPECT_EQ(identifiers->item(1, 0)->text(), QStringLiteral("Email address"));

    const QStringList links = lines(dialog.linksList());
    ASSERT_EQ(links.size(), 1);
    EXPECT_TRUE(links.front().contains(MatchText::verdict(MatchVerdict::Same))) << links.front().toStdString();
    EXPECT_TRUE(links.front().contains(QStringLiteral("Same phone and custody photo")));
    EXPECT_TRUE(links.front().contains(QStringLiteral("Jon Smyth (FICT/0161/26)")));

    const QStringList orders = lines(dialog.ordersList());
    ASSERT_EQ(orders.size(), 1);
    EXPECT_TRUE(orders.front().startsWith(QStringLiteral("No orders"))) << "an empty section in words";
    EXPECT_EQ(dialog.ordersList()->item(0)->flags() & Qt::ItemIsSelectable, Qt::NoItemFlags);
    EXPECT_TRUE(lines(dialog.conflictsList()).front().startsWith(QStringLiteral("No conflicting")));

    const QString shots = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QCoreApplication::processEvents();
        EXPECT_TRUE(dialog.grab().save(QDir(shots).filePath(QStringLiteral("whole-picture.png"))));
    }

    QSignalSpy open(matching.get(), &MatchingService::openCaseRequested);
    cases->selectRow(1);
    QTest::mouseClick(dialog.openCaseButton(), Qt::LeftButton);
    ASSERT_EQ(open.count(), 1);
    EXPECT_EQ(open.front().at(0).value<std::int64_t>(), two.id);
    EXPECT_EQ(open.front().at(1).toString(), QString::fromStdString(jonathan.uuid));
}

TEST_F(WholePictureDialogTest, ordersAndBailOfThePersonAreListedInWords)
{
    ws().records().add(core::recordSpec(core::recordtype::kOrder), one.id,
                       {{"order_type", "sro"}, {"subject_id", std::to_string(jon.id)}, {"applied_on", "2026-01-12"}});
    ws().records().add(core::recordSpec(core::recordtype::kBail), one.id,
                       {{"suspect_id", std::to_string(jon.id)}, {"kind", "rui"}, {"start_date", "2026-01-10"}});
    WholePictureDialog dialog(*matching, cataloguesLoaded, &privacy, jon.id);
    const QStringList orders = lines(dialog.ordersList());
    ASSERT_EQ(orders.size(), 1);
    EXPECT_TRUE(orders.front().contains(QStringLiteral("Sexual Risk Order"))) << orders.front().toStdString();
    EXPECT_TRUE(orders.front().contains(QStringLiteral("12/01/2026")));
    EXPECT_TRUE(orders.front().contains(QStringLiteral("FICT/0161/26")));
    const QStringList bail = lines(dialog.bailList());
    ASSERT_EQ(bail.size(), 1);
    EXPECT_TRUE(bail.front().contains(QStringLiteral("Released under investigation"))) << bail.front().toStdString();
    EXPECT_TRUE(bail.front().contains(QStringLiteral("10/01/2026")));
    EXPECT_TRUE(lines(dialog.linksList()).front().startsWith(QStringLiteral("Nobody is confirmed")));
}

TEST_F(WholePictureDialogTest, aSuspectRecordedAsAWitnessElsewhereShowsThatRoleThroughPrivacyMode)
{
    const core::Person witness = add(two, PersonRole::Witness, "Jon", "Smythe");
    core::people::addIdentifier(ws(), witness.id, {"phone", "07700 900456", ""});
    core::suspects::decide(ws(), {jon.id, witness.id, MatchVerdict::Same, "Same man, seen at the scene"});
    privacy.setOn(true);
    WholePictureDialog dialog(*matching, cataloguesLoaded, &privacy, jon.id);
    QTableWidget* cases = dialog.casesTable();
    ASSERT_EQ(cases->rowCount(), 2);
    EXPECT_EQ(cases->item(1, 5)->text(), QStringLiteral("Witness"));
    EXPECT_EQ(cases->item(1, 6)->text(), QStringLiteral("J. S.")) << "a witness's name through privacy mode";
    EXPECT_EQ(cases->item(0, 6)->text(), QStringLiteral("Jon Smyth"));
    QStringList values;
    for (int row = 0; row < dialog.identifiersTable()->rowCount(); ++row) {
        values << dialog.identifiersTable()->item(row, 1)->text();
    }
    EXPECT_TRUE(values.contains(QStringLiteral("07700 900123")));
    EXPECT_FALSE(values.contains(QStringLiteral("07700 900456"))) << "a witness's contact details hidden";
    EXPECT_TRUE(values.contains(PrivacyMode::hiddenMark()));
}

TEST_F(WholePictureDialogTest, aDecisionRecordedElsewhereIsShownAtOnce)
{
    WholePictureDialog dialog(*matching, cataloguesLoaded, &privacy, jon.id);
    ASSERT_EQ(dialog.casesTable()->rowCount(), 1);
    core::suspects::decide(ws(), {jon.id, jonathan.id, MatchVerdict::Same, "Same phone"});
    ASSERT_TRUE(waitFor([&] { return dialog.casesTable()->rowCount() == 2; })) << "the bridge tells the hub";
    EXPECT_EQ(lines(dialog.linksList()).size(), 1);
}

TEST_F(WholePictureDialogTest, aRemovedPersonIsSaidInWords)
{
    WholePictureDialog dialog(*matching, cataloguesLoaded, &privacy, jon.id + 1000);
    EXPECT_FALSE(dialog.picture().has_value());
    EXPECT_FALSE(dialog.message()->text().isEmpty());
    EXPECT_EQ(dialog.casesTable()->rowCount(), 0);
}

} // namespace
} // namespace wb::ui::test
