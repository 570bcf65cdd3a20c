// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PersonDialog.h"

#include <exception>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/repo/PersonRepository.h"
#include "ui/DisplayText.h"
#include "ui/ErrorText.h"
#include "ui/InlineMessage.h"

namespace wb::ui {

PersonDialog::PersonDialog(core::PersonRepository& people, std::int64_t caseId, QWidget* parent)
    : QDialog(parent)
    , m_people(people)
    , m_caseId(caseId)
{
    setObjectName(QStringLiteral("personDialog"));
    setWindowTitle(tr("Add person"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_roleCombo = new QComboBox(this);
    m_roleCombo->setObjectName(QStringLiteral("roleComboBox"));
    m_roleCombo->setAccessibleName(tr("Role in the case"));
    for (const auto role : {core::PersonRole::Victim, core::PersonRole::Suspect, core::PersonRole::Witness}) {
        m_roleCombo->addItem(DisplayText::role(role), static_cast<int>(role));
    }
    form->addRow(tr("&Role:"), m_roleCombo);

    m_givenEdit = new QLineEdit(this);
    m_givenEdit->setObjectName(QStringLiteral("givenNameLineEdit"));
    m_givenEdit->setAccessibleName(tr("Given name"));
    m_givenEdit->setMaxLength(100);
    form->addRow(tr("&Given name:"), m_givenEdit);

    m_familyEdit = new QLineEdit(this);
    m_familyEdit->setObjectName(QStringLiteral("familyNameLineEdit"));
    m_familyEdit->setAccessibleName(tr("Family name"));
    m_familyEdit->setMaxLength(100);
    form->addRow(tr("&Family name:"), m_familyEdit);
    m_nameError = new InlineMessage(this);
    m_nameError->setObjectName(QStringLiteral("nameErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_nameError);

    m_dobKnownCheck = new QCheckBox(tr("Date of birth &known"), this);
    m_dobKnownCheck->setObjectName(QStringLiteral("dateOfBirthKnownCheckBox"));
    m_dobKnownCheck->setAccessibleName(tr("Date of birth known"));
    form->addRow(static_cast<QWidget*>(nullptr), m_dobKnownCheck);

    m_dobEdit = new QDateEdit(this);
    m_dobEdit->setObjectName(QStringLiteral("dateOfBirthDateEdit"));
    m_dobEdit->setAccessibleName(tr("Date of birth"));
    m_dobEdit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_dobEdit->setCalendarPopup(true);
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(DisplayText::ukTimeZone()).date();
    m_dobEdit->setDateRange(QDate(1900, 1, 1), today);
    m_dobEdit->setDate(today.addYears(-30));
    m_dobEdit->setEnabled(false);
    form->addRow(tr("&Date of birth:"), m_dobEdit);
    m_dobError = new InlineMessage(this);
    m_dobError->setObjectName(QStringLiteral("dateOfBirthErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_dobError);
    layout->addLayout(form);

    m_missingMessage = new InlineMessage(this);
    m_missingMessage->setObjectName(QStringLiteral("missingLabel"));
    layout->addWidget(m_missingMessage);
    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_errorMessage);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setText(tr("&Add person"));
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(buttons);

    connect(m_dobKnownCheck, &QCheckBox::toggled, m_dobEdit, &QWidget::setEnabled);
    connect(m_givenEdit, &QLineEdit::textChanged, this, &PersonDialog::updateState);
    connect(m_familyEdit, &QLineEdit::textChanged, this, &PersonDialog::updateState);
    connect(m_saveButton, &QPushButton::clicked, this, &PersonDialog::save);
    connect(cancel, &QPushButton::clicked, this, &PersonDialog::reject);
    setMinimumWidth(420);
    updateState();
}

PersonDialog::~PersonDialog() = default;

core::PersonDraft PersonDialog::draft() const
{
    core::PersonDraft draft;
    draft.caseId = m_caseId;
    draft.role = static_cast<core::PersonRole>(m_roleCombo->currentData().toInt());
    draft.givenName = DisplayText::toStd(m_givenEdit->text().trimmed());
    draft.familyName = DisplayText::toStd(m_familyEdit->text().trimmed());
    if (m_dobKnownCheck->isChecked()) {
        draft.dateOfBirth = DisplayText::toStd(m_dobEdit->date().toString(Qt::ISODate));
    }
    return draft;
}

void PersonDialog::updateState()
{
    m_nameError->clearMessage();
    m_dobError->clearMessage();
    m_errorMessage->clearMessage();
    const bool named = !m_givenEdit->text().trimmed().isEmpty() || !m_familyEdit->text().trimmed().isEmpty();
    if (named) {
        m_missingMessage->clearMessage();
    } else {
        m_missingMessage->showMessage(tr("To save, enter a given name or a family name (or \"Unknown\")."),
                                      InlineMessage::Kind::Information);
    }
    m_saveButton->setEnabled(named);
}

void PersonDialog::showError(const core::Error& error)
{
    const QString text = ErrorText::message(error);
    if (error.field() == "givenName" || error.field() == "familyName") {
        m_nameError->showMessage(text);
    } else if (error.field() == "dateOfBirth") {
        m_dobError->showMessage(text);
    } else {
        m_errorMessage->showMessage(text);
    }
}

void PersonDialog::save()
{
    if (!m_saveButton->isEnabled()) {
        return;
    }
    try {
        m_people.add(draft());
    } catch (const core::Error& e) {
        showError(e);
        return;
    } catch (const std::exception&) {
        m_errorMessage->showMessage(ErrorText::unexpected());
        return;
    }
    accept();
}

} // namespace wb::ui
