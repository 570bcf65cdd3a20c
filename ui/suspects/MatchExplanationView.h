// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "core/matching/MatchTypes.h"
#include "ui/suspects/MatchPersonDisplay.h"

class QLabel;
class QListWidget;

namespace wb::ui {

class MatchWaterfall;

/// Why two recorded persons may be the same person (issue 16): the two persons (name, role, case reference, as given),
/// the match probability in words, one sentence per compared detail (ui/text/MatchText) and the waterfall of the
/// weights. It explains and never decides: the decision is the officer's, on the evidence. The sentence list and
/// the chart take the keyboard focus in turn; the view's accessible description reads the pair and the probability.
class MatchExplanationView final : public QWidget
{
    Q_OBJECT

public:
    explicit MatchExplanationView(QWidget* parent = nullptr);

    /// Shows the pair `first`–`second` and the score of their comparison.
    void showPair(const MatchPersonDisplay& first,
                  const MatchPersonDisplay& second,
                  const core::matching::MatchScore& score);

    QLabel* firstPersonLabel() const noexcept { return m_first; }
    QLabel* secondPersonLabel() const noexcept { return m_second; }
    QLabel* probabilityLabel() const noexcept { return m_probability; }
    QListWidget* sentenceList() const noexcept { return m_sentences; }
    MatchWaterfall* waterfall() const noexcept { return m_waterfall; }

private:
    static QString personText(const MatchPersonDisplay& person);

    QLabel* m_first = nullptr;
    QLabel* m_second = nullptr;
    QLabel* m_probability = nullptr;
    QListWidget* m_sentences = nullptr;
    MatchWaterfall* m_waterfall = nullptr;
};

} // namespace wb::ui
