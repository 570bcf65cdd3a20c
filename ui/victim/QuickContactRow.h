// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include <QGroupBox>

#include "ui/cases/CaseTab.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace wb::ui {

class InlineMessage;

/// The Victim tab's fast, keyboard-only contact entry: one row of the usual fields,
/// Enter anywhere in it saves (a line edit, combo box or date editor passes Enter up
/// to its parent). Defaults (method, next due, the do-not-contact warning) come from
/// core::victim::contactDefaults; saving goes through core::victim::recordContact,
/// whose field error is shown here and focuses its editor. For an event notification or
/// explaining a decision the row also lists the case's events (case events and bail
/// records) to tick the ones the contact explained (Right 6 per event, issue 14);
/// Space ticks the current one.
class QuickContactRow final : public QGroupBox
{
    Q_OBJECT

public:
    QuickContactRow(const CaseContext& context, QWidget* parent = nullptr);

    /// The victim new contacts are for (0: none); resets the row.
    void setVictim(std::int64_t victimId);
    /// Empties the row and fills in the defaults again.
    void reset();
    /// Saves the row; false (with the reason shown) when it could not.
    bool save();
    /// The explanation or deviation reason holds typed text.
    bool hasTypedText() const;
    void clearTypedText();

    InlineMessage* message() const noexcept { return m_message; }

Q_SIGNALS:
    /// The typed text changed.
    void edited();
    /// A contact was saved.
    void saved();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void updateDeviation();
    /// Shows the events to tick when the purpose explains events (core::victim::purposeExplainsEvents).
    void updateEvents();
    /// Fills the events list from the case (core::victim::explainableEvents), nothing ticked.
    void reloadEvents();
    QWidget* editorFor(const std::string& field) const;

    CaseContext m_context;
    std::int64_t m_victimId = 0;
    QDateTimeEdit* m_when = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_purpose = nullptr;
    QLineEdit* m_explained = nullptr;
    QLabel* m_eventsLabel = nullptr;
    QListWidget* m_events = nullptr;
    QLineEdit* m_by = nullptr;
    QCheckBox* m_followed = nullptr;
    QLineEdit* m_deviation = nullptr;
    QDateEdit* m_nextDue = nullptr;
    QPushButton* m_save = nullptr;
    InlineMessage* m_message = nullptr;
};

} // namespace wb::ui
