// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeWidget>

#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "core/records/RecordSpec.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/SearchDialog.h"
#include "ui/people/PeopleTab.h"
#include "ui/people/PersonEditor.h"
#include "ui/people/PersonListModel.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordTab.h"
#include "ui/today/TodayView.h"
#include "ui/victim/VictimTab.h"
#include "ui/widgets/MaskedField.h"

namespace wb::ui::test {
namespace {

// Fictional markers: a victim and a witness with names, a date of birth, phone
// numbers (Ofcom drama range) and an email that appear nowhere else.
const QString VictimGiven = QStringLiteral("Zephyrine");
const QString VictimFamily = QStringLiteral("Quarrendon");
const QString WitnessGiven = QStringLiteral("Bartholomew");
const QString WitnessFamily = QStringLiteral("Fennimorely");
const QString VictimDob = QStringLiteral("14/03/1991");
const QString VictimPhone = QStringLiteral("07700 900461");
const QString VictimEmail = QStringLiteral("zq.marker@example.org");
const QString SafeChannel = QStringLiteral("07700 900462");
const QString GoBetween = QStringLiteral("Aunt Marigoldine");

QStringList markers()
{
    return {VictimGiven, VictimFamily, WitnessGiven, WitnessFamily, VictimDob, QStringLiteral("1991-03-14"),
            VictimPhone, VictimEmail,  SafeChannel,  GoBetween};
}

/// Everything a sighted user or a screen reader can get from the visible widgets
/// under root: texts, titles, tooltips, accessible names, every item of combo
/// boxes, tab bars and item views. `skip` widgets (and what is inside them) are left out.
void collectTexts(QWidget* root, QStringList& out, const std::set<const QWidget*>& skip)
{
    if (!root->isVisible() || skip.count(root) > 0) {
        return;
    }
    out << root->toolTip() << root->accessibleName() << root->accessibleDescription() << root->statusTip();
    if (root->isWindow()) {
        out << root->windowTitle();
    }
    if (auto* label = qobject_cast<QLabel*>(root)) {
        out << label->text();
    } else if (auto* button = qobject_cast<QAbstractButton*>(root)) {
        out << button->text();
    } else if (auto* box = qobject_cast<QGroupBox*>(root)) {
        out << box->title();
    } else if (auto* line = qobject_cast<QLineEdit*>(root)) {
        if (line->echoMode() == QLineEdit::Normal) {
            out << line->text();
        }
        out << line->placeholderText();
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(root)) {
        out << plain->toPlainText();
    } else if (auto* rich = qobject_cast<QTextEdit*>(root)) {
        out << rich->toPlainText();
    } else if (auto* combo = qobject_cast<QComboBox*>(root)) {
        for (int i = 0; i < combo->count(); ++i) {
            out << combo->itemText(i);
        }
    } else if (auto* spin = qobject_cast<QAbstractSpinBox*>(root)) {
        out << spin->text();
    } else if (auto* bar = qobject_cast<QTabBar*>(root)) {
        for (int i = 0; i < bar->count(); ++i) {
            out << bar->tabText(i) << bar->tabToolTip(i);
        }
    }
    if (auto* view = qobject_cast<QAbstractItemView*>(root); view != nullptr && view->model() != nullptr) {
        const QAbstractItemModel* model = view->model();
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int row = 0; row < model->rowCount(parent); ++row) {
                for (int column = 0; column < model->columnCount(parent); ++column) {
                    const QModelIndex index = model->index(row, column, parent);
                    out << index.data(Qt::DisplayRole).toString() << index.data(Qt::ToolTipRole).toString()
                        << index.data(Qt::AccessibleTextRole).toString();
                    if (column == 0) {
                        walk(index);
                    }
                }
            }
        };
        walk(view->rootIndex());
    }
    for (QWidget* child : root->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        collectTexts(child, out, skip);
    }
}

