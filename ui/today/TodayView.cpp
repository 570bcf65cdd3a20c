// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/today/TodayView.h"

#include <map>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/text/DisplayText.h"
#include "ui/today/TodayModel.h"

namespace wb::ui {

namespace dl = core::deadlines;

TodayView::TodayView(std::shared_ptr<const dl::DeadlineService> service, QWidget* parent)
    : QWidget(parent)
    , m_model(new TodayModel(std::move(service), this))
{
    setObjectName(QStringLiteral("todayView"));
    auto* layout = new QVBoxLayout(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("todaySummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    QFont font = m_summary->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_summary->setFont(font);
    layout->addWidget(m_summary);

    auto* filters = new QHBoxLayout();
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindFilterComboBox"));
    m_kind->setAccessibleName(tr("Show items of kind"));
    m_kind->addItem(tr("All kinds"), -1);
    for (int k = static_cast<int>(dl::DueKind::VictimUpdate); k <= static_cast<int>(dl::DueKind::Other); ++k) {
        m_kind->addItem(TodayModel::kindText(static_cast<dl::DueKind>(k)), k);
    }
    auto* kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    m_case = new QComboBox(this);
    m_case->setObjectName(QStringLiteral("caseFilterComboBox"));
    m_case->setAccessibleName(tr("Show items of case"));
    m_case->addItem(tr("All cases"), QVariant::fromValue(qint64(0)));
    m_case->setSizeAdjustPolicy(QComboBox::AdjustToContents); // the cases are added after the first showing
    auto* caseLabel = new QLabel(tr("C&ase:"), this);
    caseLabel->setBuddy(m_case);
    m_open = new QPushButton(tr("&Deal with it…"), this);
    m_open->setObjectName(QStringLiteral("openItemButton"));
    m_open->setAccessibleName(tr("Open the selected item where it is dealt with"));
    filters->addWidget(kindLabel);
    filters->addWidget(m_kind);
    filters->addWidget(caseLabel);
    filters->addWidget(m_case);
    filters->addStretch(1);
    filters->addWidget(m_open);
    layout->addLayout(filters);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("todayEmptyLabel"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();
    layout->addWidget(m_empty);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("todayTreeView"));
    m_view->setAccessibleName(tr("Due and overdue items, most urgent first"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    layout->addWidget(m_view, 1);

    connect(m_view, &QAbstractItemView::activated, this, [this] { openSelected(); });
    connect(m_open, &QPushButton::clicked, this, [this] { openSelected(); });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TodayView::applyFilters);
    connect(m_case, &QComboBox::currentIndexChanged, this, &TodayView::applyFilters);
    connect(m_model, &TodayModel::refreshed, this, &TodayView::modelRefreshed);
    modelRefreshed();
}

void TodayView::setWorkspace(core::Workspace* workspace, SignalBridge* bridge)
{
    if (workspace == nullptr) {
        m_model->clearWorkspace();
    } else {
        m_model->setWorkspace(workspace, bridge);
    }
}

bool TodayView::openSelected()
{
    const dl::DueItem* item = m_model->itemAt(m_view->currentIndex());
    if (item == nullptr) {
        return false;
    }
    const dl::DueItem copy = *item; // the model may be rebuilt by what the receiver does
    Q_EMIT openRequested(copy);
    return true;
}

void TodayView::fillCaseFilter()
{
    const qint64 current = m_case->currentData().toLongLong();
    std::map<qint64, QString> cases;
    for (const auto& item : m_model->allItems()) {
        cases.emplace(item.caseId, DisplayText::fromStd(item.caseReference));
    }
    const QSignalBlocker blocker(m_case);
    while (m_case->count() > 1) {
        m_case->removeItem(1);
    }
    for (const auto& [id, reference] : cases) {
        m_case->addItem(reference, QVariant::fromValue(id));
    }
    int index = m_case->findData(QVariant::fromValue(current));
    if (index < 0 && current != 0) {
        // Keep a chosen case even when nothing of it is due now: the filter is the user's.
        m_case->addItem(tr("Case with nothing due"), QVariant::fromValue(current));
        index = m_case->count() - 1;
    }
    m_case->setCurrentIndex(std::max(0, index));
}

void TodayView::applyFilters()
{
    const int kind = m_kind->currentData().toInt();
    m_model->setKindFilter(kind < 0 ? std::nullopt : std::optional<dl::DueKind>(static_cast<dl::DueKind>(kind)));
    m_model->setCaseFilter(m_case->currentData().toLongLong());
    modelRefreshed();
}

void TodayView::modelRefreshed()
{
    fillCaseFilter();
    // The model's filters follow the combo boxes (a refresh keeps them).
    m_view->expandAll();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        m_view->setFirstColumnSpanned(row, QModelIndex(), true);
    }
    for (int column = 0; column < TodayModel::ColumnCount; ++column) {
        m_view->resizeColumnToContents(column);
    }
    // Issue 15: the due date, case and state are as wide as they need; what is due takes the spare width (set after
    // each refresh: a reset of the model resets the header's modes).
    m_view->header()->setSectionResizeMode(TodayModel::WhatColumn, QHeaderView::Stretch);

    int overdue = 0;
    int dueToday = 0;
    int upcoming = 0;
    for (const auto& item : m_model->allItems()) {
        switch (item.state) {
        case dl::DueState::Overdue: ++overdue; break;
        case dl::DueState::DueToday: ++dueToday; break;
        default: ++upcoming; break;
        }
    }
    const QString day =
        QLocale(QLocale::English, QLocale::UnitedKingdom)
            .toString(DisplayText::toUkDateTime(m_model->now()).date(), QStringLiteral("dddd d MMMM yyyy"));
    if (m_model->truncated()) {
        // Only the most urgent page was read: say so rather than give counts that are too low.
        const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
        m_summary->setText(tr("Today, %1: more than %2 items are due, overdue or coming up in the next 14 days; "
                              "the %2 most urgent are listed. Choose a kind to list the most urgent of that kind.")
                               .arg(day, uk.toString(static_cast<qulonglong>(m_model->pageSize()))));
    } else {
        m_summary->setText(tr("Today, %1: %2 overdue, %3 due today, %4 coming up in the next 14 days.")
                               .arg(day)
                               .arg(overdue)
                               .arg(dueToday)
                               .arg(upcoming));
    }
    if (!m_model->errorText().isEmpty()) {
        m_empty->setText(tr("Error: %1").arg(m_model->errorText()));
        m_empty->show();
    } else if (m_model->items().empty()) {
        m_empty->setText(m_model->allItems().empty() ? tr("Nothing is due or overdue in the next 14 days.")
                                                     : tr("Nothing matches the filters. Choose \"All kinds\" and "
                                                          "\"All cases\" to see every item."));
        m_empty->show();
    } else {
        m_empty->hide();
    }
    m_open->setEnabled(!m_model->items().empty());
    // The cursor on the first item (not a day heading), so Enter deals with it.
    if (m_model->itemAt(m_view->currentIndex()) == nullptr && m_model->rowCount() > 0) {
        const QModelIndex first = m_model->index(0, 0, m_model->index(0, 0));
        if (first.isValid()) {
            m_view->setCurrentIndex(first);
        }
    }
}

} // namespace wb::ui
