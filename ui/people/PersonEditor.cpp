// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/people/PersonEditor.h"

#include <algorithm>
#include <exception>
#include <limits>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/people/People.h"
#include "core/repo/PersonRepository.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DateLineEdit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/MaskedField.h"
#include "ui/widgets/WholeNumberEdit.h"

namespace wb::ui {

namespace {

std::optional<std::string> optionalText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    return DisplayText::toStd(trimmed);
}

QString fromOptional(const std::optional<std::string>& text)
{
    return text ? DisplayText::fromStd(*text) : QString();
}

} // namespace

PersonEditor::PersonEditor(core::PersonRepository& people, QWidget* parent)
    : QWidget(parent)
    , m_people(people)
{
    setObjectName(QStringLiteral("personEditorWidget"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("personHeadingLabel"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);

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
    m_givenMask = new MaskedField(m_givenEdit, tr("Given name"), this);
    form->addRow(tr("&Given name:"), m_givenMask);
    m_familyEdit = new QLineEdit(this);
    m_familyEdit->setObjectName(QStringLiteral("familyNameLineEdit"));
    m_familyEdit->setAccessibleName(tr("Family name"));
    m_familyEdit->setMaxLength(100);
    m_familyMask = new MaskedField(m_familyEdit, tr("Family name"), this);
    form->addRow(tr("&Family name:"), m_familyMask);
    m_nameError = new InlineMessage(this);
    m_nameError->setObjectName(QStringLiteral("nameErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_nameError);

    m_dobKnownCheck = new QCheckBox(tr("Date of birth &known"), this);
    m_dobKnownCheck->setObjectName(QStringLiteral("dateOfBirthKnownCheckBox"));
    form->addRow(static_cast<QWidget*>(nullptr), m_dobKnownCheck);
    m_dobEdit = new DateLineEdit(this);
    m_dobEdit->setObjectName(QStringLiteral("dateOfBirthLineEdit"));
    m_dobEdit->setAccessibleName(tr("Date of birth, as dd/mm/yyyy"));
    m_dobEdit->setCalendarStart(QDate(1990, 1, 1));
    m_dobMask = new MaskedField(m_dobEdit, tr("Date of birth"), this);
    form->addRow(tr("&Date of birth:"), m_dobMask);
    m_dobError = new InlineMessage(this);
    m_dobError->setObjectName(QStringLiteral("dateOfBirthErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_dobError);

    m_ageEdit = new WholeNumberEdit(this);
    m_ageEdit->setObjectName(QStringLiteral("ageLineEdit"));
    m_ageEdit->setAccessibleName(tr("Age in whole years, when the date of birth is not known"));
    m_ageEdit->setPlaceholderText(tr("Not recorded"));
    auto* ageRow = new QHBoxLayout();
    ageRow->addWidget(m_ageEdit);
    ageRow->addWidget(new QLabel(tr("years"), this));
    ageRow->addStretch(1);
    form->addRow(tr("A&ge:"), ageRow);
    static_cast<QLabel*>(form->labelForField(ageRow))->setBuddy(m_ageEdit);
    m_ageError = new InlineMessage(this);
    m_ageError->setObjectName(QStringLiteral("ageErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_ageError);

    m_pronounsEdit = new QLineEdit(this);
    m_pronounsEdit->setObjectName(QStringLiteral("pronounsLineEdit"));
    m_pronounsEdit->setAccessibleName(tr("Pronouns"));
    m_pronounsEdit->setPlaceholderText(tr("As the person gives them, e.g. she/her"));
    form->addRow(tr("&Pronouns:"), m_pronounsEdit);
    m_languageEdit = new QLineEdit(this);
    m_languageEdit->setObjectName(QStringLiteral("languageLineEdit"));
    m_languageEdit->setAccessibleName(tr("Preferred language"));
    form->addRow(tr("&Language:"), m_languageEdit);
    m_interpreterCheck = new QCheckBox(tr("&Interpreter needed"), this);
    m_interpreterCheck->setObjectName(QStringLiteral("interpreterCheckBox"));
    form->addRow(static_cast<QWidget*>(nullptr), m_interpreterCheck);
    m_needsEdit = new QPlainTextEdit(this);
    m_needsEdit->setObjectName(QStringLiteral("needsPlainTextEdit"));
    m_needsEdit->setAccessibleName(tr("Disability and other needs"));
    m_needsEdit->setPlaceholderText(tr("Disability and other needs, in the person's own terms"));
    m_needsEdit->setTabChangesFocus(true);
    m_needsEdit->setFixedHeight(m_needsEdit->fontMetrics().lineSpacing() * 4);
    form->addRow(tr("&Needs:"), m_needsEdit);
    m_enhancedRightsCheck = new QCheckBox(tr("&Enhanced rights under the Victims' Code"), this);
    m_enhancedRightsCheck->setObjectName(QStringLiteral("enhancedRightsCheckBox"));
    form->addRow(static_cast<QWidget*>(nullptr), m_enhancedRightsCheck);
    m_firstDisclosureCheck = new QCheckBox(tr("First-&disclosure witness (the victim first told them)"), this);
    m_firstDisclosureCheck->setObjectName(QStringLiteral("firstDisclosureCheckBox"));
    form->addRow(static_cast<QWidget*>(nullptr), m_firstDisclosureCheck);
    m_flagError = new InlineMessage(this);
    m_flagError->setObjectName(QStringLiteral("flagErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_flagError);
    layout->addLayout(form);

    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_errorMessage);

    connect(m_roleCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateRoleFields();
        applyPrivacy(true);
        noteEdit();
    });
    for (MaskedField* mask : {m_givenMask, m_familyMask, m_dobMask}) {
        connect(mask, &MaskedField::revealedChanged, this, [this](bool revealed) {
            if (!revealed) {
                applyPrivacy(); // the mask follows what was typed while it was shown
            }
        });
    }
    connect(m_dobKnownCheck, &QCheckBox::toggled, this, [this] {
        updateRoleFields();
        noteEdit();
    });
    for (QLineEdit* edit : {m_givenEdit, m_familyEdit, m_pronounsEdit, m_languageEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &PersonEditor::noteEdit);
    }
    connect(m_dobEdit, &QLineEdit::textChanged, this, &PersonEditor::noteEdit);
    connect(m_ageEdit, &QLineEdit::textChanged, this, &PersonEditor::noteEdit);
    connect(m_needsEdit, &QPlainTextEdit::textChanged, this, &PersonEditor::noteEdit);
    for (QCheckBox* check : {m_interpreterCheck, m_enhancedRightsCheck, m_firstDisclosureCheck}) {
        connect(check, &QCheckBox::toggled, this, &PersonEditor::noteEdit);
    }
    clearEditor();
}

PersonEditor::~PersonEditor() = default;

void PersonEditor::load(const core::PersonDraft& draft)
{
    m_loading = true;
    m_loaded = draft;
    m_roleCombo->setCurrentIndex(m_roleCombo->findData(static_cast<int>(draft.role)));
    m_givenEdit->setText(DisplayText::fromStd(draft.givenName));
    m_familyEdit->setText(DisplayText::fromStd(draft.familyName));
    m_dobKnownCheck->setChecked(draft.dateOfBirth.has_value());
    // Nothing invented: a date of birth not recorded is an empty field, not 01/01/1990.
    m_dobEdit->setDate(draft.dateOfBirth ? QDate::fromString(fromOptional(draft.dateOfBirth), Qt::ISODate) : QDate());
    m_ageEdit->setNumber(draft.ageYears ? std::optional<long long>(*draft.ageYears) : std::nullopt);
    m_pronounsEdit->setText(fromOptional(draft.pronouns));
    m_languageEdit->setText(fromOptional(draft.language));
    m_interpreterCheck->setChecked(draft.interpreterNeeded);
    m_needsEdit->setPlainText(fromOptional(draft.needs));
    m_enhancedRightsCheck->setChecked(draft.enhancedRights);
    m_firstDisclosureCheck->setChecked(draft.firstDisclosure);
    m_loading = false;
    clearErrors();
    updateRoleFields();
    applyPrivacy();
    Q_EMIT modifiedChanged();
}

void PersonEditor::setPrivacyMode(PrivacyMode* privacy)
{
    if (m_privacy != nullptr) {
        disconnect(m_privacy, nullptr, this, nullptr);
    }
    m_privacy = privacy;
    if (m_privacy != nullptr) {
        connect(m_privacy, &PrivacyMode::changed, this, [this] { applyPrivacy(); });
    }
    applyPrivacy();
}

void PersonEditor::applyPrivacy(bool keepRevealed)
{
    // Protected when the stored role or the one now chosen is a victim's or a witness's.
    const auto role = static_cast<core::PersonRole>(m_roleCombo->currentData().toInt());
    const bool hide = m_privacy != nullptr && m_privacy->isOn() &&
                      (PrivacyMode::isProtected(role) || (m_original && PrivacyMode::isProtected(m_original->role)));
    // An empty field (a new person being typed in) has nothing to hide.
    const QString given = m_givenEdit->text().trimmed();
    const QString family = m_familyEdit->text().trimmed();
    const auto update = [keepRevealed](MaskedField* mask, bool masked, const QString& text) {
        if (keepRevealed && masked && mask->isRevealed()) {
            return; // shown on purpose until the focus leaves it
        }
        mask->setMasked(masked, text);
    };
    update(m_givenMask, hide && !given.isEmpty(), PrivacyMode::initials(given, QString()));
    update(m_familyMask, hide && !family.isEmpty(), PrivacyMode::initials(QString(), family));
    update(m_dobMask, hide && m_dobKnownCheck->isChecked() && !m_dobEdit->isBlank(), PrivacyMode::hiddenMark());
}

void PersonEditor::edit(const core::Person& person)
{
    m_original = person;
    m_caseId = person.caseId;
    m_active = true;
    for (QWidget* child : findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        child->setEnabled(true);
    }
    m_heading->setText(tr("%1 — details").arg(DisplayText::role(person.role)));
    load(person);
}

void PersonEditor::startNew(std::int64_t caseId)
{
    m_original.reset();
    m_caseId = caseId;
    m_active = true;
    for (QWidget* child : findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        child->setEnabled(true);
    }
    m_heading->setText(tr("New person — enter the details and save (Ctrl+S)"));
    core::PersonDraft draft;
    draft.caseId = caseId;
    load(draft);
    m_givenEdit->setFocus();
}

void PersonEditor::clearEditor()
{
    m_original.reset();
    m_active = false;
    m_heading->setText(tr("Select a person, or choose Add person (Ctrl+N)."));
    load(core::PersonDraft{});
    for (QWidget* child : findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        child->setEnabled(child == m_heading);
    }
}

core::PersonDraft PersonEditor::draft() const
{
    core::PersonDraft draft;
    draft.caseId = m_caseId;
    draft.role = static_cast<core::PersonRole>(m_roleCombo->currentData().toInt());
    draft.givenName = DisplayText::toStd(m_givenEdit->text().trimmed());
    draft.familyName = DisplayText::toStd(m_familyEdit->text().trimmed());
    if (m_dobKnownCheck->isChecked() && m_dobEdit->date().isValid()) {
        draft.dateOfBirth = DisplayText::toStd(m_dobEdit->date().toString(Qt::ISODate));
    }
    if (const auto age = m_ageEdit->number(); age && !m_dobKnownCheck->isChecked()) {
        // As typed: a number core cannot hold reaches core (and is refused there), it is never clipped.
        draft.ageYears = static_cast<int>(
            std::clamp<long long>(*age, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }
    draft.pronouns = optionalText(m_pronounsEdit->text());
    draft.language = optionalText(m_languageEdit->text());
    draft.interpreterNeeded = m_interpreterCheck->isChecked();
    draft.needs = optionalText(m_needsEdit->toPlainText());
    draft.enhancedRights =
        draft.role == core::PersonRole::Victim ? m_enhancedRightsCheck->isChecked() : m_loaded.enhancedRights;
    draft.firstDisclosure = draft.role == core::PersonRole::Witness && m_firstDisclosureCheck->isChecked();
    return draft;
}

bool PersonEditor::hasUnsavedChanges() const
{
    if (!m_active) {
        return false;
    }
    const core::PersonDraft now = draft();
    const core::PersonDraft& was = m_loaded;
    // Only what the form can show; the age is ignored while a date of birth is given.
    return now.role != was.role || now.givenName != was.givenName || now.familyName != was.familyName ||
           now.dateOfBirth != was.dateOfBirth || (!now.dateOfBirth && now.ageYears != was.ageYears) ||
           now.pronouns != was.pronouns || now.language != was.language ||
           now.interpreterNeeded != was.interpreterNeeded || now.needs != was.needs ||
           (now.role == core::PersonRole::Victim && now.enhancedRights != was.enhancedRights) ||
           now.firstDisclosure != was.firstDisclosure ||
           // typed but not (yet) a value: still an edit that a lock or a switch must not lose
           m_dobKnownCheck->isChecked() != was.dateOfBirth.has_value() || !m_dobEdit->holdsDate() ||
           !m_ageEdit->holdsNumber();
}

void PersonEditor::discardChanges()
{
    if (m_original) {
        edit(*m_original);
    } else if (m_active) {
        clearEditor();
    }
}

void PersonEditor::updateRoleFields()
{
    const auto role = static_cast<core::PersonRole>(m_roleCombo->currentData().toInt());
    m_enhancedRightsCheck->setVisible(role == core::PersonRole::Victim);
    m_firstDisclosureCheck->setVisible(role == core::PersonRole::Witness);
    m_dobEdit->setEnabled(m_dobKnownCheck->isChecked());
    m_ageEdit->setEnabled(!m_dobKnownCheck->isChecked());
}

void PersonEditor::noteEdit()
{
    if (!m_loading) {
        Q_EMIT modifiedChanged();
    }
}

void PersonEditor::clearErrors()
{
    for (InlineMessage* message : {m_nameError, m_dobError, m_ageError, m_flagError, m_errorMessage}) {
        message->clearMessage();
    }
}

void PersonEditor::showError(const core::Error& error)
{
    const std::string& field = error.field();
    if (field == "ageYears") {
        m_ageError->showMessage(ErrorText::message(error));
        m_ageEdit->setFocus();
    } else if (field == "firstDisclosure") {
        m_flagError->showMessage(ErrorText::message(error));
    } else if (field == "givenName" || field == "familyName") {
        m_nameError->showMessage(tr("Name: %1").arg(ErrorText::message(error)));
    } else if (field == "dateOfBirth") {
        m_dobError->showMessage(tr("Date of birth: %1").arg(ErrorText::message(error)));
    } else {
        m_errorMessage->showMessage(ErrorText::message(error));
    }
}

bool PersonEditor::checkTyped()
{
    bool ok = true;
    if (m_dobKnownCheck->isChecked()) {
        if (m_dobEdit->isBlank()) {
            m_dobError->showMessage(
                tr("Date of birth: enter the date as dd/mm/yyyy, or untick \"Date of birth known\"."));
            ok = false;
        } else if (!m_dobEdit->holdsDate()) {
            m_dobError->showMessage(
                tr("Date of birth: \"%1\" is not a date. Enter it as dd/mm/yyyy, for example 14/03/1990.")
                    .arg(m_dobEdit->text().trimmed()));
            ok = false;
        }
        if (!ok) {
            m_dobEdit->setFocus();
        }
    } else if (!m_ageEdit->holdsNumber()) {
        m_ageError->showMessage(tr("Age: \"%1\" is not a whole number of years.").arg(m_ageEdit->text().trimmed()));
        m_ageEdit->setFocus();
        ok = false;
    }
    return ok;
}

bool PersonEditor::save()
{
    if (!m_active) {
        return false;
    }
    clearErrors();
    if (!checkTyped()) {
        m_errorMessage->showMessage(tr("Not saved: correct the field marked above."));
        return false;
    }
    try {
        if (m_original) {
            core::Person record = *m_original;
            static_cast<core::PersonDraft&>(record) = draft();
            const core::Person stored = core::people::update(m_people, record);
            edit(stored);
            Q_EMIT saved(stored.id);
        } else {
            const core::Person stored = core::people::add(m_people, draft());
            edit(stored);
            Q_EMIT saved(stored.id);
        }
    } catch (const core::Error& e) {
        showError(e);
        return false;
    } catch (const std::exception&) {
        m_errorMessage->showMessage(ErrorText::unexpected());
        return false;
    }
    return true;
}

} // namespace wb::ui
