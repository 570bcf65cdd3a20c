// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/DateLineEdit.h"

#include <QAction>
#include <QCalendarWidget>
#include <QIcon>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

namespace wb::ui {

namespace {

const QDate Earliest(1900, 1, 1);
const QDate Latest(2100, 12, 31);

} // namespace

DateLineEdit::DateLineEdit(QWidget* parent)
    : QLineEdit(parent)
    , m_calendarStart(QDate(2000, 1, 1))
{
    setPlaceholderText(tr("dd/mm/yyyy"));
    setMaxLength(20);
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")) + 48);
    setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")) * 2 + 48);
    QIcon icon = QIcon::fromTheme(QStringLiteral("x-office-calendar"));
    if (icon.isNull()) {
        icon = style()->standardIcon(QStyle::SP_ArrowDown);
    }
    QAction* pick = addAction(icon, QLineEdit::TrailingPosition);
    pick->setObjectName(QStringLiteral("calendarAction"));
    pick->setText(tr("Choose from a calendar (Alt+Down)"));
    pick->setToolTip(pick->text());
    connect(pick, &QAction::triggered, this, &DateLineEdit::showCalendar);
}

bool DateLineEdit::isBlank() const
{
    return text().trimmed().isEmpty();
}

QDate DateLineEdit::parse(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral("^\\s*(\\d{1,2})[/.\\- ](\\d{1,2})[/.\\- ](\\d{4})\\s*$"));
    const auto match = shape.match(text);
    if (!match.hasMatch()) {
        return {};
    }
    const QDate date(match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
    return inRange(date) ? date : QDate();
}

bool DateLineEdit::inRange(const QDate& date)
{
    return date.isValid() && date >= Earliest && date <= Latest;
}

QDate DateLineEdit::calendarDate() const
{
    return date();
}

void DateLineEdit::takeCalendarDate(const QDate& date)
{
    setDate(date);
}

bool DateLineEdit::holdsDate() const
{
    return isBlank() || parse(text()).isValid();
}

QDate DateLineEdit::date() const
{
    return parse(text());
}

void DateLineEdit::setDate(const QDate& date)
{
    setText(date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString());
}

void DateLineEdit::showCalendar()
{
    if (isReadOnly() || !isEnabled()) {
        return; // a read-only date is not changed through its calendar either
    }
    auto* popup = new QWidget(this, Qt::Popup);
    popup->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(popup);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* calendar = new QCalendarWidget(popup);
    calendar->setObjectName(QStringLiteral("dateCalendarWidget"));
    calendar->setDateRange(Earliest, Latest);
    calendar->setFirstDayOfWeek(Qt::Monday);
    calendar->setSelectedDate(calendarDate().isValid() ? calendarDate() : m_calendarStart);
    layout->addWidget(calendar);
    connect(calendar, &QCalendarWidget::activated, this, [this, popup](const QDate& chosen) {
        takeCalendarDate(chosen);
        Q_EMIT textEdited(text());
        popup->close();
        setFocus();
    });
    popup->move(mapToGlobal(QPoint(0, height())));
    popup->show();
    calendar->setFocus();
}

void DateLineEdit::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Down && event->modifiers().testFlag(Qt::AltModifier)) || event->key() == Qt::Key_F4) {
        showCalendar();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace wb::ui
