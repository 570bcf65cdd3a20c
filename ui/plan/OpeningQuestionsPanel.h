// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QWidget>

#include "core/plan/OpeningQuestions.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace wb::ui {

/// Beside the Plan tab's proposals (issue 14, "Ask for the context that matters"): the unanswered context questions
/// that would open the most lines of enquiry, each with how many and which lines. Enter, a double-click or "Answer
/// in Context" (Alt+W) asks for the Context step that asks the selected question.
class OpeningQuestionsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit OpeningQuestionsPanel(QWidget* parent = nullptr);

    /// Shows these questions (from core::plan::openingQuestions), keeping the selected question when it is still
    /// listed.
    void showQuestions(const std::vector<core::plan::OpeningQuestion>& questions);
    void clear();

    QTreeWidget* list() const noexcept { return m_list; }
    QPushButton* answerButton() const noexcept { return m_answer; }
    /// The id of the selected question (a line's row selects its question); empty for none.
    QString selectedQuestionId() const;
    /// Selects a question's row; false when it is not listed.
    bool selectQuestion(const QString& questionId);
    /// Emits answerRequested for the selected question; false when none is selected.
    bool answerSelected();

Q_SIGNALS:
    /// The officer asked to answer this question (a context question id, e.g. "suspect.known").
    void answerRequested(const QString& questionId);

private:
    void updateButton();

    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_answer = nullptr;
};

} // namespace wb::ui
