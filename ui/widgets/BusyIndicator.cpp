// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/BusyIndicator.h"

#include <algorithm>

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace wb::ui {

BusyIndicator::BusyIndicator(const QString& accessibleName,
                             const QString& barObjectName,
                             const QString& labelObjectName,
                             QWidget* parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_label(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bar->setObjectName(barObjectName);
    m_bar->setAccessibleName(accessibleName);
    m_bar->setRange(0, 0);
    m_label->setObjectName(labelObjectName);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    layout->addWidget(m_bar);
    layout->addWidget(m_label);
    setVisible(false);
}

void BusyIndicator::start(const QString& text)
{
    m_bar->setRange(0, 0);
    m_label->setText(text);
    m_bar->setAccessibleDescription(text);
    setVisible(true);
}

void BusyIndicator::setProgress(int percent, const QString& text)
{
    m_bar->setRange(0, 100);
    m_bar->setValue(std::clamp(percent, 0, 100));
    m_label->setText(text);
    m_bar->setAccessibleDescription(text);
    setVisible(true);
}

void BusyIndicator::stop()
{
    setVisible(false);
}

void BusyIndicator::setHorizontal(bool horizontal)
{
    if (auto* box = qobject_cast<QBoxLayout*>(layout())) {
        box->setDirection(horizontal ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    }
    m_bar->setMaximumWidth(horizontal ? 160 : QWIDGETSIZE_MAX);
}

} // namespace wb::ui
