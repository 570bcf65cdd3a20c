// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QWidget>

#include "core/deadlines/DeadlineService.h"
#include "ui/session/Catalogues.h"

class QLabel;
class QLineEdit;
class QModelIndex;
class QTabWidget;
class QTableView;

namespace wb::ui {

class BackupReminder;
class CaseListModel;
class NewInformationPanel;
class TodayView;

/// The main window's page while a workspace is unlocked: the training banner,
/// the backup reminder, and two tabs, Today (the landing page, Ctrl+1) and the
/// case list with its filter (Ctrl+2). It shows and asks; the window opens.
class CasesPage final : public QWidget
{
    Q_OBJECT

public:
    CasesPage(const Catalogues& catalogues, QWidget* parent = nullptr);

    CaseListModel* caseModel() const noexcept { return m_caseModel; }
    TodayView* today() const noexcept { return m_today; }
    /// Today's new information in a training workspace that runs an exercise (hidden otherwise).
    NewInformationPanel* newInformation() const noexcept { return m_newInformation; }
    QTabWidget* mainTabs() const noexcept { return m_mainTabs; }
    BackupReminder* backupReminder() const noexcept { return m_backupReminder; }

    /// The selected case's id, 0 when none.
    std::int64_t currentCaseId() const;
    bool hasSelection() const;
    void setTraining(bool training);
    /// Today in front and the first case selected (after unlock).
    void showLanding();
    /// Empties the list, the filter and the reminder (lock, close).
    void clear();
    /// Clears the filter and selects a case just created (now, or when it arrives in the list).
    void showCreatedCase(std::int64_t id);

Q_SIGNALS:
    /// Enter or a double-click on a case.
    void caseRequested(std::int64_t caseId);
    /// Enter or a double-click on a Today item.
    void dueItemRequested(const wb::core::deadlines::DueItem& item);
    void selectionChanged();

private:
    static std::int64_t caseIdAt(const QModelIndex& index);
    void selectCase(std::int64_t id);
    void updateEmptyHint();

    CaseListModel* m_caseModel = nullptr;
    std::int64_t m_pendingSelection = 0;
    QLabel* m_trainingBanner = nullptr;
    BackupReminder* m_backupReminder = nullptr;
    QTabWidget* m_mainTabs = nullptr;
    TodayView* m_today = nullptr;
    NewInformationPanel* m_newInformation = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QLabel* m_emptyHint = nullptr;
    QTableView* m_caseView = nullptr;
};

} // namespace wb::ui
