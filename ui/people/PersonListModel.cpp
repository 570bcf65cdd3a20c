// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/people/PersonListModel.h"

#include "ui/privacy/PrivacyMode.h"
#include "ui/text/DisplayText.h"

namespace wb::ui {

PersonListModel::PersonListModel(PrivacyMode* privacy, QObject* parent)
    : QAbstractTableModel(parent)
    , m_privacy(privacy)
{
    if (m_privacy != nullptr) {
        connect(m_privacy, &PrivacyMode::changed, this, [this] {
            if (!m_people.empty()) {
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
            }
        });
    }
}

void PersonListModel::load(const core::PersonRepository& repository, std::int64_t caseId)
{
    auto people = repository.listForCase(caseId);
    beginResetModel();
    m_people = std::move(people);
    m_caseId = caseId;
    endResetModel();
}

void PersonListModel::clear()
{
    beginResetModel();
    m_people.clear();
    m_people.shrink_to_fit();
    m_caseId = 0;
    endResetModel();
}

void PersonListModel::applyChange(const core::PersonRepository::Event& event)
{
    if (m_caseId == 0) {
        return;
    }
    const int row = rowOf(event.record.id);
    const bool ours = event.record.caseId == m_caseId;
    switch (event.kind) {
    case core::ChangeKind::Added:
    case core::ChangeKind::Updated:
        if (row >= 0 && !ours) {
            eraseRow(row); // moved to another case
        } else if (row >= 0) {
            m_people[static_cast<std::size_t>(row)] = event.record;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else if (ours) {
            const int at = rowCount();
            beginInsertRows(QModelIndex(), at, at);
            m_people.push_back(event.record);
            endInsertRows();
        }
        break;
    case core::ChangeKind::Removed:
        if (row >= 0) {
            eraseRow(row);
        }
        break;
    }
}

void PersonListModel::eraseRow(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_people.erase(m_people.begin() + row);
    endRemoveRows();
}

int PersonListModel::rowOf(std::int64_t id) const
{
    for (std::size_t i = 0; i < m_people.size(); ++i) {
        if (m_people[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::int64_t PersonListModel::idAt(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return 0;
    }
    return m_people[static_cast<std::size_t>(row)].id;
}

int PersonListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_people.size());
}

int PersonListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::Person& person = m_people[static_cast<std::size_t>(index.row())];
    if (role == IdRole) {
        return QVariant::fromValue(static_cast<qint64>(person.id));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case RoleColumn: return DisplayText::role(person.role);
    case NameColumn: return m_privacy != nullptr ? m_privacy->displayName(person) : DisplayText::personName(person);
    case DateOfBirthColumn:
        if (person.dateOfBirth) {
            const QString date = DisplayText::ukDate(*person.dateOfBirth);
            return m_privacy != nullptr ? m_privacy->displayContact(person, date) : date;
        }
        return person.ageYears ? tr("Age %1").arg(*person.ageYears) : tr("Not known");
    default: return {};
    }
}

QVariant PersonListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case RoleColumn: return tr("Role");
    case NameColumn: return tr("Name");
    case DateOfBirthColumn: return tr("Date of birth or age");
    default: return {};
    }
}

} // namespace wb::ui