/// The markers found anywhere visible in every visible window.
QStringList leakedMarkers(const std::set<const QWidget*>& skip = {})
{
    QStringList texts;
    for (QWidget* window : QApplication::topLevelWidgets()) {
        collectTexts(window, texts, skip);
    }
    const QString all = texts.join(QLatin1Char('\n'));
    QStringList found;
    for (const QString& marker : markers()) {
        if (all.contains(marker, Qt::CaseInsensitive)) {
            found << marker;
        }
    }
    return found;
}

class PrivacyModeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        settings = std::make_unique<AppSettings>(qpath(dir / "settings.ini"));
        makeWindow();
    }

    void makeWindow()
    {
        window = std::make_unique<MainWindow>(catalogues(), *settings);
        window->setKdfParams(core::store::KdfParams::minimum());
        window->show();
    }

    void attachDemo()
    {
        auto workspace = makeWorkspace(dir / "privacy.rwb", true);
        core::addDemoCases(*workspace);
        for (const auto& record : workspace->cases().list()) {
            if (record.reference.starts_with("DEMO/0001/")) {
                caseId = record.id;
            }
        }
        window->attachWorkspace(std::move(workspace));
    }

    void TearDown() override
    {
        window.reset();
        QTest::qWait(1);
    }

    QAction* privacyAction() const { return window->findChild<QAction*>(QStringLiteral("privacyAction")); }

    QString victimNameInList(CaseWorkspace* view) const
    {
        PersonListModel* model = view->peopleTab()->peopleModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->personAt(row).role == core::PersonRole::Victim) {
                return model->index(row, PersonListModel::NameColumn).data().toString();
            }
        }
        return {};
    }

    QStringList searchTexts(SearchDialog* dialog) const
    {
        QStringList texts;
        QTreeWidget* tree = dialog->results();
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
                texts << tree->topLevelItem(i)->child(j)->text(1);
            }
        }
        return texts;
    }

    struct Markers {
        std::int64_t victim = 0;
        std::int64_t witness = 0;
        std::int64_t plan = 0;
    };

    /// The marker victim (with a date of birth, a phone and an email), a marker
    /// witness and a contact plan with marker safe channels, in the demo case.
    Markers addMarkers()
    {
        core::Workspace& ws = *window->workspace();
        Markers ids;
        core::PersonDraft victim;
        victim.caseId = caseId;
        victim.role = core::PersonRole::Victim;
        victim.givenName = VictimGiven.toStdString();
        victim.familyName = VictimFamily.toStdString();
        victim.dateOfBirth = "1991-03-14";
        ids.victim = ws.people().add(victim).id;
        core::PersonDraft witness;
        witness.caseId = caseId;
        witness.role = core::PersonRole::Witness;
        witness.givenName = WitnessGiven.toStdString();
        witness.familyName = WitnessFamily.toStdString();
        ids.witness = ws.people().add(witness).id;
        const auto& identifier = core::recordSpec("identifier");
        ws.records().add(identifier, ids.victim, {{"kind", "phone"}, {"value", VictimPhone.toStdString()}});
        ws.records().add(identifier, ids.victim,
                         {{"kind", "email"}, {"value", VictimEmail.toStdString()}, {"note", "personal"}});
        ids.plan = ws.records()
                       .add(core::recordSpec("contact_plan"), caseId,
                            {{"victim_id", std::to_string(ids.victim)},
                             {"agreed_on", "2026-01-05"},
                             {"method", "phone"},
                             {"safe_channels", SafeChannel.toStdString()},
                             {"through_whom", "other"},
                             {"through_details", GoBetween.toStdString()},
                             {"recorded_by", "DC Demo Example"}})
                       .id;
        return ids;
    }

    TempDir dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<MainWindow> window;
    std::int64_t caseId = 0;
};

