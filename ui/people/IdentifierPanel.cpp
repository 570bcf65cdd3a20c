// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/people/IdentifierPanel.h"

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
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

using namespace peopletables;

IdentifierPanel::IdentifierPanel(const CaseContext& context, const PersonListModel* people, QWidget* parent)
    : QGroupBox(tr("Identifiers"), parent)
    , m_context(context)
    , m_people(people)
{
    setObjectName(QStringLiteral("identifierGroupBox"));
    auto* layout = new QVBoxLayout(this);
    m_table = makeTable({tr("Kind"), tr("Value"), tr("Note")}, QStringLiteral("identifierTableWidget"),
                        tr("Identifiers"), this);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table);
    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("identifierKindComboBox"));
    m_kindCombo->setAccessibleName(tr("Identifier kind"));
    fillChoices(m_kindCombo, m_context.workspace->lists(), "identifier-kinds");
    form->addRow(tr("&Kind:"), m_kindCombo);
    m_valueEdit = new QLineEdit(this);
    m_valueEdit->setObjectName(QStringLiteral("identifierValueLineEdit"));
    m_valueEdit->setAccessibleName(tr("Identifier value"));
    m_valueEdit->setMaxLength(200);
    form->addRow(tr("Val&ue:"), m_valueEdit);
    m_noteEdit = new QLineEdit(this);
    m_noteEdit->setObjectName(QStringLiteral("identifierNoteLineEdit"));
    m_noteEdit->setAccessibleName(tr("Identifier note"));
    m_noteEdit->setMaxLength(200);
    form->addRow(tr("N&ote:"), m_noteEdit);
    layout->addLayout(form);
    m_error = new InlineMessage(this);
    m_error->setObjectName(QStringLiteral("identifierErrorLabel"));
    layout->addWidget(m_error);
    auto* buttons = new QHBoxLayout();
    m_addButton = new QPushButton(tr("Add &identifier"), this);
    m_addButton->setObjectName(QStringLiteral("addIdentifierButton"));
    m_removeButton = new QPushButton(tr("Remove identifier"), this);
    m_removeButton->setObjectName(QStringLiteral("removeIdentifierButton"));
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_addButton, &QPushButton::clicked, this, &IdentifierPanel::add);
    connect(m_valueEdit, &QLineEdit::returnPressed, this, &IdentifierPanel::add);
    connect(m_removeButton, &QPushButton::clicked, this, &IdentifierPanel::remove);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &IdentifierPanel::updateButtons);
}

void IdentifierPanel::showPerson(std::int64_t personId)
{
    m_personId = personId;
    reload();
}

void IdentifierPanel::clearInputs()
{
    m_valueEdit->clear();
    m_noteEdit->clear();
}

void IdentifierPanel::reload()
{
    m_table->setRowCount(0);
    m_identifiers.clear();
    setEnabled(m_personId != 0);
    if (m_personId == 0) {
        updateButtons();
        return;
    }
    const int row = m_people->rowOf(m_personId);
    try {
        m_identifiers = m_context.workspace->records().list(core::recordSpec("identifier"), m_personId);
    } catch (const core::Error& e) {
        m_error->showMessage(ErrorText::message(e));
        updateButtons();
        return;
    }
    const core::ReferenceData& lists = m_context.workspace->lists();
    m_table->setRowCount(static_cast<int>(m_identifiers.size()));
    for (std::size_t i = 0; i < m_identifiers.size(); ++i) {
        const core::Record& record = m_identifiers[i];
        QString value = DisplayText::fromStd(record.get("value"));
        QString note = DisplayText::fromStd(record.get("note"));
        if (m_context.privacy != nullptr && row >= 0) {
            value = m_context.privacy->displayContact(m_people->personAt(row), value);
            note = m_context.privacy->displayContact(m_people->personAt(row), note);
        }
        const int r = static_cast<int>(i);
        m_table->setItem(r, 0, cell(listLabel(lists, "identifier-kinds", record.get("kind"))));
        m_table->setItem(r, 1, cell(value));
        m_table->setItem(r, 2, cell(note));
    }
    updateButtons();
}

void IdentifierPanel::add()
{
    if (m_personId == 0) {
        return;
    }
    m_error->clearMessage();
    core::people::IdentifierDraft draft;
    draft.kind = DisplayText::toStd(m_kindCombo->currentData().toString());
    draft.value = DisplayText::toStd(m_valueEdit->text());
    draft.note = DisplayText::toStd(m_noteEdit->text());
    try {
        core::people::addIdentifier(*m_context.workspace, m_personId, draft);
    } catch (const core::Error& e) {
        // Core names the refused field; ErrorText words it with the field's label.
        const core::RecordSpec& spec = core::recordSpec(core::recordtype::kIdentifier);
        const core::FieldSpec* field = spec.field(e.field());
        m_error->showMessage(ErrorText::recordField(e, spec, field != nullptr && field->required));
        if (e.field() == "value") {
            m_valueEdit->setFocus();
        } else if (e.field() == "note") {
            m_noteEdit->setFocus();
        } else if (e.field() == "kind") {
            m_kindCombo->setFocus();
        }
        return;
    } catch (const std::exception&) {
        m_error->showMessage(ErrorText::unexpected());
        return;
    }
    clearInputs();
    reload();
}

void IdentifierPanel::remove()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_identifiers.size())) {
        return;
    }
    try {
        core::people::removeIdentifier(*m_context.workspace, m_identifiers[static_cast<std::size_t>(row)].id);
    } catch (const core::Error& e) {
        m_error->showMessage(ErrorText::message(e));
        return;
    }
    reload();
}

void IdentifierPanel::updateButtons()
{
    m_addButton->setEnabled(m_personId != 0);
    m_removeButton->setEnabled(m_personId != 0 && m_table->currentRow() >= 0);
}

} // namespace wb::ui
