// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "core/suspects/RepeatSuspects.h"
#include "ui/suspects/MatchPersonDisplay.h"

namespace wb::ui {

class PrivacyMode;

/// The "Possible matches awaiting a decision" list of the Repeat suspects tab: one row per pair the scan proposes
/// (core::suspects::awaitingDecision, strongest first): both persons (name through privacy mode, role, case
/// reference), the match probability and the strongest reasons in words (ui/text/MatchText). Read-only.
class AwaitingDecisionModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FirstColumn, SecondColumn, ProbabilityColumn, ReasonsColumn, ColumnCount };

    explicit AwaitingDecisionModel(PrivacyMode* privacy, QObject* parent = nullptr);

    void setProposals(std::vector<core::suspects::PairProposal> proposals);
    void clear();
    const std::vector<core::suspects::PairProposal>& proposals() const noexcept { return m_proposals; }
    const core::suspects::PairProposal* proposalAt(int row) const;

    /// One side of a pair in words, as the explanation view takes it (the name through privacy mode).
    MatchPersonDisplay display(const core::suspects::MatchedPerson& person) const;
    /// "Jon Smyth, suspect in 2026/0001".
    QString personText(const core::suspects::MatchedPerson& person) const;
    /// The sentences (MatchText) of the strongest details in favour, strongest first, at most `count`; when
    /// nothing speaks in favour, the strongest details of any sign.
    static QStringList reasons(const core::matching::MatchScore& score, int count = 3);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    PrivacyMode* m_privacy = nullptr;
    std::vector<core::suspects::PairProposal> m_proposals;
};

} // namespace wb::ui
