// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/ApproxDateEdit.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include "core/domain/Time.h"
#include "ui/text/DisplayText.h"
#include "ui/widgets/WholeNumberEdit.h"

namespace wb::ui {

namespace {

using Precision = core::ApproxDate::Precision;

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

QDate fromIso(const std::string& text)
{
    return QDate::fromString(QString::fromStdString(text.substr(0, 10)), Qt::ISODate);
}

QDateEdit* makeDateEdit(QWidget* parent, const QString& objectName, const QDate& today)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    edit->setCalendarPopup(true);
    edit->setMinimumDate(QDate(1900, 1, 1));
    edit->setMaximumDate(QDate(2100, 12, 31));
    edit->setDate(today);
    return edit;
}

} // namespace

ApproxDateEdit::ApproxDateEdit(const QDate& today, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_precision = new QComboBox(this);
    m_precision->setObjectName(QStringLiteral("precisionComboBox"));
    m_precision->addItem(tr("Unknown"), static_cast<int>(Precision::Unknown));
    m_precision->addItem(tr("Exact date and time"), static_cast<int>(Precision::Exact));
    m_precision->addItem(tr("Day"), static_cast<int>(Precision::Day));
    m_precision->addItem(tr("Month"), static_cast<int>(Precision::Month));
    m_precision->addItem(tr("Year"), static_cast<int>(Precision::Year));
    m_precision->addItem(tr("Between two dates"), static_cast<int>(Precision::Between));
    layout->addWidget(m_precision);

    m_exact = new QDateTimeEdit(this);
    m_exact->setObjectName(QStringLiteral("exactDateTimeEdit"));
    m_exact->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_exact->setCalendarPopup(true);
    m_exact->setTimeSpec(Qt::LocalTime);
    m_exact->setDateTime(QDateTime(today, QTime(12, 0)));
    layout->addWidget(m_exact);

    m_day = makeDateEdit(this, QStringLiteral("dayDateEdit"), today);
    layout->addWidget(m_day);

    m_month = new QComboBox(this);
    m_month->setObjectName(QStringLiteral("monthComboBox"));
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    for (int m = 1; m <= 12; ++m) {
        m_month->addItem(uk.monthName(m), m);
    }
    layout->addWidget(m_month);

    // Typed and kept as typed (a spin box quietly refused 2200 or a fifth digit); problem() says what is wrong.
    m_year = new WholeNumberEdit(this);
    m_year->setObjectName(QStringLiteral("yearLineEdit"));
    m_year->setPlaceholderText(tr("yyyy"));
    m_year->setMaxLength(8);
    m_year->setFixedWidth(m_year->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 16);
    m_year->setNumber(today.year());
    layout->addWidget(m_year);

    m_from = makeDateEdit(this, QStringLiteral("fromDateEdit"), today);
    layout->addWidget(m_from);
    m_andLabel = new QLabel(tr("and"), this);
    m_andLabel->setObjectName(QStringLiteral("andLabel"));
    layout->addWidget(m_andLabel);
    m_to = makeDateEdit(this, QStringLiteral("toDateEdit"), today);
    layout->addWidget(m_to);
    layout->addStretch(1);

    setFieldName(tr("Date"));
    setFocusProxy(m_precision);

    const auto emitChanged = [this] {
        if (!m_loading) {
            Q_EMIT changed();
        }
    };
    connect(m_precision, &QComboBox::currentIndexChanged, this, [this, emitChanged] {
        updateVisibility();
        emitChanged();
    });
    connect(m_exact, &QDateTimeEdit::dateTimeChanged, this, emitChanged);
    connect(m_day, &QDateEdit::dateChanged, this, emitChanged);
    connect(m_month, &QComboBox::currentIndexChanged, this, emitChanged);
    connect(m_year, &QLineEdit::textChanged, this, emitChanged);
    connect(m_from, &QDateEdit::dateChanged, this, emitChanged);
    connect(m_to, &QDateEdit::dateChanged, this, emitChanged);
    updateVisibility();
}

