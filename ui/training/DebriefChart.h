// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QChartView>

#include "core/training/Debrief.h"

class QBarCategoryAxis;
class QBarSet;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace wb::ui {

/// The debrief's chart (issue 17): for each NOM principle the model lines belong to, the weight of the lines followed
/// and of those missed or declined, as stacked bars with their numbers on them (words and numbers, never a colour
/// alone; the accessible description says the same in sentences). Used for one trainee and for the whole room.
class DebriefChart final : public QChartView
{
    Q_OBJECT

public:
    explicit DebriefChart(QWidget* parent = nullptr);

    void setPrinciples(const std::vector<core::training::PrincipleResult>& principles);

private:
    QHorizontalStackedBarSeries* m_series = nullptr;
    QBarSet* m_followed = nullptr;
    QBarSet* m_missed = nullptr;
    QBarCategoryAxis* m_categories = nullptr;
    QValueAxis* m_values = nullptr;
};

} // namespace wb::ui
