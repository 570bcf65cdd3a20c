// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/MatchExplanationView.h"

#include <algorithm>

#include <QFont>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include "ui/suspects/MatchWaterfall.h"
#include "ui/text/MatchText.h"

namespace wb::ui {

namespace {

QLabel* personLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QGroupBox* personBox(const QString& title, QLabel* label, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(label);
    return box;
}

/// "98 %…" as a heading: the sentence's words with a capital letter.
QString headingCase(const QString& text)
{
    return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1);
}

} // namespace

MatchExplanationView::MatchExplanationView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("matchExplanationView"));
    setAccessibleName(tr("Match explanation"));

    auto* heading = new QLabel(tr("Possible match"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    heading->setFont(headingFont);

    m_first = personLabel(QStringLiteral("firstPersonLabel"), this);
    m_second = personLabel(QStringLiteral("secondPersonLabel"), this);
    auto* people = new QHBoxLayout();
    people->addWidget(personBox(tr("First record"), m_first, this), 1);
    people->addWidget(personBox(tr("Second record"), m_second, this), 1);

    m_probability = new QLabel(this);
    m_probability->setObjectName(QStringLiteral("matchProbabilityLabel"));
    QFont probabilityFont = m_probability->font();
    probabilityFont.setBold(true);
    m_probability->setFont(probabilityFont);

    auto* caution = new QLabel(
        tr("A possible link to check, not a finding: decide it on the evidence. The weights below say how much each "
           "recorded detail makes the two records more or less likely to be the same person."),
        this);
    caution->setWordWrap(true);

    auto* listTitle = new QLabel(tr("&Details compared:"), this);
    m_sentences = new QListWidget(this);
    m_sentences->setObjectName(QStringLiteral("matchSentenceList"));
    m_sentences->setAccessibleName(tr("Details compared"));
    m_sentences->setFocusPolicy(Qt::StrongFocus);
    m_sentences->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sentences->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    listTitle->setBuddy(m_sentences);

    m_waterfall = new MatchWaterfall(this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(people);
    layout->addWidget(m_probability);
    layout->addWidget(caution);
    layout->addWidget(listTitle);
    layout->addWidget(m_sentences);
    layout->addWidget(m_waterfall, 1);
    setTabOrder(m_sentences, m_waterfall);
}

QString MatchExplanationView::personText(const MatchPersonDisplay& person)
{
    return tr("%1\n%2 in case %3", "name, role, case reference").arg(person.name, person.role, person.caseReference);
}

void MatchExplanationView::showPair(const MatchPersonDisplay& first,
                                    const MatchPersonDisplay& second,
                                    const core::matching::MatchScore& score)
{
    m_first->setText(personText(first));
    m_second->setText(personText(second));
    const QString probability = MatchText::probability(score.probability);
    m_probability->setText(headingCase(probability));

    m_sentences->clear();
    m_sentences->addItem(MatchText::prior(score.priorWeight));
    for (const auto& contribution : score.contributions) {
        m_sentences->addItem(MatchText::sentence(contribution));
    }
    m_sentences->addItem(MatchText::total(score.totalWeight));
    // Every sentence in view without scrolling, up to a third of a 800-pixel screen.
    const int rows = m_sentences->count();
    const int rowHeight = std::max(1, m_sentences->sizeHintForRow(0));
    m_sentences->setMinimumHeight(std::min(rows * rowHeight + 2 * m_sentences->frameWidth() + 4, 280));

    m_waterfall->setScore(score);
    setAccessibleDescription(tr("%1, %2 in case %3, and %4, %5 in case %6: %7")
                                 .arg(first.name, first.role, first.caseReference, second.name, second.role,
                                      second.caseReference, probability));
}

} // namespace wb::ui
