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
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("contextProgressBar"));
    m_bar->setAccessibleName(tr("Questions answered"));
    // The label beside the bar gives the numbers in full; text drawn in the bar was clipped ("4 of 50" for
    // "14 of 50") when the style or the scale left it too little room.
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(fontMetrics().averageCharWidth() * 24);
    top->addWidget(m_bar);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("contextProgressLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    top->addWidget(m_label, 1);
}

ContextProgress::Tally ContextProgress::tally(const core::nom::QuestionCatalogue& questions,
                                              const core::nom::Facts& shownOn,
                                              const core::nom::Facts& saved,
                                              core::Instant now,
                                              std::optional<int> group)
{
    Tally result;
    for (const core::nom::Question& q : questions.questions()) {
        if (group && static_cast<int>(q.group) != *group) {
            continue;
        }
        if (!questions.isVisible(q, shownOn, now)) {
            ++result.waiting;
            continue;
        }
        ++result.shown;
        result.answered += saved.count(q.id) != 0 ? 1 : 0;
    }
    return result;
}

void ContextProgress::showTally(const Tally& tally)
{
    QString text = tr("%1 of %2 questions answered").arg(tally.answered).arg(tally.shown);
    if (tally.waiting > 0) {
        text += tr(" (%n more depend on earlier answers)", nullptr, tally.waiting);
    }
    m_label->setText(text);
    m_label->setAccessibleName(text);
    m_bar->setRange(0, std::max(tally.shown, 1));
    m_bar->setValue(std::min(tally.answered, std::max(tally.shown, 1)));
    m_bar->setAccessibleDescription(text);
}

} // namespace wb::ui
