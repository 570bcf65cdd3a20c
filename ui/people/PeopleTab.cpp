// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/people/PeopleTab.h"

#include <exception>

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "ui/people/PersonEditor.h"
#include "ui/people/PersonListModel.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

const core::RecordSpec& identifierSpec()
{
    return core::recordSpec(core::recordtype::kIdentifier);
}

const core::RecordSpec& relationshipSpec()
{
    return core::recordSpec(core::recordtype::kRelationship);
}

/// A reference item's label, marked when it is not confirmed against a primary source.
QString itemLabel(const core::ReferenceItem& item)
{
    const QString label = DisplayText::fromStd(item.label);
    return item.confirmed ? label : PeopleTab::tr("%1 (unconfirmed)").arg(label);
}

QString listLabel(const core::ReferenceData& lists, std::string_view kind, const std::string& code)
{
    if (const core::ReferenceItem* item = lists.list(kind).find(code)) {
        return itemLabel(*item);
    }
    return DisplayText::fromStd(code);
}

void fillChoices(QComboBox* combo, const core::ReferenceData& lists, std::string_view kind)
{
    for (const core::ReferenceItem& item : lists.list(kind).items()) {
        combo->addItem(itemLabel(item), DisplayText::fromStd(item.code));
    }
}

QTableWidget*
makeTable(const QStringList& headers, const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem* cell(const QString& text)
{
    return new QTableWidgetItem(text);
}

} // namespace

