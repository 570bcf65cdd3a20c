// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QDate>
#include <QLineEdit>

namespace wb::ui {

/// A date typed as dd/mm/yyyy (or picked from a calendar: the button at its end, or Alt+Down). It starts empty and
/// keeps what was typed: a date that does not exist ("31/02/1990") or a year it cannot hold is not corrected to
/// another date, it is reported by holdsDate() for the form to refuse inline. Empty means not recorded.
class DateLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit DateLineEdit(QWidget* parent = nullptr);

    bool isBlank() const;
    /// True when the text is blank or a real date between 01/01/1900 and 31/12/2100.
    bool holdsDate() const;
    /// The date typed; invalid when blank or not a date.
    QDate date() const;
    /// Shows a date as dd/mm/yyyy; an invalid date empties the field.
    void setDate(const QDate& date);

    /// "1990-03-14" from "14/03/1990", "3/4/1990" or "14.03.1990"; invalid for anything else.
    static QDate parse(const QString& text);

    /// Where the calendar opens when the field is empty (the UK date on the workspace's clock).
    void setCalendarStart(const QDate& date) { m_calendarStart = date; }
    /// Opens the calendar under the field; a date chosen there is written into it.
    void showCalendar();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    /// The date the calendar starts at (the one typed, if any).
    virtual QDate calendarDate() const;
    /// Writes the date chosen in the calendar (a date-time field keeps its time).
    virtual void takeCalendarDate(const QDate& date);
    static bool inRange(const QDate& date);

private:
    QDate m_calendarStart;
};

} // namespace wb::ui
