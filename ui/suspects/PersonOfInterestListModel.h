// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QAbstractTableModel>

#include "core/suspects/PersonsOfInterest.h"

namespace wb::ui {

class PrivacyMode;

/// The "Suspects in more than one case" list of the Repeat suspects tab: one row per person of interest
/// (core::suspects::repeatSuspects, most cases first) with the names their records carry (through privacy mode),
/// the number of cases and the cases' references. Read-only; the view reads it again.
class PersonOfInterestListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NamesColumn, CasesColumn, ReferencesColumn, ColumnCount };

    explicit PersonOfInterestListModel(PrivacyMode* privacy, QObject* parent = nullptr);

    void setPersons(std::vector<core::suspects::PersonOfInterest> persons);
    void clear();
    bool isEmpty() const noexcept { return m_persons.empty(); }

    /// The person whose whole picture a row opens: its first member who is a suspect (0 for no such row).
    std::int64_t personIdAt(int row) const;
    const core::suspects::PersonOfInterest* personAt(int row) const;

    /// "Jon Smyth / Jonathan Smith": each different name of the members once, as privacy mode shows it.
    QString names(const core::suspects::PersonOfInterest& person) const;
    /// "2026/0001, 2026/0002": each case once, in the members' order.
    static QString references(const core::suspects::PersonOfInterest& person);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    PrivacyMode* m_privacy = nullptr;
    std::vector<core::suspects::PersonOfInterest> m_persons;
};

} // namespace wb::ui
