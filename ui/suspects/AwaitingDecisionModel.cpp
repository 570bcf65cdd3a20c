// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/AwaitingDecisionModel.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <QStringList>

#include "core/domain/Person.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/text/DisplayText.h"
#include "ui/text/MatchText.h"

namespace wb::ui {

AwaitingDecisionModel::AwaitingDecisionModel(PrivacyMode* privacy, QObject* parent)
    : QAbstractTableModel(parent)
    , m_privacy(privacy)
{
    if (m_privacy != nullptr) {
        connect(m_privacy, &PrivacyMode::changed, this, [this] {
            if (!m_proposals.empty()) {
                Q_EMIT dataChanged(index(0, FirstColumn), index(rowCount() - 1, SecondColumn));
            }
        });
    }
}

void AwaitingDecisionModel::setProposals(std::vector<core::suspects::PairProposal> proposals)
{
    beginResetModel();
    m_proposals = std::move(proposals);
    endResetModel();
}

void AwaitingDecisionModel::clear()
{
    setProposals({});
}

const core::suspects::PairProposal* AwaitingDecisionModel::proposalAt(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return nullptr;
    }
    return &m_proposals[static_cast<std::size_t>(row)];
}

MatchPersonDisplay AwaitingDecisionModel::display(const core::suspects::MatchedPerson& person) const
{
    core::Person shown;
    shown.role = person.record.role;
    shown.givenName = person.record.givenName;
    shown.familyName = person.record.familyName;
    QString name = m_privacy != nullptr ? m_privacy->displayName(shown) : DisplayText::personName(shown);
    if (name.isEmpty()) {
        name = tr("No name recorded");
    }
    return {name, DisplayText::role(person.record.role), DisplayText::fromStd(person.caseReference)};
}

QString AwaitingDecisionModel::personText(const core::suspects::MatchedPerson& person) const
{
    const MatchPersonDisplay shown = display(person);
    return tr("%1, %2 in %3", "name, role, case reference").arg(shown.name, shown.role.toLower(), shown.caseReference);
}

QStringList AwaitingDecisionModel::reasons(const core::matching::MatchScore& score, int count)
{
    std::vector<const core::matching::Contribution*> compared;
    for (const auto& contribution : score.contributions) {
        if (contribution.level != core::matching::Level::NotCompared) {
            compared.push_back(&contribution);
        }
    }
    const bool anyInFavour =
        std::any_of(compared.begin(), compared.end(), [](const auto* c) { return c->weight > 0.0; });
    if (anyInFavour) {
        std::erase_if(compared, [](const auto* c) { return c->weight <= 0.0; });
        std::stable_sort(compared.begin(), compared.end(),
                         [](const auto* a, const auto* b) { return a->weight > b->weight; });
    } else {
        std::stable_sort(compared.begin(), compared.end(),
                         [](const auto* a, const auto* b) { return std::abs(a->weight) > std::abs(b->weight); });
    }
    QStringList out;
    for (const auto* contribution : compared) {
        if (out.size() >= count) {
            break;
        }
        out << MatchText::sentence(*contribution);
    }
    return out;
}

int AwaitingDecisionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_proposals.size());
}

int AwaitingDecisionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AwaitingDecisionModel::data(const QModelIndex& index, int role) const
{
    const auto* proposal = proposalAt(index.row());
    if (proposal == nullptr) {
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == ReasonsColumn) {
        return reasons(proposal->score, 10).join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    switch (index.column()) {
    case FirstColumn: return personText(proposal->first);
    case SecondColumn: return personText(proposal->second);
    case ProbabilityColumn: return MatchText::probability(proposal->score.probability);
    case ReasonsColumn: // one reason a line on screen, one sentence for a screen reader
        return reasons(proposal->score).join(role == Qt::DisplayRole ? QStringLiteral("\n") : QStringLiteral("; "));
    default: return {};
    }
}

QVariant AwaitingDecisionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case FirstColumn: return tr("Person");
    case SecondColumn: return tr("May be the same as");
    case ProbabilityColumn: return tr("Likelihood");
    case ReasonsColumn: return tr("Strongest reasons");
    default: return {};
    }
}

} // namespace wb::ui
