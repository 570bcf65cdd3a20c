// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include <QDialog>

#include "core/plan/InvestigationPlan.h"
#include "ui/cases/CaseContext.h"

class QPlainTextEdit;
class QPushButton;

namespace wb::ui {

class InlineMessage;

/// Declining a proposed line of enquiry: the rationale is required (OK stays disabled while it is blank, and core
/// refuses a blank one too) and goes to the decision log with the entry id and catalogue version.
class DeclineDialog final : public QDialog
{
    Q_OBJECT

public:
    DeclineDialog(const CaseContext& context, const core::plan::PlanItem& item, QWidget* parent = nullptr);

    bool submit();
    const std::optional<core::Record>& saved() const noexcept { return m_saved; }
    QPlainTextEdit* rationaleEdit() const noexcept { return m_rationale; }
    QPushButton* okButton() const noexcept { return m_ok; }
    QString fieldMessage() const;

private:
    CaseContext m_context;
    std::string m_enquiryId;
    std::optional<core::Record> m_saved;
    QPlainTextEdit* m_rationale = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace wb::ui
