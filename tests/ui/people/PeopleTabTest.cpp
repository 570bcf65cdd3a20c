// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "core/records/RecordSpec.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/people/PeopleTab.h"
#include "ui/people/PersonEditor.h"
#include "ui/people/PersonListModel.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"
#include "ui/widgets/DateLineEdit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/WholeNumberEdit.h"

namespace wb::ui::test {
namespace {

class PeopleTabTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        workspace = makeWorkspace(dir / "people.rwb", true);
        core::addDemoCases(*workspace);
        bridge = std::make_unique<SignalBridge>(*workspace);
        for (const auto& record : workspace->cases().list()) {
            if (record.reference.starts_with("DEMO/0001/")) {
                caseId = record.id;
            }
        }
        ASSERT_NE(caseId, 0);
    }

    void TearDown() override
    {
        delete window.data();
        QTest::qWait(1);
    }

    CaseWorkspace* open()
    {
        window = new CaseWorkspace(CaseContext{workspace.get(), bridge.get(), caseId, &privacy});
        window->show();
        window->showTabFor(QStringLiteral("person"));
        return window;
    }

    PeopleTab* tab() const { return window->peopleTab(); }

    template <typename T> T* find(const char* name) const
    {
        T* widget = tab()->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    int rowOf(core::PersonRole role) const
    {
        PersonListModel* model = tab()->peopleModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->personAt(row).role == role) {
                return row;
            }
        }
        return -1;
    }

    void select(core::PersonRole role)
    {
        const int row = rowOf(role);
        ASSERT_GE(row, 0);
        find<QTableView>("peopleTableView")->setCurrentIndex(tab()->peopleModel()->index(row, 0));
    }

    core::Person stored(core::PersonRole role) const
    {
        for (const auto& person : workspace->people().listForCase(caseId)) {
            if (person.role == role) {
                return person;
            }
        }
        return {};
    }

    TempDir dir;
    std::unique_ptr<core::Workspace> workspace;
    std::unique_ptr<SignalBridge> bridge;
    PrivacyMode privacy;
    std::int64_t caseId = 0;
    QPointer<CaseWorkspace> window;
};

TEST_F(PeopleTabTest, EditsAPersonAndAnIdentifierThroughTheWidgetsAndTheyRoundTrip)
{
    open();
    select(core::PersonRole::Victim);
    EXPECT_EQ(tab()->editor()->personId(), stored(core::PersonRole::Victim).id);
    EXPECT_EQ(find<QLineEdit>("givenNameLineEdit")->text(), QStringLiteral("Alex"));
    EXPECT_TRUE(find<QCheckBox>("enhancedRightsCheckBox")->isVisibleTo(tab()));
    EXPECT_FALSE(find<QCheckBox>("firstDisclosureCheckBox")->isVisibleTo(tab()));

    QTest::keyClicks(find<QLineEdit>("pronounsLineEdit"), QStringLiteral("they/them"));
    QTest::keyClicks(find<QLineEdit>("languageLineEdit"), QStringLiteral("Welsh"));
    find<QCheckBox>("interpreterCheckBox")->setChecked(true);
    find<QPlainTextEdit>("needsPlainTextEdit")->setPlainText(QStringLiteral("Prefers afternoon appointments"));
    find<QCheckBox>("enhancedRightsCheckBox")->setChecked(false);
    EXPECT_TRUE(tab()->hasUnsavedChanges());
    window->findChild<QAction*>(QStringLiteral("saveAction"))->trigger(); // Ctrl+S
    EXPECT_FALSE(tab()->hasUnsavedChanges());

    auto* kind = find<QComboBox>("identifierKindComboBox");
    const int phone = kind->findData(QStringLiteral("email"));
    ASSERT_GE(phone, 0);
    kind->setCurrentIndex(phone);
    QTest::keyClicks(find<QLineEdit>("identifierValueLineEdit"), QStringLiteral("alex@example.invalid"));
    QTest::mouseClick(find<QPushButton>("addIdentifierButton"), Qt::LeftButton);
    ASSERT_EQ(find<QTableWidget>("identifierTableWidget")->rowCount(), 1);

    // Reopen the case: the values come back from the workspace.
    window->discardAndClose();
    ASSERT_TRUE(waitFor([&] { return window.isNull(); }));
    open();
    select(core::PersonRole::Victim);
    EXPECT_EQ(find<QLineEdit>("pronounsLineEdit")->text(), QStringLiteral("they/them"));
    EXPECT_EQ(find<QLineEdit>("languageLineEdit")->text(), QStringLiteral("Welsh"));
    EXPECT_TRUE(find<QCheckBox>("interpreterCheckBox")->isChecked());
    EXPECT_EQ(find<QPlainTextEdit>("needsPlainTextEdit")->toPlainText(),
              QStringLiteral("Prefers afternoon appointments"));
    EXPECT_FALSE(find<QCheckBox>("enhancedRightsCheckBox")->isChecked());
    auto* identifiers = find<QTableWidget>("identifierTableWidget");
    ASSERT_EQ(identifiers->rowCount(), 1);
    EXPECT_EQ(identifiers->item(0, 1)->text(), QStringLiteral("alex@example.invalid"));
    const core::Person victim = stored(core::PersonRole::Victim);
    EXPECT_EQ(victim.pronouns.value_or(""), "they/them");
    EXPECT_FALSE(victim.enhancedRights);
    const auto records = workspace->records().list(core::recordSpec("identifier"), victim.id);
    ASSERT_EQ(records.size(), 1U);
    EXPECT_EQ(records[0].get("kind"), "email");

    // And removing it.
    identifiers->selectRow(0);
    QTest::mouseClick(find<QPushButton>("removeIdentifierButton"), Qt::LeftButton);
    EXPECT_EQ(identifiers->rowCount(), 0);
    EXPECT_TRUE(workspace->records().list(core::recordSpec("identifier"), victim.id).empty());
}

