// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QAbstractTableModel>

#include "core/repo/PersonRepository.h"

namespace wb::ui {

class PrivacyMode;

/// The people of one case. Same rules as CaseListModel: loaded once, then
/// updated row by row from SignalBridge::personChanged, ignoring other cases.
class PersonListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RoleColumn, NameColumn, DateOfBirthColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole };

    /// privacy (optional) decides how names are shown; the model refreshes when it changes.
    explicit PersonListModel(PrivacyMode* privacy = nullptr, QObject* parent = nullptr);

    void load(const core::PersonRepository& repository, std::int64_t caseId);
    void clear();
    std::int64_t caseId() const noexcept { return m_caseId; }

    void applyChange(const core::PersonRepository::Event& event);

    int rowOf(std::int64_t id) const;
    std::int64_t idAt(int row) const;
    /// The person at a row (row must be valid).
    const core::Person& personAt(int row) const { return m_people.at(static_cast<std::size_t>(row)); }
    const std::vector<core::Person>& people() const noexcept { return m_people; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void eraseRow(int row);

    std::vector<core::Person> m_people;
    std::int64_t m_caseId = 0; ///< 0 while not loaded
    PrivacyMode* m_privacy = nullptr;
};

} // namespace wb::ui
