// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QDateEdit>
#include <QLineEdit>

#include "support/UiTestSupport.h"
#include "ui/plan/OptionalDateEdit.h"

namespace wb::ui::test {
namespace {

/// What the box shows (its line edit), not QDateEdit::text(), which is the date whatever is displayed.
QString shown(const OptionalDateEdit& edit)
{
    return edit.dateEdit()->findChild<QLineEdit*>()->displayText();
}

TEST(OptionalDateEdit, NoDateShowsAnEmptyBoxNotTodayGreyedOut)
{
    // "No due date" used to leave today's date in the (disabled) box, which read like a date that was set.
    const QDate today(2026, 11, 29);
    OptionalDateEdit edit(QStringLiteral("No due date"), today);
    edit.setIsoDate("");
    EXPECT_TRUE(edit.noneBox()->isChecked());
    EXPECT_FALSE(edit.dateEdit()->isEnabled());
    EXPECT_TRUE(shown(edit).trimmed().isEmpty()) << shown(edit).toStdString();
    EXPECT_EQ(edit.isoDate(), "");

    edit.noneBox()->setChecked(false);
    EXPECT_TRUE(edit.dateEdit()->isEnabled());
    EXPECT_EQ(shown(edit), QStringLiteral("29/11/2026"));
    edit.dateEdit()->setDate(QDate(2026, 12, 24));
    EXPECT_EQ(edit.isoDate(), "2026-12-24");

    edit.noneBox()->setChecked(true);
    EXPECT_TRUE(shown(edit).trimmed().isEmpty()) << shown(edit).toStdString();
    EXPECT_EQ(edit.isoDate(), "");
    edit.noneBox()->setChecked(false); // the date chosen before comes back
    EXPECT_EQ(edit.isoDate(), "2026-12-24");

    edit.setIsoDate("2027-01-05");
    EXPECT_FALSE(edit.noneBox()->isChecked());
    EXPECT_EQ(shown(edit), QStringLiteral("05/01/2027"));
    EXPECT_EQ(edit.dateEdit()->minimumDate(), QDate(1900, 1, 1)); // the whole range again, no sentinel to pick
}

} // namespace
} // namespace wb::ui::test