TEST_F(PeopleTabTest, AValidationErrorIsShownInlineKeepsTheInputAndSavesNothing)
{
    open();
    select(core::PersonRole::Witness);
    const core::Person before = stored(core::PersonRole::Witness);
    EXPECT_TRUE(find<QCheckBox>("firstDisclosureCheckBox")->isVisibleTo(tab()));
    ASSERT_FALSE(before.dateOfBirth.has_value());
    find<WholeNumberEdit>("ageLineEdit")->setText(QStringLiteral("140"));
    QTest::keyClicks(find<QLineEdit>("languageLineEdit"), QStringLiteral("Polish"));
    EXPECT_FALSE(tab()->save());
    auto* error = find<InlineMessage>("ageErrorLabel");
    EXPECT_FALSE(error->isHidden());
    EXPECT_TRUE(error->text().contains(QStringLiteral("Age"))) << error->text().toStdString();
    EXPECT_EQ(find<WholeNumberEdit>("ageLineEdit")->text(), QStringLiteral("140")) << "the input stays";
    EXPECT_EQ(find<QLineEdit>("languageLineEdit")->text(), QStringLiteral("Polish"));
    EXPECT_TRUE(tab()->hasUnsavedChanges());
    const core::Person after = stored(core::PersonRole::Witness);
    EXPECT_EQ(after.ageYears, before.ageYears);
    EXPECT_EQ(after.language, before.language);
    EXPECT_EQ(after.updatedAt, before.updatedAt);

    // A person needs a name: the error names the field.
    find<WholeNumberEdit>("ageLineEdit")->setText(QStringLiteral("30"));
    find<QLineEdit>("givenNameLineEdit")->clear();
    find<QLineEdit>("familyNameLineEdit")->clear();
    EXPECT_FALSE(tab()->save());
    EXPECT_FALSE(find<InlineMessage>("nameErrorLabel")->isHidden());
    EXPECT_TRUE(find<InlineMessage>("nameErrorLabel")->text().startsWith(QStringLiteral("Error: Name")))
        << find<InlineMessage>("nameErrorLabel")->text().toStdString();
    EXPECT_EQ(stored(core::PersonRole::Witness).givenName, before.givenName);
}

// Issue 15: a spin box up to 150 took "200" as "20" and saved it without a word. The age keeps what was typed and
// core's refusal is shown next to it; nothing is saved.
TEST_F(PeopleTabTest, TypingTwoHundredInTheAgeIsRefusedInlineNotSavedAsTwenty)
{
    open();
    select(core::PersonRole::Witness);
    const core::Person before = stored(core::PersonRole::Witness);
    auto* age = find<WholeNumberEdit>("ageLineEdit");
    age->clear();
    QTest::keyClicks(age, QStringLiteral("200"));
    EXPECT_EQ(age->text(), QStringLiteral("200")) << "nothing clipped while typing";
    EXPECT_FALSE(tab()->save());
    auto* error = find<InlineMessage>("ageErrorLabel");
    EXPECT_FALSE(error->isHidden());
    EXPECT_TRUE(error->text().contains(QStringLiteral("between 0 and 120"))) << error->text().toStdString();
    EXPECT_EQ(age->text(), QStringLiteral("200"));
    EXPECT_EQ(stored(core::PersonRole::Witness).ageYears, before.ageYears);
    EXPECT_EQ(stored(core::PersonRole::Witness).updatedAt, before.updatedAt);

    // Not a number at all: refused by the form in the same inline style, before core is asked.
    age->setText(QStringLiteral("2o"));
    EXPECT_FALSE(tab()->save());
    EXPECT_TRUE(error->text().contains(QStringLiteral("not a whole number"))) << error->text().toStdString();
    EXPECT_EQ(stored(core::PersonRole::Witness).updatedAt, before.updatedAt);

    age->setText(QStringLiteral("34"));
    ASSERT_TRUE(tab()->save());
    EXPECT_TRUE(error->isHidden());
    EXPECT_EQ(stored(core::PersonRole::Witness).ageYears, std::optional<int>(34));
}

