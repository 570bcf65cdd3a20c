// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/OpeningQuestionsPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/plan/PlanText.h"
#include "ui/text/DisplayText.h"

namespace wb::ui {

namespace {

constexpr int QuestionRole = Qt::UserRole;

QString countText(const core::plan::OpeningQuestion& q)
{
    const int lines = static_cast<int>(q.opens.size());
    const QString count = OpeningQuestionsPanel::tr("opens %n lines", nullptr, lines);
    return q.suspectFocused > 0 ? OpeningQuestionsPanel::tr("%1 (%2 suspect-focused)").arg(count).arg(q.suspectFocused)
                                : count;
}

} // namespace

OpeningQuestionsPanel::OpeningQuestionsPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("openingQuestionsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* title = new QLabel(tr("<b>Questions that would open more lines of enquiry</b>"), this);
    title->setTextFormat(Qt::RichText);
    layout->addWidget(title);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("openingQuestionsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("openingQuestionsList"));
    m_list->setAccessibleName(tr("Unanswered questions that would open more lines of enquiry"));
    m_list->setAccessibleDescription(
        tr("Each question shows how many lines of enquiry an answer could open; expand it to see which. Press Enter "
           "to answer the selected question on the Context tab."));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Question"), tr("Would open")});
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    auto* buttons = new QHBoxLayout();
    m_answer = new QPushButton(tr("Ans&wer in Context"), this);
    m_answer->setObjectName(QStringLiteral("answerInContextButton"));
    m_answer->setAccessibleName(tr("Answer the selected question in Context"));
    m_answer->setToolTip(tr("Open the Context step that asks the selected question (Alt+W, or Enter in the list)"));
    buttons->addStretch(1);
    buttons->addWidget(m_answer);
    layout->addLayout(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &OpeningQuestionsPanel::updateButton);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { answerSelected(); });
    connect(m_answer, &QPushButton::clicked, this, [this] { answerSelected(); });
    setTabOrder(m_list, m_answer);
    clear();
}

void OpeningQuestionsPanel::clear()
{
    m_list->clear();
    m_summary->clear();
    updateButton();
}

void OpeningQuestionsPanel::showQuestions(const std::vector<core::plan::OpeningQuestion>& questions)
{
    const QString selected = selectedQuestionId();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const auto& q : questions) {
            auto* item = new QTreeWidgetItem(m_list);
            const QString id = DisplayText::fromStd(q.question->id);
            // The short label keeps the panel narrow; the question as asked is in the tooltip.
            item->setText(0, DisplayText::fromStd(q.question->label));
            item->setText(1, countText(q));
            item->setData(0, QuestionRole, id);
            item->setToolTip(
                0, tr("%1\n%2").arg(DisplayText::fromStd(q.question->text), DisplayText::fromStd(q.question->help)));
            QStringList titles;
            for (const auto* entry : q.opens) {
                auto* child = new QTreeWidgetItem(item);
                const QString title = DisplayText::fromStd(entry->title);
                const QString principle = PlanText::principleLabel(entry->principle);
                child->setText(0, title);
                child->setText(1, principle);
                child->setData(0, QuestionRole, id);
                titles << title;
            }
            item->setData(
                0, Qt::AccessibleDescriptionRole,
                tr("%1 %2: %3")
                    .arg(DisplayText::fromStd(q.question->text), countText(q), titles.join(QStringLiteral("; "))));
        }
    }
    if (questions.empty()) {
        m_summary->setText(tr("No unanswered question would open another line of enquiry now."));
    } else {
        m_summary->setText(tr("Answering one of these on the Context tab could add lines of enquiry to the plan. "
                              "Most lines first; select one and press Enter to answer it."));
    }
    if (!selected.isEmpty()) {
        selectQuestion(selected);
    }
    updateButton();
}

QString OpeningQuestionsPanel::selectedQuestionId() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item != nullptr ? item->data(0, QuestionRole).toString() : QString();
}

bool OpeningQuestionsPanel::selectQuestion(const QString& questionId)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->data(0, QuestionRole).toString() == questionId) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool OpeningQuestionsPanel::answerSelected()
{
    const QString id = selectedQuestionId();
    if (id.isEmpty()) {
        return false;
    }
    Q_EMIT answerRequested(id);
    return true;
}

void OpeningQuestionsPanel::updateButton()
{
    m_answer->setEnabled(m_list->currentItem() != nullptr);
}

} // namespace wb::ui
