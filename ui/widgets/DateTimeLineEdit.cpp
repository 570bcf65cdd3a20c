// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/DateTimeLineEdit.h"

#include <QRegularExpression>

namespace wb::ui {

DateTimeLineEdit::DateTimeLineEdit(QWidget* parent)
    : DateLineEdit(parent)
{
    setPlaceholderText(tr("dd/mm/yyyy hh:mm"));
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000 00:000")) + 48);
    setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000 00:000")) * 2 + 48);
}

QDateTime DateTimeLineEdit::parseDateTime(const QString& text)
{
    static const QRegularExpression shape(
        QStringLiteral("^\\s*(\\d{1,2})[/.\\- ](\\d{1,2})[/.\\- ](\\d{4})\\s+(\\d{1,2})[:.](\\d{2})\\s*$"));
    const auto match = shape.match(text);
    if (!match.hasMatch()) {
        return {};
    }
    const QDate date(match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt());
    if (!inRange(date) || !time.isValid()) {
        return {};
    }
    return QDateTime(date, time);
}

bool DateTimeLineEdit::holdsDateTime() const
{
    return isBlank() || parseDateTime(text()).isValid();
}

QDateTime DateTimeLineEdit::dateTime() const
{
    return parseDateTime(text());
}

void DateTimeLineEdit::setDateTime(const QDateTime& dateTime)
{
    setText(dateTime.isValid() ? dateTime.toString(QStringLiteral("dd/MM/yyyy HH:mm")) : QString());
}

QDate DateTimeLineEdit::calendarDate() const
{
    const QDateTime typed = dateTime();
    return typed.isValid() ? typed.date() : QDate();
}

void DateTimeLineEdit::takeCalendarDate(const QDate& date)
{
    const QDateTime typed = dateTime();
    setDateTime(QDateTime(date, typed.isValid() ? typed.time() : QTime(12, 0)));
}

} // namespace wb::ui
