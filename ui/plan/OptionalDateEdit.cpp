// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/OptionalDateEdit.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>

#include "ui/text/DisplayText.h"

namespace wb::ui {

OptionalDateEdit::OptionalDateEdit(const QString& noneText, const QDate& today, QWidget* parent)
    : QWidget(parent)
{
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_date = new QDateEdit(this);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setCalendarPopup(true);
    m_date->setDate(today);
    m_none = new QCheckBox(noneText, this);
    connect(m_none, &QCheckBox::toggled, m_date, [this](bool none) { m_date->setEnabled(!none); });
    row->addWidget(m_date);
    row->addWidget(m_none);
    row->addStretch(1);
}

void OptionalDateEdit::setIsoDate(const std::string& iso)
{
    const QDate date = QDate::fromString(DisplayText::fromStd(iso), Qt::ISODate);
    m_none->setChecked(!date.isValid());
    m_date->setEnabled(date.isValid());
    if (date.isValid()) {
        m_date->setDate(date);
    }
}

std::string OptionalDateEdit::isoDate() const
{
    return m_none->isChecked() ? std::string() : DisplayText::toStd(m_date->date().toString(Qt::ISODate));
}

} // namespace wb::ui
