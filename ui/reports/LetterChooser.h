// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <QWidget>

#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseContext.h"
#include "ui/reports/Report.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace wb::ui {

/// The choices of a victim letter in the reports dialog: to which victim of the case, about which event (the case's
/// events, bail records and the victim's wishes that a letter tells of, newest first: core::letters), and which
/// letter; and whether to log it as a contact with the victim once it is printed or saved (ticked to start with).
class LetterChooser final : public QWidget
{
    Q_OBJECT

public:
    explicit LetterChooser(const CaseContext& context, QWidget* parent = nullptr);

    /// Re-reads the case's victims and events (keeping the choice where it still exists).
    void reload();
    /// Chooses a victim of the case (the Victim tab's "Write a letter…").
    void setVictim(std::int64_t personId);
    /// What is chosen; nothing when the case has no victim, no event a letter tells of, or no letters.
    std::optional<reports::LetterChoice> choice() const;
    bool logAsContact() const;

    QComboBox* victimBox() const noexcept { return m_victim; }
    QComboBox* eventBox() const noexcept { return m_event; }
    QComboBox* letterBox() const noexcept { return m_letter; }
    /// Says why there is nothing to choose, when there is not.
    QLabel* emptyLabel() const noexcept { return m_empty; }

Q_SIGNALS:
    void choiceChanged();

private:
    void fillEvents();
    void fillLetters();
    QString eventText(const core::Record& event) const;

    CaseContext m_context;
    std::vector<core::Record> m_events; ///< in the event box's order
    QComboBox* m_victim = nullptr;
    QComboBox* m_event = nullptr;
    QComboBox* m_letter = nullptr;
    QCheckBox* m_log = nullptr;
    QLabel* m_empty = nullptr;
    bool m_filling = false;
};

} // namespace wb::ui
