// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QDialog>

#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseContext.h"

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;

namespace wb::ui {

class InlineMessage;

/// The supervisor's review of one third-party material request (issue 14, guardrails): the request's justification
/// shown read-only, then the decision, the supervisor's name and rank and the time of the review, saved through
/// core::plan::recordTpmReview (whose checks name the field at fault; the field's editor takes the focus).
class TpmReviewDialog final : public QDialog
{
    Q_OBJECT

public:
    TpmReviewDialog(const CaseContext& context, const core::Record& request, QWidget* parent = nullptr);

    /// Records the review; false (the reason shown) when core refused it.
    bool submit();

    QComboBox* decision() const noexcept { return m_decision; }
    QLineEdit* supervisorName() const noexcept { return m_name; }
    QComboBox* supervisorRank() const noexcept { return m_rank; }
    QDateTimeEdit* reviewedAt() const noexcept { return m_at; }
    QPushButton* okButton() const noexcept { return m_ok; }
    /// The reason shown for the last refusal, empty when none.
    QString message() const;

private:
    void updateEnabled();

    CaseContext m_context;
    std::int64_t m_requestId = 0;
    QComboBox* m_decision = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_rank = nullptr;
    QDateTimeEdit* m_at = nullptr;
    QPushButton* m_ok = nullptr;
    InlineMessage* m_message = nullptr;
};

} // namespace wb::ui
