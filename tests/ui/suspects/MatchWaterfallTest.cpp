// SPDX-License-Identifier: GPL-3.0-or-later
// MatchWaterfall: a bar for the prior, one per contribution rising or falling from the running total, one for the
// total; signed labels on the bars; the accessible text reads the sentences (issue 16).
#include <gtest/gtest.h>

#include <cmath>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QStackedBarSeries>
#include <QWidget>

#include "support/UiTestSupport.h"
#include "ui/suspects/MatchScoreSample.h"
#include "ui/suspects/MatchWaterfall.h"
#include "ui/text/MatchText.h"

namespace wb::ui::test {
namespace {

using Kind = MatchWaterfall::BarKind;

/// The contributions that move the weight: the ones the chart draws.
std::vector<core::matching::Contribution> moving(const core::matching::MatchScore& score)
{
    std::vector<core::matching::Contribution> out;
    for (const auto& c : score.contributions) {
        if (c.weight != 0.0) {
            out.push_back(c);
        }
    }
    return out;
}

TEST(MatchWaterfall, OneBarPerContributionBetweenThePriorAndTheTotal)
{
    MatchWaterfall chart;
    const auto score = sampleScore();
    chart.setScore(score);
    const auto count = static_cast<int>(moving(score).size()) + 2;
    ASSERT_EQ(static_cast<int>(chart.bars().size()), count);
    EXPECT_EQ(chart.categoryAxis()->count(), count);
    EXPECT_EQ(chart.categoryAxis()->at(0), QStringLiteral("Start"));
    EXPECT_EQ(chart.categoryAxis()->at(1), QStringLiteral("Surname"));
    EXPECT_EQ(chart.categoryAxis()->at(count - 1), QStringLiteral("Total"));
    for (QBarSet* set : {chart.baseSet(), chart.riseSet(), chart.fallSet(), chart.endSet()}) {
        EXPECT_EQ(set->count(), count);
    }
    EXPECT_EQ(chart.bars().front().kind, Kind::Prior);
    EXPECT_EQ(chart.bars().back().kind, Kind::Total);
    EXPECT_DOUBLE_EQ(chart.bars().back().to, score.totalWeight);
}

TEST(MatchWaterfall, BarsRiseAndFallByTheSignOfTheirWeightFromTheRunningTotal)
{
    MatchWaterfall chart;
    const auto score = sampleScore();
    chart.setScore(score);
    double running = score.priorWeight;
    const auto drawn = moving(score);
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        const double weight = drawn[i].weight;
        const auto& bar = chart.bars()[i + 1];
        EXPECT_DOUBLE_EQ(bar.from, running) << "bar " << index;
        EXPECT_DOUBLE_EQ(bar.to, running + weight) << "bar " << index;
        EXPECT_EQ(bar.kind, weight > 0 ? Kind::Rise : (weight < 0 ? Kind::Fall : Kind::Flat)) << "bar " << index;
        // What the series draws: the visible part in the rise or fall set, lifted by the base to the lower end.
        EXPECT_NEAR(chart.riseSet()->at(index), weight > 0 ? weight : 0.0, 1e-9) << "bar " << index;
        EXPECT_NEAR(chart.fallSet()->at(index), weight < 0 ? -weight : 0.0, 1e-9) << "bar " << index;
        EXPECT_DOUBLE_EQ(chart.endSet()->at(index), 0.0);
        EXPECT_NEAR(chart.baseSet()->at(index) + chart.baseline(), std::min(running, running + weight), 1e-9)
            << "bar " << index;
        running += weight;
    }
    // The prior (negative) hangs from zero; the total stands on zero.
    EXPECT_NEAR(chart.endSet()->at(0), 13.3, 1e-9);
    EXPECT_NEAR(chart.baseSet()->at(0) + chart.baseline(), -13.3, 1e-9);
    const int last = static_cast<int>(chart.bars().size()) - 1;
    EXPECT_NEAR(chart.endSet()->at(last), 4.5, 1e-9);
    EXPECT_NEAR(chart.baseSet()->at(last) + chart.baseline(), 0.0, 1e-9);
    EXPECT_LE(chart.baseline(), -13.3);
    for (int i = 0; i <= last; ++i) {
        EXPECT_GE(chart.baseSet()->at(i), 0.0) << "a stacked value under zero would split at zero";
    }
}

TEST(MatchWaterfall, EveryBarCarriesItsSignedWeight)
{
    MatchWaterfall chart;
    chart.setScore(sampleScore());
    const QStringList labels = chart.barLabels();
    ASSERT_EQ(labels.size(), 6);
    EXPECT_EQ(labels.at(0), QStringLiteral("\u221213.3"));
    EXPECT_EQ(labels.at(1), QStringLiteral("+4.1"));
    EXPECT_EQ(labels.at(2), QStringLiteral("\u22122.3"));
    EXPECT_EQ(labels.at(4), QStringLiteral("+9.8"));
    EXPECT_EQ(labels.at(5), QStringLiteral("+4.5"));
}

TEST(MatchWaterfall, ADetailNotComparedHasNoBarYetItsSentenceStays)
{
    MatchWaterfall chart;
    const auto score = sampleScore();
    chart.setScore(score);
    ASSERT_GT(score.contributions.size(), moving(score).size()) << "the sample has details not recorded";
    for (int i = 0; i < chart.categoryAxis()->count(); ++i) {
        EXPECT_NE(chart.categoryAxis()->at(i), MatchText::fieldHeading(core::matching::Field::Email));
    }
    EXPECT_TRUE(chart.accessibleDescription().contains(QStringLiteral("email")))
        << chart.accessibleDescription().toStdString();
}

TEST(MatchWaterfall, TheWeightAxisReadsRealWeightsThroughZero)
{
    MatchWaterfall chart;
    chart.setScore(sampleScore());
    const QStringList ticks = chart.weightAxis()->categoriesLabels();
    ASSERT_TRUE(ticks.contains(QStringLiteral("0"))) << ticks.join(u' ').toStdString();
    EXPECT_NEAR(chart.weightAxis()->endValue(QStringLiteral("0")), -chart.baseline(), 1e-9)
        << "the tick \"0\" stands where a weight of zero is drawn";
    EXPECT_TRUE(ticks.first().startsWith(QStringLiteral("\u2212"))) << ticks.first().toStdString();
}

TEST(MatchWaterfall, ItsAccessibleTextReadsTheSentences)
{
    MatchWaterfall chart;
    const auto score = sampleScore();
    chart.setScore(score);
    EXPECT_FALSE(chart.accessibleName().isEmpty());
    EXPECT_EQ(chart.accessibleDescription(), MatchText::explanation(score));
    EXPECT_TRUE(chart.accessibleDescription().contains(QStringLiteral("phone: same number +9.8")));
    EXPECT_EQ(chart.focusPolicy(), Qt::StrongFocus) << "reachable with the keyboard";
}

TEST(MatchWaterfall, TheLegendNamesTheDirectionInWordsAndHidesTheInvisibleBase)
{
    // Shown inside a window, as in MatchExplanationView (a shown top-level chart view is not how the app uses it).
    QWidget window;
    auto* chart = new MatchWaterfall(&window);
    chart->setScore(sampleScore());
    window.show();
    QCoreApplication::processEvents();
    QStringList shown;
    for (const QLegendMarker* marker : chart->chart()->legend()->markers(chart->series())) {
        if (marker->isVisible()) {
            shown << marker->label();
        }
    }
    EXPECT_EQ(shown, QStringList({QStringLiteral("Starting point and total"), QStringLiteral("Raises the weight (+)"),
                                  QStringLiteral("Lowers the weight (\u2212)")}));
}

TEST(MatchWaterfall, LabelsSitAtTheEndOfTheirBarsOnceShown)
{
    QWidget window;
    auto* chart = new MatchWaterfall(&window);
    chart->resize(900, 400);
    window.resize(900, 400);
    window.show();
    chart->setScore(sampleScore());
    QCoreApplication::processEvents();
    const QRectF plot = chart->chart()->plotArea();
    ASSERT_TRUE(plot.isValid());
    // The label of the phone's rise (bar 4) is above that of the given name's fall (bar 2), both inside the plot.
    const auto labels = chart->chart()->childItems();
    double phoneY = -1;
    double givenY = -1;
    for (const QGraphicsItem* item : labels) {
        if (const auto* text = dynamic_cast<const QGraphicsSimpleTextItem*>(item)) {
            if (text->text() == QStringLiteral("+9.8")) {
                phoneY = text->pos().y();
                EXPECT_TRUE(plot.contains(text->pos())) << text->pos().x() << "," << text->pos().y();
            } else if (text->text() == QStringLiteral("\u22122.3")) {
                givenY = text->pos().y();
            }
        }
    }
    ASSERT_GE(phoneY, 0.0);
    ASSERT_GE(givenY, 0.0);
    EXPECT_LT(phoneY, givenY);
}

TEST(MatchWaterfall, AnEmptyScoreHasOnlyThePriorAndTheTotal)
{
    MatchWaterfall chart;
    chart.setScore(sampleScore());
    chart.setScore({});
    EXPECT_EQ(chart.bars().size(), 2U);
    EXPECT_EQ(chart.categoryAxis()->count(), 2);
    EXPECT_EQ(chart.riseSet()->count(), 2);
    EXPECT_EQ(chart.barLabels().size(), 2);
}

} // namespace
} // namespace wb::ui::test
