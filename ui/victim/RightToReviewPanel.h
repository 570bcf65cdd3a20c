// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QFrame>

#include "ui/cases/CaseContext.h"

class QLabel;
class QPushButton;

namespace wb::ui {

/// The Victim tab's Victims' Right to Review panel: shown when core says the VRR applies
/// to the chosen victim (core::victim::rightToReviewEligibility: a withdrawal or a
/// decision not to proceed), saying why, what the VRR is, and whether the information
/// has been logged as given, with a button to log that contact.
class RightToReviewPanel final : public QFrame
{
    Q_OBJECT

public:
    RightToReviewPanel(const CaseContext& context, QWidget* parent = nullptr);

    /// Reads the VRR state of the victim (0: none) and shows or hides the panel.
    void refresh(std::int64_t victimId);

    QLabel* label() const noexcept { return m_label; }

Q_SIGNALS:
    /// "Log the VRR information contact…" was pressed.
    void logRequested();

private:
    CaseContext m_context;
    QLabel* m_icon = nullptr;
    QLabel* m_label = nullptr;
    QPushButton* m_button = nullptr;
};

} // namespace wb::ui
