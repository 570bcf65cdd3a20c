// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCoreApplication>
#include <QString>

#include "core/matching/MatchTypes.h"
#include "core/repo/MatchDecisionRepository.h"

namespace wb::ui {

/// Words for repeat-suspect matching (issue 16): the one place a matching Field and Level become words and a
/// Contribution becomes a sentence ("surname: similar (Jaro–Winkler 0.94) +4.1"). Sentences never quote the compared
/// values (they are personal data, and the caller decides what privacy mode shows). UK English; weights are signed,
/// to one decimal, with a true minus sign ("−2.3"), so the direction is in the words and never only in a colour.
class MatchText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::MatchText)

public:
    /// "surname", "given name", "birth date", "phone"…
    static QString field(core::matching::Field field);
    /// A short label for a chart axis ("Surname", "Given name"…).
    static QString fieldHeading(core::matching::Field field);
    /// What the comparison found, in the field's words: "same number" (phone, exact), "the same" (surname, exact),
    /// "similar (Jaro–Winkler 0.94)", "day and month swapped", "not recorded for both", "different".
    /// similarity is shown only for the Jaro–Winkler levels, when known.
    static QString
    level(core::matching::Field field, core::matching::Level level, std::optional<double> similarity = std::nullopt);
    /// "+4.1", "−2.3", "0.0" (a weight that rounds to zero has no sign).
    static QString weight(double weight);
    /// "(a common name: −1.8)" / "(a rare name: +1.2)" for a term-frequency adjustment; empty when it is zero.
    static QString termFrequencyNote(core::matching::Field field, double adjustment);
    /// "surname: similar (Jaro–Winkler 0.94) +4.1", with the term-frequency note after the weight when there is one.
    static QString sentence(const core::matching::Contribution& contribution);
    /// "starting point (how likely any two records are the same person) −13.3".
    static QString prior(double weight);
    /// "total weight +12.0".
    static QString total(double weight);
    /// "match probability 98 %"; "more than 99 %" / "less than 1 %" at the ends, never a rounded 100 % or 0 %.
    static QString probability(double probability);
    /// The whole explanation as one text for a screen reader: prior, every sentence, total and probability.
    static QString explanation(const core::matching::MatchScore& score);
    /// An officer's decision on a pair: "Same person", "Different people", "Undecided".
    static QString verdict(core::MatchVerdict verdict);
};

} // namespace wb::ui
