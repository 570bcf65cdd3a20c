// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace ▸ Change passphrase…: the dialog changes the passphrase off the GUI thread, and the
// workspace then opens with the new passphrase only.
#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

#include "core/Error.h"
#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/ChangePassphraseDialog.h"
#include "ui/session/PassphraseStrength.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

constexpr const char* NewPassphrase = "a fresh fictional passphrase, 4 kestrels";

class ChangePassphraseDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        workspace = makeWorkspace(file);
        workspace->cases().add(wb::test::caseDraft("FICT/0401/26"));
    }

    template <typename T> static T* child(QWidget* parent, const char* name)
    {
        auto* found = parent->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    static void fill(ChangePassphraseDialog* dialog, const QString& current, const QString& fresh, const QString& again)
    {
        QTest::keyClicks(child<QLineEdit>(dialog, "currentPassphraseLineEdit"), current);
        QTest::keyClicks(child<QLineEdit>(dialog, "newPassphraseLineEdit"), fresh);
        QTest::keyClicks(child<QLineEdit>(dialog, "confirmPassphraseLineEdit"), again);
    }

    TempDir dir;
    std::filesystem::path file = dir.path() / "main.rwb";
    std::unique_ptr<core::Workspace> workspace;
    WorkspaceSession session;
};

TEST_F(ChangePassphraseDialogTest, ChangesThePassphraseFromTheMenuAndTheNewOneOpens)
{
    AppSettings settings(qpath(dir.path() / "settings.ini"));
    MainWindow window(catalogues(), settings);
    window.setKdfParams(core::store::KdfParams::minimum());
    window.show();
    window.attachWorkspace(std::move(workspace));
    auto* action = window.findChild<QAction*>(QStringLiteral("changePassphraseAction"));
    ASSERT_NE(action, nullptr);
    ASSERT_TRUE(action->isEnabled());
    action->trigger();
    auto* dialog = visibleTopLevel<ChangePassphraseDialog>();
    ASSERT_NE(dialog, nullptr);
    fill(dialog, QString::fromLatin1(wb::test::Passphrase), QString::fromLatin1(NewPassphrase),
         QString::fromLatin1(NewPassphrase));
    EXPECT_FALSE(child<QLabel>(dialog, "strengthLabel")->text().isEmpty());
    auto* start = child<QPushButton>(dialog, "changePassphraseStartButton");
    ASSERT_TRUE(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    EXPECT_TRUE(dialog->isBusy() || !child<QLineEdit>(dialog, "currentPassphraseLineEdit")->isEnabled());
    EXPECT_TRUE(child<QLineEdit>(dialog, "newPassphraseLineEdit")->text().isEmpty()) << "the fields are cleared";
    ASSERT_TRUE(waitFor([&] { return !dialog->isBusy(); }, 60000));
    auto* message = child<InlineMessage>(dialog, "changePassphraseMessageLabel");
    EXPECT_EQ(message->kind(), InlineMessage::Kind::Information) << message->text().toStdString();
    // Still open: the re-encryption did not lock the window.
    ASSERT_NE(window.workspace(), nullptr);
    EXPECT_FALSE(window.workspace()->isLocked());
    EXPECT_TRUE(action->isEnabled());
    EXPECT_EQ(window.workspace()->cases().count(), 1);
    dialog->reject();

    window.lockWorkspace();
    try {
        (void)core::Workspace::deriveForOpen(file, wb::test::Passphrase);
        ADD_FAILURE() << "the old passphrase still opens the workspace";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::WrongPassphrase);
    }
    window.workspace()->unlock(core::Workspace::deriveForOpen(file, NewPassphrase));
    EXPECT_EQ(window.workspace()->cases().count(), 1);
    EXPECT_EQ(window.workspace()->integrityCheck(), "ok");
}

