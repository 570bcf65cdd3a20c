// SPDX-License-Identifier: GPL-3.0-or-later
// ElidingComboBox (ui/widgets): a choice too long for the box is shown shortened with an ellipsis and whole in the
// tooltip; one that fits is shown whole with no tooltip; the choice itself and its accessible text stay whole.
#include <gtest/gtest.h>

#include <QAccessible>
#include <QApplication>

#include "support/UiTestSupport.h"
#include "ui/widgets/ElidingComboBox.h"

namespace wb::ui::test {
namespace {

const QString LongChoice =
    QStringLiteral("Update on the investigation, including a decision not to charge (fictional)");

TEST(ElidingComboBox, aChoiceTooLongForTheBoxIsShortenedWithAnEllipsisAndWholeInTheTooltip)
{
    ElidingComboBox combo(10);
    combo.addItem(QStringLiteral("Visit"), QStringLiteral("visit"));
    combo.addItem(LongChoice, QStringLiteral("update"));
    combo.resize(combo.sizeHint());
    combo.show();
    QApplication::processEvents();
    EXPECT_LT(combo.width(), combo.fontMetrics().horizontalAdvance(LongChoice)) << "narrower than its longest choice";

    EXPECT_EQ(combo.shownText(), QStringLiteral("Visit"));
    EXPECT_FALSE(combo.isElided());
    EXPECT_TRUE(combo.toolTip().isEmpty()) << "nothing hidden, nothing repeated";

    combo.setCurrentIndex(1);
    EXPECT_TRUE(combo.isElided());
    EXPECT_TRUE(combo.shownText().endsWith(QChar(0x2026))) << combo.shownText().toStdString();
    EXPECT_TRUE(LongChoice.startsWith(combo.shownText().chopped(1)));
    EXPECT_EQ(combo.toolTip(), LongChoice);
    EXPECT_EQ(combo.currentText(), LongChoice) << "the choice itself is whole";
    EXPECT_EQ(combo.currentData().toString(), QStringLiteral("update"));
    QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(&combo);
    ASSERT_NE(accessible, nullptr);
    EXPECT_EQ(accessible->text(QAccessible::Value), LongChoice) << "assistive technology reads it whole";
    combo.grab(); // paints without trouble
}

TEST(ElidingComboBox, widenedUntilTheChoiceFitsItIsShownWholeAndTheTooltipGoes)
{
    ElidingComboBox combo(10);
    combo.addItem(LongChoice);
    combo.resize(combo.sizeHint());
    combo.show();
    QApplication::processEvents();
    ASSERT_TRUE(combo.isElided());
    combo.resize(combo.fontMetrics().horizontalAdvance(LongChoice) + 200, combo.height());
    QApplication::processEvents();
    EXPECT_FALSE(combo.isElided());
    EXPECT_EQ(combo.shownText(), LongChoice);
    EXPECT_TRUE(combo.toolTip().isEmpty());
}

} // namespace
} // namespace wb::ui::test
