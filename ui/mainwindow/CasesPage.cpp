// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/CasesPage.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/backup/BackupReminder.h"
#include "ui/cases/CaseListModel.h"
#include "ui/today/NewInformationPanel.h"
#include "ui/today/TodayModel.h"
#include "ui/today/TodayView.h"

namespace wb::ui {

CasesPage::CasesPage(const Catalogues& catalogues, QWidget* parent)
    : QWidget(parent)
    , m_caseModel(new CaseListModel(catalogues.offences, this))
{
    QWidget* page = this;
    setObjectName(QStringLiteral("casesPage"));
    // Filter and sort are the model's own (in SQL, a page at a time): no proxy over every case.
    connect(m_caseModel, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        for (int row = first; m_pendingSelection != 0 && row <= last; ++row) {
            if (m_caseModel->idAt(row) == m_pendingSelection) {
                selectCase(m_pendingSelection);
            }
        }
    });
    auto* layout = new QVBoxLayout(page);

    m_trainingBanner = new QLabel(tr("TRAINING WORKSPACE — fictional data only. Do not record real cases here."), page);
    m_trainingBanner->setObjectName(QStringLiteral("trainingBannerLabel"));
    m_trainingBanner->setAlignment(Qt::AlignCenter);
    m_trainingBanner->setWordWrap(true);
    m_trainingBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff3c4; color: #4a3500; border: 2px solid #b58900; font-weight: bold; padding: 6px; }"));
    m_trainingBanner->hide();
    layout->addWidget(m_trainingBanner);
    m_backupReminder = new BackupReminder(page);
    layout->addWidget(m_backupReminder);
    // Today (the landing page) and the case list, as two tabs (Ctrl+1 / Ctrl+2).
    m_mainTabs = new QTabWidget(page);
    m_mainTabs->setObjectName(QStringLiteral("mainTabWidget"));
    // Today: in a training workspace that runs an exercise, its new information above the list (issue 17).
    auto* todayTab = new QWidget(m_mainTabs);
    todayTab->setObjectName(QStringLiteral("todayTab"));
    auto* todayLayout = new QVBoxLayout(todayTab);
    todayLayout->setContentsMargins(0, 0, 0, 0);
    m_newInformation = new NewInformationPanel(catalogues, todayTab);
    todayLayout->addWidget(m_newInformation);
    m_today = new TodayView(catalogues.deadlines, todayTab);
    todayLayout->addWidget(m_today, 1);
    auto* casesTab = new QWidget(m_mainTabs);
    casesTab->setObjectName(QStringLiteral("casesTab"));
    m_mainTabs->addTab(todayTab, tr("Today (Ctrl+1)"));
    m_mainTabs->addTab(casesTab, tr("Cases (Ctrl+2)"));
    layout->addWidget(m_mainTabs, 1);
    layout = new QVBoxLayout(casesTab); // the case list's rows below go into its tab
    for (int i = 0; i < 2; ++i) {
        auto* show = new QAction(i == 0 ? tr("Today") : tr("Cases"), this);
        show->setObjectName(i == 0 ? QStringLiteral("showTodayAction") : QStringLiteral("showCasesAction"));
        show->setShortcut(QKeySequence(Qt::CTRL | (i == 0 ? Qt::Key_1 : Qt::Key_2)));
        connect(show, &QAction::triggered, this, [this, i] {
            m_mainTabs->setCurrentIndex(i);
            (i == 0 ? static_cast<QWidget*>(m_today->view()) : m_caseView)->setFocus();
        });
        addAction(show);
    }
    connect(m_today, &TodayView::openRequested, this, &CasesPage::dueItemRequested);
    connect(m_newInformation, &NewInformationPanel::released, m_today->model(), &TodayModel::refresh);
    connect(m_today->model(), &TodayModel::refreshed, this,
            [this] { m_caseModel->setDueCounts(m_today->model()->counts()); });