TEST_F(PrivacyModeTest, ToolbarActionWithShortcutAndStatusText)
{
    QAction* action = privacyAction();
    ASSERT_NE(action, nullptr);
    EXPECT_TRUE(action->isCheckable());
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    EXPECT_TRUE(action->text().contains(QStringLiteral("Hide names")));
    auto* label = window->findChild<QLabel*>(QStringLiteral("privacyLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), QStringLiteral("Privacy mode off"));
    action->trigger();
    EXPECT_TRUE(window->privacyMode()->isOn());
    EXPECT_EQ(label->text(), QStringLiteral("Privacy mode on: names hidden"));
}

TEST_F(PrivacyModeTest, VictimsNameIsInitialsInPeopleListHeaderAndSearchWhileOn)
{
    attachDemo();
    CaseWorkspace* view = window->openCaseWorkspace(caseId, QStringLiteral("person"));
    ASSERT_NE(view, nullptr);
    auto* header = view->findChild<QLabel*>(QStringLiteral("caseHeaderLabel"));
    SearchDialog* search = window->showSearch();
    ASSERT_NE(search, nullptr);
    QTest::keyClicks(search->searchEdit(), QStringLiteral("Alex"));

    EXPECT_EQ(victimNameInList(view), QStringLiteral("Alex Example"));
    EXPECT_TRUE(header->text().contains(QStringLiteral("Alex Example"))) << header->text().toStdString();
    EXPECT_TRUE(searchTexts(search).join(QLatin1Char('|')).contains(QStringLiteral("Alex")))
        << searchTexts(search).join(QLatin1Char('|')).toStdString();

    privacyAction()->trigger(); // on
    EXPECT_EQ(victimNameInList(view), QStringLiteral("A. E."));
    EXPECT_FALSE(header->text().contains(QStringLiteral("Alex"))) << header->text().toStdString();
    EXPECT_TRUE(header->text().contains(QStringLiteral("A. E."))) << header->text().toStdString();
    const QString hits = searchTexts(search).join(QLatin1Char('|'));
    EXPECT_FALSE(hits.contains(QStringLiteral("Alex"))) << hits.toStdString();
    EXPECT_TRUE(hits.contains(QStringLiteral("A. E."))) << hits.toStdString();
    EXPECT_FALSE(view->windowTitle().contains(QStringLiteral("Alex")));
    // A suspect keeps their name.
    PersonListModel* model = view->peopleTab()->peopleModel();
    bool suspectNamed = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->personAt(row).role == core::PersonRole::Suspect) {
            suspectNamed =
                model->index(row, PersonListModel::NameColumn).data().toString() == QStringLiteral("Jordan Sample");
        }
    }
    EXPECT_TRUE(suspectNamed);

    privacyAction()->trigger(); // off
    EXPECT_EQ(victimNameInList(view), QStringLiteral("Alex Example"));
    EXPECT_TRUE(header->text().contains(QStringLiteral("Alex Example")));
    EXPECT_TRUE(searchTexts(search).join(QLatin1Char('|')).contains(QStringLiteral("Alex")));
}

TEST_F(PrivacyModeTest, VictimsContactDetailsAreHiddenWhileOn)
{
    attachDemo();
    CaseWorkspace* view = window->openCaseWorkspace(caseId, QStringLiteral("person"));
    ASSERT_NE(view, nullptr);
    PeopleTab* tab = view->peopleTab();
    PersonListModel* model = tab->peopleModel();
    std::int64_t victimId = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->personAt(row).role == core::PersonRole::Victim) {
            victimId = model->idAt(row);
        }
    }
    tab->selectPerson(victimId);
    tab->findChild<QLineEdit*>(QStringLiteral("identifierValueLineEdit"))->setText(QStringLiteral("07700 900999"));
    QTest::keyClick(tab->findChild<QLineEdit*>(QStringLiteral("identifierValueLineEdit")), Qt::Key_Return);
    auto* table = tab->findChild<QTableWidget*>(QStringLiteral("identifierTableWidget"));
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("07700 900999"));
    window->privacyMode()->setOn(true);
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("•••"));
    EXPECT_TRUE(privacyAction()->isChecked()) << "the action follows the mode";
    window->privacyMode()->setOn(false);
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("07700 900999"));
}

