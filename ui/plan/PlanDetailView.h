// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QTextBrowser>

#include "core/plan/InvestigationPlan.h"

namespace wb::core::nom {
class QuestionCatalogue;
}

namespace wb::ui {

/// The Plan tab's detail: for the selected line of enquiry why it is suggested (the facts that held), its time limit,
/// basis (with one plain signal where a time limit or legal point is not confirmed; the full provenance is on the
/// Sources view), the credibility guardrail, and what was chosen (accepted, declined); for an own enquiry its
/// owner, due date, status and result.
class PlanDetailView final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PlanDetailView(QWidget* parent = nullptr);

    /// The questions that name what a time limit is counted from; may be null.
    void setQuestions(const core::nom::QuestionCatalogue* questions);
    /// Shows the selected catalogue entry (`item`), else the selected own enquiry (`own`), else a hint.
    void showSelection(const core::plan::PlanItem* item,
                       const std::optional<core::Record>& own,
                       const core::plan::PlanView& view,
                       core::Instant builtAt);

private:
    const core::nom::QuestionCatalogue* m_questions = nullptr;
};

} // namespace wb::ui