PeopleTab::PeopleTab(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new PersonListModel(context.privacy, this))
{
    setObjectName(QStringLiteral("peopleTabWidget"));
    core::Workspace& workspace = *m_context.workspace;
    const core::ReferenceData& lists = workspace.lists();

    auto* outer = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("peopleSplitter"));
    splitter->setChildrenCollapsible(false);
    outer->addWidget(splitter);

    // Left: the people, then the case's relationships.
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* peopleLabel = new QLabel(tr("&People in this case:"), left);
    leftLayout->addWidget(peopleLabel);
    m_view = new QTableView(left);
    m_view->setObjectName(QStringLiteral("peopleTableView"));
    m_view->setAccessibleName(tr("People"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PersonListModel::NameColumn, QHeaderView::Stretch);
    peopleLabel->setBuddy(m_view);
    leftLayout->addWidget(m_view, 2);
    auto* peopleButtons = new QHBoxLayout();
    m_addButton = new QPushButton(tr("&Add person"), left);
    m_addButton->setObjectName(QStringLiteral("addPersonButton"));
    m_addButton->setToolTip(tr("Add a victim, suspect or witness (Ctrl+N)"));
    m_removeButton = new QPushButton(tr("&Remove person…"), left);
    m_removeButton->setObjectName(QStringLiteral("removePersonButton"));
    peopleButtons->addWidget(m_addButton);
    peopleButtons->addWidget(m_removeButton);
    peopleButtons->addStretch(1);
    leftLayout->addLayout(peopleButtons);

    auto* relationshipBox = new QGroupBox(tr("Victim–suspect relationships"), left);
    relationshipBox->setObjectName(QStringLiteral("relationshipGroupBox"));
    auto* relLayout = new QVBoxLayout(relationshipBox);
    m_relationshipTable = makeTable({tr("Victim"), tr("Suspect"), tr("Relationship"), tr("Description")},
                                    QStringLiteral("relationshipTableWidget"), tr("Relationships"), relationshipBox);
    relLayout->addWidget(m_relationshipTable, 1);
    auto* relForm = new QFormLayout();
    relForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_victimCombo = new QComboBox(relationshipBox);
    m_victimCombo->setObjectName(QStringLiteral("relationshipVictimComboBox"));
    m_victimCombo->setAccessibleName(tr("Relationship: victim"));
    relForm->addRow(tr("&Victim:"), m_victimCombo);
    m_suspectCombo = new QComboBox(relationshipBox);
    m_suspectCombo->setObjectName(QStringLiteral("relationshipSuspectComboBox"));
    m_suspectCombo->setAccessibleName(tr("Relationship: suspect"));
    relForm->addRow(tr("&Suspect:"), m_suspectCombo);
    m_categoryCombo = new QComboBox(relationshipBox);
    m_categoryCombo->setObjectName(QStringLiteral("relationshipCategoryComboBox"));
    m_categoryCombo->setAccessibleName(tr("Relationship category"));
    fillChoices(m_categoryCombo, lists, "relationship-types");
    relForm->addRow(tr("Rela&tionship:"), m_categoryCombo);
    m_relationshipDescriptionEdit = new QLineEdit(relationshipBox);
    m_relationshipDescriptionEdit->setObjectName(QStringLiteral("relationshipDescriptionLineEdit"));
    m_relationshipDescriptionEdit->setAccessibleName(tr("Relationship description"));
    m_relationshipDescriptionEdit->setMaxLength(2000);
    relForm->addRow(tr("Desc&ription:"), m_relationshipDescriptionEdit);
    relLayout->addLayout(relForm);
    m_relationshipError = new InlineMessage(relationshipBox);
    m_relationshipError->setObjectName(QStringLiteral("relationshipErrorLabel"));
    relLayout->addWidget(m_relationshipError);
    auto* relButtons = new QHBoxLayout();
    m_addRelationshipButton = new QPushButton(tr("Add re&lationship"), relationshipBox);
    m_addRelationshipButton->setObjectName(QStringLiteral("addRelationshipButton"));
    m_removeRelationshipButton = new QPushButton(tr("Remove relationship"), relationshipBox);
    m_removeRelationshipButton->setObjectName(QStringLiteral("removeRelationshipButton"));
    relButtons->addWidget(m_addRelationshipButton);
    relButtons->addWidget(m_removeRelationshipButton);
    relButtons->addStretch(1);
    relLayout->addLayout(relButtons);
    leftLayout->addWidget(relationshipBox, 1);

    // Right: the selected person's details and identifiers, scrollable.
    auto* scroll = new QScrollArea(splitter);
    scroll->setObjectName(QStringLiteral("personScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* right = new QWidget(scroll);
    auto* rightLayout = new QVBoxLayout(right);
    m_editor = new PersonEditor(workspace.people(), right);
    m_editor->setPrivacyMode(m_context.privacy);
    rightLayout->addWidget(m_editor);
    auto* editButtons = new QHBoxLayout();
    m_saveButton = new QPushButton(tr("&Save person"), right);
    m_saveButton->setObjectName(QStringLiteral("savePersonButton"));
    m_saveButton->setToolTip(tr("Save the person's details (Ctrl+S)"));
    m_discardButton = new QPushButton(tr("&Undo changes"), right);
    m_discardButton->setObjectName(QStringLiteral("discardPersonButton"));
    editButtons->addStretch(1);
    editButtons->addWidget(m_discardButton);
    editButtons->addWidget(m_saveButton);
    rightLayout->addLayout(editButtons);

    auto* identifierBox = new QGroupBox(tr("Identifiers"), right);
    identifierBox->setObjectName(QStringLiteral("identifierGroupBox"));
    m_identifierBox = identifierBox;
    auto* idLayout = new QVBoxLayout(identifierBox);
    m_identifierTable = makeTable({tr("Kind"), tr("Value"), tr("Note")}, QStringLiteral("identifierTableWidget"),
                                  tr("Identifiers"), identifierBox);
    m_identifierTable->setMinimumHeight(120);
    idLayout->addWidget(m_identifierTable);
    auto* idForm = new QFormLayout();
    idForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_identifierKindCombo = new QComboBox(identifierBox);
    m_identifierKindCombo->setObjectName(QStringLiteral("identifierKindComboBox"));
    m_identifierKindCombo->setAccessibleName(tr("Identifier kind"));
    fillChoices(m_identifierKindCombo, lists, "identifier-kinds");
    idForm->addRow(tr("&Kind:"), m_identifierKindCombo);
    m_identifierValueEdit = new QLineEdit(identifierBox);
    m_identifierValueEdit->setObjectName(QStringLiteral("identifierValueLineEdit"));
    m_identifierValueEdit->setAccessibleName(tr("Identifier value"));
    m_identifierValueEdit->setMaxLength(200);
    idForm->addRow(tr("Val&ue:"), m_identifierValueEdit);
    m_identifierNoteEdit = new QLineEdit(identifierBox);
    m_identifierNoteEdit->setObjectName(QStringLiteral("identifierNoteLineEdit"));
    m_identifierNoteEdit->setAccessibleName(tr("Identifier note"));
    m_identifierNoteEdit->setMaxLength(200);
    idForm->addRow(tr("N&ote:"), m_identifierNoteEdit);
    idLayout->addLayout(idForm);
    m_identifierError = new InlineMessage(identifierBox);
    m_identifierError->setObjectName(QStringLiteral("identifierErrorLabel"));
    idLayout->addWidget(m_identifierError);
    auto* idButtons = new QHBoxLayout();
    m_addIdentifierButton = new QPushButton(tr("Add &identifier"), identifierBox);
    m_addIdentifierButton->setObjectName(QStringLiteral("addIdentifierButton"));
    m_removeIdentifierButton = new QPushButton(tr("Remove identifier"), identifierBox);
    m_removeIdentifierButton->setObjectName(QStringLiteral("removeIdentifierButton"));
    idButtons->addWidget(m_addIdentifierButton);
    idButtons->addWidget(m_removeIdentifierButton);
    idButtons->addStretch(1);
    idLayout->addLayout(idButtons);
    rightLayout->addWidget(identifierBox);
    rightLayout->addStretch(1);
    scroll->setWidget(right);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 640});

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PeopleTab::currentPersonChanged);
    connect(m_addButton, &QPushButton::clicked, this, &PeopleTab::newRecord);
    connect(m_removeButton, &QPushButton::clicked, this, &PeopleTab::removePerson);
    connect(m_saveButton, &QPushButton::clicked, this, &PeopleTab::save);
    connect(m_discardButton, &QPushButton::clicked, this, &PeopleTab::discardChanges);
    connect(m_editor, &PersonEditor::modifiedChanged, this, [this] {
        updateButtons();
        Q_EMIT modifiedChanged();
    });
    connect(m_editor, &PersonEditor::saved, this, [this](std::int64_t id) {
        // The model row arrives from the bridge; apply it now so the selection can follow.
        if (auto person = m_context.workspace->people().find(id)) {
            m_model->applyChange({core::ChangeKind::Updated, *person});
        }
        reloadRelationshipChoices();
        reloadRelationships();
        selectPerson(id);
    });
    connect(m_addIdentifierButton, &QPushButton::clicked, this, &PeopleTab::addIdentifier);
    connect(m_identifierValueEdit, &QLineEdit::returnPressed, this, &PeopleTab::addIdentifier);
    connect(m_removeIdentifierButton, &QPushButton::clicked, this, &PeopleTab::removeIdentifier);
    connect(m_identifierTable, &QTableWidget::itemSelectionChanged, this, &PeopleTab::updateButtons);
    connect(m_addRelationshipButton, &QPushButton::clicked, this, &PeopleTab::addRelationship);
    connect(m_removeRelationshipButton, &QPushButton::clicked, this, &PeopleTab::removeRelationship);
    connect(m_relationshipTable, &QTableWidget::itemSelectionChanged, this, &PeopleTab::updateButtons);
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::personChanged, this, &PeopleTab::personChanged);
        connect(m_context.bridge, &SignalBridge::recordChanged, this, &PeopleTab::recordChanged);
    }
    if (m_context.privacy != nullptr) {
        connect(m_context.privacy, &PrivacyMode::changed, this, [this] {
            reloadIdentifiers();
            reloadRelationshipChoices();
            reloadRelationships();
        });
    }

    try {
        m_model->load(workspace.people(), m_context.caseId);
    } catch (const core::Error& e) {
        m_editor->clearEditor();
        m_relationshipError->showMessage(ErrorText::message(e));
    }
    reloadRelationshipChoices();
    reloadRelationships();
    reloadIdentifiers();
    updateButtons();
}

