// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QWidget>

#include "ui/cases/CaseContext.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace wb::ui {

class InlineMessage;

/// The Reviews tab's list of tracked lines of enquiry awaiting supervisory review (issue 4, credibility guardrail):
/// enquiries that intrude on the victim's private life, with who accepted them and the justification given.
/// "Review enquiry…" opens the enquiry to record the supervisor's decision (name, rank, time, comment).
/// Below them, the third-party material requests awaiting the same review (issue 14 guardrails); "Review request…"
/// opens a TpmReviewDialog that records the decision through core::plan::recordTpmReview.
class SupervisoryReviewPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SupervisoryReviewPanel(const CaseContext& context, QWidget* parent = nullptr);

    /// Re-reads the enquiries awaiting review.
    void refresh();
    /// Opens the selected enquiry's review (window-modal dialog, deleted on close).
    void reviewSelected();

    QTreeWidget* list() const noexcept { return m_list; }
    QPushButton* reviewButton() const noexcept { return m_review; }
    /// The number of enquiries awaiting review.
    int pendingCount() const;

    /// Opens the selected third-party material request's review (window-modal dialog, deleted on close).
    void reviewSelectedRequest();
    QTreeWidget* requestList() const noexcept { return m_requests; }
    QPushButton* reviewRequestButton() const noexcept { return m_reviewRequest; }
    /// The number of third-party material requests awaiting review.
    int pendingRequestCount() const;

private:
    void refreshRequests();

    CaseContext m_context;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_review = nullptr;
    QLabel* m_requestSummary = nullptr;
    QTreeWidget* m_requests = nullptr;
    QPushButton* m_reviewRequest = nullptr;
    InlineMessage* m_message = nullptr;
};

} // namespace wb::ui
