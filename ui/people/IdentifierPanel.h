// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QGroupBox>

#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseTab.h"

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace wb::ui {

class InlineMessage;
class PersonListModel;

/// The identifiers of the person shown in the People tab (aliases, phones, emails, handles, vehicles, addresses,
/// police ids): a table, and a row to add one. Values and notes go through PrivacyMode. Saves through
/// core::people.
class IdentifierPanel final : public QGroupBox
{
    Q_OBJECT

public:
    /// `people` gives the person shown (for privacy masking); it must outlive the panel.
    IdentifierPanel(const CaseContext& context, const PersonListModel* people, QWidget* parent = nullptr);

    /// Shows the identifiers of this person (0: none, the panel is disabled).
    void showPerson(std::int64_t personId);
    /// Reads the shown person's identifiers again.
    void reload();
    /// Empties the value and note being typed.
    void clearInputs();

private:
    void add();
    void remove();
    void updateButtons();

    CaseContext m_context;
    const PersonListModel* m_people = nullptr;
    std::int64_t m_personId = 0;
    std::vector<core::Record> m_identifiers;

    QTableWidget* m_table = nullptr;
    QComboBox* m_kindCombo = nullptr;
    QLineEdit* m_valueEdit = nullptr;
    QLineEdit* m_noteEdit = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    InlineMessage* m_error = nullptr;
};

} // namespace wb::ui
