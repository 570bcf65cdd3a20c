// SPDX-License-Identifier: GPL-3.0-or-later
// MatchText: the words for every matching Field and Level, signed weights, the term-frequency note and the
// sentence a Contribution becomes (issue 16).
#include <gtest/gtest.h>

#include <set>

#include <QString>

#include "core/matching/MatchTypes.h"
#include "ui/text/MatchText.h"

namespace wb::ui::test {
namespace {

using core::matching::Contribution;
using core::matching::Field;
using core::matching::Level;

// The last enumerators of MatchTypes.h; MatchText's switches have no default, so a new enumerator fails the
// -Werror build there until it has words, and these loops then cover it once the bounds are moved.
constexpr int fieldCount = static_cast<int>(Field::PoliceId) + 1;
constexpr int levelCount = static_cast<int>(Level::Different) + 1;

Contribution contribution(Field field, Level level, double weight)
{
    Contribution c;
    c.field = field;
    c.level = level;
    c.weight = weight;
    return c;
}

TEST(MatchText, EveryFieldHasItsOwnWordsAndHeading)
{
    std::set<QString> words;
    std::set<QString> headings;
    for (int i = 0; i < fieldCount; ++i) {
        const auto field = static_cast<Field>(i);
        const QString word = MatchText::field(field);
        EXPECT_FALSE(word.isEmpty()) << "field " << i;
        EXPECT_FALSE(MatchText::fieldHeading(field).isEmpty()) << "field " << i;
        words.insert(word);
        headings.insert(MatchText::fieldHeading(field));
    }
    EXPECT_EQ(words.size(), static_cast<std::size_t>(fieldCount)) << "two fields share their words";
    EXPECT_EQ(headings.size(), static_cast<std::size_t>(fieldCount));
    EXPECT_EQ(MatchText::field(Field::FamilyName), QStringLiteral("surname"));
    EXPECT_EQ(MatchText::field(Field::BirthDate), QStringLiteral("birth date"));
}

TEST(MatchText, EveryLevelHasWordsForEveryField)
{
    for (int f = 0; f < fieldCount; ++f) {
        std::set<QString> levelWords;
        for (int l = 0; l < levelCount; ++l) {
            const QString words = MatchText::level(static_cast<Field>(f), static_cast<Level>(l), 0.9);
            EXPECT_FALSE(words.isEmpty()) << "field " << f << " level " << l;
            levelWords.insert(words);
        }
        EXPECT_EQ(levelWords.size(), static_cast<std::size_t>(levelCount))
            << "two levels read the same for field " << f;
    }
}

TEST(MatchText, LevelsReadAsTheIssueWritesThem)
{
    EXPECT_EQ(MatchText::level(Field::FamilyName, Level::SimilarHigh, 0.9412),
              QStringLiteral("similar (Jaro–Winkler 0.94)"));
    EXPECT_EQ(MatchText::level(Field::FamilyName, Level::SimilarHigh), QStringLiteral("similar"))
        << "no score shown when none is known";
    EXPECT_EQ(MatchText::level(Field::GivenName, Level::SimilarMedium, 0.86),
              QStringLiteral("somewhat similar (Jaro–Winkler 0.86)"));
    EXPECT_EQ(MatchText::level(Field::BirthDate, Level::DayMonthSwapped), QStringLiteral("day and month swapped"));
    EXPECT_EQ(MatchText::level(Field::Phone, Level::Exact), QStringLiteral("same number"));
    EXPECT_EQ(MatchText::level(Field::Phone, Level::Different), QStringLiteral("no number in common"));
    EXPECT_EQ(MatchText::level(Field::GivenName, Level::Different), QStringLiteral("different"));
    EXPECT_EQ(MatchText::level(Field::GivenName, Level::Nickname),
              QStringLiteral("a short or familiar form of the same name"))
        << "a nickname is not called an alias: nothing was recorded as one";
    EXPECT_EQ(MatchText::level(Field::Email, Level::NotCompared), QStringLiteral("not recorded for both"));
    EXPECT_EQ(MatchText::level(Field::Postcode, Level::SameArea), QStringLiteral("same area (postcode district)"));
}

TEST(MatchText, WeightsAreSignedToOneDecimalWithATrueMinus)
{
    EXPECT_EQ(MatchText::weight(4.14), QStringLiteral("+4.1"));
    EXPECT_EQ(MatchText::weight(-2.26), QStringLiteral("\u22122.3"));
    EXPECT_EQ(MatchText::weight(9.75), QStringLiteral("+9.8"));
    EXPECT_EQ(MatchText::weight(0.0), QStringLiteral("0.0"));
    EXPECT_EQ(MatchText::weight(-0.04), QStringLiteral("0.0")) << "no \"−0.0\"";
    EXPECT_EQ(MatchText::weight(0.04), QStringLiteral("0.0"));
    EXPECT_EQ(MatchText::weight(-13.3), QStringLiteral("\u221213.3"));
}

TEST(MatchText, AContributionIsASentence)
{
    Contribution surname = contribution(Field::FamilyName, Level::SimilarHigh, 4.1);
    surname.similarity = 0.94;
    EXPECT_EQ(MatchText::sentence(surname), QStringLiteral("surname: similar (Jaro–Winkler 0.94) +4.1"));
    EXPECT_EQ(MatchText::sentence(contribution(Field::BirthDate, Level::DayMonthSwapped, 6.2)),
              QStringLiteral("birth date: day and month swapped +6.2"));
    EXPECT_EQ(MatchText::sentence(contribution(Field::Phone, Level::Exact, 9.8)),
              QStringLiteral("phone: same number +9.8"));
    EXPECT_EQ(MatchText::sentence(contribution(Field::GivenName, Level::Different, -2.3)),
              QStringLiteral("given name: different \u22122.3"));
    EXPECT_EQ(MatchText::sentence(contribution(Field::Email, Level::NotCompared, 0.0)),
              QStringLiteral("email: not recorded for both 0.0"));
}

TEST(MatchText, ATermFrequencyAdjustmentIsNamed)
{
    Contribution common = contribution(Field::FamilyName, Level::Exact, 6.4);
    common.termFrequencyAdjustment = -1.8;
    EXPECT_EQ(MatchText::sentence(common), QStringLiteral("surname: the same +6.4 (a common name: \u22121.8)"));
    Contribution rare = contribution(Field::GivenName, Level::Exact, 9.9);
    rare.termFrequencyAdjustment = 1.25;
    EXPECT_EQ(MatchText::sentence(rare), QStringLiteral("given name: the same +9.9 (a rare name: +1.3)"));
    EXPECT_TRUE(MatchText::termFrequencyNote(Field::FamilyName, 0.0).isEmpty());
    EXPECT_EQ(MatchText::termFrequencyNote(Field::Postcode, -0.5), QStringLiteral("(a common value: \u22120.5)"));
}

TEST(MatchText, TheProbabilityIsAPercentageThatNeverRoundsToCertainty)
{
    EXPECT_EQ(MatchText::probability(0.98), QStringLiteral("match probability 98 %"));
    EXPECT_EQ(MatchText::probability(0.5), QStringLiteral("match probability 50 %"));
    EXPECT_EQ(MatchText::probability(0.9996), QStringLiteral("match probability more than 99 %"));
    EXPECT_EQ(MatchText::probability(0.0001), QStringLiteral("match probability less than 1 %"));
}

TEST(MatchText, TheExplanationReadsPriorSentencesTotalAndProbability)
{
    core::matching::MatchScore score;
    score.priorWeight = -13.3;
    score.contributions = {contribution(Field::Phone, Level::Exact, 9.8),
                           contribution(Field::GivenName, Level::Different, -2.3)};
    score.totalWeight = -5.8;
    score.probability = 0.018;
    const QString text = MatchText::explanation(score);
    EXPECT_TRUE(text.startsWith(MatchText::prior(-13.3))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("phone: same number +9.8; given name: different \u22122.3")))
        << text.toStdString();
    EXPECT_TRUE(text.endsWith(QStringLiteral("total weight \u22125.8; match probability 2 %"))) << text.toStdString();
}

TEST(MatchText, EveryDecisionHasItsOwnWords)
{
    EXPECT_EQ(MatchText::verdict(core::MatchVerdict::Same), QStringLiteral("Same person"));
    EXPECT_EQ(MatchText::verdict(core::MatchVerdict::Different), QStringLiteral("Different people"));
    EXPECT_EQ(MatchText::verdict(core::MatchVerdict::Undecided), QStringLiteral("Undecided"));
}

} // namespace
} // namespace wb::ui::test
