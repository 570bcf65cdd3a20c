// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

#include "core/Workspace.h"
#include "core/deadlines/DeadlineService.h"
#include "support/UiTestSupport.h"
#include "ui/session/OpenWithKeyJob.h"
#include "ui/session/UnlockDialog.h"
#include "ui/session/UnlockThrottle.h"

namespace wb::ui::test {
namespace {

template <typename T> T* child(QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(widget, nullptr) << name;
    return widget;
}

std::unique_ptr<UnlockDialog> createDialog()
{
    auto dialog = std::make_unique<UnlockDialog>(UnlockDialog::Mode::Create, catalogues());
    dialog->setKdfParams(core::store::KdfParams::minimum());
    dialog->show();
    return dialog;
}

TEST(UnlockDialog, StrengthIsShownAsWordsNotColourAlone)
{
    auto dialog = createDialog();
    auto* passphrase = child<QLineEdit>(*dialog, "passphraseLineEdit");
    auto* label = child<QLabel>(*dialog, "strengthLabel");
    auto* bar = child<QProgressBar>(*dialog, "strengthProgressBar");

    EXPECT_TRUE(label->text().isEmpty());
    QTest::keyClicks(passphrase, QStringLiteral("password"));
    EXPECT_EQ(label->text(), QStringLiteral("Weak"));
    const int weak = bar->value();

    passphrase->clear();
    QTest::keyClicks(passphrase, QStringLiteral("lantern orchard quietly seventeen umbrellas"));
    EXPECT_EQ(label->text(), QStringLiteral("Strong"));
    EXPECT_GT(bar->value(), weak);
}

TEST(UnlockDialog, SaysWhenPassphrasesDoNotMatchAndBlocksCreate)
{
    auto dialog = createDialog();
    TempDir dir;
    child<QLineEdit>(*dialog, "ownerNameLineEdit")->setText(QStringLiteral("DC Test Fictional"));
    child<QLineEdit>(*dialog, "pathLineEdit")->setText(qpath(dir / "m.rwb"));
    auto* passphrase = child<QLineEdit>(*dialog, "passphraseLineEdit");
    auto* confirm = child<QLineEdit>(*dialog, "confirmPassphraseLineEdit");
    auto* mismatch = child<QLabel>(*dialog, "mismatchLabel");
    auto* create = child<QPushButton>(*dialog, "createButton");

    QTest::keyClicks(passphrase, QStringLiteral("fictional words here"));
    QTest::keyClicks(confirm, QStringLiteral("fictional words her"));
    EXPECT_TRUE(mismatch->isVisible());
    EXPECT_TRUE(mismatch->text().contains(QStringLiteral("Passphrases do not match")));
    EXPECT_FALSE(create->isEnabled());

    QTest::keyClicks(confirm, QStringLiteral("e"));
    EXPECT_FALSE(mismatch->isVisible());
    EXPECT_TRUE(create->isEnabled());
}

TEST(UnlockDialog, WarnsWhenCapsLockAppearsOn)
{
    auto dialog = createDialog();
    auto* passphrase = child<QLineEdit>(*dialog, "passphraseLineEdit");
    auto* caps = child<QLabel>(*dialog, "capsLockLabel");

    QTest::keyClick(passphrase, 'a');
    EXPECT_FALSE(caps->isVisible());
    QTest::keyClick(passphrase, 'A', Qt::ShiftModifier); // Shift+A: capital expected
    EXPECT_FALSE(caps->isVisible());
    QTest::keyClick(passphrase, 'A'); // capital without Shift
    EXPECT_TRUE(caps->isVisible());
    EXPECT_TRUE(caps->text().contains(QStringLiteral("Caps Lock appears to be on")));
    QTest::keyClick(passphrase, 'b');
    EXPECT_FALSE(caps->isVisible());
}

TEST(UnlockDialog, DerivesOffTheGuiThreadWithBusyIndicatorAndClearsFields)
{
    TempDir dir;
    auto dialog = createDialog();
    child<QLineEdit>(*dialog, "ownerNameLineEdit")->setText(QStringLiteral("DC Test Fictional"));
    child<QLineEdit>(*dialog, "staffNumberLineEdit")->setText(QStringLiteral("T0002"));
    child<QLineEdit>(*dialog, "pathLineEdit")->setText(qpath(dir / "busy.rwb"));
    child<QCheckBox>(*dialog, "trainingCheckBox")->setChecked(true);
    auto* passphrase = child<QLineEdit>(*dialog, "passphraseLineEdit");
    auto* confirm = child<QLineEdit>(*dialog, "confirmPassphraseLineEdit");
    QTest::keyClicks(passphrase, QString::fromUtf8(wb::test::Passphrase));
    QTest::keyClicks(confirm, QString::fromUtf8(wb::test::Passphrase));
    auto* create = child<QPushButton>(*dialog, "createButton");
    auto* busy = child<QProgressBar>(*dialog, "busyProgressBar");
    EXPECT_FALSE(busy->isVisible());

    QTest::mouseClick(create, Qt::LeftButton);
    // The result can only arrive through the event loop, so this is the busy state.
    EXPECT_TRUE(dialog->isBusy());
    EXPECT_TRUE(busy->isVisible());
    EXPECT_EQ(busy->minimum(), 0);
    EXPECT_EQ(busy->maximum(), 0);
    EXPECT_TRUE(passphrase->text().isEmpty());
    EXPECT_TRUE(confirm->text().isEmpty());
    EXPECT_FALSE(passphrase->isEnabled());
    EXPECT_FALSE(create->isEnabled());
    EXPECT_FALSE(child<QPushButton>(*dialog, "cancelButton")->isEnabled());

    ASSERT_TRUE(waitFor([&] { return !dialog->isBusy(); }));
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    auto workspace = dialog->takeWorkspace();
    ASSERT_NE(workspace, nullptr);
    EXPECT_TRUE(workspace->info().training);
    EXPECT_EQ(workspace->info().owner.staffNumber, "T0002");
    EXPECT_EQ(workspace->info().kdf, core::store::KdfParams::minimum());
}

TEST(UnlockDialog, RefusesAnExistingFileBeforeDerivingAKey)
{
    TempDir dir;
    wb::test::writeBytes(dir / "taken.rwb", {1, 2, 3});
    auto dialog = createDialog();
    child<QLineEdit>(*dialog, "ownerNameLineEdit")->setText(QStringLiteral("DC Test Fictional"));
    child<QLineEdit>(*dialog, "pathLineEdit")->setText(qpath(dir / "taken.rwb"));
    QTest::keyClicks(child<QLineEdit>(*dialog, "passphraseLineEdit"), QStringLiteral("fictional pass"));
    QTest::keyClicks(child<QLineEdit>(*dialog, "confirmPassphraseLineEdit"), QStringLiteral("fictional pass"));
    QTest::mouseClick(child<QPushButton>(*dialog, "createButton"), Qt::LeftButton);
    EXPECT_FALSE(dialog->isBusy());
    auto* error = child<QLabel>(*dialog, "errorLabel");
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().startsWith(QStringLiteral("Error: A file already exists")));
    EXPECT_EQ(wb::test::readBytes(dir / "taken.rwb").size(), 3U);
}

TEST(UnlockDialog, WrongPassphraseIsShownInlineAndAnotherTryWorks)
{
    TempDir dir;
    makeWorkspace(dir / "locked.rwb").reset(); // created and closed
    UnlockDialog dialog(UnlockDialog::Mode::Unlock, catalogues());
    auto now = std::chrono::steady_clock::now();
    UnlockThrottle throttle;
    throttle.setClock([&now] { return now; });
    dialog.setThrottle(&throttle);
    dialog.setWorkspacePath(qpath(dir / "locked.rwb"));
    dialog.show();
    auto* passphrase = child<QLineEdit>(dialog, "passphraseLineEdit");
    auto* unlock = child<QPushButton>(dialog, "unlockButton");
    auto* error = child<QLabel>(dialog, "errorLabel");
    auto* file = child<QLabel>(dialog, "fileLabel");
    EXPECT_TRUE(file->text().contains(QStringLiteral("locked.rwb")));
    EXPECT_FALSE(file->text().contains(QStringLiteral("Fictional Tester"))) << "the owner is not shown before unlock";
    EXPECT_EQ(dialog.findChild<QLineEdit*>(QStringLiteral("ownerNameLineEdit")), nullptr);

    QTest::keyClicks(passphrase, QStringLiteral("not the right words"));
    QTest::mouseClick(unlock, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(error->isVisible());
    EXPECT_EQ(error->text(), QStringLiteral("Error: The passphrase does not open this workspace. If you are sure it "
                                            "is right, the file's header may be damaged: try a backup copy."));
    EXPECT_TRUE(passphrase->text().isEmpty());
    EXPECT_EQ(dialog.takeWorkspace(), nullptr);

    now += std::chrono::seconds(1); // the wait after one wrong passphrase
    QTest::keyClicks(passphrase, QString::fromUtf8(wb::test::Passphrase));
    QTest::mouseClick(unlock, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    auto workspace = dialog.takeWorkspace();
    ASSERT_NE(workspace, nullptr);
    EXPECT_FALSE(workspace->isLocked());
}

TEST(UnlockDialog, ReportsAWorkspaceOpenElsewhere)
{
    TempDir dir;
    auto holder = makeWorkspace(dir / "busy.rwb"); // keeps its exclusive lock
    UnlockDialog dialog(UnlockDialog::Mode::Unlock, catalogues());
    dialog.setWorkspacePath(qpath(dir / "busy.rwb"));
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(dialog, "passphraseLineEdit"), QString::fromUtf8(wb::test::Passphrase));
    QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(child<QLabel>(dialog, "errorLabel")->text(),
              QStringLiteral("Error: This workspace is already open in another window or program."));
}

// --- issue 15: the first open of a large workspace names every step as it happens ---

TEST(UnlockDialog, NamesEveryStepOfOpeningAsItHappensAndCountsTheDueList)
{
    TempDir dir;
    {
        auto workspace = makeWorkspace(dir / "steps.rwb");
        for (int i = 0; i < 3; ++i) {
            workspace->cases().add(wb::test::caseDraft("FICT/S" + std::to_string(i) + "/26"));
        }
    } // closed: its due list is brought up to date at the next open
    UnlockDialog dialog(UnlockDialog::Mode::Unlock, catalogues());
    UnlockThrottle throttle;
    dialog.setThrottle(&throttle);
    dialog.setWorkspacePath(qpath(dir / "steps.rwb"));
    dialog.show();
    auto* text = child<QLabel>(dialog, "busyLabel");
    auto* bar = child<QProgressBar>(dialog, "busyProgressBar");
    auto* job = dialog.findChild<OpenWithKeyJob*>();
    ASSERT_NE(job, nullptr);
    // Connected after the dialog's own handler: this reads what the dialog shows for each step.
    QStringList shown;
    QList<int> percents;
    QObject::connect(job, &OpenWithKeyJob::stepChanged, &dialog, [&](OpenWithKeyJob::Step, int, int) {
        shown << text->text();
        percents << (bar->maximum() > 0 ? bar->value() : -1);
    });

    QTest::keyClicks(child<QLineEdit>(dialog, "passphraseLineEdit"), QString::fromUtf8(wb::test::Passphrase));
    QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
    EXPECT_TRUE(text->text().startsWith(QStringLiteral("Step 1 of 3: Deriving the key from your passphrase")))
        << text->text().toStdString();
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
    ASSERT_EQ(dialog.result(), QDialog::Accepted);

    ASSERT_GE(shown.size(), 3) << shown.join(QStringLiteral(" | ")).toStdString();
    EXPECT_TRUE(shown.front().startsWith(QStringLiteral("Step 2 of 3: Checking the workspace file")))
        << shown.front().toStdString();
    EXPECT_EQ(shown.back(), QStringLiteral("Step 3 of 3: Bringing the due list up to date: 3 of 3 cases…"));
    EXPECT_EQ(percents.back(), 100) << "the due list is measurable: the bar shows how far it is";
    EXPECT_TRUE(shown.contains(QStringLiteral("Step 3 of 3: Bringing the due list up to date: 0 of 3 cases…")))
        << shown.join(QStringLiteral(" | ")).toStdString();

    // The window then finds the due list ready: nothing is left to re-evaluate.
    auto workspace = dialog.takeWorkspace();
    ASSERT_NE(workspace, nullptr);
    EXPECT_EQ(deadlineService()->refresh(*workspace), 0U);
}

TEST(UnlockDialog, TheHintAndTheStepAreNotCutOffWhileBusy)
{
    TempDir dir;
    makeWorkspace(dir / "hint.rwb").reset();
    UnlockDialog dialog(UnlockDialog::Mode::Unlock, catalogues());
    UnlockThrottle throttle;
    dialog.setThrottle(&throttle);
    dialog.setWorkspacePath(qpath(dir / "hint.rwb"));
    dialog.setHint(QStringLiteral("This is the demo workspace (fictional data only). Its passphrase is: demo "
                                  "workspace fictional data only. Type it exactly, with the spaces."));
    dialog.show();
    dialog.resize(dialog.minimumSizeHint().width(), dialog.minimumSizeHint().height());
    QCoreApplication::processEvents();
    QTest::keyClicks(child<QLineEdit>(dialog, "passphraseLineEdit"), QString::fromUtf8(wb::test::Passphrase));
    QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
    ASSERT_TRUE(dialog.isBusy());
    QCoreApplication::processEvents();
    for (const char* name : {"hintLabel", "busyLabel", "fileLabel"}) {
        auto* label = child<QLabel>(dialog, name);
        EXPECT_GE(label->height(), label->heightForWidth(label->width()))
            << name << ": squeezed to " << label->height() << " px of " << label->heightForWidth(label->width());
    }
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
}

// --- passphrase policy and the wait after wrong passphrases (issue 12, finding 8) ---

void fillCreate(UnlockDialog& dialog, const std::filesystem::path& path, const QString& passphrase)
{
    child<QLineEdit>(dialog, "ownerNameLineEdit")->setText(QStringLiteral("DC Test Fictional"));
    child<QLineEdit>(dialog, "pathLineEdit")->setText(qpath(path));
    child<QLineEdit>(dialog, "passphraseLineEdit")->setText(passphrase);
    child<QLineEdit>(dialog, "confirmPassphraseLineEdit")->setText(passphrase);
}

TEST(UnlockDialog, CreateRefusesAWeakPassphraseForALiveWorkspaceButNotForTraining)
{
    TempDir dir;
    auto dialog = createDialog();
    fillCreate(*dialog, dir / "live.rwb", QStringLiteral("a"));
    QTest::mouseClick(child<QPushButton>(*dialog, "createButton"), Qt::LeftButton);
    EXPECT_FALSE(dialog->isBusy());
    auto* error = child<QLabel>(*dialog, "errorLabel");
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("too easy to guess"))) << error->text().toStdString();
    EXPECT_TRUE(error->text().contains(QStringLiteral("four or more unrelated words"))) << error->text().toStdString();
    EXPECT_TRUE(error->text().contains(QStringLiteral("training workspace accepts any passphrase")))
        << error->text().toStdString();
    EXPECT_FALSE(std::filesystem::exists(dir / "live.rwb"));
    EXPECT_EQ(child<QLineEdit>(*dialog, "passphraseLineEdit")->text(), QStringLiteral("a")) << "nothing is lost";

