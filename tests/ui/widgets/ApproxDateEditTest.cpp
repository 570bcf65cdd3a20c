// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include "support/UiTestSupport.h"
#include "ui/widgets/ApproxDateEdit.h"

namespace wb::ui::test {
namespace {

using core::ApproxDate;

TEST(ApproxDateEdit, RoundTripsEveryPrecision)
{
    ApproxDateEdit edit(QDate(2026, 11, 29));
    const std::vector<ApproxDate> values = {
        ApproxDate::unknown(),         ApproxDate::exact("2026-07-01T12:15:00Z"),
        ApproxDate::day("2019-05-17"), ApproxDate::month("2009-02"),
        ApproxDate::year(1998),        ApproxDate::between("2019-05-01", "2019-08-31"),
    };
    for (const auto& value : values) {
        edit.setValue(value);
        EXPECT_EQ(edit.value(), value) << value.encode();
    }
}

TEST(ApproxDateEdit, ShowsExactTimesInLondonTime)
{
    ApproxDateEdit edit(QDate(2026, 11, 29));
    edit.setValue(ApproxDate::exact("2026-07-01T12:15:00Z")); // British Summer Time
    auto* exact = edit.findChild<QDateTimeEdit*>(QStringLiteral("exactDateTimeEdit"));
    ASSERT_NE(exact, nullptr);
    EXPECT_EQ(exact->dateTime().time(), QTime(13, 15));
    EXPECT_EQ(exact->text(), QStringLiteral("01/07/2026 13:15"));
}

TEST(ApproxDateEdit, ShowsOnlyTheWidgetsThePrecisionNeedsAndNamesThem)
{
    ApproxDateEdit edit(QDate(2026, 11, 29));
    edit.setFieldName(QStringLiteral("Offence date"));
    auto* precision = edit.findChild<QComboBox*>(QStringLiteral("precisionComboBox"));
    auto* from = edit.findChild<QDateEdit*>(QStringLiteral("fromDateEdit"));
    auto* to = edit.findChild<QDateEdit*>(QStringLiteral("toDateEdit"));
    auto* year = edit.findChild<QLineEdit*>(QStringLiteral("yearLineEdit"));
    ASSERT_TRUE(precision && from && to && year);
    EXPECT_EQ(precision->count(), 6);
    EXPECT_EQ(precision->itemText(5), QStringLiteral("Between two dates"));
    QSignalSpy changed(&edit, &ApproxDateEdit::changed);
    precision->setCurrentIndex(5);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_FALSE(from->isHidden());
    EXPECT_FALSE(to->isHidden());
    EXPECT_TRUE(year->isHidden());
    EXPECT_EQ(from->displayFormat(), QStringLiteral("dd/MM/yyyy"));
    from->setDate(QDate(2019, 5, 1));
    to->setDate(QDate(2019, 8, 31));
    EXPECT_EQ(edit.value(), ApproxDate::between("2019-05-01", "2019-08-31"));
    precision->setCurrentIndex(4);
    EXPECT_TRUE(from->isHidden());
    EXPECT_FALSE(year->isHidden());
    for (auto* child : edit.findChildren<QWidget*>()) {
        if (qobject_cast<QComboBox*>(child) || qobject_cast<QDateTimeEdit*>(child) || qobject_cast<QLineEdit*>(child)) {
            if (child->parentWidget() == &edit) {
                EXPECT_TRUE(child->accessibleName().startsWith(QStringLiteral("Offence date")))
                    << child->objectName().toStdString();
            }
        }
    }
    // Setting a value programmatically does not announce an edit.
    changed.clear();
    edit.setValue(ApproxDate::day("2020-01-02"));
    EXPECT_EQ(changed.count(), 0);
}

TEST(ApproxDateEdit, AYearItCannotHoldIsKeptAndRefusedInWordsNotQuietlyRefused)
{
    // The year was a spin box (1900 to 2100): typing 2200 or a fifth digit was silently refused.
    ApproxDateEdit edit(QDate(2026, 11, 29));
    edit.setFieldName(QStringLiteral("Offence date"));
    auto* precision = edit.findChild<QComboBox*>(QStringLiteral("precisionComboBox"));
    auto* year = edit.findChild<QLineEdit*>(QStringLiteral("yearLineEdit"));
    ASSERT_TRUE(precision && year);
    precision->setCurrentIndex(precision->findData(static_cast<int>(ApproxDate::Precision::Year)));
    EXPECT_TRUE(edit.problem().isEmpty());
    year->clear();
    QTest::keyClicks(year, QStringLiteral("2200"));
    EXPECT_EQ(year->text(), QStringLiteral("2200")); // kept as typed
    EXPECT_EQ(edit.problem(), QStringLiteral("Offence date: \"2200\" is not a year from 1900 to 2100."));
    EXPECT_EQ(edit.value(), ApproxDate::unknown()); // never a year it was not given
    year->clear();
    EXPECT_EQ(edit.problem(), QStringLiteral("Offence date: enter the year (yyyy)."));
    QTest::keyClicks(year, QStringLiteral("2019"));
    EXPECT_TRUE(edit.problem().isEmpty());
    EXPECT_EQ(edit.value(), ApproxDate::year(2019));
    precision->setCurrentIndex(precision->findData(static_cast<int>(ApproxDate::Precision::Day)));
    year->setText(QStringLiteral("20195"));
    EXPECT_TRUE(edit.problem().isEmpty()); // the year box is not shown for a day
}

} // namespace
} // namespace wb::ui::test
