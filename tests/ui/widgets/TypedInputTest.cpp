// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15: the inputs that keep exactly what was typed (a whole number, a date) so that nothing is clipped or
// turned into another value without a word.
#include <gtest/gtest.h>

#include <QCalendarWidget>
#include <QTest>

#include "support/UiTestSupport.h"
#include "ui/widgets/DateLineEdit.h"
#include "ui/widgets/DateTimeLineEdit.h"
#include "ui/widgets/WholeNumberEdit.h"

namespace wb::ui::test {
namespace {

TEST(WholeNumberEdit, KeepsWhatWasTypedAndSaysWhetherItIsANumber)
{
    WholeNumberEdit edit;
    EXPECT_TRUE(edit.isBlank());
    EXPECT_TRUE(edit.holdsNumber());
    EXPECT_FALSE(edit.number().has_value());
    QTest::keyClicks(&edit, QStringLiteral("200"));
    EXPECT_EQ(edit.text(), QStringLiteral("200"));
    EXPECT_EQ(edit.number(), std::optional<long long>(200));
    edit.setText(QStringLiteral(" -3 "));
    EXPECT_EQ(edit.number(), std::optional<long long>(-3));
    for (const auto* text : {"2x", "1.5", "twenty"}) {
        edit.setText(QString::fromLatin1(text));
        EXPECT_FALSE(edit.holdsNumber()) << text;
        EXPECT_FALSE(edit.number().has_value()) << text;
        EXPECT_EQ(edit.text(), QString::fromLatin1(text)) << "kept as typed";
    }
    edit.setNumber(std::nullopt);
    EXPECT_TRUE(edit.isBlank());
    edit.setNumber(34);
    EXPECT_EQ(edit.text(), QStringLiteral("34"));
}

TEST(DateLineEdit, StartsEmptyAndRefusesWhatIsNotARealDate)
{
    DateLineEdit edit;
    EXPECT_TRUE(edit.isBlank());
    EXPECT_FALSE(edit.date().isValid());
    EXPECT_TRUE(edit.holdsDate());
    EXPECT_EQ(edit.placeholderText(), QStringLiteral("dd/mm/yyyy"));

    QTest::keyClicks(&edit, QStringLiteral("14/03/1990"));
    EXPECT_EQ(edit.date(), QDate(1990, 3, 14));
    EXPECT_EQ(DateLineEdit::parse(QStringLiteral("3/4/1990")), QDate(1990, 4, 3));
    EXPECT_EQ(DateLineEdit::parse(QStringLiteral("03.04.1990")), QDate(1990, 4, 3));
    for (const auto* text : {"31/02/1990", "14/13/1990", "14/03/90", "1990-03-14", "14/03/2300", "soon"}) {
        edit.setText(QString::fromLatin1(text));
        EXPECT_FALSE(edit.holdsDate()) << text;
        EXPECT_FALSE(edit.date().isValid()) << text;
        EXPECT_EQ(edit.text(), QString::fromLatin1(text)) << "not corrected to another date";
    }
    edit.setDate(QDate());
    EXPECT_TRUE(edit.isBlank());
    edit.setDate(QDate(2001, 9, 30));
    EXPECT_EQ(edit.text(), QStringLiteral("30/09/2001"));
}

TEST(DateLineEdit, AltDownOpensACalendarWhoseChoiceIsWrittenIn)
{
    DateLineEdit edit;
    edit.setCalendarStart(QDate(1990, 1, 1));
    edit.show();
    QTest::keyClick(&edit, Qt::Key_Down, Qt::AltModifier);
    auto* calendar = edit.findChild<QCalendarWidget*>(QStringLiteral("dateCalendarWidget"));
    ASSERT_NE(calendar, nullptr);
    EXPECT_EQ(calendar->selectedDate(), QDate(1990, 1, 1)) << "empty: opens where it was told, writes nothing";
    EXPECT_TRUE(edit.isBlank());
    Q_EMIT calendar->activated(QDate(1990, 1, 5));
    EXPECT_EQ(edit.date(), QDate(1990, 1, 5));
}

TEST(DateTimeLineEdit, KeepsWhatWasTypedAndRefusesWhatIsNotARealDateAndTime)
{
    DateTimeLineEdit edit;
    EXPECT_TRUE(edit.isBlank());
    EXPECT_TRUE(edit.holdsDateTime());
    EXPECT_EQ(edit.placeholderText(), QStringLiteral("dd/mm/yyyy hh:mm"));
    QTest::keyClicks(&edit, QStringLiteral("31/02/2026 10:00"));
    EXPECT_EQ(edit.text(), QStringLiteral("31/02/2026 10:00"));
    EXPECT_FALSE(edit.holdsDateTime());
    edit.setText(QStringLiteral("14/03/2026 24:00"));
    EXPECT_FALSE(edit.holdsDateTime());
    edit.setText(QStringLiteral("14/03/2026"));
    EXPECT_FALSE(edit.holdsDateTime()) << "a time is needed";
    edit.setText(QStringLiteral("14/3/2026 9.05"));
    EXPECT_TRUE(edit.holdsDateTime());
    EXPECT_EQ(edit.dateTime(), QDateTime(QDate(2026, 3, 14), QTime(9, 5)));
    edit.setDateTime(QDateTime(QDate(2026, 3, 14), QTime(23, 59)));
    EXPECT_EQ(edit.text(), QStringLiteral("14/03/2026 23:59"));
}

TEST(DateTimeLineEdit, ACalendarChoiceKeepsTheTimeTyped)
{
    DateTimeLineEdit edit;
    edit.setDateTime(QDateTime(QDate(2026, 3, 14), QTime(9, 5)));
    edit.show();
    QTest::keyClick(&edit, Qt::Key_Down, Qt::AltModifier);
    auto* calendar = edit.findChild<QCalendarWidget*>(QStringLiteral("dateCalendarWidget"));
    ASSERT_NE(calendar, nullptr);
    EXPECT_EQ(calendar->selectedDate(), QDate(2026, 3, 14));
    Q_EMIT calendar->activated(QDate(2026, 3, 20));
    EXPECT_EQ(edit.text(), QStringLiteral("20/03/2026 09:05"));
}

TEST(DateLineEdit, AReadOnlyDateOpensNoCalendar)
{
    DateLineEdit edit;
    edit.setReadOnly(true);
    edit.show();
    QTest::keyClick(&edit, Qt::Key_Down, Qt::AltModifier);
    EXPECT_EQ(edit.findChild<QCalendarWidget*>(QStringLiteral("dateCalendarWidget")), nullptr);
}

} // namespace
} // namespace wb::ui::test
