// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "ui/cases/CaseContext.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;

namespace wb::ui {

class SourcesFilter;
class SourcesModel;

/// The Sources view (issue 14), for the force's RASSO lead and trainers: every line of enquiry, time limit, context
/// question, journey checklist item, deadline rule, offence and reference list item with its source, the domain
/// brief's tag, whether it is confirmed against a primary source, and the file and catalogue version it comes from.
/// Searchable (Alt+S), filtered by kind (Alt+K) and by confirmation (Alt+C), sortable by any column; the selected
/// entry's full provenance is shown below the table. Reference data only: no case or personal data, so it opens
/// whether or not a workspace is unlocked. Opened from the main window's Help menu.
class SourcesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SourcesDialog(const Catalogues& catalogues, QWidget* parent = nullptr);

    /// Shows the parent's Sources view, creating it the first time (one per window).
    static SourcesDialog* showFor(const Catalogues& catalogues, QWidget* parent);

    QLineEdit* searchEdit() const noexcept { return m_search; }
    QComboBox* kindCombo() const noexcept { return m_kind; }
    QComboBox* confirmationCombo() const noexcept { return m_confirmation; }
    QTableView* table() const noexcept { return m_table; }
    /// The rows shown now, and all of them.
    int shownCount() const;
    int totalCount() const;
    /// The full provenance of the selected entry, as shown below the table.
    QString detailText() const;

private:
    void applyFilter();
    void showDetail();

    SourcesModel* m_model = nullptr;
    SourcesFilter* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_confirmation = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_detail = nullptr;
};

} // namespace wb::ui
