// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QSortFilterProxyModel>

#include "core/catalogues/SourceIndex.h"

namespace wb::ui {

/// Filters the Sources view: words to find (every word in some column, case-insensitive), one kind or all, and
/// confirmed, not confirmed or both. Sorts by the text shown.
class SourcesFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Confirmation { Any, Confirmed, NotConfirmed };

    explicit SourcesFilter(QObject* parent = nullptr);

    void setSearchText(const QString& text);
    void setKind(std::optional<core::SourceKind> kind);
    void setConfirmation(Confirmation confirmation);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
    std::optional<core::SourceKind> m_kind;
    Confirmation m_confirmation = Confirmation::Any;
};

} // namespace wb::ui