PeopleTab::~PeopleTab() = default;

// --- CaseTab --------------------------------------------------------------------

void PeopleTab::newRecord()
{
    m_reverting = true;
    m_view->clearSelection();
    m_view->setCurrentIndex(QModelIndex());
    m_reverting = false;
    m_editor->startNew(m_context.caseId);
    reloadIdentifiers();
    updateButtons();
}

bool PeopleTab::save()
{
    return m_editor->save();
}

bool PeopleTab::hasUnsavedChanges() const
{
    return m_editor->hasUnsavedChanges();
}

void PeopleTab::discardChanges()
{
    m_editor->discardChanges();
    m_identifierValueEdit->clear();
    m_identifierNoteEdit->clear();
    m_relationshipDescriptionEdit->clear();
    updateButtons();
}

void PeopleTab::selectPerson(std::int64_t personId)
{
    const int row = m_model->rowOf(personId);
    if (row < 0) {
        return;
    }
    m_reverting = true;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->selectRow(row);
    m_reverting = false;
    if (m_editor->personId() != personId || !m_editor->isEditing()) {
        m_editor->edit(m_model->personAt(row));
    }
    reloadIdentifiers();
    updateButtons();
}

// --- people ---------------------------------------------------------------------

void PeopleTab::currentPersonChanged(const QModelIndex& current, const QModelIndex& previous)
{
    if (m_reverting) {
        return;
    }
    const std::int64_t id = current.isValid() ? m_model->idAt(current.row()) : 0;
    if (id == m_editor->personId() && m_editor->isEditing()) {
        return;
    }
    if (m_editor->hasUnsavedChanges()) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                        tr("The person's details have changes that are not saved."),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("unsavedPersonMessageBox"));
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !m_editor->save())) {
            m_reverting = true;
            m_view->setCurrentIndex(previous);
            m_reverting = false;
            return;
        }
    }
    if (id == 0) {
        m_editor->clearEditor();
    } else {
        m_editor->edit(m_model->personAt(current.row()));
    }
    reloadIdentifiers();
    updateButtons();
}

