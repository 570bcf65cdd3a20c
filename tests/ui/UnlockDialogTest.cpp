// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

#include "UiTestSupport.h"
#include "ui/UnlockDialog.h"

namespace wb::ui::test {
namespace {

template <typename T>
T* child(QWidget& parent, const char* name)
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

} // namespace
} // namespace wb::ui::test
