// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/DebriefChart.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QPainter>
#include <QStringList>
#include <QValueAxis>

#include "ui/plan/PlanText.h"
#include "ui/training/TrainingText.h"

namespace wb::ui {

namespace {

// Blue and orange: told apart with every common colour-vision deficiency, and each bar carries its number.
const QColor followedColour(0x00, 0x72, 0xB2);
const QColor missedColour(0xE6, 0x9F, 0x00);

} // namespace

DebriefChart::DebriefChart(QWidget* parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("debriefChart"));
    setAccessibleName(tr("Weight of the model lines followed, per principle"));
    setFocusPolicy(Qt::StrongFocus);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);

    auto* chart = new QChart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(tr("Model lines of enquiry, by weight, per principle"));
    setChart(chart);

    m_series = new QHorizontalStackedBarSeries();
    m_series->setLabelsVisible(true);
    m_followed = new QBarSet(tr("Followed"));
    m_followed->setColor(followedColour);
    m_followed->setLabelColor(Qt::white);
    m_missed = new QBarSet(tr("Missed or declined"));
    m_missed->setColor(missedColour);
    m_missed->setLabelColor(Qt::black);
    m_series->append(m_followed);
    m_series->append(m_missed);
    chart->addSeries(m_series);

    m_categories = new QBarCategoryAxis();
    chart->addAxis(m_categories, Qt::AlignLeft);
    m_series->attachAxis(m_categories);
    m_values = new QValueAxis();
    m_values->setTitleText(tr("Weight (1 useful, 2 important, 3 essential)"));
    m_values->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_values);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

void DebriefChart::setPrinciples(const std::vector<core::training::PrincipleResult>& principles)
{
    m_followed->remove(0, m_followed->count());
    m_missed->remove(0, m_missed->count());
    QStringList categories;
    QStringList sentences;
    int most = 1;
    for (const auto& p : principles) {
        const QString name = PlanText::principleLabel(p.principle);
        categories << name;
        m_followed->append(p.weightFollowed);
        m_missed->append(p.weight - p.weightFollowed);
        most = std::max(most, p.weight);
        sentences << tr("%1: %2.").arg(name, TrainingText::principleScore(p));
    }
    m_categories->clear();
    m_categories->append(categories);
    m_values->setRange(0, most);
    m_values->setTickCount(std::min(most, 10) + 1);
    setAccessibleDescription(sentences.join(QLatin1Char(' ')));
}

} // namespace wb::ui
