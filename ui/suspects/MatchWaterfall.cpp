// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/MatchWaterfall.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QFont>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QStackedBarSeries>

#include "ui/text/MatchText.h"

namespace wb::ui {

namespace {

// Blue and vermillion from the Okabe–Ito palette (told apart with the common colour-vision deficiencies), and a
// neutral grey; the signed labels carry the same information in any case.
const QColor riseColour(0x00, 0x72, 0xB2);
const QColor fallColour(0xD5, 0x5E, 0x00);
const QColor endColour(0x75, 0x75, 0x75);

/// A round step for the weight axis giving at most about eight intervals over span.
double tickStep(double span)
{
    constexpr std::array<double, 8> steps{1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0};
    for (const double step : steps) {
        if (span / step <= 8.0) {
            return step;
        }
    }
    return steps.back();
}

/// An axis number with a true minus sign ("−10").
QString axisNumber(double value)
{
    const QString digits = QString::number(std::abs(value), 'g', 6);
    return value < 0.0 ? QStringLiteral("\u2212") + digits : digits;
}

QBarSet* newSet(const QString& name, const QColor& colour, QStackedBarSeries* series)
{
    auto* set = new QBarSet(name);
    set->setColor(colour);
    set->setBorderColor(colour.darker(130));
    series->append(set);
    return set;
}

} // namespace

MatchWaterfall::MatchWaterfall(QWidget* parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("matchWaterfall"));
    setAccessibleName(tr("Match weight waterfall"));
    setFocusPolicy(Qt::StrongFocus);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(300);

    auto* chart = new QChart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(tr("How each detail moves the match weight"));
    setChart(chart);

    m_series = new QStackedBarSeries();
    m_series->setBarWidth(0.6);
    m_base = newSet(QString(), Qt::transparent, m_series);
    m_base->setBorderColor(Qt::transparent);
    m_end = newSet(tr("Starting point and total"), endColour, m_series);
    m_rise = newSet(tr("Raises the weight (+)"), riseColour, m_series);
    m_fall = newSet(tr("Lowers the weight (\u2212)"), fallColour, m_series);
    chart->addSeries(m_series);

    m_categories = new QBarCategoryAxis();
    chart->addAxis(m_categories, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_weights = new QCategoryAxis();
    m_weights->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_weights->setTitleText(tr("Match weight"));
    chart->addAxis(m_weights, Qt::AlignLeft);
    m_series->attachAxis(m_weights);

    chart->legend()->setAlignment(Qt::AlignBottom);
    for (QLegendMarker* marker : chart->legend()->markers(m_series)) {
        if (marker->label().isEmpty()) {
            marker->setVisible(false); // the invisible base set
        }
    }
    connect(chart, &QChart::plotAreaChanged, this, [this] { placeLabels(); });
    setScore({});
}

std::vector<MatchWaterfall::Bar> MatchWaterfall::barsOf(const core::matching::MatchScore& score)
{
    std::vector<Bar> bars;
    bars.push_back({tr("Start"), 0.0, score.priorWeight, BarKind::Prior, MatchText::weight(score.priorWeight)});
    double running = score.priorWeight;
    for (const auto& contribution : score.contributions) {
        if (contribution.weight == 0.0) {
            continue; // a detail not recorded on both sides moves nothing: the sentences still name it
        }
        const QString label = MatchText::weight(contribution.weight);
        BarKind kind = BarKind::Flat;
        if (contribution.weight > 0.0) {
            kind = BarKind::Rise;
        } else if (contribution.weight < 0.0) {
            kind = BarKind::Fall;
        }
        bars.push_back(
            {MatchText::fieldHeading(contribution.field), running, running + contribution.weight, kind, label});
        running += contribution.weight;
    }
    bars.push_back({tr("Total"), 0.0, score.totalWeight, BarKind::Total, MatchText::weight(score.totalWeight)});
    return bars;
}

void MatchWaterfall::setScore(const core::matching::MatchScore& score)
{
    m_bars = barsOf(score);
    fillSeries();
    rebuildLabels();
    placeLabels();
    setAccessibleDescription(MatchText::explanation(score));
}

void MatchWaterfall::fillSeries()
{
    double low = 0.0;
    double high = 0.0;
    for (const Bar& bar : m_bars) {
        low = std::min({low, bar.from, bar.to});
        high = std::max({high, bar.from, bar.to});
    }
    // Room under the lowest bar and over the highest for their labels.
    const double margin = std::max(1.0, (high - low) * 0.12);
    const double step = tickStep(high - low + 2.0 * margin);
    m_baseline = std::floor((low - margin) / step) * step;
    const double top = std::ceil((high + margin) / step) * step;

    QStringList categories;
    for (QBarSet* set : {m_base, m_end, m_rise, m_fall}) {
        set->remove(0, set->count());
    }
    for (const Bar& bar : m_bars) {
        categories << bar.category;
        const double lower = std::min(bar.from, bar.to);
        const double height = std::abs(bar.to - bar.from);
        const bool end = bar.kind == BarKind::Prior || bar.kind == BarKind::Total;
        m_base->append(lower - m_baseline);
        m_end->append(end ? height : 0.0);
        m_rise->append(bar.kind == BarKind::Rise ? height : 0.0);
        m_fall->append(bar.kind == BarKind::Fall ? height : 0.0);
    }
    m_categories->clear();
    m_categories->append(categories);
    fillWeightAxis(m_baseline, top);
}

void MatchWaterfall::fillWeightAxis(double low, double high)
{
    for (const QString& label : m_weights->categoriesLabels()) {
        m_weights->remove(label);
    }
    const double step = tickStep(high - low);
    m_weights->setStartValue(0.0);
    for (double value = low; value <= high + step / 2.0; value += step) {
        m_weights->append(axisNumber(value), value - low);
    }
    m_weights->setRange(0.0, high - low);
}

void MatchWaterfall::rebuildLabels()
{
    for (QGraphicsSimpleTextItem* item : m_labels) {
        delete item;
    }
    m_labels.clear();
    QFont font = chart()->font();
    font.setBold(true);
    for (const Bar& bar : m_bars) {
        auto* item = new QGraphicsSimpleTextItem(bar.label, chart());
        item->setFont(font);
        item->setBrush(m_categories->labelsBrush()); // the chart theme's text colour, on the chart's background
        item->setZValue(10.0);
        m_labels.push_back(item);
    }
}

void MatchWaterfall::placeLabels()
{
    for (std::size_t i = 0; i < m_labels.size() && i < m_bars.size(); ++i) {
        const Bar& bar = m_bars[i];
        // Above a bar that goes up, under one that goes down: the label sits where the bar ends.
        const bool above = bar.to >= bar.from;
        const double anchor = above ? std::max(bar.from, bar.to) : std::min(bar.from, bar.to);
        const QPointF point = chart()->mapToPosition(QPointF(static_cast<double>(i), anchor - m_baseline), m_series);
        const QRectF box = m_labels[i]->boundingRect();
        const double y = above ? point.y() - box.height() - 2.0 : point.y() + 2.0;
        m_labels[i]->setPos(point.x() - box.width() / 2.0, y);
    }
}

QStringList MatchWaterfall::barLabels() const
{
    QStringList labels;
    for (const QGraphicsSimpleTextItem* item : m_labels) {
        labels << item->text();
    }
    return labels;
}

} // namespace wb::ui