TEST_F(PrivacyModeTest, NoVictimOrWitnessNameOrContactIsVisibleAnywhereWhileOn)
{
    attachDemo();
    const Markers ids = addMarkers();
    window->privacyMode()->setOn(true);
    const auto expectNothingShown = [](const std::string& where, const std::set<const QWidget*>& skip = {}) {
        const QStringList leaked = leakedMarkers(skip);
        EXPECT_TRUE(leaked.isEmpty()) << where << ": " << leaked.join(QStringLiteral(", ")).toStdString();
    };

    // The main window: Today, then the case list.
    window->mainTabs()->setCurrentIndex(0);
    expectNothingShown("Today");
    window->mainTabs()->setCurrentIndex(1);
    expectNothingShown("case list");

    // Every tab of the case window.
    CaseWorkspace* view = window->openCaseWorkspace(caseId);
    ASSERT_NE(view, nullptr);
    QTabWidget* tabs = view->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QApplication::processEvents();
        expectNothingShown("case tab " + tabs->tabText(i).toStdString());
    }
    // The People tab with the victim, then the witness, in the editor.
    tabs->setCurrentWidget(view->peopleTab());
    view->peopleTab()->selectPerson(ids.victim);
    ASSERT_EQ(view->peopleTab()->editor()->personId(), ids.victim);
    expectNothingShown("person editor, victim");
    view->peopleTab()->selectPerson(ids.witness);
    expectNothingShown("person editor, witness");
    // The Victim tab: every section for the marker victim, and the contact plan open in its form.
    auto* victimTab = view->findChild<VictimTab*>();
    ASSERT_NE(victimTab, nullptr);
    tabs->setCurrentWidget(victimTab);
    ASSERT_TRUE(victimTab->selectVictim(ids.victim));
    for (int i = 0; i < victimTab->sections()->count(); ++i) {
        victimTab->sections()->setCurrentIndex(i);
        QApplication::processEvents();
        expectNothingShown("victim section " + victimTab->sections()->tabText(i).toStdString());
    }
    ASSERT_TRUE(victimTab->openRecord("contact_plan", ids.plan));
    expectNothingShown("contact plan form");
    victimTab->changePlan();
    expectNothingShown("new contact plan prefilled from the current one");
    victimTab->discardChanges();

    // Search, and a person opened from it (the typed search words are the officer's own).
    SearchDialog* search = window->showSearch();
    ASSERT_NE(search, nullptr);
    QTest::keyClicks(search->searchEdit(), VictimFamily);
    ASSERT_TRUE(waitFor([&] { return search->results()->topLevelItemCount() > 0; }));
    expectNothingShown("search", {search->searchEdit()});
    QTreeWidgetItem* hit = nullptr;
    for (int i = 0; hit == nullptr && i < search->results()->topLevelItemCount(); ++i) {
        for (int j = 0; j < search->results()->topLevelItem(i)->childCount(); ++j) {
            if (search->results()->topLevelItem(i)->child(j)->text(0) == QStringLiteral("Victim")) {
                hit = search->results()->topLevelItem(i)->child(j);
            }
        }
    }
    ASSERT_NE(hit, nullptr);
    search->results()->setCurrentItem(hit);
    QTest::keyClick(search->searchEdit(), Qt::Key_Return); // opens the current result
    ASSERT_TRUE(waitFor([&] { return view->peopleTab()->editor()->personId() == ids.victim; }));
    expectNothingShown("person opened from search");

    // The walk sees them when privacy mode is off (so the checks above could fail).
    window->privacyMode()->setOn(false);
    const QStringList shown = leakedMarkers();
    EXPECT_TRUE(shown.contains(VictimGiven)) << shown.join(QStringLiteral(", ")).toStdString();
    EXPECT_TRUE(shown.contains(VictimDob)) << shown.join(QStringLiteral(", ")).toStdString();
    EXPECT_TRUE(shown.contains(VictimPhone)) << shown.join(QStringLiteral(", ")).toStdString();
}