void ApproxDateEdit::setFieldName(const QString& name)
{
    m_precision->setAccessibleName(tr("%1: how precisely it is known").arg(name));
    m_exact->setAccessibleName(tr("%1: date and time (UK time)").arg(name));
    m_day->setAccessibleName(tr("%1: day").arg(name));
    m_month->setAccessibleName(tr("%1: month").arg(name));
    m_year->setAccessibleName(tr("%1: year").arg(name));
    m_from->setAccessibleName(tr("%1: earliest date").arg(name));
    m_to->setAccessibleName(tr("%1: latest date").arg(name));
    setAccessibleName(name);
    m_fieldName = name;
}

std::optional<int> ApproxDateEdit::year() const
{
    const auto number = m_year->number();
    if (!number || *number < MinYear || *number > MaxYear) {
        return std::nullopt;
    }
    return static_cast<int>(*number);
}

QString ApproxDateEdit::problem() const
{
    const Precision p = precision();
    if ((p == Precision::Month || p == Precision::Year) && !year()) {
        if (m_year->isBlank()) {
            return tr("%1: enter the year (yyyy).").arg(m_fieldName);
        }
        return tr("%1: \"%2\" is not a year from %3 to %4.")
            .arg(m_fieldName, m_year->text().trimmed())
            .arg(MinYear)
            .arg(MaxYear);
    }
    return {};
}

core::ApproxDate::Precision ApproxDateEdit::precision() const
{
    return static_cast<Precision>(m_precision->currentData().toInt());
}

void ApproxDateEdit::updateVisibility()
{
    const Precision p = precision();
    m_exact->setVisible(p == Precision::Exact);
    m_day->setVisible(p == Precision::Day);
    m_month->setVisible(p == Precision::Month);
    m_year->setVisible(p == Precision::Month || p == Precision::Year);
    m_from->setVisible(p == Precision::Between);
    m_andLabel->setVisible(p == Precision::Between);
    m_to->setVisible(p == Precision::Between);
}

void ApproxDateEdit::setValue(const core::ApproxDate& value)
{
    m_loading = true;
    m_precision->setCurrentIndex(m_precision->findData(static_cast<int>(value.precision)));
    switch (value.precision) {
    case Precision::Unknown: break;
    case Precision::Exact:
        if (const auto instant = core::parseIsoUtc(value.from)) {
            const QDateTime uk = DisplayText::toUkDateTime(*instant);
            m_exact->setDateTime(QDateTime(uk.date(), uk.time()));
        }
        break;
    case Precision::Day: m_day->setDate(fromIso(value.from)); break;
    case Precision::Month: {
        const QDate date = fromIso(value.from);
        m_month->setCurrentIndex(date.month() - 1);
        m_year->setNumber(date.year());
        break;
    }
    case Precision::Year: m_year->setNumber(fromIso(value.from).year()); break;
    case Precision::Between:
        m_from->setDate(fromIso(value.from));
        m_to->setDate(fromIso(value.to));
        break;
    }
    updateVisibility();
    m_loading = false;
}

core::ApproxDate ApproxDateEdit::value() const
{
    switch (precision()) {
    case Precision::Unknown: return core::ApproxDate::unknown();
    case Precision::Exact: {
        const QDateTime local = m_exact->dateTime();
        return core::ApproxDate::exact(core::toIsoUtc(DisplayText::instantFromUk(local.date(), local.time())));
    }
    case Precision::Day: return core::ApproxDate::day(isoDate(m_day->date()).toStdString());
    case Precision::Month: {
        if (!year()) {
            return core::ApproxDate::unknown(); // problem() says why; never a year it was not given
        }
        const QString ym = QStringLiteral("%1-%2")
                               .arg(*year(), 4, 10, QLatin1Char('0'))
                               .arg(m_month->currentData().toInt(), 2, 10, QLatin1Char('0'));
        return core::ApproxDate::month(ym.toStdString());
    }
    case Precision::Year: return year() ? core::ApproxDate::year(*year()) : core::ApproxDate::unknown();
    case Precision::Between:
        return core::ApproxDate::between(isoDate(m_from->date()).toStdString(), isoDate(m_to->date()).toStdString());
    }
    return core::ApproxDate::unknown();
}

} // namespace wb::ui
