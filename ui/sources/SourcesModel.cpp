// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sources/SourcesModel.h"

#include <QStringList>

#include "ui/text/DisplayText.h"

namespace wb::ui {

SourcesModel::SourcesModel(std::vector<core::SourceEntry> entries, QObject* parent)
    : QAbstractTableModel(parent)
    , m_entries(std::move(entries))
{
}

int SourcesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int SourcesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SourcesModel::kindText(core::SourceKind kind)
{
    switch (kind) {
    case core::SourceKind::Enquiry: return tr("Line of enquiry");
    case core::SourceKind::EnquiryTimeLimit: return tr("Time limit of a line of enquiry");
    case core::SourceKind::Question: return tr("Context question");
    case core::SourceKind::ChecklistItem: return tr("Journey checklist item");
    case core::SourceKind::DeadlineRule: return tr("Deadline rule");
    case core::SourceKind::Offence: return tr("Offence");
    case core::SourceKind::ReferenceItem: return tr("Reference list item");
    }
    return {};
}

QString SourcesModel::tagMeaning(const QString& tag)
{
    QStringList parts;
    for (const QString& part : tag.split(QLatin1Char('/'))) {
        if (part == QLatin1String("C")) {
            parts << tr("C: confirmed from a primary or official source");
        } else if (part == QLatin1String("S")) {
            parts << tr("S: confirmed only from a secondary source");
        } else if (part == QLatin1String("U")) {
            parts << tr("U: unconfirmed, verify before relying on it");
        } else if (part == QLatin1String("D")) {
            parts << tr("D: a design suggestion, not a rule from any source");
        } else {
            parts << part;
        }
    }
    return parts.join(QStringLiteral(" / "));
}

QVariant SourcesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) {
        return {};
    }
    const core::SourceEntry& e = entry(index.row());
    if (role == KindRole) {
        return static_cast<int>(e.kind);
    }
    if (role == ConfirmedRole) {
        return e.confirmed;
    }
    QStringList tags;
    for (const auto& tag : e.tags) {
        tags << DisplayText::fromStd(tag);
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case KindColumn: return kindText(e.kind);
        case IdColumn: return DisplayText::fromStd(e.id);
        case EntryColumn: return DisplayText::fromStd(e.title);
        case SourceColumn: return DisplayText::fromStd(e.source);
        case TagColumn: {
            if (role == Qt::DisplayRole) {
                return tags.isEmpty() ? tr("none") : tags.join(QStringLiteral(", "));
            }
            QStringList meanings;
            for (const QString& tag : tags) {
                meanings << tagMeaning(tag);
            }
            return meanings.isEmpty() ? tr("No tag in the source text") : meanings.join(QLatin1Char('\n'));
        }
        case ConfirmedColumn: return e.confirmed ? tr("Confirmed") : tr("Not confirmed");
        case FileColumn:
            return role == Qt::DisplayRole
                       ? tr("%1, version %2").arg(DisplayText::fromStd(e.file), DisplayText::fromStd(e.version))
                       : tr("Read from %1, catalogue version %2")
                             .arg(DisplayText::fromStd(e.file), DisplayText::fromStd(e.version));
        default: break;
        }
    }
    return {};
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case KindColumn: return tr("Kind");
    case IdColumn: return tr("Id");
    case EntryColumn: return tr("Entry");
    case SourceColumn: return tr("Source");
    case TagColumn: return tr("Tag");
    case ConfirmedColumn: return tr("Confirmed");
    case FileColumn: return tr("File and version");
    default: return {};
    }
}

} // namespace wb::ui
