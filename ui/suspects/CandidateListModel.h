// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QAbstractListModel>
#include <QString>

#include "core/suspects/MatchingIndex.h"

namespace wb::ui {

class PrivacyMode;

/// The possible matches of a suspect being typed (core::suspects::CandidateResult::candidates), strongest first as
/// core gives them: one row per recorded person, in words — the name (through PrivacyMode: a witness's or victim's
/// initials while privacy mode is on), the role and case reference, the match probability and the two or three
/// strongest reasons (MatchText sentences). The display text is also the accessible text.
class CandidateListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { PersonIdRole = Qt::UserRole, CaseIdRole };

    explicit CandidateListModel(PrivacyMode* privacy, QObject* parent = nullptr);

    void setCandidates(std::vector<core::suspects::MatchCandidate> candidates);
    void clear();

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    const core::suspects::MatchCandidate& candidateAt(int row) const { return m_candidates.at(row); }

    /// "Jonathan Smith", or "J. S." for a protected person while privacy mode is on.
    QString nameAt(int row) const;
    /// The strongest reasons for the match, in words: the contributions that raise the score most, at most `count`.
    static QStringList strongestReasons(const core::matching::MatchScore& score, int count = 3);

private:
    QString text(int row) const;

    PrivacyMode* m_privacy = nullptr;
    std::vector<core::suspects::MatchCandidate> m_candidates;
};

} // namespace wb::ui
