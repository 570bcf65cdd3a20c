// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sources/SourcesFilter.h"

#include "ui/sources/SourcesModel.h"

namespace wb::ui {

SourcesFilter::SourcesFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void SourcesFilter::setSearchText(const QString& text)
{
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void SourcesFilter::setKind(std::optional<core::SourceKind> kind)
{
    m_kind = kind;
    invalidateFilter();
}

void SourcesFilter::setConfirmation(Confirmation confirmation)
{
    m_confirmation = confirmation;
    invalidateFilter();
}

bool SourcesFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    if (model == nullptr) {
        return false;
    }
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (m_kind && model->data(first, SourcesModel::KindRole).toInt() != static_cast<int>(*m_kind)) {
        return false;
    }
    const bool confirmed = model->data(first, SourcesModel::ConfirmedRole).toBool();
    if ((m_confirmation == Confirmation::Confirmed && !confirmed) ||
        (m_confirmation == Confirmation::NotConfirmed && confirmed)) {
        return false;
    }
    if (m_words.isEmpty()) {
        return true;
    }
    QString row;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        row += model->data(model->index(sourceRow, column, sourceParent)).toString() + QLatin1Char('\n');
    }
    for (const QString& word : m_words) {
        if (!row.contains(word, Qt::CaseInsensitive)) {
            return false;
        }
    }
    return true;
}

} // namespace wb::ui
