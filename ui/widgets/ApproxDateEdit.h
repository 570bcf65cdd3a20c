// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "core/domain/ApproxDate.h"

class QComboBox;
class QDate;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QSpinBox;

namespace wb::ui {

/// Edits a core::ApproxDate: a precision (Unknown / Exact date and time / Day /
/// Month / Year / Between two dates) and only the date widgets that precision
/// needs. Dates show as dd/MM/yyyy; an exact time is entered in Europe/London
/// and kept as a UTC instant. Never invents a precision the officer did not choose.
class ApproxDateEdit final : public QWidget
{
    Q_OBJECT

public:
    /// `today` (the UK date on the workspace's clock: workspaceToday) is where every date widget starts.
    explicit ApproxDateEdit(const QDate& today, QWidget* parent = nullptr);

    void setValue(const core::ApproxDate& value);
    core::ApproxDate value() const;

    /// Sets the accessible names of the inner controls from a field label
    /// ("Offence date: precision", "Offence date: from"…).
    void setFieldName(const QString& name);

Q_SIGNALS:
    void changed();

private:
    void updateVisibility();
    core::ApproxDate::Precision precision() const;

    QComboBox* m_precision = nullptr;
    QDateTimeEdit* m_exact = nullptr;
    QDateEdit* m_day = nullptr;
    QComboBox* m_month = nullptr;
    QSpinBox* m_year = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_andLabel = nullptr;
    QDateEdit* m_to = nullptr;
    bool m_loading = false;
};

} // namespace wb::ui
