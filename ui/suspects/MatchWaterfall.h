// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QChartView>
#include <QString>

#include "core/matching/MatchTypes.h"

class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;
class QGraphicsSimpleTextItem;
class QStackedBarSeries;

namespace wb::ui {

/// A match score drawn as a waterfall (issue 16, as Splink draws it): a bar for the prior weight, then one bar per
/// field contribution rising or falling from the running total, then a bar for the total weight. Every bar carries
/// its signed weight ("+9.8", "−2.3") as a label, so direction never rests on colour alone (rises blue, falls
/// orange, the prior and total grey); the accessible name and description read the explanation's sentences.
///
/// Drawn with a stacked bar series: an invisible base set lifts each bar to its lower end, measured from a baseline
/// below the lowest running total (weights are often negative, which a stacked series would otherwise split at
/// zero); the value axis labels the real weights.
class MatchWaterfall final : public QChartView
{
    Q_OBJECT

public:
    enum class BarKind { Prior, Rise, Fall, Flat, Total };

    /// One bar, in weight units: it spans from → to (the running total before and after).
    struct Bar {
        QString category; ///< the axis label ("Start", "Surname"… "Total")
        double from = 0.0;
        double to = 0.0;
        BarKind kind = BarKind::Flat;
        QString label; ///< the text on the bar: the signed weight
    };

    explicit MatchWaterfall(QWidget* parent = nullptr);

    void setScore(const core::matching::MatchScore& score);

    const std::vector<Bar>& bars() const noexcept { return m_bars; }
    /// The labels drawn on the bars, in bar order.
    QStringList barLabels() const;
    /// The weight at the chart's lowest point: the stacked values are measured from here.
    double baseline() const noexcept { return m_baseline; }

    QStackedBarSeries* series() const noexcept { return m_series; }
    QBarCategoryAxis* categoryAxis() const noexcept { return m_categories; }
    QCategoryAxis* weightAxis() const noexcept { return m_weights; }
    /// The invisible lift under each bar, and the visible parts: rises, falls, prior and total.
    QBarSet* baseSet() const noexcept { return m_base; }
    QBarSet* riseSet() const noexcept { return m_rise; }
    QBarSet* fallSet() const noexcept { return m_fall; }
    QBarSet* endSet() const noexcept { return m_end; }

private:
    static std::vector<Bar> barsOf(const core::matching::MatchScore& score);
    void fillSeries();
    void fillWeightAxis(double low, double high);
    void rebuildLabels();
    void placeLabels();

    std::vector<Bar> m_bars;
    double m_baseline = 0.0;
    QStackedBarSeries* m_series = nullptr;
    QBarCategoryAxis* m_categories = nullptr;
    QCategoryAxis* m_weights = nullptr;
    QBarSet* m_base = nullptr;
    QBarSet* m_rise = nullptr;
    QBarSet* m_fall = nullptr;
    QBarSet* m_end = nullptr;
    std::vector<QGraphicsSimpleTextItem*> m_labels;
};

} // namespace wb::ui