// Issue 15: ticking "Date of birth known" filled in 01/01/1990 and saved it if left. The date starts empty, is
// asked for only while ticked, and a date that does not exist is refused, not turned into another.
TEST_F(PeopleTabTest, DateOfBirthStartsEmptyAndIsRequiredOnlyWhenTicked)
{
    open();
    select(core::PersonRole::Witness);
    const core::Person before = stored(core::PersonRole::Witness);
    ASSERT_FALSE(before.dateOfBirth.has_value());
    auto* known = find<QCheckBox>("dateOfBirthKnownCheckBox");
    auto* dob = find<DateLineEdit>("dateOfBirthLineEdit");
    EXPECT_FALSE(known->isChecked());
    EXPECT_TRUE(dob->text().isEmpty());
    EXPECT_FALSE(dob->isEnabled());

    known->setChecked(true);
    EXPECT_TRUE(dob->isEnabled());
    EXPECT_TRUE(dob->text().isEmpty()) << "no date invented";
    EXPECT_TRUE(tab()->hasUnsavedChanges());
    EXPECT_FALSE(tab()->save());
    auto* error = find<InlineMessage>("dateOfBirthErrorLabel");
    EXPECT_FALSE(error->isHidden());
    EXPECT_TRUE(error->text().contains(QStringLiteral("Date of birth"))) << error->text().toStdString();
    EXPECT_FALSE(stored(core::PersonRole::Witness).dateOfBirth.has_value());

    QTest::keyClicks(dob, QStringLiteral("31/02/1990"));
    EXPECT_FALSE(tab()->save());
    EXPECT_TRUE(error->text().contains(QStringLiteral("is not a date"))) << error->text().toStdString();
    EXPECT_EQ(dob->text(), QStringLiteral("31/02/1990")) << "the input stays";
    EXPECT_FALSE(stored(core::PersonRole::Witness).dateOfBirth.has_value());

    dob->clear();
    QTest::keyClicks(dob, QStringLiteral("14/03/1990"));
    ASSERT_TRUE(tab()->save());
    EXPECT_EQ(stored(core::PersonRole::Witness).dateOfBirth, std::optional<std::string>("1990-03-14"));

    // Unticked: not required, and the stored date is removed.
    find<QCheckBox>("dateOfBirthKnownCheckBox")->setChecked(false);
    ASSERT_TRUE(tab()->save());
    EXPECT_FALSE(stored(core::PersonRole::Witness).dateOfBirth.has_value());
}

TEST_F(PeopleTabTest, NewPersonWithCtrlNAndARelationship)
{
    open();
    const auto count = workspace->people().listForCase(caseId).size();
    window->findChild<QAction*>(QStringLiteral("newRecordAction"))->trigger(); // Ctrl+N
    QTest::keyClicks(find<QLineEdit>("givenNameLineEdit"), QStringLiteral("Kit"));
    QTest::keyClicks(find<QLineEdit>("familyNameLineEdit"), QStringLiteral("Madeup"));
    auto* role = find<QComboBox>("roleComboBox");
    role->setCurrentIndex(role->findData(static_cast<int>(core::PersonRole::Suspect)));
    EXPECT_TRUE(window->hasUnsavedChanges());
    ASSERT_TRUE(tab()->save());
    EXPECT_EQ(workspace->people().listForCase(caseId).size(), count + 1);
    ASSERT_TRUE(waitFor([&] { return tab()->peopleModel()->rowCount() == static_cast<int>(count + 1); }));

    auto* relationships = find<QTableWidget>("relationshipTableWidget");
    const int before = relationships->rowCount();
    auto* suspect = find<QComboBox>("relationshipSuspectComboBox");
    suspect->setCurrentIndex(suspect->findText(QStringLiteral("Kit Madeup")));
    ASSERT_GE(suspect->currentIndex(), 0);
    auto* category = find<QComboBox>("relationshipCategoryComboBox");
    category->setCurrentIndex(category->findData(QStringLiteral("acquaintance")));
    ASSERT_GE(category->currentIndex(), 0);
    QTest::keyClicks(find<QLineEdit>("relationshipDescriptionLineEdit"), QStringLiteral("Met at a fictional gym"));
    QTest::mouseClick(find<QPushButton>("addRelationshipButton"), Qt::LeftButton);
    ASSERT_EQ(relationships->rowCount(), before + 1);
    const auto stored = workspace->records().list(core::recordSpec("relationship"), caseId);
    ASSERT_EQ(static_cast<int>(stored.size()), before + 1);
    EXPECT_EQ(stored.back().get("category"), "acquaintance");
    EXPECT_EQ(stored.back().get("description"), "Met at a fictional gym");
}

