// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QWidget>

#include "core/repo/PersonRepository.h"
#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseTab.h"

class QComboBox;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QTableView;
class QTableWidget;

namespace wb::ui {

class InlineMessage;
class PersonEditor;
class PersonListModel;

/// The People tab of a case workspace: the case's victims, suspects and
/// witnesses; an editor for the selected one with their identifiers (aliases,
/// phones, emails, handles, vehicles, addresses, police ids); and the case's
/// victim–suspect relationships. Names and contact details go through PrivacyMode.
class PeopleTab final : public QWidget, public CaseTab
{
    Q_OBJECT

public:
    explicit PeopleTab(const CaseContext& context, QWidget* parent = nullptr);
    ~PeopleTab() override;

    void newRecord() override;
    bool save() override;
    bool hasUnsavedChanges() const override;
    void discardChanges() override;

    PersonListModel* peopleModel() const noexcept { return m_model; }
    PersonEditor* editor() const noexcept { return m_editor; }
    /// Selects the person with this id (no question asked about unsaved edits).
    void selectPerson(std::int64_t personId);

Q_SIGNALS:
    void modifiedChanged();

private:
    void personChanged(const core::PersonRepository::Event& event);
    void recordChanged(const core::RecordRepository::Event& event);
    void currentPersonChanged(const QModelIndex& current, const QModelIndex& previous);
    void removePerson();
    void reloadIdentifiers();
    void addIdentifier();
    void removeIdentifier();
    void reloadRelationships();
    void reloadRelationshipChoices();
    void addRelationship();
    void removeRelationship();
    void updateButtons();
    QString personLabel(std::int64_t personId) const;

    CaseContext m_context;
    PersonListModel* m_model = nullptr;
    bool m_reverting = false;
    std::vector<core::Record> m_identifiers;
    std::vector<core::Record> m_relationships;

    QTableView* m_view = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    PersonEditor* m_editor = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_discardButton = nullptr;

    QWidget* m_identifierBox = nullptr;
    QTableWidget* m_identifierTable = nullptr;
    QComboBox* m_identifierKindCombo = nullptr;
    QLineEdit* m_identifierValueEdit = nullptr;
    QLineEdit* m_identifierNoteEdit = nullptr;
    QPushButton* m_addIdentifierButton = nullptr;
    QPushButton* m_removeIdentifierButton = nullptr;
    InlineMessage* m_identifierError = nullptr;

    QTableWidget* m_relationshipTable = nullptr;
    QComboBox* m_victimCombo = nullptr;
    QComboBox* m_suspectCombo = nullptr;
    QComboBox* m_categoryCombo = nullptr;
    QLineEdit* m_relationshipDescriptionEdit = nullptr;
    QPushButton* m_addRelationshipButton = nullptr;
    QPushButton* m_removeRelationshipButton = nullptr;
    InlineMessage* m_relationshipError = nullptr;
};

} // namespace wb::ui