void PeopleTab::removePerson()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const std::int64_t id = m_model->idAt(current.row());
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove person"),
                                tr("Remove this person, their identifiers and relationships from the case? "
                                   "The removal is recorded in the audit log."),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("removePersonMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::No);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result != QMessageBox::Yes) {
            return;
        }
        try {
            m_context.workspace->people().remove(id);
        } catch (const core::Error& e) {
            m_relationshipError->showMessage(ErrorText::message(e));
        }
    });
    box->open();
}

void PeopleTab::personChanged(const core::PersonRepository::Event& event)
{
    if (event.record.caseId != m_context.caseId && m_model->rowOf(event.record.id) < 0) {
        return;
    }
    m_model->applyChange(event);
    if (event.record.id == m_editor->personId()) {
        if (event.kind == core::ChangeKind::Removed) {
            m_editor->clearEditor();
        } else if (!m_editor->hasUnsavedChanges()) {
            m_editor->edit(event.record);
        }
    }
    reloadIdentifiers();
    reloadRelationshipChoices();
    reloadRelationships();
    updateButtons();
}

QString PeopleTab::personLabel(std::int64_t personId) const
{
    const int row = m_model->rowOf(personId);
    if (row < 0) {
        return tr("(removed)");
    }
    const core::Person& person = m_model->personAt(row);
    return m_context.privacy != nullptr ? m_context.privacy->displayName(person) : DisplayText::personName(person);
}

// --- identifiers ------------------------------------------------------------------

