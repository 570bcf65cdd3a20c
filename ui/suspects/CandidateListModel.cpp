// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/CandidateListModel.h"

#include <algorithm>
#include <utility>

#include "core/domain/Person.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/text/DisplayText.h"
#include "ui/text/MatchText.h"

namespace wb::ui {

CandidateListModel::CandidateListModel(PrivacyMode* privacy, QObject* parent)
    : QAbstractListModel(parent)
    , m_privacy(privacy)
{
    if (m_privacy != nullptr) {
        connect(m_privacy, &PrivacyMode::changed, this, [this] {
            if (!m_candidates.empty()) {
                Q_EMIT dataChanged(index(0), index(rowCount() - 1));
            }
        });
    }
}

void CandidateListModel::setCandidates(std::vector<core::suspects::MatchCandidate> candidates)
{
    beginResetModel();
    m_candidates = std::move(candidates);
    endResetModel();
}

void CandidateListModel::clear()
{
    setCandidates({});
}

int CandidateListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_candidates.size());
}

QVariant CandidateListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const auto& candidate = m_candidates[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return text(index.row());
    case PersonIdRole: return QVariant::fromValue<qlonglong>(candidate.other.record.personId);
    case CaseIdRole: return QVariant::fromValue<qlonglong>(candidate.other.record.caseId);
    default: return {};
    }
}

QString CandidateListModel::nameAt(int row) const
{
    const auto& record = m_candidates.at(static_cast<std::size_t>(row)).other.record;
    core::Person person;
    person.role = record.role;
    person.givenName = record.givenName;
    person.familyName = record.familyName;
    if (m_privacy != nullptr) {
        return m_privacy->displayName(person);
    }
    return DisplayText::fromStd(record.givenName + (record.givenName.empty() ? "" : " ") + record.familyName);
}

QStringList CandidateListModel::strongestReasons(const core::matching::MatchScore& score, int count)
{
    std::vector<const core::matching::Contribution*> raising;
    for (const auto& contribution : score.contributions) {
        if (contribution.weight > 0.0) {
            raising.push_back(&contribution);
        }
    }
    std::stable_sort(raising.begin(), raising.end(),
                     [](const auto* a, const auto* b) { return a->weight > b->weight; });
    QStringList out;
    for (const auto* contribution : raising) {
        if (out.size() >= count) {
            break;
        }
        out << MatchText::sentence(*contribution);
    }
    return out;
}

QString CandidateListModel::text(int row) const
{
    const auto& candidate = m_candidates.at(static_cast<std::size_t>(row));
    const auto& record = candidate.other.record;
    QStringList lines;
    lines << tr("%1 — %2, case %3")
                 .arg(nameAt(row), DisplayText::role(record.role), DisplayText::fromStd(candidate.other.caseReference));
    lines << MatchText::probability(candidate.score.probability);
    const QStringList reasons = strongestReasons(candidate.score);
    if (!reasons.isEmpty()) {
        lines << tr("Why: %1").arg(reasons.join(QStringLiteral("; ")));
    }
    if (candidate.decision) {
        lines << (candidate.decision->verdict == core::MatchVerdict::Different
                      ? tr("Marked as different people before; the details have changed since.")
                      : tr("Looked at before and left undecided."));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace wb::ui
