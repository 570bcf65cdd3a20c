// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include "ui/widgets/DateLineEdit.h"

namespace wb::ui {

/// A UK date and time typed as dd/mm/yyyy hh:mm (the date can also be picked from a calendar, keeping the time).
/// Like DateLineEdit it keeps what was typed: "31/02/2026 14:30" or "10/01/2026 25:00" is not corrected, it is
/// reported by holdsDateTime() for the form to refuse inline. Empty means not recorded.
class DateTimeLineEdit final : public DateLineEdit
{
    Q_OBJECT

public:
    explicit DateTimeLineEdit(QWidget* parent = nullptr);

    /// True when the text is blank or a real date (01/01/1900 to 31/12/2100) and time (00:00 to 23:59).
    bool holdsDateTime() const;
    /// The UK wall-clock date and time typed; invalid when blank or not a date and time.
    QDateTime dateTime() const;
    /// Shows a date and time as dd/mm/yyyy hh:mm; an invalid one empties the field.
    void setDateTime(const QDateTime& dateTime);

    /// "14/03/2026 09:05" (also "14/3/2026 9:05", "14.03.2026 09.05") → that date and time; invalid otherwise.
    static QDateTime parseDateTime(const QString& text);

protected:
    QDate calendarDate() const override;
    void takeCalendarDate(const QDate& date) override;
};

} // namespace wb::ui