    child<QCheckBox>(*dialog, "trainingCheckBox")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(*dialog, "createButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog->isBusy() && dialog->result() == QDialog::Accepted; }));
    auto workspace = dialog->takeWorkspace();
    ASSERT_NE(workspace, nullptr);
    EXPECT_TRUE(workspace->info().training);
}

TEST(UnlockDialog, OverLongPassphrasesAreRefusedNotCutShort)
{
    TempDir dir;
    auto dialog = createDialog();
    fillCreate(*dialog, dir / "long.rwb", QString(1025, QLatin1Char('q')));
    child<QCheckBox>(*dialog, "trainingCheckBox")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(*dialog, "createButton"), Qt::LeftButton);
    EXPECT_FALSE(dialog->isBusy());
    EXPECT_TRUE(child<QLabel>(*dialog, "errorLabel")->text().contains(QStringLiteral("too long")));
    EXPECT_FALSE(std::filesystem::exists(dir / "long.rwb"));

    makeWorkspace(dir / "locked.rwb").reset();
    UnlockDialog unlock(UnlockDialog::Mode::Unlock, catalogues());
    unlock.setWorkspacePath(qpath(dir / "locked.rwb"));
    unlock.show();
    child<QLineEdit>(unlock, "passphraseLineEdit")->setText(QString(1025, QLatin1Char('q')));
    QTest::mouseClick(child<QPushButton>(unlock, "unlockButton"), Qt::LeftButton);
    EXPECT_FALSE(unlock.isBusy());
    EXPECT_TRUE(child<QLabel>(unlock, "errorLabel")->text().contains(QStringLiteral("too long")));
}

