// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/SupervisoryReviewPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/plan/EnquiryProgress.h"
#include "core/plan/TpmReview.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "ui/plan/EnquiryDialog.h"
#include "ui/plan/TpmReviewDialog.h"
#include "ui/records/RecordListModel.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

constexpr int RecordRole = Qt::UserRole;

QString firstLine(const std::string& text)
{
    const QString all = DisplayText::fromStd(text);
    const QString line = all.section(QLatin1Char('\n'), 0, 0);
    return line.size() > 160 ? line.left(157) + QStringLiteral("…") : line;
}

} // namespace

SupervisoryReviewPanel::SupervisoryReviewPanel(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("supervisoryReviewPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(tr("Lines of enquiry awaiting supervisory review"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("pendingReviewSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("pendingReviewTreeWidget"));
    m_list->setAccessibleName(tr("Lines of enquiry awaiting supervisory review"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Line of enquiry"), tr("Accepted by"), tr("Accepted at"), tr("Justification")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 360);
    m_list->setColumnWidth(1, 150);
    m_list->setColumnWidth(2, 130);
    layout->addWidget(m_list, 1);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("pendingReviewMessage"));
    layout->addWidget(m_message);
    auto* buttons = new QHBoxLayout();
    m_review = new QPushButton(tr("Re&view enquiry…"), this);
    m_review->setObjectName(QStringLiteral("reviewEnquiryButton"));
    m_review->setAccessibleName(tr("Review the selected line of enquiry"));
    m_review->setToolTip(tr("Approve or refuse the selected enquiry, recording your name, rank and comment (Alt+V)"));
    buttons->addWidget(m_review);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    // Third-party material requests awaiting the same review (issue 14 guardrails).
    auto* requestHeading = new QLabel(tr("Third-party material requests awaiting supervisory review"), this);
    requestHeading->setFont(bold);
    layout->addWidget(requestHeading);
    m_requestSummary = new QLabel(this);
    m_requestSummary->setObjectName(QStringLiteral("pendingTpmSummaryLabel"));
    m_requestSummary->setWordWrap(true);
    m_requestSummary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_requestSummary);
    m_requests = new QTreeWidget(this);
    m_requests->setObjectName(QStringLiteral("pendingTpmTreeWidget"));
    m_requests->setAccessibleName(tr("Third-party material requests awaiting supervisory review"));
    m_requests->setRootIsDecorated(false);
    m_requests->setColumnCount(3);
    m_requests->setHeaderLabels(
        {tr("Request"), tr("Why it is a reasonable line of enquiry"), tr("Necessity and proportionality")});
    m_requests->header()->setStretchLastSection(true);
    m_requests->setColumnWidth(0, 300);
    m_requests->setColumnWidth(1, 300);
    layout->addWidget(m_requests, 1);
    auto* requestButtons = new QHBoxLayout();
    m_reviewRequest = new QPushButton(tr("Review &request…"), this);
    m_reviewRequest->setObjectName(QStringLiteral("reviewTpmRequestButton"));
    m_reviewRequest->setAccessibleName(tr("Review the selected third-party material request"));
    m_reviewRequest->setToolTip(
        tr("Approve or refuse the selected request, recording your name, rank and the time (Alt+R)"));
    requestButtons->addWidget(m_reviewRequest);
    requestButtons->addStretch(1);
    layout->addLayout(requestButtons);

    connect(m_review, &QPushButton::clicked, this, &SupervisoryReviewPanel::reviewSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, &SupervisoryReviewPanel::reviewSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this] { m_review->setEnabled(m_list->currentItem() != nullptr); });
    connect(m_reviewRequest, &QPushButton::clicked, this, &SupervisoryReviewPanel::reviewSelectedRequest);
    connect(m_requests, &QTreeWidget::itemActivated, this, &SupervisoryReviewPanel::reviewSelectedRequest);
    connect(m_requests, &QTreeWidget::currentItemChanged, this,
            [this] { m_reviewRequest->setEnabled(m_requests->currentItem() != nullptr); });
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::recordChanged, this,
                [this](const core::RecordRepository::Event& event) {
                    if (event.record.caseId == m_context.caseId && event.record.spec != nullptr &&
                        (event.record.spec->type == core::recordtype::kEnquiry ||
                         event.record.spec->type == core::recordtype::kTpmRequest)) {
                        refresh();
                    }
                });
        connect(m_context.bridge, &SignalBridge::lockChanged, this, [this](bool locked) {
            if (locked) {
                m_list->clear();
                m_requests->clear();
            } else {
                refresh();
            }
        });
    }
    refresh();
}

