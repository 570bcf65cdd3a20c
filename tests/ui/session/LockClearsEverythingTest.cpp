// SPDX-License-Identifier: GPL-3.0-or-later
// After a lock nothing of a case may stay on screen or in a model: the case list,
// every open case window (and its tabs' models) and the dialogs all go.
#include <gtest/gtest.h>

#include <algorithm>

#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextEdit>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/SearchDialog.h"
#include "ui/people/PeopleTab.h"
#include "ui/text/DisplayText.h"

namespace wb::ui::test {
namespace {

const QString Reference = QStringLiteral("FICT/0501/26");
const QString FamilyName = QStringLiteral("Quorrington");

/// Every piece of text any live widget shows or any view's model holds.
QStringList everythingOnScreen()
{
    QStringList texts;
    const auto widgets = QApplication::allWidgets();
    for (QWidget* widget : widgets) {
        texts << widget->windowTitle();
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            texts << label->text();
        } else if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
            texts << edit->text();
        } else if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
            texts << plain->toPlainText();
        } else if (auto* rich = qobject_cast<QTextEdit*>(widget)) {
            texts << rich->toPlainText();
        } else if (auto* view = qobject_cast<QAbstractItemView*>(widget); view != nullptr && view->model() != nullptr) {
            const QAbstractItemModel* model = view->model();
            for (int r = 0; r < model->rowCount(); ++r) {
                for (int c = 0; c < model->columnCount(); ++c) {
                    texts << model->index(r, c).data().toString();
                }
            }
        }
    }
    return texts;
}

bool shows(const QString& needle)
{
    const QStringList texts = everythingOnScreen();
    return std::any_of(texts.begin(), texts.end(),
                       [&](const QString& text) { return text.contains(needle, Qt::CaseInsensitive); });
}

TEST(LockClearsEverythingTest, CaseListCaseWindowsAndDialogsHoldNothingAfterLock)
{
    TempDir dir;
    AppSettings settings(qpath(dir.path() / "settings.ini"));
    MainWindow window(catalogues(), settings);
    window.setKdfParams(core::store::KdfParams::minimum());
    window.show();
    auto workspace = makeWorkspace(dir.path() / "main.rwb");
    const auto record = workspace->cases().add(wb::test::caseDraft(DisplayText::toStd(Reference)));
    core::PersonDraft person;
    person.caseId = record.id;
    person.givenName = "Fictional";
    person.familyName = DisplayText::toStd(FamilyName);
    workspace->people().add(person);
    core::Workspace* raw = workspace.get();
    window.attachWorkspace(std::move(workspace));

    CaseWorkspace* caseWindow = window.openCaseWorkspace(record.id, QStringLiteral("person"));
    ASSERT_NE(caseWindow, nullptr);
    ASSERT_TRUE(waitFor([&] { return shows(FamilyName); })) << "the person is on screen before the lock";
    ASSERT_NE(window.showSearch(), nullptr);
    ASSERT_TRUE(shows(Reference));

    window.lockWorkspace();
    QTest::qWait(1);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    EXPECT_TRUE(raw->isLocked());
    EXPECT_EQ(window.caseModel()->rowCount(), 0);
    EXPECT_EQ(window.caseWorkspace(record.id), nullptr);
    EXPECT_EQ(visibleTopLevel<SearchDialog>(), nullptr);
    EXPECT_FALSE(shows(Reference)) << "the case reference is still shown somewhere";
    EXPECT_FALSE(shows(FamilyName)) << "a name is still shown somewhere";
    EXPECT_FALSE(shows(QStringLiteral("Fictional Tester"))) << "the owner is still shown";
}

} // namespace
} // namespace wb::ui::test
