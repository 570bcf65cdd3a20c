// SPDX-License-Identifier: GPL-3.0-or-later
// A fictional match score for the repeat-suspect screens' tests: "Jon Smyth" against "Jonathan Smith".
#pragma once

#include "core/matching/MatchTypes.h"

namespace wb::ui::test {

inline core::matching::Contribution
sampleContribution(core::matching::Field field, core::matching::Level level, double weight)
{
    core::matching::Contribution contribution;
    contribution.field = field;
    contribution.level = level;
    contribution.weight = weight;
    return contribution;
}

/// Prior −13.3; surname similar +4.1 (a common name −1.8), given name different −2.3, birth date day and month
/// swapped +6.2, phone same number +9.8, every other field not recorded for both; total +4.5.
inline core::matching::MatchScore sampleScore()
{
    using core::matching::Field;
    using core::matching::Level;
    core::matching::MatchScore score;
    score.priorWeight = -13.3;
    auto surname = sampleContribution(Field::FamilyName, Level::SimilarHigh, 4.1);
    surname.similarity = 0.94;
    surname.termFrequencyAdjustment = -1.8;
    score.contributions = {surname,
                           sampleContribution(Field::GivenName, Level::Different, -2.3),
                           sampleContribution(Field::BirthDate, Level::DayMonthSwapped, 6.2),
                           sampleContribution(Field::Phone, Level::Exact, 9.8),
                           sampleContribution(Field::Email, Level::NotCompared, 0.0),
                           sampleContribution(Field::Handle, Level::NotCompared, 0.0),
                           sampleContribution(Field::Vehicle, Level::NotCompared, 0.0),
                           sampleContribution(Field::Address, Level::NotCompared, 0.0),
                           sampleContribution(Field::Postcode, Level::NotCompared, 0.0),
                           sampleContribution(Field::PoliceId, Level::NotCompared, 0.0)};
    score.totalWeight = 4.5;
    score.probability = 0.957;
    return score;
}

} // namespace wb::ui::test