void SupervisoryReviewPanel::refresh()
{
    const qint64 selected =
        m_list->currentItem() != nullptr ? m_list->currentItem()->data(0, RecordRole).toLongLong() : 0;
    m_list->clear();
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        m_review->setEnabled(false);
        refreshRequests();
        return;
    }
    try {
        for (const auto& record : core::plan::awaitingSupervisoryReview(*m_context.workspace, m_context.caseId)) {
            auto* row = new QTreeWidgetItem(m_list);
            const QString title = DisplayText::fromStd(record.get("title"));
            row->setText(0, title);
            row->setToolTip(0, title);
            row->setText(1, DisplayText::fromStd(record.get("accepted_by")));
            const auto at = core::parseIsoUtc(record.get("accepted_at"));
            row->setText(2, at ? DisplayText::ukDateTime(*at) : QString());
            const QString justification =
                tr("Line of enquiry: %1 | Necessity and proportionality: %2 | Less intrusive options: %3")
                    .arg(firstLine(record.get("line_of_enquiry")), firstLine(record.get("necessity_proportionality")),
                         firstLine(record.get("less_intrusive_options")));
            row->setText(3, justification);
            row->setToolTip(3, justification);
            row->setData(0, RecordRole, static_cast<qint64>(record.id));
            if (record.id == selected) {
                m_list->setCurrentItem(row);
            }
        }
        m_message->clearMessage();
    } catch (const core::Error& error) {
        // Locked: the window is about to close and the list empties. Anything else is shown, not an empty list.
        if (error.code() != core::ErrorCode::Locked) {
            m_message->showMessage(ErrorText::message(error));
        }
    }
    const int count = pendingCount();
    m_summary->setText(
        count == 0 ? tr("No line of enquiry is awaiting supervisory review.")
        : count == 1
            ? tr("1 enquiry that intrudes on the victim's private life is awaiting supervisory review. Open it "
                 "to approve or refuse it; it cannot start while refused.")
            : tr("%1 enquiries that intrude on the victim's private life are awaiting review. Open each "
                 "to approve or refuse it; a refused enquiry cannot start.")
                  .arg(count));
    m_list->setVisible(count > 0);
    if (m_list->currentItem() == nullptr && count > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    m_review->setEnabled(m_list->currentItem() != nullptr);
    refreshRequests(); // after the enquiries: an error reading the requests stays shown
}

void SupervisoryReviewPanel::refreshRequests()
{
    const qint64 selected =
        m_requests->currentItem() != nullptr ? m_requests->currentItem()->data(0, RecordRole).toLongLong() : 0;
    m_requests->clear();
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        m_reviewRequest->setEnabled(false);
        return;
    }
    try {
        for (const auto& record : core::plan::tpmAwaitingReview(*m_context.workspace, m_context.caseId)) {
            auto* row = new QTreeWidgetItem(m_requests);
            const QString title = RecordListModel::summary(m_context, record);
            row->setText(0, title);
            row->setToolTip(0, title);
            row->setText(1, firstLine(record.get("line_of_enquiry")));
            row->setToolTip(1, DisplayText::fromStd(record.get("line_of_enquiry")));
            row->setText(2, firstLine(record.get("proportionality")));
            row->setToolTip(2, DisplayText::fromStd(record.get("proportionality")));
            row->setData(0, RecordRole, static_cast<qint64>(record.id));
            if (record.id == selected) {
                m_requests->setCurrentItem(row);
            }
        }
    } catch (const core::Error& error) {
        if (error.code() != core::ErrorCode::Locked) {
            m_message->showMessage(ErrorText::message(error));
        }
    }
    const int count = pendingRequestCount();
    m_requestSummary->setText(
        count == 0 ? tr("No third-party material request is awaiting supervisory review.")
                   : tr("%n third-party material requests are awaiting supervisory review. None can be recorded "
                        "as sent until a supervisor approves it.",
                        nullptr, count));
    m_requests->setVisible(count > 0);
    if (m_requests->currentItem() == nullptr && count > 0) {
        m_requests->setCurrentItem(m_requests->topLevelItem(0));
    }
    m_reviewRequest->setEnabled(m_requests->currentItem() != nullptr);
}

int SupervisoryReviewPanel::pendingRequestCount() const
{
    return m_requests->topLevelItemCount();
}

void SupervisoryReviewPanel::reviewSelectedRequest()
{
    const auto* current = m_requests->currentItem();
    if (current == nullptr || m_context.workspace == nullptr) {
        return;
    }
    try {
        const auto record = m_context.workspace->records().find(core::recordSpec(core::recordtype::kTpmRequest),
                                                                current->data(0, RecordRole).toLongLong());
        if (!record) {
            refresh();
            return;
        }
        auto* dialog = new TpmReviewDialog(m_context, *record, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        connect(dialog, &QDialog::accepted, this, &SupervisoryReviewPanel::refresh);
        dialog->open();
    } catch (const core::Error& error) {
        refresh();
        m_message->showMessage(ErrorText::message(error));
    }
}

int SupervisoryReviewPanel::pendingCount() const
{
    return m_list->topLevelItemCount();
}

void SupervisoryReviewPanel::reviewSelected()
{
    const auto* current = m_list->currentItem();
    if (current == nullptr || m_context.workspace == nullptr) {
        return;
    }
    try {
        const auto record = m_context.workspace->records().find(core::recordSpec(core::recordtype::kEnquiry),
                                                                current->data(0, RecordRole).toLongLong());
        if (!record) {
            refresh();
            return;
        }
        auto* dialog = new EnquiryDialog(m_context, EnquiryDialog::Mode::Edit, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->load(*record);
        connect(dialog, &QDialog::accepted, this, &SupervisoryReviewPanel::refresh);
        dialog->open();
        dialog->focusReview();
    } catch (const core::Error& error) {
        refresh();
        m_message->showMessage(ErrorText::message(error));
    }
}

} // namespace wb::ui
