// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/PersonOfInterestListModel.h"

#include <utility>

#include <QStringList>

#include "ui/privacy/PrivacyMode.h"
#include "ui/text/DisplayText.h"

namespace wb::ui {

PersonOfInterestListModel::PersonOfInterestListModel(PrivacyMode* privacy, QObject* parent)
    : QAbstractTableModel(parent)
    , m_privacy(privacy)
{
    if (m_privacy != nullptr) {
        connect(m_privacy, &PrivacyMode::changed, this, [this] {
            if (!m_persons.empty()) {
                Q_EMIT dataChanged(index(0, NamesColumn), index(rowCount() - 1, NamesColumn));
            }
        });
    }
}

void PersonOfInterestListModel::setPersons(std::vector<core::suspects::PersonOfInterest> persons)
{
    beginResetModel();
    m_persons = std::move(persons);
    endResetModel();
}

void PersonOfInterestListModel::clear()
{
    setPersons({});
}

const core::suspects::PersonOfInterest* PersonOfInterestListModel::personAt(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return nullptr;
    }
    return &m_persons[static_cast<std::size_t>(row)];
}

std::int64_t PersonOfInterestListModel::personIdAt(int row) const
{
    const auto* person = personAt(row);
    if (person == nullptr) {
        return 0;
    }
    for (const auto& member : person->members) {
        if (member.person.role == core::PersonRole::Suspect) {
            return member.person.id;
        }
    }
    return 0;
}

QString PersonOfInterestListModel::names(const core::suspects::PersonOfInterest& person) const
{
    QStringList out;
    for (const auto& member : person.members) {
        const QString name =
            m_privacy != nullptr ? m_privacy->displayName(member.person) : DisplayText::personName(member.person);
        if (!name.isEmpty() && !out.contains(name)) {
            out << name;
        }
    }
    return out.join(QStringLiteral(" / "));
}

QString PersonOfInterestListModel::references(const core::suspects::PersonOfInterest& person)
{
    QStringList out;
    for (const auto& member : person.members) {
        const QString reference = DisplayText::fromStd(member.caseRecord.reference);
        if (!out.contains(reference)) {
            out << reference;
        }
    }
    return out.join(QStringLiteral(", "));
}

int PersonOfInterestListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_persons.size());
}

int PersonOfInterestListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonOfInterestListModel::data(const QModelIndex& index, int role) const
{
    const auto* person = personAt(index.row());
    if (person == nullptr || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)) {
        return {};
    }
    switch (index.column()) {
    case NamesColumn: return names(*person);
    case CasesColumn: return tr("%n cases", nullptr, static_cast<int>(person->caseCount()));
    case ReferencesColumn: return references(*person);
    default: return {};
    }
}

QVariant PersonOfInterestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NamesColumn: return tr("Names recorded");
    case CasesColumn: return tr("Cases");
    case ReferencesColumn: return tr("Case references");
    default: return {};
    }
}

} // namespace wb::ui
