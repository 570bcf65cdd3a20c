// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <QAbstractTableModel>

#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseTab.h"

namespace wb::ui {

/// The records of one spec under one parent (a case, an exhibit, a bail record),
/// one row each, with the columns FieldLabels names. Values are shown as people
/// see them: list labels, names through privacy mode, UK dates. Kept up to date
/// row by row from SignalBridge::recordChanged, never by a reset per edit.
class RecordListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Qt::UserRole: the record id; SortRole: a value that sorts correctly (ISO dates).
    static constexpr int IdRole = Qt::UserRole;
    static constexpr int SortRole = Qt::UserRole + 1;

    RecordListModel(const CaseContext& context, const core::RecordSpec& spec, QObject* parent = nullptr);

    const core::RecordSpec& spec() const noexcept { return m_spec; }
    /// Shows the records under parentId (for case-level types, the case id);
    /// 0 shows nothing. Resets the model (a different list, not an edit).
    void setParentId(std::int64_t parentId);
    std::int64_t parentId() const noexcept { return m_parentId; }

    const core::Record* recordAt(int row) const;
    int rowOf(std::int64_t id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// One value as shown to people.
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
    bool hasStatusColumn() const;
    bool belongs(const core::Record& record) const;

    CaseContext m_context;
    const core::RecordSpec& m_spec;
    std::vector<std::string_view> m_columns;
    std::int64_t m_parentId = 0;
    std::vector<core::Record> m_records;
};

} // namespace wb::ui
