// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QWidget>

#include "core/cases/ContextAnswers.h"
#include "core/nom/DerivedFacts.h"
#include "core/nom/Facts.h"
#include "core/repo/ContextRepository.h"
#include "ui/cases/CaseTab.h"

class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace wb::core::nom {
class QuestionCatalogue;
struct Question;
} // namespace wb::core::nom

namespace wb::ui {

class ContextProgress;
class ContextSummaryView;
class InlineMessage;
class QuestionStepPage;

/// The "Context" tab: the guided context forms of issue 4 as a stepped page. One step per question group
/// (relationship, victim, suspect, offence circumstances) and a summary; Back/Next (Alt+B, Alt+N) save the
/// step's answers before moving, the step list on the left moves too. Every answer is stored through
/// ContextRepository (who and when are the workspace owner and now), revisions keep their history (the
/// "History…" button), and "Not known" withdraws an answer. Questions whose showIf does not hold are hidden.
/// Answers given elsewhere arrive through SignalBridge::contextChanged; facts read from the records follow their
/// case, record and person changes.
class ContextFlow final : public QWidget, public CaseTab
{
    Q_OBJECT

public:
    explicit ContextFlow(const CaseContext& context, QWidget* parent = nullptr);
    ~ContextFlow() override;

    void newRecord() override {}
    /// Saves every changed answer of the current step; false when one was refused (shown beside it).
    bool save() override;
    bool hasUnsavedChanges() const override;
    void discardChanges() override;
    std::vector<core::FormDraft> captureDrafts() const override;
    bool restoreDraft(const core::FormDraft& draft) override;

    /// The step shown, from 0 (the last is the summary).
    int currentStep() const;
    int stepCount() const;
    /// Saves the current step, then shows `step`; stays (and returns false) when an answer was refused.
    bool goToStep(int step);
    /// Shows the step that asks this question and puts the keyboard on its answer (from the Plan tab's "questions
    /// that would open more lines"). False when no step asks it, it is hidden now, or the current step's answers
    /// were refused.
    bool showQuestion(const std::string& questionId);

Q_SIGNALS:
    void modifiedChanged();

private:
    struct Step {
        QString title;
        QWidget* page = nullptr;
        QuestionStepPage* questions = nullptr; ///< null for the summary
        int group = -1;                        ///< its core::nom::ContextGroup; -1 for the summary
    };

    void buildQuestionStep(int group, const QString& title, const QString& intro);
    void buildSummaryStep();
    /// Reads the saved facts and the latest change of each question; false (message shown) when it fails.
    bool loadStored();
    void reload();
    void refreshRows(bool resetEditors);
    void updateVisibility();
    void updateProgress();
    void updateSummary();
    void updateButtons();
    void rowEdited();
    /// Puts the keyboard focus on the first answer of the step shown.
    void focusFirstAnswer();
    void contextChanged(const core::ContextRepository::Event& event);
    core::nom::Facts effectiveFacts() const;
    QString stepLabel(int step) const;

    CaseContext m_context;
    const core::nom::QuestionCatalogue* m_questions = nullptr;
    core::nom::Facts m_facts;                                  ///< as saved, merged with what the records hold
    core::nom::MergedFacts m_merged;                           ///< the same facts with where each comes from
    std::map<std::string, core::cases::LatestChange> m_latest; ///< the latest answer (or withdrawal) of each question
    std::vector<Step> m_steps;
    bool m_moving = false;

    QListWidget* m_stepList = nullptr;
    QStackedWidget* m_pages = nullptr;
    ContextProgress* m_progress = nullptr;
    QLabel* m_stepTitle = nullptr;
    ContextSummaryView* m_summary = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_backButton = nullptr;
    QPushButton* m_nextButton = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace wb::ui
