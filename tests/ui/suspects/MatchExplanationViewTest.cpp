// SPDX-License-Identifier: GPL-3.0-or-later
// MatchExplanationView: one candidate pair as given (names, roles, case references), the probability in words,
// a sentence per contribution and the waterfall, reachable with the keyboard (issue 16). Fictional people only.
// With WB_SCREENSHOT_DIR set, the 1280x800 test also saves the view there as match-explanation.png to look at.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QTest>

#include "support/UiTestSupport.h"
#include "ui/suspects/MatchExplanationView.h"
#include "ui/suspects/MatchScoreSample.h"
#include "ui/suspects/MatchWaterfall.h"
#include "ui/text/MatchText.h"

namespace wb::ui::test {
namespace {

const MatchPersonDisplay jon{QStringLiteral("Jon Smyth"), QStringLiteral("Suspect"), QStringLiteral("2026/0001")};
const MatchPersonDisplay jonathan{QStringLiteral("Jonathan Smith"), QStringLiteral("Witness"),
                                  QStringLiteral("2026/0007")};

TEST(MatchExplanationView, ShowsThePairAsGivenAndTheProbabilityInWords)
{
    MatchExplanationView view;
    view.showPair(jon, jonathan, sampleScore());
    EXPECT_EQ(view.firstPersonLabel()->text(), QStringLiteral("Jon Smyth\nSuspect in case 2026/0001"));
    EXPECT_EQ(view.secondPersonLabel()->text(), QStringLiteral("Jonathan Smith\nWitness in case 2026/0007"));
    EXPECT_EQ(view.probabilityLabel()->text(), QStringLiteral("Match probability 96 %"));
}

TEST(MatchExplanationView, ListsTheStartingPointEverySentenceAndTheTotal)
{
    MatchExplanationView view;
    const auto score = sampleScore();
    view.showPair(jon, jonathan, score);
    QListWidget* list = view.sentenceList();
    ASSERT_EQ(list->count(), static_cast<int>(score.contributions.size()) + 2);
    EXPECT_EQ(list->item(0)->text(), MatchText::prior(-13.3));
    EXPECT_EQ(list->item(1)->text(),
              QStringLiteral("surname: similar (Jaro–Winkler 0.94) +4.1 (a common name: \u22121.8)"));
    EXPECT_EQ(list->item(4)->text(), QStringLiteral("phone: same number +9.8"));
    EXPECT_EQ(list->item(list->count() - 1)->text(), QStringLiteral("total weight +4.5"));
    // The chart draws the details that moved the weight (the sample's six others are not recorded on both sides).
    EXPECT_EQ(view.waterfall()->bars().size(), 4U + 2U);
}

TEST(MatchExplanationView, ItsAccessibleTextNamesThePairAndTheProbability)
{
    MatchExplanationView view;
    view.showPair(jon, jonathan, sampleScore());
    EXPECT_EQ(view.accessibleName(), QStringLiteral("Match explanation"));
    EXPECT_EQ(view.accessibleDescription(),
              QStringLiteral("Jon Smyth, Suspect in case 2026/0001, and Jonathan Smith, Witness in case 2026/0007: "
                             "match probability 96 %"));
    EXPECT_FALSE(view.sentenceList()->accessibleName().isEmpty());
    EXPECT_TRUE(
        view.waterfall()->accessibleDescription().contains(QStringLiteral("birth date: day and month swapped")));
}

TEST(MatchExplanationView, TheSentencesAndTheChartAreReachedWithTheKeyboard)
{
    MatchExplanationView view;
    view.showPair(jon, jonathan, sampleScore());
    view.show();
    QApplication::setActiveWindow(&view);
    view.sentenceList()->setFocus();
    ASSERT_TRUE(waitFor([&] { return view.sentenceList()->hasFocus(); }));
    QTest::keyClick(view.sentenceList(), Qt::Key_Tab);
    EXPECT_TRUE(waitFor([&] { return view.waterfall()->hasFocus(); })) << "Tab goes from the sentences to the chart";
    EXPECT_EQ(view.waterfall()->focusPolicy(), Qt::StrongFocus);
    bool listHasBuddy = false;
    for (const QLabel* label : view.findChildren<QLabel*>()) {
        listHasBuddy = listHasBuddy || label->buddy() == view.sentenceList();
    }
    EXPECT_TRUE(listHasBuddy) << "an Alt+key label leads to the sentences";
}

TEST(MatchExplanationView, EverySentenceIsInViewAt1280By800)
{
    MatchExplanationView view;
    view.showPair(jon, jonathan, sampleScore());
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();
    QListWidget* list = view.sentenceList();
    const QRect last = list->visualItemRect(list->item(list->count() - 1));
    EXPECT_LE(last.bottom(), list->viewport()->height()) << "the last sentence needs scrolling";
    EXPECT_GE(view.waterfall()->height(), 300);
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        EXPECT_TRUE(view.grab().save(QDir(dir).filePath(QStringLiteral("match-explanation.png"))));
    }
}

} // namespace
} // namespace wb::ui::test
