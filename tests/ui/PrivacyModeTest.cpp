// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include "UiTestSupport.h"
#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "ui/AppSettings.h"
#include "ui/CaseWorkspace.h"
#include "ui/MainWindow.h"
#include "ui/PeopleTab.h"
#include "ui/PersonListModel.h"
#include "ui/PrivacyMode.h"
#include "ui/SearchDialog.h"

namespace wb::ui::test {
namespace {

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
            if (record.reference == "DEMO/0001/26") {
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
    EXPECT_TRUE(searchTexts(search).join(QLatin1Char('|')).contains(QStringLiteral("Alex"))) << searchTexts(search).join(QLatin1Char('|')).toStdString();

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
            suspectNamed = model->index(row, PersonListModel::NameColumn).data().toString()
                           == QStringLiteral("Jordan Sample");
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
    EXPECT_FALSE(wb::test::contains(bytes, "DEMO/0001/26"));
}

} // namespace
} // namespace wb::ui::test