TEST(UnlockDialog, TheWaitAfterWrongPassphrasesGrowsAndIsCountedDown)
{
    EXPECT_EQ(UnlockThrottle::delayAfter(0).count(), 0);
    EXPECT_EQ(UnlockThrottle::delayAfter(1).count(), 1);
    EXPECT_EQ(UnlockThrottle::delayAfter(2).count(), 2);
    EXPECT_EQ(UnlockThrottle::delayAfter(5).count(), 16);
    EXPECT_EQ(UnlockThrottle::delayAfter(12).count(), 300);
    EXPECT_EQ(UnlockThrottle::delayAfter(1000).count(), 300);

    TempDir dir;
    makeWorkspace(dir / "locked.rwb").reset();
    auto now = std::chrono::steady_clock::now();
    UnlockThrottle throttle;
    throttle.setClock([&now] { return now; });
    UnlockDialog dialog(UnlockDialog::Mode::Unlock, catalogues());
    dialog.setThrottle(&throttle);
    dialog.setWorkspacePath(qpath(dir / "locked.rwb"));
    dialog.show();
    auto* passphrase = child<QLineEdit>(dialog, "passphraseLineEdit");
    auto* unlock = child<QPushButton>(dialog, "unlockButton");
    auto* wait = child<QLabel>(dialog, "retryWaitLabel");
    EXPECT_FALSE(wait->isVisible());

    const auto tryWrong = [&] {
        const int before = throttle.failures();
        QTest::keyClicks(passphrase, QStringLiteral("not the right words"));
        EXPECT_TRUE(unlock->isEnabled());
        QTest::keyClick(passphrase, Qt::Key_Return); // the keyboard path, as a user would
        QTest::mouseClick(unlock, Qt::LeftButton);
        return waitFor([&] { return !dialog.isBusy() && throttle.failures() > before; });
    };
    ASSERT_TRUE(tryWrong());
    EXPECT_EQ(throttle.failures(), 1);
    EXPECT_TRUE(wait->isVisible());
    EXPECT_TRUE(wait->text().contains(QStringLiteral("try again in 1 second"))) << wait->text().toStdString();
    QTest::keyClicks(passphrase, QStringLiteral("x"));
    EXPECT_FALSE(unlock->isEnabled()) << "no new try during the wait";
    EXPECT_TRUE(passphrase->isEnabled()) << "the field stays usable while waiting";
    now += std::chrono::seconds(1);
    QTest::keyClicks(passphrase, QStringLiteral("y"));
    EXPECT_TRUE(unlock->isEnabled());
    passphrase->clear();

    ASSERT_TRUE(tryWrong());
    EXPECT_EQ(throttle.failures(), 2);
    EXPECT_TRUE(wait->text().contains(QStringLiteral("try again in 2 seconds"))) << wait->text().toStdString();
    now += std::chrono::seconds(1);
    QTest::keyClicks(passphrase, QStringLiteral("x"));
    EXPECT_FALSE(unlock->isEnabled()) << "the second wait is longer than the first";
    now += std::chrono::seconds(1);
    QTest::keyClicks(passphrase, QStringLiteral("y"));
    EXPECT_TRUE(unlock->isEnabled());

    // The right passphrase resets the count.
    passphrase->clear();
    QTest::keyClicks(passphrase, QString::fromUtf8(wb::test::Passphrase));
    QTest::mouseClick(unlock, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy() && dialog.result() == QDialog::Accepted; }));
    EXPECT_EQ(throttle.failures(), 0);
    EXPECT_EQ(throttle.remaining().count(), 0);
}

} // namespace
} // namespace wb::ui::test
