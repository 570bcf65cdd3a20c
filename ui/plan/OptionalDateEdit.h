// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <QDate>
#include <QWidget>

class QCheckBox;
class QDateEdit;

namespace wb::ui {

/// A date (dd/MM/yyyy, calendar popup, `today` at first: the UK date on the workspace's clock) with a check box for "no
/// date": the due date of an enquiry ("No due date"), the s.37 notice ("Not given yet"). The date is disabled while the
/// box is ticked and then shows no date (not today's date greyed out).
class OptionalDateEdit final : public QWidget
{
    Q_OBJECT

public:
    /// `noneText` labels the check box; the object and accessible names are the caller's.
    OptionalDateEdit(const QString& noneText, const QDate& today, QWidget* parent = nullptr);

    QDateEdit* dateEdit() const noexcept { return m_date; }
    QCheckBox* noneBox() const noexcept { return m_none; }

    /// Shows an ISO date ("YYYY-MM-DD"); anything else (empty) ticks the box.
    void setIsoDate(const std::string& iso);
    /// The date as ISO, empty while the box is ticked.
    std::string isoDate() const;

private:
    void showNone(bool none, const QDate& date);

    QDateEdit* m_date = nullptr;
    QDate m_lastDate; ///< shown again when "no date" is unticked
    QCheckBox* m_none = nullptr;
};

} // namespace wb::ui