TEST_F(PrivacyModeTest, ShowRevealsOneFieldUntilTheFocusLeavesIt)
{
    attachDemo();
    const Markers ids = addMarkers();
    window->privacyMode()->setOn(true);
    CaseWorkspace* view = window->openCaseWorkspace(caseId, QStringLiteral("person"));
    ASSERT_NE(view, nullptr);
    view->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(view));
    view->peopleTab()->selectPerson(ids.victim);
    PersonEditor* editor = view->peopleTab()->editor();
    MaskedField* given = editor->givenNameMask();
    ASSERT_TRUE(given->isMasked());
    EXPECT_FALSE(given->field()->isVisible());
    EXPECT_EQ(given->standIn()->text(), QStringLiteral("Z. (hidden)")) << "said in words, not colour";
    EXPECT_EQ(editor->familyNameMask()->standIn()->text(), QStringLiteral("Q. (hidden)"));
    EXPECT_TRUE(editor->dateOfBirthMask()->isMasked());
    EXPECT_EQ(given->showButton()->accessibleName(), QStringLiteral("Show Given name"));
    EXPECT_NE(given->showButton()->focusPolicy() & Qt::TabFocus, 0) << "reachable with Tab";

    // Keyboard: Space on the Show button reveals this field only.
    given->showButton()->setFocus();
    QTest::keyClick(given->showButton(), Qt::Key_Space);
    EXPECT_TRUE(given->isRevealed());
    EXPECT_TRUE(given->field()->isVisible());
    EXPECT_TRUE(given->field()->hasFocus());
    EXPECT_EQ(leakedMarkers(), QStringList{VictimGiven});
    EXPECT_EQ(given->showButton()->text(), QStringLiteral("Hide"));

    // The focus leaves: masked again.
    editor->findChild<QLineEdit*>(QStringLiteral("pronounsLineEdit"))->setFocus();
    EXPECT_FALSE(given->isRevealed());
    EXPECT_FALSE(given->field()->isVisible());
    EXPECT_TRUE(leakedMarkers().isEmpty()) << leakedMarkers().join(QStringLiteral(", ")).toStdString();

    // Enter on the stand-in reveals it too.
    editor->familyNameMask()->standIn()->setFocus();
    QTest::keyClick(editor->familyNameMask()->standIn(), Qt::Key_Return);
    EXPECT_TRUE(editor->familyNameMask()->isRevealed());
    EXPECT_EQ(leakedMarkers(), QStringList{VictimFamily});

    // Privacy mode off shows everything; on again masks it all.
    window->privacyMode()->setOn(false);
    EXPECT_FALSE(given->isMasked());
    EXPECT_TRUE(given->field()->isVisible());
    window->privacyMode()->setOn(true);
    EXPECT_TRUE(given->isMasked());
    EXPECT_FALSE(editor->familyNameMask()->isRevealed());
}

