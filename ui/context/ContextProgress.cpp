// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/context/ContextProgress.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include "core/nom/QuestionCatalogue.h"

namespace wb::ui {

ContextProgress::ContextProgress(QWidget* parent)
    : QWidget(parent)
{
    auto* top = new QHBoxLayout(this);
    top->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("contextProgressLabel"));
    m_label->setTextFormat(Qt::PlainText);
    top->addWidget(m_label);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("contextProgressBar"));
    m_bar->setAccessibleName(tr("Questions answered"));
    m_bar->setMaximumWidth(300);
    top->addWidget(m_bar);
    top->addStretch(1);
}

void ContextProgress::showProgress(const core::nom::QuestionCatalogue& questions,
                                   const core::nom::Facts& facts,
                                   core::Instant now)
{
    const auto visible = questions.visibleQuestions(facts, now);
    int answered = 0;
    for (const core::nom::Question* q : visible) {
        answered += facts.count(q->id) != 0 ? 1 : 0;
    }
    const int shown = static_cast<int>(visible.size());
    const int waiting = static_cast<int>(questions.questions().size()) - shown;
    QString text = tr("%1 of %2 questions answered").arg(answered).arg(shown);
    if (waiting > 0) {
        text += tr(" (%n more depend on earlier answers)", nullptr, waiting);
    }
    m_label->setText(text);
    m_label->setAccessibleName(text);
    m_bar->setRange(0, std::max(shown, 1));
    m_bar->setValue(answered);
    m_bar->setFormat(tr("%v of %m"));
}

} // namespace wb::ui
