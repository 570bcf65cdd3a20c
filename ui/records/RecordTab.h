// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>

#include <QWidget>

#include "core/records/RecordSpec.h"
#include "ui/cases/CaseTab.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QSortFilterProxyModel;
class QTableView;

namespace wb::ui {

class RecordForm;
class RecordListModel;

/// A list of one record type with New / Edit / Remove and the form beside it.
/// Immutable types (decisions) offer "Correct this entry…" instead of Edit and
/// Remove: a new entry that supersedes the selected one, both staying visible.
/// The form follows the selection: nothing selected, an empty inactive form; a
/// record selected, that record read-only until Edit or Enter. A form with unsaved
/// edits is never replaced by a selection.
class RecordTab final : public QWidget, public CaseTab
{
    Q_OBJECT

public:
    /// ownShortcuts: Ctrl+N / Ctrl+S bound inside this tab (off when a shell
    /// already routes them through CaseTab).
    RecordTab(const CaseContext& context,
              const core::RecordSpec& spec,
              QWidget* parent = nullptr,
              bool ownShortcuts = true);

    /// For child types (movements, extensions…): the parent record; 0 = none chosen.
    void setParentRecord(std::int64_t parentId);

    void newRecord() override;
    bool save() override;
    bool hasUnsavedChanges() const override;
    void discardChanges() override;
    std::vector<core::FormDraft> captureDrafts() const override;
    bool restoreDraft(const core::FormDraft& draft) override;

    /// Opens the selected record in the form (Enter, double-click, Edit).
    void openSelected();
    /// Immutable types: a new entry superseding the selected one.
    void correctSelected();
    /// Asks, then removes the selected record.
    void removeSelected();
    std::int64_t selectedId() const;
    bool selectRecord(std::int64_t id);

    RecordForm* form() const noexcept { return m_form; }
    RecordListModel* model() const noexcept { return m_model; }
    QSortFilterProxyModel* proxy() const noexcept { return m_proxy; }
    QTableView* view() const noexcept { return m_view; }

    /// Asked before removing; returns true to go ahead. Defaults to a message box.
    std::function<bool(const QString& question)> confirm;

Q_SIGNALS:
    void selectionChanged(std::int64_t id);

protected:
    /// Fits the list's columns again when its width changes.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateButtons();
    /// Shows the selected record read-only, or the closed form when none is selected (unless edits are open).
    void showSelected();
    void closeForm();
    /// Once, when a record is first shown in the form: the form side as wide as its fields ask, up to half the tab.
    void splitForTheForm();

    CaseContext m_context;
    const core::RecordSpec& m_spec;
    RecordListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    RecordForm* m_form = nullptr;
    QLabel* m_formTitle = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_cancel = nullptr;
    QSplitter* m_splitter = nullptr;
    QScrollArea* m_formScroll = nullptr;
    bool m_splitFitted = false;
};

} // namespace wb::ui