TEST_F(PrivacyModeTest, SavingWhileMaskedNeverWritesTheMask)
{
    attachDemo();
    const Markers ids = addMarkers();
    window->privacyMode()->setOn(true);
    CaseWorkspace* view = window->openCaseWorkspace(caseId, QStringLiteral("person"));
    ASSERT_NE(view, nullptr);
    view->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(view));
    PeopleTab* tab = view->peopleTab();
    tab->selectPerson(ids.victim);
    PersonEditor* editor = tab->editor();
    core::Workspace& ws = *window->workspace();

    // Typing at the stand-ins changes nothing.
    QTest::keyClicks(editor->givenNameMask()->standIn(), QStringLiteral("XYZ"));
    QTest::keyClicks(editor->dateOfBirthMask()->standIn(), QStringLiteral("01"));
    EXPECT_FALSE(editor->hasUnsavedChanges());

    // Another field changed and saved: the names and date of birth stay as stored.
    QTest::keyClicks(editor->findChild<QLineEdit*>(QStringLiteral("pronounsLineEdit")), QStringLiteral("she/her"));
    ASSERT_TRUE(tab->save());
    auto stored = ws.people().find(ids.victim);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->givenName, VictimGiven.toStdString());
    EXPECT_EQ(stored->familyName, VictimFamily.toStdString());
    EXPECT_EQ(stored->dateOfBirth, std::optional<std::string>("1991-03-14"));
    EXPECT_EQ(stored->pronouns, std::optional<std::string>("she/her"));
    EXPECT_TRUE(editor->givenNameMask()->isMasked()) << "still masked after the save";

    // Revealed, changed, masked again by leaving it, then saved: what was typed is stored.
    MaskedField* given = editor->givenNameMask();
    given->reveal();
    auto* givenEdit = qobject_cast<QLineEdit*>(given->field());
    ASSERT_NE(givenEdit, nullptr);
    givenEdit->selectAll();
    QTest::keyClicks(givenEdit, QStringLiteral("Xanthe"));
    editor->findChild<QLineEdit*>(QStringLiteral("languageLineEdit"))->setFocus();
    EXPECT_FALSE(given->isRevealed());
    EXPECT_EQ(given->standIn()->text(), QStringLiteral("X. (hidden)"));
    ASSERT_TRUE(tab->save());
    stored = ws.people().find(ids.victim);
    EXPECT_EQ(stored->givenName, "Xanthe");
    EXPECT_EQ(stored->familyName, VictimFamily.toStdString());

    // A contact plan's safe channels: masked in the form, carried into a new plan unchanged.
    auto* victimTab = view->findChild<VictimTab*>();
    ASSERT_NE(victimTab, nullptr);
    ASSERT_TRUE(victimTab->selectVictim(ids.victim));
    victimTab->changePlan();
    RecordForm* form = victimTab->recordTab("contact_plan")->form();
    ASSERT_NE(form->mask("safe_channels"), nullptr);
    EXPECT_TRUE(form->mask("safe_channels")->isMasked());
    EXPECT_TRUE(form->mask("through_details")->isMasked());
    QTest::keyClicks(form->mask("safe_channels")->standIn(), QStringLiteral("999"));
    const auto saved = form->save();
    ASSERT_TRUE(saved.has_value()) << form->formMessage().toStdString();
    EXPECT_EQ(saved->get("safe_channels"), SafeChannel.toStdString());
    EXPECT_EQ(saved->get("through_details"), GoBetween.toStdString());
}

TEST_F(PrivacyModeTest, ASuspectIsNeverMasked)
{
    attachDemo();
    window->privacyMode()->setOn(true);
    core::PersonDraft suspect;
    suspect.caseId = caseId;
    suspect.role = core::PersonRole::Suspect;
    suspect.givenName = "Jonty";
    suspect.familyName = "Suspectmarker";
    const auto id = window->workspace()->people().add(suspect).id;
    CaseWorkspace* view = window->openCaseWorkspace(caseId, QStringLiteral("person"));
    ASSERT_NE(view, nullptr);
    view->peopleTab()->selectPerson(id);
    EXPECT_FALSE(view->peopleTab()->editor()->givenNameMask()->isMasked());
    EXPECT_TRUE(view->peopleTab()->editor()->givenNameMask()->field()->isVisible());
}

TEST_F(PrivacyModeTest, TheSettingIsRememberedButNoCaseData)
{
    attachDemo();
    privacyAction()->trigger();
    EXPECT_TRUE(settings->privacyMode());
    window.reset();
    makeWindow();
    EXPECT_TRUE(window->privacyMode()->isOn());
    EXPECT_TRUE(privacyAction()->isChecked());
    const auto bytes = wb::test::readBytes(dir / "settings.ini");
    EXPECT_FALSE(wb::test::contains(bytes, "Alex"));
    EXPECT_FALSE(wb::test::contains(bytes, "DEMO/0001/"));
}

} // namespace
} // namespace wb::ui::test
