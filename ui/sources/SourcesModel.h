// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "core/catalogues/SourceIndex.h"

namespace wb::ui {

/// The rows of the Sources view: one per catalogue or reference list item (core::sourceIndex), with its kind, file,
/// id, title, source, the brief's tags, confirmed or not (in words) and the file's version.
class SourcesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        KindColumn,
        IdColumn,
        EntryColumn,
        SourceColumn,
        TagColumn,
        ConfirmedColumn,
        FileColumn,
        ColumnCount
    };
    /// Qt::UserRole on any column: the row's core::SourceKind (as an int); ConfirmedRole: bool.
    static constexpr int KindRole = Qt::UserRole;
    static constexpr int ConfirmedRole = Qt::UserRole + 1;

    explicit SourcesModel(std::vector<core::SourceEntry> entries, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const core::SourceEntry& entry(int row) const { return m_entries.at(static_cast<std::size_t>(row)); }

    /// "Line of enquiry", "Context question"...
    static QString kindText(core::SourceKind kind);
    /// "C: confirmed from a primary or official source", for a tag of the domain brief; the tag itself otherwise.
    static QString tagMeaning(const QString& tag);

private:
    std::vector<core::SourceEntry> m_entries;
};

} // namespace wb::ui
