// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <QGroupBox>

#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseContext.h"

class QFormLayout;
class QLabel;
class QPushButton;

namespace wb::ui {

/// The Victim tab's "Current contact plan": the plan shown plainly (method, how often,
/// safe times and channels, messages, through whom, language, words to avoid), a
/// prominent DO NOT CONTACT banner, and "Change the plan…". Contact details are masked
/// in privacy mode, each shown by its own Show button.
class ContactPlanPanel final : public QGroupBox
{
    Q_OBJECT

public:
    ContactPlanPanel(const CaseContext& context, QWidget* parent = nullptr);

    /// Shows `plan` (the current plan of victim `victimId`, from core::victim::currentContactPlan).
    void showPlan(std::int64_t victimId, const std::optional<core::Record>& plan);

    /// The plan could not be read: says so (with `text`) instead of showing a plan.
    void showError(const QString& text);

    QLabel* doNotContactLabel() const noexcept { return m_doNotContact; }

Q_SIGNALS:
    /// "Change the plan…" (or "Record the plan…") was pressed.
    void changeRequested();

private:
    QString planValue(const core::Record& plan, std::string_view key) const;

    CaseContext m_context;
    QLabel* m_doNotContact = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_state = nullptr;
    QPushButton* m_change = nullptr;
};

} // namespace wb::ui
