// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QString>
#include <QStringList>
#include <QWidget>

#include "core/records/RecordSpec.h"
#include "core/repo/CaseRepository.h"
#include "ui/cases/CaseTab.h"

class QLabel;

namespace wb::ui {
class InlineMessage;
}
class QTabWidget;

namespace wb::ui {

class OverviewTab;
class PeopleTab;
class VictimTab;

/// A window per open case: a header (reference, offence, victims through
/// PrivacyMode) and the tabs Overview, People, then the record tabs.
/// Ctrl+N new record in the current tab, Ctrl+S save, Ctrl+PgDown / Ctrl+PgUp
/// next / previous tab; Esc or closing asks when a tab has unsaved changes.
/// The title carries the crime reference only, never a name. Closes itself
/// when its case is removed or the workspace locks; on a lock CaseWindows has
/// kept its tab and unsaved edits first (captureDraft), to restore after the unlock.
class CaseWorkspace final : public QWidget
{
    Q_OBJECT

public:
    explicit CaseWorkspace(const CaseContext& context, QWidget* parent = nullptr);
    ~CaseWorkspace() override;

    std::int64_t caseId() const noexcept { return m_context.caseId; }
    QTabWidget* tabs() const noexcept { return m_tabs; }
    PeopleTab* peopleTab() const noexcept { return m_people; }
    OverviewTab* overviewTab() const noexcept { return m_overview; }
    VictimTab* victimTab() const noexcept { return m_victim; }
    /// The CaseTab behind a tab index (null for none).
    CaseTab* tabAt(int index) const;
    bool hasUnsavedChanges() const;
    /// The titles of the tabs holding unsaved changes, in tab order (what the close prompt names).
    QStringList unsavedTabTitles() const;

    /// Shows the tab that holds records of this kind ("person", "decision",
    /// "timeline_event", "exhibit"…); false when there is none.
    bool showTabFor(const QString& entity);
    /// Shows the tab holding records of `recordType` and opens a new one prefilled
    /// with preset (e.g. a contact with its purpose, from a Today item). False when
    /// no tab lists that type or its parent record is not chosen.
    bool startRecord(const std::string& recordType, const core::Values& preset);
    /// Shows the tab holding records of `recordType` and opens record `id` in it.
    bool openRecord(const std::string& recordType, std::int64_t id);
    /// Drops every unsaved edit and closes without asking (case removed, locking once captured).
    void discardAndClose();

    /// The tab on show and every tab's unsaved edits: kept in the workspace when it locks.
    core::WindowDraft captureDraft() const;
    /// Shows the tab kept in the draft and puts its forms' edits back, marked unsaved (the tab's title gets
    /// its "*", and a message says the edits are not saved yet). Never saves. Returns the drafts that no
    /// longer fit (their record is gone).
    int restoreDraft(const core::WindowDraft& draft);

    /// Reports… (Ctrl+P): the reports of this case, to preview, print or save as a PDF (ui/reports/ReportDialog,
    /// window-modal, deleted on close).
    void showReports();
    /// Opens the export for analysts (POLE CSV, case JSON) of this case.
    void showAnalystExport();

protected:
    void closeEvent(QCloseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void addTab(QWidget* widget, CaseTab* tab, const QString& key, const QString& title);
    void createActions();
    void caseChanged(const core::CaseRepository::Event& event);
    void refreshHeader();
    void updateModifiedMarks();
    void newRecord();
    void saveCurrent();

    CaseContext m_context;
    QLabel* m_header = nullptr;
    QLabel* m_trainingBanner = nullptr; ///< "TRAINING — …" above the header of a training workspace's case
    InlineMessage* m_restored = nullptr;
    QTabWidget* m_tabs = nullptr;
    OverviewTab* m_overview = nullptr;
    PeopleTab* m_people = nullptr;
    VictimTab* m_victim = nullptr;
    std::vector<CaseTab*> m_caseTabs; ///< by tab index
    std::vector<QString> m_keys;      ///< by tab index: untranslated, what kept drafts name their tab by
    std::vector<QString> m_titles;    ///< by tab index, without the unsaved mark
    bool m_closing = false;
};

} // namespace wb::ui