TEST_F(PeopleTabTest, ARefusedIdentifierOrRelationshipFieldIsWordedWithItsLabelAndFocused)
{
    // These panels used to print core's field key ("note: A value is not valid (note).").
    open();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.data()));
    select(core::PersonRole::Victim);
    const core::Person victim = stored(core::PersonRole::Victim);
    auto* kind = find<QComboBox>("identifierKindComboBox");
    kind->setCurrentIndex(kind->findData(QStringLiteral("email")));
    find<QLineEdit>("identifierValueLineEdit")->setText(QStringLiteral("kit@example.invalid"));
    auto* note = find<QLineEdit>("identifierNoteLineEdit");
    note->setText(QStringLiteral("bell") + QChar(7) + QStringLiteral("rings"));
    QTest::mouseClick(find<QPushButton>("addIdentifierButton"), Qt::LeftButton);
    const QString identifierError = find<InlineMessage>("identifierErrorLabel")->text();
    EXPECT_TRUE(identifierError.contains(QStringLiteral("Note: at most"))) << identifierError.toStdString();
    EXPECT_FALSE(identifierError.contains(QStringLiteral("(note)"))) << identifierError.toStdString();
    EXPECT_TRUE(note->hasFocus());
    EXPECT_TRUE(workspace->records().list(core::recordSpec("identifier"), victim.id).empty());

    // A blank value: what the field is for, and the focus on it.
    note->clear();
    find<QLineEdit>("identifierValueLineEdit")->clear();
    QTest::mouseClick(find<QPushButton>("addIdentifierButton"), Qt::LeftButton);
    EXPECT_TRUE(find<InlineMessage>("identifierErrorLabel")->text().contains(QStringLiteral("Value: enter the alias")));
    EXPECT_TRUE(find<QLineEdit>("identifierValueLineEdit")->hasFocus());

    const auto before = workspace->records().list(core::recordSpec("relationship"), caseId).size();
    auto* description = find<QLineEdit>("relationshipDescriptionLineEdit");
    description->setText(QStringLiteral("met") + QChar(7) + QStringLiteral("somewhere"));
    QTest::mouseClick(find<QPushButton>("addRelationshipButton"), Qt::LeftButton);
    const QString relationshipError = find<InlineMessage>("relationshipErrorLabel")->text();
    EXPECT_TRUE(relationshipError.contains(QStringLiteral("Description: at most 2000 characters")))
        << relationshipError.toStdString();
    EXPECT_TRUE(description->hasFocus());
    EXPECT_EQ(workspace->records().list(core::recordSpec("relationship"), caseId).size(), before);
}

TEST_F(PeopleTabTest, PersonListModelPassesTheModelTesterThroughChanges)
{
    PersonListModel model(&privacy);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QObject::connect(bridge.get(), &SignalBridge::personChanged, &model, &PersonListModel::applyChange);
    model.load(workspace->people(), caseId);
    ASSERT_EQ(model.rowCount(), 3);
    core::PersonDraft draft;
    draft.caseId = caseId;
    draft.role = core::PersonRole::Witness;
    draft.givenName = "Lee";
    draft.familyName = "Invented";
    draft.ageYears = 40;
    const auto added = workspace->people().add(draft);
    ASSERT_TRUE(waitFor([&] { return model.rowCount() == 4; }));
    const int row = model.rowOf(added.id);
    EXPECT_EQ(model.index(row, PersonListModel::DateOfBirthColumn).data().toString(), QStringLiteral("Age 40"));
    privacy.setOn(true);
    EXPECT_EQ(model.index(row, PersonListModel::NameColumn).data().toString(), QStringLiteral("L. I."));
    privacy.setOn(false);
    workspace->people().remove(added.id);
    ASSERT_TRUE(waitFor([&] { return model.rowCount() == 3; }));
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace wb::ui::test
