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

/// The case's victim–suspect relationships in the People tab: a table, and a row to link a victim and a suspect.
/// Names go through PrivacyMode. Saves through core::people.
class RelationshipPanel final : public QGroupBox
{
    Q_OBJECT

public:
    /// `people` is the case's people (names and choices); it must outlive the panel.
    RelationshipPanel(const CaseContext& context, const PersonListModel* people, QWidget* parent = nullptr);

    /// Fills the victim and suspect choices from the case's people again (keeping the current choice).
    void reloadChoices();
    /// Reads the case's relationships again.
    void reload();
    /// Empties the description being typed.
    void clearInputs();
    /// Shows a problem of the People tab that concerns no single field (a failed load or removal).
    void showError(const QString& text);

private:
    void add();
    void remove();
    void updateButtons();
    QString personLabel(std::int64_t personId) const;

    CaseContext m_context;
    const PersonListModel* m_people = nullptr;
    std::vector<core::Record> m_relationships;

    QTableWidget* m_table = nullptr;
    QComboBox* m_victimCombo = nullptr;
    QComboBox* m_suspectCombo = nullptr;
    QComboBox* m_categoryCombo = nullptr;
    QLineEdit* m_descriptionEdit = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    InlineMessage* m_error = nullptr;
};

} // namespace wb::ui
