// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include <QDialog>

#include "core/repo/MatchDecisionRepository.h"
#include "core/suspects/RepeatSuspects.h"
#include "ui/session/Catalogues.h"
#include "ui/suspects/MatchPersonDisplay.h"

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QTableWidget;

namespace wb::ui {

class InlineMessage;
class MatchExplanationView;
class MatchingService;
class PrivacyMode;

/// Deciding a proposed pair (repeat suspects, issue 16): why the engine proposes it (MatchExplanationView), the
/// pair's current decision and its history, and the officer's decision — same person, different people or
/// undecided — with a rationale. Save records it through core::suspects::decide (a first decision) or revise (a
/// newer one, the history kept) on the GUI thread once no job holds the workspace (the hub hears of it from the
/// SignalBridge: MatchingService::decisionsChanged) and closes; a refusal is shown in words beside its field and the
/// input stays. "Whole picture…" asks the hub for the picture of either person who is a suspect. The dialog closes when
/// the workspace locks or closes. Victim rule: a decision is always about a suspect; nothing here judges anyone's
/// credibility.
class MatchDecisionDialog final : public QDialog
{
    Q_OBJECT

public:
    MatchDecisionDialog(MatchingService& matching,
                        const Catalogues& catalogues,
                        PrivacyMode* privacy,
                        core::suspects::PairProposal pair,
                        QWidget* parent = nullptr);
    ~MatchDecisionDialog() override;

    const core::suspects::PairProposal& pair() const noexcept { return m_pair; }
    /// The pair's decisions as last read, oldest first.
    const std::vector<core::MatchDecision>& history() const noexcept { return m_history; }
    /// The decision this dialog recorded, once saved.
    const std::optional<core::MatchDecision>& recorded() const noexcept { return m_recorded; }

    MatchExplanationView* explanationView() const noexcept { return m_explanation; }
    QTableWidget* historyTable() const noexcept { return m_historyTable; }
    QRadioButton* verdictButton(core::MatchVerdict verdict) const;
    QPlainTextEdit* rationaleEdit() const noexcept { return m_rationale; }
    InlineMessage* rationaleMessage() const noexcept { return m_rationaleMessage; }
    InlineMessage* message() const noexcept { return m_message; }
    QPushButton* saveButton() const noexcept { return m_saveButton; }
    /// "Whole picture…" of pair.first (index 0) or pair.second (1); null when that person is not a suspect.
    QPushButton* wholePictureButton(int index) const;

    /// Records the decision chosen (what Save does). Returns whether it was recorded now (false: refused, shown in
    /// the dialog, or waiting for a running job: it is recorded once the job ends).
    bool save();

Q_SIGNALS:
    /// The decision was recorded (before the dialog closes).
    void decisionSaved(const wb::core::MatchDecision& decision);

private:
    MatchPersonDisplay display(const core::matching::PersonRecord& person, const std::string& caseReference) const;
    QWidget* buildDecisionSection(QWidget* parent);
    QWidget* buildHistorySection(QWidget* parent);
    void loadHistory();
    void showHistory();
    std::optional<core::MatchVerdict> chosenVerdict() const;
    void updateState();

    MatchingService& m_matching;
    PrivacyMode* m_privacy = nullptr;
    core::suspects::PairProposal m_pair;
    std::vector<core::MatchDecision> m_history;
    std::optional<core::MatchDecision> m_recorded;
    bool m_historyRead = false;
    bool m_saveWaiting = false;

    QScrollArea* m_scroll = nullptr;
    MatchExplanationView* m_explanation = nullptr;
    QLabel* m_currentLabel = nullptr;
    QWidget* m_historyBox = nullptr;
    QTableWidget* m_historyTable = nullptr;
    QButtonGroup* m_verdicts = nullptr;
    InlineMessage* m_verdictMessage = nullptr;
    QPlainTextEdit* m_rationale = nullptr;
    InlineMessage* m_rationaleMessage = nullptr;
    QPushButton* m_firstPicture = nullptr;
    QPushButton* m_secondPicture = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace wb::ui