    auto* filterRow = new QHBoxLayout();
    m_filterEdit = new QLineEdit(page);
    m_filterEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_filterEdit->setAccessibleName(tr("Filter cases"));
    m_filterEdit->setPlaceholderText(tr("Reference, operation, offence or status"));
    m_filterEdit->setClearButtonEnabled(true);
    auto* filterLabel = new QLabel(tr("&Filter:"), page);
    filterLabel->setBuddy(m_filterEdit);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterEdit, 1);
    layout->addLayout(filterRow);
    m_emptyHint = new QLabel(tr("No cases yet. Choose New case… (Ctrl+N) to open one."), page);
    m_emptyHint->setObjectName(QStringLiteral("emptyHintLabel"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->hide();
    layout->addWidget(m_emptyHint);

    m_caseView = new QTableView(page);
    m_caseView->setObjectName(QStringLiteral("caseTableView"));
    m_caseView->setAccessibleName(tr("Cases"));
    m_caseView->setModel(m_caseModel);
    m_caseView->setSortingEnabled(true);
    m_caseView->sortByColumn(CaseListModel::ReportedColumn, Qt::DescendingOrder);
    m_caseView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_caseView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_caseView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_caseView->setTabKeyNavigation(false);
    m_caseView->setAlternatingRowColors(true);
    m_caseView->verticalHeader()->hide();
    QHeaderView* header = m_caseView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CaseListModel::OffenceColumn, QHeaderView::Stretch);
    layout->addWidget(m_caseView, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_caseModel, &CaseListModel::setFilterText);
    connect(m_caseModel, &QAbstractItemModel::rowsInserted, this, &CasesPage::updateEmptyHint);
    connect(m_caseModel, &QAbstractItemModel::rowsRemoved, this, &CasesPage::updateEmptyHint);
    connect(m_caseModel, &QAbstractItemModel::modelReset, this, &CasesPage::updateEmptyHint);
    connect(m_caseView, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (const std::int64_t id = caseIdAt(index); id != 0) {
            Q_EMIT caseRequested(id);
        }
    });
    connect(m_caseView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CasesPage::selectionChanged);
}

std::int64_t CasesPage::caseIdAt(const QModelIndex& index)
{
    return index.isValid()
               ? static_cast<std::int64_t>(index.siblingAtColumn(0).data(CaseListModel::IdRole).toLongLong())
               : 0;
}

std::int64_t CasesPage::currentCaseId() const
{
    return caseIdAt(m_caseView->currentIndex());
}

bool CasesPage::hasSelection() const
{
    return m_caseView->selectionModel()->hasSelection();
}

void CasesPage::setTraining(bool training)
{
    m_trainingBanner->setVisible(training);
}

void CasesPage::showLanding()
{
    m_mainTabs->setCurrentIndex(0); // Today, the landing page after unlock
    m_today->view()->setFocus();
    if (m_caseModel->rowCount() > 0) {
        m_caseView->setCurrentIndex(m_caseModel->index(0, 0));
    }
}

void CasesPage::clear()
{
    m_backupReminder->stop();
    m_caseModel->clear();
    m_filterEdit->clear();
    m_pendingSelection = 0;
}

void CasesPage::selectCase(std::int64_t id)
{
    m_pendingSelection = id;
    const int row = m_caseModel->rowOf(id);
    if (row < 0) {
        return; // not arrived yet: the rowsInserted handler will select it
    }
    m_pendingSelection = 0;
    const QModelIndex index = m_caseModel->index(row, 0);
    m_caseView->setCurrentIndex(index);
    m_caseView->scrollTo(index);
}

void CasesPage::showCreatedCase(std::int64_t id)
{
    m_filterEdit->clear();
    selectCase(id);
}

void CasesPage::updateEmptyHint()
{
    // Filtered in SQL: no rows under a filter does not mean no cases.
    m_emptyHint->setVisible(m_caseModel->isLoaded() && m_caseModel->rowCount() == 0 &&
                            m_caseModel->filterText().isEmpty());
}

} // namespace wb::ui
