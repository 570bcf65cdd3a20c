// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15: counted strings read "1 result" / "3 results" through the en_GB translation that the GUI and the UI
// tests install (ui/text/AppTranslator), and no tr() string in ui/ is written as "result(s)".
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTranslator>

#include "core/deadlines/Countdown.h"
#include "ui/mainwindow/SearchDialog.h"
#include "ui/text/AppTranslator.h"
#include "ui/text/CountdownText.h"

using namespace wb::ui;

namespace {

// tr( or translate( followed, within the same statement, by a string literal holding "(s)".
QRegularExpression parenthesisedS()
{
    return QRegularExpression(QStringLiteral(R"re(\btr(?:anslate)?\s*\((?:[^;]*?)"[^"\n]*\(s\)[^"\n]*")re"));
}

} // namespace

TEST(AppTranslatorTest, TheEmbeddedEnglishTranslationLoads)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(AppTranslator::resourcePath(QStringLiteral("en_GB"))));
    EXPECT_EQ(translator.language(), QStringLiteral("en_GB"));
    EXPECT_FALSE(translator.isEmpty());
}

TEST(AppTranslatorTest, SearchSummaryHasProperSingularAndPluralForms)
{
    EXPECT_EQ(SearchDialog::summaryText(1, 1), QStringLiteral("1 result in 1 case."));
    EXPECT_EQ(SearchDialog::summaryText(3, 2), QStringLiteral("3 results in 2 cases."));
    EXPECT_EQ(SearchDialog::summaryText(3, 1), QStringLiteral("3 results in 1 case."));
    EXPECT_EQ(SearchDialog::summaryText(0, 0), QStringLiteral("Nothing found."));
}

TEST(AppTranslatorTest, CountdownHasProperSingularAndPluralForms)
{
    wb::core::deadlines::Countdown oneDay;
    oneDay.days = 1;
    EXPECT_EQ(CountdownText::span(oneDay), QStringLiteral("1 day"));
    wb::core::deadlines::Countdown mixed;
    mixed.days = 2;
    mixed.hours = 1;
    EXPECT_EQ(CountdownText::span(mixed), QStringLiteral("2 days 1 hour"));
    wb::core::deadlines::Countdown minutes;
    minutes.minutes = 1;
    EXPECT_EQ(CountdownText::span(minutes), QStringLiteral("1 minute"));
    minutes.minutes = 35;
    EXPECT_EQ(CountdownText::span(minutes), QStringLiteral("35 minutes"));
}

TEST(AppTranslatorTest, EveryNumerusStringHasItsEnglishForms)
{
    // The installed translation gives the singular: without it Qt would show the source text ("1 cases").
    EXPECT_EQ(SearchDialog::tr("%n cases", nullptr, 1), QStringLiteral("1 case"));
    EXPECT_EQ(QCoreApplication::translate("wb::ui::TodayModel", "Due in %n days", nullptr, 2),
              QStringLiteral("Due in 2 days"));
}

TEST(AppTranslatorTest, NoTrStringInUiSourcesWritesACountAsParenthesisedS)
{
    // A tr() literal holding "(s)" ("2 result(s)"): the count belongs in %n with the forms in translations/.
    const QRegularExpression trString = parenthesisedS();
    int files = 0;
    QStringList offenders;
    QDirIterator it(QStringLiteral(WB_SOURCE_DIR "/ui"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        ++files;
        const QString text = QString::fromUtf8(file.readAll());
        auto match = trString.globalMatch(text);
        while (match.hasNext()) {
            offenders << path + QStringLiteral(": ") + match.next().captured(0);
        }
    }
    EXPECT_GT(files, 100);
    EXPECT_TRUE(offenders.isEmpty()) << offenders.join(QLatin1Char('\n')).toStdString();
}

TEST(AppTranslatorTest, TheParenthesisedSCheckFindsAnOffender)
{
    // The pattern above must catch what it is for, across a line break between tr( and its literal.
    const QRegularExpression trString = parenthesisedS();
    EXPECT_TRUE(
        trString.match(QStringLiteral("lines << RecordTab::tr(\"%n day(s) awaiting\", nullptr, n);")).hasMatch());
    EXPECT_TRUE(trString.match(QStringLiteral("tr(\n    \"Found %1 record(s).\").arg(n);")).hasMatch());
    EXPECT_FALSE(trString.match(QStringLiteral("tr(\"%n days awaiting\", nullptr, n); // not \"(s)\"")).hasMatch());
}
