// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/PassphraseStrengthMeter.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include "ui/session/PassphraseStrength.h"

namespace wb::ui {

PassphraseStrengthMeter::PassphraseStrengthMeter(const QString& accessibleName,
                                                 const QString& barObjectName,
                                                 const QString& labelObjectName,
                                                 QWidget* parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_label(new QLabel(this))
    , m_advice(new QLabel(this))
{
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QHBoxLayout();
    column->addLayout(layout);
    m_bar->setObjectName(barObjectName);
    m_bar->setAccessibleName(accessibleName);
    m_bar->setRange(0, 100);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(12);
    m_label->setObjectName(labelObjectName);
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(tr("Strong")) + 8);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_label);
    m_advice->setObjectName(labelObjectName + QStringLiteral("Advice"));
    m_advice->setTextFormat(Qt::PlainText);
    m_advice->setWordWrap(true);
    column->addWidget(m_advice);
    rate(QString());
}

void PassphraseStrengthMeter::rate(const QString& passphrase, const QStringList& userWords)
{
    const auto rating = PassphraseStrength::rate(passphrase, userWords);
    m_bar->setValue(rating.percent);
    const QString word = PassphraseStrength::levelText(rating.level);
    m_label->setText(word);
    const QString advice = PassphraseStrength::adviceText(passphrase, rating, userWords);
    m_advice->setText(advice);
    m_advice->setVisible(!advice.isEmpty());
    fitWindow();
    m_bar->setAccessibleDescription(advice.isEmpty() ? word : word + QStringLiteral(". ") + advice);
}

void PassphraseStrengthMeter::fitWindow()
{
    // A dialog does not grow by itself for a wrapped line (height for width): without this the
    // advice would be squeezed to a sliver of its first line.
    QWidget* top = window();
    if (top == this || !top->isVisible() || top->layout() == nullptr) {
        return;
    }
    top->layout()->activate();
    const int needed =
        std::max(top->hasHeightForWidth() ? top->heightForWidth(top->width()) : 0, top->sizeHint().height());
    if (needed > top->height()) {
        top->resize(top->width(), needed);
    }
}

} // namespace wb::ui