void PeopleTab::recordChanged(const core::RecordRepository::Event& event)
{
    if (event.record.caseId != m_context.caseId || event.record.spec == nullptr) {
        return;
    }
    if (event.record.spec->type == core::recordtype::kIdentifier) {
        reloadIdentifiers();
    } else if (event.record.spec->type == core::recordtype::kRelationship) {
        reloadRelationships();
    }
}

void PeopleTab::reloadIdentifiers()
{
    m_identifierTable->setRowCount(0);
    m_identifiers.clear();
    const std::int64_t personId = m_editor->personId();
    m_identifierBox->setEnabled(personId != 0);
    if (personId == 0) {
        updateButtons();
        return;
    }
    const int row = m_model->rowOf(personId);
    try {
        m_identifiers = m_context.workspace->records().list(identifierSpec(), personId);
    } catch (const core::Error& e) {
        m_identifierError->showMessage(ErrorText::message(e));
        return;
    }
    const core::ReferenceData& lists = m_context.workspace->lists();
    m_identifierTable->setRowCount(static_cast<int>(m_identifiers.size()));
    for (std::size_t i = 0; i < m_identifiers.size(); ++i) {
        const core::Record& record = m_identifiers[i];
        QString value = DisplayText::fromStd(record.get("value"));
        QString note = DisplayText::fromStd(record.get("note"));
        if (m_context.privacy != nullptr && row >= 0) {
            value = m_context.privacy->displayContact(m_model->personAt(row), value);
            note = m_context.privacy->displayContact(m_model->personAt(row), note);
        }
        const int r = static_cast<int>(i);
        m_identifierTable->setItem(r, 0, cell(listLabel(lists, "identifier-kinds", record.get("kind"))));
        m_identifierTable->setItem(r, 1, cell(value));
        m_identifierTable->setItem(r, 2, cell(note));
    }
    updateButtons();
}

void PeopleTab::addIdentifier()
{
    const std::int64_t personId = m_editor->personId();
    if (personId == 0) {
        return;
    }
    m_identifierError->clearMessage();
    core::Values values;
    values["kind"] = DisplayText::toStd(m_identifierKindCombo->currentData().toString());
    values["value"] = DisplayText::toStd(m_identifierValueEdit->text().trimmed());
    values["note"] = DisplayText::toStd(m_identifierNoteEdit->text().trimmed());
    if (values["value"].empty()) {
        m_identifierError->showMessage(tr("Value: enter the alias, number, address or other identifier."));
        m_identifierValueEdit->setFocus();
        return;
    }
    try {
        m_context.workspace->records().add(identifierSpec(), personId, values);
    } catch (const core::Error& e) {
        m_identifierError->showMessage(tr("%1: %2").arg(
            DisplayText::fromStd(e.field().empty() ? std::string("Identifier") : e.field()), ErrorText::message(e)));
        return;
    } catch (const std::exception&) {
        m_identifierError->showMessage(ErrorText::unexpected());
        return;
    }
    m_identifierValueEdit->clear();
    m_identifierNoteEdit->clear();
    reloadIdentifiers();
}

void PeopleTab::removeIdentifier()
{
    const int row = m_identifierTable->currentRow();
    if (row < 0 || row >= static_cast<int>(m_identifiers.size())) {
        return;
    }
    try {
        m_context.workspace->records().remove(identifierSpec(), m_identifiers[static_cast<std::size_t>(row)].id);
    } catch (const core::Error& e) {
        m_identifierError->showMessage(ErrorText::message(e));
        return;
    }
    reloadIdentifiers();
}

// --- relationships ----------------------------------------------------------------

void PeopleTab::reloadRelationshipChoices()
{
    const QVariant victim = m_victimCombo->currentData();
    const QVariant suspect = m_suspectCombo->currentData();
    m_victimCombo->clear();
    m_suspectCombo->clear();
    for (const core::Person& person : m_model->people()) {
        const QString label = personLabel(person.id);
        const auto id = QVariant::fromValue(static_cast<qint64>(person.id));
        if (person.role == core::PersonRole::Victim) {
            m_victimCombo->addItem(label, id);
        } else if (person.role == core::PersonRole::Suspect) {
            m_suspectCombo->addItem(label, id);
        }
    }
    m_victimCombo->setCurrentIndex(std::max(0, m_victimCombo->findData(victim)));
    m_suspectCombo->setCurrentIndex(std::max(0, m_suspectCombo->findData(suspect)));
    updateButtons();
}