TEST_F(ChangePassphraseDialogTest, AWrongCurrentPassphraseChangesNothingAndSaysSo)
{
    session.attach(std::move(workspace));
    ChangePassphraseDialog dialog(session);
    dialog.show();
    fill(&dialog, QStringLiteral("not the passphrase"), QString::fromLatin1(NewPassphrase),
         QString::fromLatin1(NewPassphrase));
    QTest::mouseClick(child<QPushButton>(&dialog, "changePassphraseStartButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }, 60000));
    auto* message = child<InlineMessage>(&dialog, "changePassphraseMessageLabel");
    EXPECT_EQ(message->kind(), InlineMessage::Kind::Error);
    EXPECT_TRUE(message->text().contains(QStringLiteral("current passphrase is not correct")))
        << message->text().toStdString();
    EXPECT_TRUE(child<QLineEdit>(&dialog, "currentPassphraseLineEdit")->isEnabled());
    EXPECT_FALSE(session.workspace()->isLocked());
    session.workspace()->lock();
    EXPECT_NO_THROW(session.workspace()->unlock(core::Workspace::deriveForOpen(file, wb::test::Passphrase)));
}

// The meter rates the new passphrase as the change will: the owner's name and staff number are
// guessable words, so a passphrase made of them rates lower here than the same shape of other words.
TEST_F(ChangePassphraseDialogTest, TheMeterCountsTheOwnersNameAndStaffNumberAsGuessable)
{
    const auto info = workspace->info();
    const QString owned = QString::fromStdString(info.owner.displayName + " " + info.owner.staffNumber);
    session.attach(std::move(workspace));
    ChangePassphraseDialog dialog(session);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, "newPassphraseLineEdit"), owned);
    const int rated = child<QProgressBar>(&dialog, "strengthProgressBar")->value();
    EXPECT_EQ(rated, PassphraseStrength::rate(owned, owned.split(QLatin1Char(' '), Qt::SkipEmptyParts)).percent);
    EXPECT_LT(rated, PassphraseStrength::rate(owned).percent) << owned.toStdString();
}

TEST_F(ChangePassphraseDialogTest, MismatchedNewPassphrasesCannotStartAndEveryControlIsNamed)
{
    session.attach(std::move(workspace));
    ChangePassphraseDialog dialog(session);
    dialog.show();
    fill(&dialog, QString::fromLatin1(wb::test::Passphrase), QString::fromLatin1(NewPassphrase),
         QStringLiteral("something else"));
    EXPECT_FALSE(child<QPushButton>(&dialog, "changePassphraseStartButton")->isEnabled());
    EXPECT_TRUE(child<InlineMessage>(&dialog, "mismatchMessageLabel")->isVisibleTo(&dialog));
    for (const char* name : {"currentPassphraseLineEdit", "newPassphraseLineEdit", "confirmPassphraseLineEdit",
                             "changePassphraseStartButton", "changePassphraseCloseButton", "strengthProgressBar",
                             "changePassphraseBusyBar"}) {
        auto* widget = child<QWidget>(&dialog, name);
        ASSERT_NE(widget, nullptr);
        EXPECT_FALSE(widget->accessibleName().isEmpty()) << name;
    }
    for (const char* name : {"currentPassphraseLineEdit", "newPassphraseLineEdit", "confirmPassphraseLineEdit"}) {
        EXPECT_EQ(child<QLineEdit>(&dialog, name)->echoMode(), QLineEdit::Password) << name;
    }
    // Keyboard: Tab walks current → new → repeat → Change → Cancel.
    const auto nextTabStop = [](QWidget* from) {
        QWidget* next = from->nextInFocusChain();
        while (next != from && !(next->focusPolicy() & Qt::TabFocus)) {
            next = next->nextInFocusChain();
        }
        return next;
    };
    QWidget* at = child<QLineEdit>(&dialog, "currentPassphraseLineEdit");
    for (const char* name : {"newPassphraseLineEdit", "confirmPassphraseLineEdit", "changePassphraseStartButton",
                             "changePassphraseCloseButton"}) {
        at = nextTabStop(at);
        EXPECT_EQ(at->objectName().toStdString(), name);
    }
}

} // namespace
} // namespace wb::ui::test
