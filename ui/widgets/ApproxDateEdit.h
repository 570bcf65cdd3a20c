// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QWidget>

#include "core/domain/ApproxDate.h"

class QComboBox;
class QDate;
class QDateEdit;
class QDateTimeEdit;
class QLabel;

namespace wb::ui {

class WholeNumberEdit;

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

    /// What stops the value being read, for the form to show inline ("Offence date: \"20255\" is not a year from
    /// 1900 to 2100."); empty when it can be read. value() is Unknown meanwhile, never a year it was not given.
    QString problem() const;

    static constexpr int MinYear = 1900;
    static constexpr int MaxYear = 2100;

Q_SIGNALS:
    void changed();

private:
    void updateVisibility();
    core::ApproxDate::Precision precision() const;
    std::optional<int> year() const;

    QComboBox* m_precision = nullptr;
    QDateTimeEdit* m_exact = nullptr;
    QDateEdit* m_day = nullptr;
    QComboBox* m_month = nullptr;
    WholeNumberEdit* m_year = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_andLabel = nullptr;
    QDateEdit* m_to = nullptr;
    QString m_fieldName;
    bool m_loading = false;
};

} // namespace wb::ui
