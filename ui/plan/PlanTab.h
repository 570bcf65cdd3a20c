// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <QWidget>

#include "core/plan/InvestigationPlan.h"
#include "ui/cases/CaseTab.h"

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace wb::ui {

class InlineMessage;
class OpeningQuestionsPanel;
class PlanDetailView;
class PlanTree;

/// The Plan tab of a case (issue 4): the lines of enquiry the rules engine proposes from the case's context, grouped
/// by principle with suspect-focused first and each group in order of urgency, with the time left on each deadline
/// in words ("window closes in 2 days 4 hours"), and for the selected one why it is suggested (the reasons that
/// held, the basis and the provenance). Accept… makes a tracked enquiry, Decline… records a decision with its
/// rationale, Add own enquiry… adds one outside the catalogue, Mark plan as reviewed sets the baseline for "new since
/// the last review" and "no longer applies" (earlier choices are kept and listed). Updates live when the context
/// answers or the plan's records change.
class PlanTab final : public QWidget, public CaseTab
{
    Q_OBJECT

public:
    explicit PlanTab(const CaseContext& context, QWidget* parent = nullptr);
    ~PlanTab() override;

    /// Ctrl+N: adds the officer's own line of enquiry.
    void newRecord() override;
    /// Choices are saved by their dialogs; the tab itself holds no unsaved edits.
    bool save() override { return false; }
    bool hasUnsavedChanges() const override { return false; }
    void discardChanges() override {}
    /// The plan saves each step as it is taken: no form holds edits across a lock.
    std::vector<core::FormDraft> captureDrafts() const override { return {}; }
    bool restoreDraft(const core::FormDraft&) override { return false; }

    /// Re-reads the plan (keeps the selection).
    void refresh();
    /// The plan as last read (empty without catalogues).
    const core::plan::PlanView& view() const noexcept { return m_view; }

    /// Selects the row of a catalogue entry (proposed, or no longer applying); false when there is none.
    bool selectEntry(const std::string& enquiryId);
    /// Selects the row of a tracked enquiry (one of the officer's own, or accepted); false when there is none.
    bool selectRecord(std::int64_t recordId);

    /// Open the dialogs for the selected row (window-modal, deleted on close; the plan refreshes after a save).
    void acceptSelected();
    void declineSelected();
    void editSelected();
    void addOwn();
    /// Records a plan review (plan_snapshot) of the current proposals.
    void markReviewed();

    QTreeWidget* tree() const noexcept;
    QString bannerText() const;
    QString detailText() const;
    QString messageText() const;
    QPushButton* acceptButton() const noexcept { return m_accept; }
    QPushButton* declineButton() const noexcept { return m_decline; }
    QPushButton* editButton() const noexcept { return m_edit; }
    QPushButton* ownButton() const noexcept { return m_own; }
    QPushButton* reviewedButton() const noexcept { return m_reviewed; }
    /// Beside the proposals: the unanswered questions that would open more lines (issue 14).
    OpeningQuestionsPanel* openingQuestionsPanel() const noexcept { return m_questions; }

    /// "Now" for countdowns and deadlines: the workspace's clock (a test sets the date there).
    core::Instant now() const;

    /// "window closes in 2 days 4 hours", "window closes in 35 minutes", "closed 3 hours ago".
    static QString countdownText(core::Instant due, core::Instant now);

Q_SIGNALS:
    /// The officer asked to answer a context question (from the questions panel): show the Context step asking it.
    void contextQuestionRequested(const QString& questionId);

private:
    void build();
    void updateBanner();
    void updateDetail();
    void updateButtons();
    bool ready() const;

    CaseContext m_context;
    core::plan::PlanView m_view;
    core::Instant m_builtAt{};

    QLabel* m_unavailable = nullptr;
    QWidget* m_body = nullptr;
    QLabel* m_banner = nullptr;
    PlanTree* m_tree = nullptr;
    PlanDetailView* m_detail = nullptr;
    OpeningQuestionsPanel* m_questions = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_decline = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_own = nullptr;
    QPushButton* m_reviewed = nullptr;
    QTimer* m_timer = nullptr;
};

} // namespace wb::ui
