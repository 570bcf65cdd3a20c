// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <QAbstractTableModel>

#include "core/domain/Person.h"
#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseContext.h"

namespace wb::ui {

/// The records of one spec under one parent (a case, an exhibit, a bail record),
/// one row each, with the columns FieldLabels names. Values are shown as people
/// see them: list labels, names through privacy mode, UK dates. Kept up to date
/// row by row from SignalBridge::recordChanged, never by a reset per edit.
///
/// data() never queries: the people and records the rows link to are read with the rows (the
/// case's people, and each linked record type of the case: one query each per load), and read
/// again when a person or a linked record changes.
class RecordListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Qt::UserRole: the record id; SortRole: a value that sorts correctly (ISO dates).
    static constexpr int IdRole = Qt::UserRole;
    static constexpr int SortRole = Qt::UserRole + 1;

    /// What the rows link to, loaded with them (see loadLinked()).
    struct Linked {
        std::map<std::int64_t, core::Person> people;
        std::map<std::pair<std::string, std::int64_t>, core::Record> records; ///< by (table, id)
    };

    RecordListModel(const CaseContext& context, const core::RecordSpec& spec, QObject* parent = nullptr);

    const core::RecordSpec& spec() const noexcept { return m_spec; }
    /// Shows the records under parentId (for case-level types, the case id);
    /// 0 shows nothing. Resets the model (a different list, not an edit).
    void setParentId(std::int64_t parentId);
    std::int64_t parentId() const noexcept { return m_parentId; }

    const core::Record* recordAt(int row) const;
    /// The column of the records' narrative text, the one that takes the list's spare width: the first
    /// several-line text column, else the first searchable one-line text column; -1 when there is none.
    int textColumn() const;
    int rowOf(std::int64_t id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// One value as shown to people.
    /// Reads the people and linked records from the workspace as it goes: for forms and one-off
    /// labels, not for painting a list (the model uses what it loaded with its rows).
    static QString displayValue(const CaseContext& context,
                                const core::RecordSpec& spec,
                                const core::FieldSpec& field,
                                const std::string& value);
    /// A one-line description of a record ("ABC/1 – Mobile phone…").
    static QString summary(const CaseContext& context, const core::Record& record);
    /// For a record superseded by a later one (decisions): "Superseded by the entry of …"; else empty.
    QString supersededText(const core::Record& record) const;

private:
    void onRecordChanged(const core::RecordRepository::Event& event);
    void refreshAll();
    /// Reads the people of the case and every record type this one links to (directly or through a
    /// linked record), so data() can show their labels without a query. Throws core::Error.
    void loadLinked();
    /// loadLinked() for an event handler: a failure leaves the labels as they were (see the .cpp).
    void reloadLinked();
    bool linksResolved(const core::Record& record) const;
    bool hasStatusColumn() const;
    bool belongs(const core::Record& record) const;

    CaseContext m_context;
    const core::RecordSpec& m_spec;
    std::vector<std::string_view> m_columns;
    std::vector<const core::RecordSpec*> m_linkedSpecs; ///< the record types the rows' labels need
    std::int64_t m_parentId = 0;
    std::vector<core::Record> m_records;
    Linked m_linked;
};

} // namespace wb::ui
