// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/OptionalDateEdit.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QSignalBlocker>

#include "ui/text/DisplayText.h"

namespace wb::ui {

namespace {

const QDate Earliest(1900, 1, 1);
const QDate Latest(2100, 12, 31);
const QDate Sentinel(1899, 12, 31); // never a date the officer can choose

} // namespace

OptionalDateEdit::OptionalDateEdit(const QString& noneText, const QDate& today, QWidget* parent)
    : QWidget(parent)
{
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_date = new QDateEdit(this);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setCalendarPopup(true);
    m_date->setDateRange(Earliest, Latest);
    m_date->setDate(today);
    m_none = new QCheckBox(noneText, this);
    connect(m_none, &QCheckBox::toggled, m_date,
            [this, today](bool none) { showNone(none, m_lastDate.isValid() ? m_lastDate : today); });
    row->addWidget(m_date);
    row->addWidget(m_none);
    row->addStretch(1);
}

void OptionalDateEdit::showNone(bool none, const QDate& date)
{
    // "No date" shows an empty box, not today's date greyed out: the only date the edit can then hold is a
    // sentinel below the range, shown as its (blank) special value text; the box is disabled meanwhile. Unticked, the
    // range and the last date shown come back.
    if (none) {
        if (m_date->date() != Sentinel) {
            m_lastDate = m_date->date();
        }
        m_date->setMinimumDate(Sentinel);
        m_date->setSpecialValueText(QStringLiteral(" "));
        m_date->setDate(Sentinel);
    } else {
        m_date->setSpecialValueText(QString());
        m_date->setDateRange(Earliest, Latest);
        m_date->setDate(date);
    }
    m_date->setEnabled(!none);
}

void OptionalDateEdit::setIsoDate(const std::string& iso)
{
    const QDate date = QDate::fromString(DisplayText::fromStd(iso), Qt::ISODate);
    if (date.isValid()) {
        m_lastDate = date;
    }
    const QSignalBlocker block(m_none);
    m_none->setChecked(!date.isValid());
    showNone(!date.isValid(), date.isValid() ? date : m_lastDate.isValid() ? m_lastDate : m_date->date());
}

std::string OptionalDateEdit::isoDate() const
{
    return m_none->isChecked() ? std::string() : DisplayText::toStd(m_date->date().toString(Qt::ISODate));
}

} // namespace wb::ui
