// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CaseDialog.h"

#include <exception>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/nom/OffenceCatalogue.h"
#include "ui/DisplayText.h"
#include "ui/ErrorText.h"
#include "ui/InlineMessage.h"
#include "ui/PersonDialog.h"
#include "ui/PersonListModel.h"
#include "ui/SignalBridge.h"

namespace wb::ui {

namespace {

QLabel* valueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

CaseDialog::CaseDialog(core::Workspace& workspace, SignalBridge& bridge, std::int64_t caseId, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_caseId(caseId)
    , m_people(new PersonListModel(this))
{
    setObjectName(QStringLiteral("caseDialog"));
    // No reference or names in the title: titles reach task bars and window lists.
    setWindowTitle(tr("Case"));
    auto* layout = new QVBoxLayout(this);

    auto* details = new QGroupBox(tr("Case details"), this);
    auto* form = new QFormLayout(details);
    m_referenceValue = valueLabel(QStringLiteral("referenceValueLabel"), details);
    m_operationValue = valueLabel(QStringLiteral("operationValueLabel"), details);
    m_offenceValue = valueLabel(QStringLiteral("offenceValueLabel"), details);
    m_statusValue = valueLabel(QStringLiteral("statusValueLabel"), details);
    m_reportedValue = valueLabel(QStringLiteral("reportedValueLabel"), details);
    form->addRow(tr("Crime reference:"), m_referenceValue);
    form->addRow(tr("Operation:"), m_operationValue);
    form->addRow(tr("Primary offence:"), m_offenceValue);
    form->addRow(tr("Status:"), m_statusValue);
    form->addRow(tr("Reported (UK time):"), m_reportedValue);
    layout->addWidget(details);

    auto* peopleBox = new QGroupBox(tr("People"), this);
    auto* peopleLayout = new QVBoxLayout(peopleBox);
    m_peopleView = new QTableView(peopleBox);
    m_peopleView->setObjectName(QStringLiteral("peopleTableView"));
    m_peopleView->setAccessibleName(tr("People in this case"));
    m_peopleView->setModel(m_people);
    m_peopleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peopleView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_peopleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peopleView->setTabKeyNavigation(false);
    m_peopleView->verticalHeader()->hide();
    m_peopleView->horizontalHeader()->setStretchLastSection(true);
    m_peopleView->horizontalHeader()->setSectionResizeMode(PersonListModel::NameColumn, QHeaderView::Stretch);
    m_peopleView->horizontalHeader()->setSectionResizeMode(PersonListModel::RoleColumn,
                                                           QHeaderView::ResizeToContents);
    peopleLayout->addWidget(m_peopleView);
    auto* peopleButtons = new QHBoxLayout();
    m_addButton = new QPushButton(tr("&Add person…"), peopleBox);
    m_addButton->setObjectName(QStringLiteral("addPersonButton"));
    m_addButton->setAccessibleName(tr("Add person"));
    m_removeButton = new QPushButton(tr("&Remove person"), peopleBox);
    m_removeButton->setObjectName(QStringLiteral("removePersonButton"));
    m_removeButton->setAccessibleName(tr("Remove the selected person"));
    peopleButtons->addWidget(m_addButton);
    peopleButtons->addWidget(m_removeButton);
    peopleButtons->addStretch(1);
    peopleLayout->addLayout(peopleButtons);
    layout->addWidget(peopleBox, 1);

    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_errorMessage);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    layout->addWidget(buttons);

    connect(close, &QPushButton::clicked, this, &CaseDialog::reject);
    connect(m_addButton, &QPushButton::clicked, this, &CaseDialog::addPerson);
    connect(m_removeButton, &QPushButton::clicked, this, &CaseDialog::removePerson);
    connect(m_peopleView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CaseDialog::updateButtons);
    connect(m_people, &QAbstractItemModel::rowsRemoved, this, &CaseDialog::updateButtons);
    connect(m_people, &QAbstractItemModel::modelReset, this, &CaseDialog::updateButtons);
    connect(&bridge, &SignalBridge::personChanged, m_people, &PersonListModel::applyChange);
    connect(&bridge, &SignalBridge::caseChanged, this, &CaseDialog::caseChanged);

    try {
        if (const auto record = m_workspace.cases().find(m_caseId)) {
            showCase(*record);
        }
        m_people->load(m_workspace.people(), m_caseId);
    } catch (const core::Error& e) {
        m_errorMessage->showMessage(ErrorText::message(e));
    }
    resize(640, 520);
    updateButtons();
}

CaseDialog::~CaseDialog() = default;

void CaseDialog::showCase(const core::Case& record)
{
    m_referenceValue->setText(DisplayText::fromStd(record.reference));
    m_operationValue->setText(record.operationName ? DisplayText::fromStd(*record.operationName) : tr("None"));
    const core::Offence* offence = m_workspace.offences().find(record.primaryOffence);
    m_offenceValue->setText(offence != nullptr ? DisplayText::offenceLabel(*offence)
                                               : DisplayText::fromStd(record.primaryOffence));
    m_statusValue->setText(DisplayText::status(record.status));
    m_reportedValue->setText(DisplayText::ukDateTime(record.reportedAt));
}

void CaseDialog::caseChanged(const core::CaseRepository::Event& event)
{
    if (event.record.id != m_caseId) {
        return;
    }
    if (event.kind == core::ChangeKind::Removed) {
        reject();
    } else {
        showCase(event.record);
    }
}

void CaseDialog::updateButtons()
{
    m_removeButton->setEnabled(m_peopleView->selectionModel()->hasSelection());
}

void CaseDialog::addPerson()
{
    auto* dialog = new PersonDialog(m_workspace.people(), m_caseId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CaseDialog::removePerson()
{
    const QModelIndexList rows = m_peopleView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const std::int64_t personId = m_people->idAt(rows.front().row());
    // Asked with open(), not exec(): a lock must be able to close this dialog and
    // delete it (with the question, its child) without a nested event loop
    // still running on the stack. The question names nobody.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove person"),
                                tr("Remove the selected person from this case? This cannot be undone."),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removePersonMessageBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QDialog::finished, this, [this, box, personId] {
        if (box->clickedButton() != box->button(QMessageBox::Yes) || m_workspace.isLocked()) {
            return;
        }
        m_errorMessage->clearMessage();
        try {
            m_workspace.people().remove(personId);
        } catch (const core::Error& e) {
            m_errorMessage->showMessage(ErrorText::message(e));
        } catch (const std::exception&) {
            m_errorMessage->showMessage(ErrorText::unexpected());
        }
    });
    box->open();
}

} // namespace wb::ui