void PeopleTab::reloadRelationships()
{
    m_relationshipTable->setRowCount(0);
    try {
        m_relationships = m_context.workspace->records().list(relationshipSpec(), m_context.caseId);
    } catch (const core::Error& e) {
        m_relationships.clear();
        m_relationshipError->showMessage(ErrorText::message(e));
        return;
    }
    const core::ReferenceData& lists = m_context.workspace->lists();
    m_relationshipTable->setRowCount(static_cast<int>(m_relationships.size()));
    for (std::size_t i = 0; i < m_relationships.size(); ++i) {
        const core::Record& record = m_relationships[i];
        const int r = static_cast<int>(i);
        m_relationshipTable->setItem(r, 0, cell(personLabel(std::stoll("0" + record.get("victim_id")))));
        m_relationshipTable->setItem(r, 1, cell(personLabel(std::stoll("0" + record.get("suspect_id")))));
        m_relationshipTable->setItem(r, 2, cell(listLabel(lists, "relationship-types", record.get("category"))));
        m_relationshipTable->setItem(r, 3, cell(DisplayText::fromStd(record.get("description"))));
    }
    updateButtons();
}

void PeopleTab::addRelationship()
{
    m_relationshipError->clearMessage();
    if (m_victimCombo->count() == 0 || m_suspectCombo->count() == 0) {
        m_relationshipError->showMessage(tr("Relationship: add a victim and a suspect to the case first."));
        return;
    }
    core::Values values;
    values["victim_id"] = std::to_string(m_victimCombo->currentData().toLongLong());
    values["suspect_id"] = std::to_string(m_suspectCombo->currentData().toLongLong());
    values["category"] = DisplayText::toStd(m_categoryCombo->currentData().toString());
    values["description"] = DisplayText::toStd(m_relationshipDescriptionEdit->text().trimmed());
    try {
        m_context.workspace->records().add(relationshipSpec(), m_context.caseId, values);
    } catch (const core::Error& e) {
        m_relationshipError->showMessage(tr("%1: %2").arg(
            DisplayText::fromStd(e.field().empty() ? std::string("Relationship") : e.field()), ErrorText::message(e)));
        return;
    } catch (const std::exception&) {
        m_relationshipError->showMessage(ErrorText::unexpected());
        return;
    }
    m_relationshipDescriptionEdit->clear();
    reloadRelationships();
}

void PeopleTab::removeRelationship()
{
    const int row = m_relationshipTable->currentRow();
    if (row < 0 || row >= static_cast<int>(m_relationships.size())) {
        return;
    }
    try {
        m_context.workspace->records().remove(relationshipSpec(), m_relationships[static_cast<std::size_t>(row)].id);
    } catch (const core::Error& e) {
        m_relationshipError->showMessage(ErrorText::message(e));
        return;
    }
    reloadRelationships();
}

void PeopleTab::updateButtons()
{
    m_removeButton->setEnabled(m_view->currentIndex().isValid() && m_editor->personId() != 0);
    m_saveButton->setEnabled(m_editor->isEditing());
    m_discardButton->setEnabled(m_editor->hasUnsavedChanges());
    m_addIdentifierButton->setEnabled(m_editor->personId() != 0);
    m_removeIdentifierButton->setEnabled(m_editor->personId() != 0 && m_identifierTable->currentRow() >= 0);
    m_addRelationshipButton->setEnabled(m_victimCombo->count() > 0 && m_suspectCombo->count() > 0);
    m_removeRelationshipButton->setEnabled(m_relationshipTable->currentRow() >= 0);
}

} // namespace wb::ui
