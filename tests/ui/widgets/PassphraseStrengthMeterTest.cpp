// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <memory>

#include <QCoreApplication>
#include <QDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>

#include "ui/widgets/PassphraseStrengthMeter.h"

using namespace wb::ui;

namespace {

PassphraseStrengthMeter* newMeter()
{
    return new PassphraseStrengthMeter(QStringLiteral("Passphrase strength"), QStringLiteral("strengthProgressBar"),
                                       QStringLiteral("strengthLabel"));
}

} // namespace

TEST(PassphraseStrengthMeterTest, AWeakPassphraseIsToldWhatWouldMakeItStronger)
{
    std::unique_ptr<PassphraseStrengthMeter> meter(newMeter());
    meter->show();
    meter->rate(QStringLiteral("kettle"));
    EXPECT_EQ(meter->label()->text(), QStringLiteral("Weak"));
    EXPECT_TRUE(meter->advice()->isVisible()) << "\"Weak\" alone does not say what to do";
    EXPECT_TRUE(meter->advice()->text().contains(QStringLiteral("add more unrelated words")))
        << meter->advice()->text().toStdString();
    EXPECT_EQ(meter->advice()->objectName(), QStringLiteral("strengthLabelAdvice"));
    EXPECT_TRUE(meter->bar()->accessibleDescription().contains(meter->advice()->text()))
        << "a screen reader hears the advice with the word";
}

TEST(PassphraseStrengthMeterTest, TheOwnersNameInThePassphraseIsPointedOut)
{
    std::unique_ptr<PassphraseStrengthMeter> meter(newMeter());
    meter->show();
    meter->rate(QStringLiteral("sample kettle"), {QStringLiteral("Example"), QStringLiteral("Sample")});
    EXPECT_TRUE(meter->advice()->text().contains(QStringLiteral("name and staff number")))
        << meter->advice()->text().toStdString();
}

TEST(PassphraseStrengthMeterTest, AStrongOrEmptyPassphraseNeedsNoAdvice)
{
    std::unique_ptr<PassphraseStrengthMeter> meter(newMeter());
    meter->show();
    meter->rate(QStringLiteral("orbit lantern vinegar quarry thistle"));
    EXPECT_EQ(meter->label()->text(), QStringLiteral("Strong"));
    EXPECT_FALSE(meter->advice()->isVisible());
    meter->rate(QString());
    EXPECT_FALSE(meter->advice()->isVisible());
    EXPECT_TRUE(meter->advice()->text().isEmpty());
}

TEST(PassphraseStrengthMeterTest, TheAdviceIsNotSqueezedInADialogThatWasSizedBeforeIt)
{
    QDialog dialog;
    auto* form = new QFormLayout(&dialog);
    form->addRow(QStringLiteral("Passphrase:"), new QLineEdit(&dialog));
    auto* meter =
        new PassphraseStrengthMeter(QStringLiteral("Passphrase strength"), QStringLiteral("strengthProgressBar"),
                                    QStringLiteral("strengthLabel"), &dialog);
    form->addRow(QStringLiteral("Strength:"), meter);
    form->addRow(QStringLiteral("Repeat passphrase:"), new QLineEdit(&dialog));
    dialog.show();
    dialog.resize(420, dialog.minimumSizeHint().height()); // sized while there was no advice
    QCoreApplication::processEvents();
    meter->rate(QStringLiteral("kettle"));
    QCoreApplication::processEvents();
    QLabel* advice = meter->advice();
    ASSERT_TRUE(advice->isVisible());
    EXPECT_GE(advice->height(), advice->heightForWidth(advice->width()))
        << "the advice is cut off: " << advice->height() << " px of " << advice->heightForWidth(advice->width());
}
