// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/people/RelationshipPanel.h"

#include <algorithm>
#include <exception>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/people/People.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "ui/people/PeopleTables.h"
#include "ui/people/PersonListModel.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/ElidingComboBox.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

using namespace peopletables;

RelationshipPanel::RelationshipPanel(const CaseContext& context, const PersonListModel* people, QWidget* parent)
    : QGroupBox(tr("Victim–suspect relationships"), parent)
    , m_context(context)
    , m_people(people)
{
    setObjectName(QStringLiteral("relationshipGroupBox"));
    auto* layout = new QVBoxLayout(this);
    m_table = makeTable({tr("Victim"), tr("Suspect"), tr("Relationship"), tr("Description")},
                        QStringLiteral("relationshipTableWidget"), tr("Relationships"), this);
    layout->addWidget(m_table, 1);
    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_victimCombo = new ElidingComboBox(20, this);
    m_victimCombo->setObjectName(QStringLiteral("relationshipVictimComboBox"));
    m_victimCombo->setAccessibleName(tr("Relationship: victim"));
    form->addRow(tr("&Victim:"), m_victimCombo);
    m_suspectCombo = new ElidingComboBox(20, this);
    m_suspectCombo->setObjectName(QStringLiteral("relationshipSuspectComboBox"));
    m_suspectCombo->setAccessibleName(tr("Relationship: suspect"));
    form->addRow(tr("&Suspect:"), m_suspectCombo);
    m_categoryCombo = new ElidingComboBox(20, this);
    m_categoryCombo->setObjectName(QStringLiteral("relationshipCategoryComboBox"));
    m_categoryCombo->setAccessibleName(tr("Relationship category"));
    fillChoices(m_categoryCombo, m_context.workspace->lists(), "relationship-types");
    form->addRow(tr("Rela&tionship:"), m_categoryCombo);
    m_descriptionEdit = new QLineEdit(this);
    m_descriptionEdit->setObjectName(QStringLiteral("relationshipDescriptionLineEdit"));
    m_descriptionEdit->setAccessibleName(tr("Relationship description"));
    m_descriptionEdit->setMaxLength(2000);
    form->addRow(tr("Desc&ription:"), m_descriptionEdit);
    layout->addLayout(form);
    m_error = new InlineMessage(this);
    m_error->setObjectName(QStringLiteral("relationshipErrorLabel"));
    layout->addWidget(m_error);
    auto* buttons = new QHBoxLayout();
    m_addButton = new QPushButton(tr("Add re&lationship"), this);
    m_addButton->setObjectName(QStringLiteral("addRelationshipButton"));
    m_removeButton = new QPushButton(tr("Remove relationship"), this);
    m_removeButton->setObjectName(QStringLiteral("removeRelationshipButton"));
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_addButton, &QPushButton::clicked, this, &RelationshipPanel::add);
    connect(m_removeButton, &QPushButton::clicked, this, &RelationshipPanel::remove);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RelationshipPanel::updateButtons);
}

void RelationshipPanel::showError(const QString& text)
{
    m_error->showMessage(text);
}

void RelationshipPanel::clearInputs()
{
    m_descriptionEdit->clear();
}

QString RelationshipPanel::personLabel(std::int64_t personId) const
{
    const int row = m_people->rowOf(personId);
    if (row < 0) {
        return tr("(removed)");
    }
    const core::Person& person = m_people->personAt(row);
    return m_context.privacy != nullptr ? m_context.privacy->displayName(person) : DisplayText::personName(person);
}

void RelationshipPanel::reloadChoices()
{
    const QVariant victim = m_victimCombo->currentData();
    const QVariant suspect = m_suspectCombo->currentData();
    m_victimCombo->clear();
    m_suspectCombo->clear();
    for (const core::Person& person : m_people->people()) {
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

void RelationshipPanel::reload()
{
    m_table->setRowCount(0);
    try {
        m_relationships = m_context.workspace->records().list(core::recordSpec("relationship"), m_context.caseId);
    } catch (const core::Error& e) {
        m_relationships.clear();
        m_error->showMessage(ErrorText::message(e));
        updateButtons();
        return;
    }
    const core::ReferenceData& lists = m_context.workspace->lists();
    m_table->setRowCount(static_cast<int>(m_relationships.size()));
    for (std::size_t i = 0; i < m_relationships.size(); ++i) {
        const core::Record& record = m_relationships[i];
        const int r = static_cast<int>(i);
        m_table->setItem(r, 0, cell(personLabel(std::stoll("0" + record.get("victim_id")))));
        m_table->setItem(r, 1, cell(personLabel(std::stoll("0" + record.get("suspect_id")))));
        m_table->setItem(r, 2, cell(listLabel(lists, "relationship-types", record.get("category"))));
        m_table->setItem(r, 3, cell(DisplayText::fromStd(record.get("description"))));
    }
    updateButtons();
}

void RelationshipPanel::add()
{
    m_error->clearMessage();
    core::people::RelationshipDraft draft;
    draft.victimId = m_victimCombo->currentData().toLongLong();
    draft.suspectId = m_suspectCombo->currentData().toLongLong();
    draft.category = DisplayText::toStd(m_categoryCombo->currentData().toString());
    draft.description = DisplayText::toStd(m_descriptionEdit->text());
    try {
        core::people::link(*m_context.workspace, m_context.caseId, draft);
    } catch (const core::Error& e) {
        // Core names the refused field; ErrorText words it with the field's label.
        const core::RecordSpec& spec = core::recordSpec(core::recordtype::kRelationship);
        const core::FieldSpec* field = spec.field(e.field());
        m_error->showMessage(ErrorText::recordField(e, spec, field != nullptr && field->required));
        if (e.field() == "description") {
            m_descriptionEdit->setFocus();
        } else if (e.field() == "category") {
            m_categoryCombo->setFocus();
        }
        return;
    } catch (const std::exception&) {
        m_error->showMessage(ErrorText::unexpected());
        return;
    }
    clearInputs();
    reload();
}

void RelationshipPanel::remove()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_relationships.size())) {
        return;
    }
    try {
        core::people::unlink(*m_context.workspace, m_relationships[static_cast<std::size_t>(row)].id);
    } catch (const core::Error& e) {
        m_error->showMessage(ErrorText::message(e));
        return;
    }
    reload();
}

void RelationshipPanel::updateButtons()
{
    m_addButton->setEnabled(m_victimCombo->count() > 0 && m_suspectCombo->count() > 0);
    m_removeButton->setEnabled(m_table->currentRow() >= 0);
}

} // namespace wb::ui
