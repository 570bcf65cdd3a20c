// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "ui/cases/CaseTab.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace wb::core::nom {
struct DoneWhen;
}

namespace wb::ui {

class InlineMessage;

/// The "Journey" tab: the 15 stages of the investigator's journey in order, the case's current stage marked
/// (text and icon), each stage's checklist with what is done, what is outstanding and what would tick it, and
/// "Outstanding in the current stage" at the top. Checklist items are ticked from the case's records, context
/// answers, people and case details (resources/nom/journey-checklists.json), so the view updates live as
/// they change. A button moves the case to the next stage through the case repository.
class JourneyView final : public QWidget, public CaseTab
{
    Q_OBJECT

public:
    explicit JourneyView(const CaseContext& context, QWidget* parent = nullptr);
    ~JourneyView() override;

    void newRecord() override {}
    bool save() override { return false; }
    bool hasUnsavedChanges() const override { return false; }
    void discardChanges() override {}
    /// Read only: nothing to keep across a lock.
    std::vector<core::FormDraft> captureDrafts() const override { return {}; }
    bool restoreDraft(const core::FormDraft&) override { return false; }

    /// Re-reads the case and evaluates the checklists.
    void refresh();
    /// Moves the case to the stage after its current one (stage 1 when none is set). False when it is already
    /// at the last stage or the update was refused (the message says why).
    bool moveToNextStage();

    /// What ticks an item, in translated plain English ("Recorded: ISVA referral").
    QString describe(const core::nom::DoneWhen& condition) const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    /// The state column fits its text; the checklist column takes what it needs up to half the list's width once
    /// the list has a width (a tab not shown yet has none); what ticks an item has the rest.
    void fitColumns();

    CaseContext m_context;
    QLabel* m_currentLabel = nullptr;
    QLabel* m_guidanceLabel = nullptr;
    QLabel* m_outstandingTitle = nullptr;
    QLabel* m_outstandingLabel = nullptr;
    QTreeWidget* m_tree = nullptr;
    QPushButton* m_nextButton = nullptr;
    InlineMessage* m_message = nullptr;
};

} // namespace wb::ui
