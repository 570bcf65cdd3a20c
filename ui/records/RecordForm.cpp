// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/RecordForm.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/RecordEditing.h"
#include "core/domain/ApproxDate.h"
#include "core/domain/Time.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/PersonRepository.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/FieldEditorFactory.h"
#include "ui/records/RecordListModel.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/FieldLabels.h"
#include "ui/widgets/ApproxDateEdit.h"
#include "ui/widgets/DateLineEdit.h"
#include "ui/widgets/DateTimeLineEdit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/MaskedField.h"

namespace wb::ui {

namespace {

using core::FieldKind;

QString objectBase(std::string_view type, std::string_view key)
{
    return FieldEditorFactory::objectBase(type, key);
}

} // namespace

QString camelCase(std::string_view key)
{
    QString name;
    bool upper = false;
    for (const char c : key) {
        if (c == '_') {
            upper = true;
            continue;
        }
        name += upper ? QChar::fromLatin1(c).toUpper() : QChar::fromLatin1(c);
        upper = false;
    }
    return name;
}

RecordForm::RecordForm(const CaseContext& context, const core::RecordSpec& spec, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_spec(spec)
    , m_factory(context, spec)
{
    setObjectName(camelCase(spec.type) + QStringLiteral("FormWidget"));
    build();
    close();
    if (m_context.privacy != nullptr) {
        connect(m_context.privacy, &PrivacyMode::changed, this, [this] {
            refreshLinks();
            applyPrivacy();
        });
    }
}

void RecordForm::build()
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("formMessageLabel"));
    outer->addWidget(m_message);

    m_closedLabel = new QLabel(this);
    m_closedLabel->setObjectName(QStringLiteral("closedFormLabel"));
    m_closedLabel->setWordWrap(true);
    m_closedLabel->setAlignment(Qt::AlignCenter);
    m_closedLabel->setFrameShape(QFrame::StyledPanel);
    m_closedLabel->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    m_closedLabel->setForegroundRole(QPalette::PlaceholderText);
    m_closedLabel->setText(tr("No record selected. The form is empty."));
    outer->addWidget(m_closedLabel);

    m_fieldsBox = new QWidget(this);
    m_fieldsBox->setObjectName(QStringLiteral("formFieldsWidget"));
    m_layout = new QFormLayout(m_fieldsBox);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addWidget(m_fieldsBox);
    outer->addStretch(1);

    m_fields.reserve(m_spec.fields.size());
    for (const auto& field : m_spec.fields) {
        if (field.internal) {
            continue; // kept by the app (m_internal), never an input
        }
        FieldEditor entry;
        entry.field = &field;
        const auto parts = m_factory.make(field, m_fieldsBox, [this] { onEdited(); });
        entry.editor = parts.editor;
        entry.container = parts.container;
        entry.notRecorded = parts.notRecorded;
        const QString name = FieldLabels::label(m_spec.type, field.key);
        entry.editor->setAccessibleName(name);
        if (auto* approx = qobject_cast<ApproxDateEdit*>(entry.editor)) {
            approx->setFieldName(name);
        }
        if (PrivacyMode::isContactField(m_spec.type, field.key)) {
            entry.mask = new MaskedField(entry.container, name, m_fieldsBox);
            entry.container = entry.mask;
            connect(entry.mask, &MaskedField::revealedChanged, this, [this](bool revealed) {
                if (!revealed) {
                    applyPrivacy(); // the mask follows what was typed while it was shown
                }
            });
        }
        const QString help = FieldLabels::help(m_spec.type, field.key);
        if (!help.isEmpty()) {
            entry.editor->setAccessibleDescription(help);
            entry.editor->setToolTip(help);
        }
        entry.label = new QLabel(name, m_fieldsBox);
        entry.label->setObjectName(objectBase(m_spec.type, field.key) + QStringLiteral("Label"));
        entry.label->setBuddy(entry.editor);
        fitLabel(*entry.label);

        auto* column = new QWidget(m_fieldsBox);
        auto* columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->setSpacing(2);
        columnLayout->addWidget(entry.container);
        if (!help.isEmpty()) {
            auto* helpLabel = new QLabel(help, column);
            helpLabel->setObjectName(objectBase(m_spec.type, field.key) + QStringLiteral("HelpLabel"));
            helpLabel->setWordWrap(true);
            QFont small = helpLabel->font();
            small.setPointSizeF(small.pointSizeF() * 0.9);
            helpLabel->setFont(small);
            columnLayout->addWidget(helpLabel);
        }
        entry.message = new InlineMessage(column);
        entry.message->setObjectName(objectBase(m_spec.type, field.key) + QStringLiteral("MessageLabel"));
        columnLayout->addWidget(entry.message);
        m_layout->addRow(entry.label, column);
        m_fields.push_back(entry);
    }
    refreshLinks();
    updateRequiredMarks();
}

void RecordForm::fillLinks(FieldEditor& entry)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    m_factory.fillLinks(*entry.field, entry.editor, m_recordId);
    m_loading = wasLoading;
}

std::string RecordForm::valueOf(const FieldEditor& entry) const
{
    return FieldEditorFactory::valueOf(*entry.field, entry.editor, entry.notRecorded);
}

void RecordForm::setValueOf(FieldEditor& entry, const std::string& value)
{
    m_factory.setValueOf(*entry.field, entry.editor, entry.notRecorded, value);
}

void RecordForm::refreshLinks()
{
    for (auto& entry : m_fields) {
        fillLinks(entry);
    }
}

core::Values RecordForm::values() const
{
    core::Values result = m_internal;
    for (const auto& entry : m_fields) {
        std::string value = valueOf(entry);
        if (!value.empty()) {
            result.emplace(std::string(entry.field->key), std::move(value));
        }
    }
    return result;
}

void RecordForm::setValues(const core::Values& values)
{
    m_loading = true;
    m_internal.clear();
    for (const auto& field : m_spec.fields) {
        if (const auto it = values.find(field.key); field.internal && it != values.end() && !it->second.empty()) {
            m_internal.emplace(it->first, it->second);
        }
    }
    for (auto& entry : m_fields) {
        const auto it = values.find(entry.field->key);
        std::string value = it == values.end() ? std::string() : it->second;
        if (value.empty() && m_recordId == 0 && !entry.field->defaultValue.empty()) {
            value = std::string(entry.field->defaultValue);
        }
        setValueOf(entry, value);
    }
    m_loading = false;
    updateRequiredMarks();
    applyPrivacy();
}

void RecordForm::applyPrivacy()
{
    bool hide = m_context.privacy != nullptr && m_context.privacy->isOn();
    if (hide &&
        m_spec.type == core::recordtype::kIdentifier) { // hidden when the person it belongs to is a victim or witness
        hide = false;
        if (m_context.workspace != nullptr && !m_context.workspace->isLocked() && m_parentId != 0) {
            try {
                if (const auto person = m_context.workspace->people().find(m_parentId)) {
                    hide = PrivacyMode::isProtected(person->role);
                }
            } catch (const core::Error&) {
                hide = true; // when in doubt, hidden
            }
        }
    }
    for (auto& entry : m_fields) {
        if (entry.mask != nullptr) {
            entry.mask->setMasked(hide && !valueOf(entry).empty(), PrivacyMode::hiddenMark());
        }
    }
}

MaskedField* RecordForm::mask(std::string_view key) const
{
    const auto* entry = entryFor(key);
    return entry != nullptr ? entry->mask : nullptr;
}

void RecordForm::startNew(std::int64_t parentId, const core::Values& preset)
{
    m_recordId = 0;
    m_parentId = parentId;
    m_open = true;
    clearMessages();
    refreshLinks();
    core::Values start = preset;
    for (const auto& field : m_spec.fields) {
        if (field.ownerByDefault && m_context.workspace != nullptr && start[std::string(field.key)].empty()) {
            start[std::string(field.key)] = m_context.workspace->info().owner.displayName;
        }
    }
    setValues(start);
    m_loaded = values();
    setReadOnly(false);
    m_closedLabel->hide();
    m_fieldsBox->show();
    setEnabled(true);
}

void RecordForm::load(const core::Record& record)
{
    m_recordId = record.id;
    m_parentId = record.parentId;
    m_open = true;
    clearMessages();
    refreshLinks();
    setValues(record.values);
    m_loaded = values();
    setReadOnly(m_spec.immutable);
    m_closedLabel->hide();
    m_fieldsBox->show();
    setEnabled(true);
}

void RecordForm::close()
{
    m_open = false;
    m_recordId = 0;
    clearMessages();
    setValues({});
    m_loaded = values();
    setReadOnly(false);
    m_fieldsBox->hide();
    m_closedLabel->show();
    setEnabled(false);
}

void RecordForm::setClosedText(const QString& text)
{
    m_closedLabel->setText(text);
}

bool RecordForm::hasUnsavedChanges() const
{
    if (!m_open || m_readOnly) {
        return false;
    }
    // A date typed that cannot be read yet has no value, but it is still the officer's unsaved typing.
    return values() != m_loaded || std::any_of(m_fields.begin(), m_fields.end(), [this](const FieldEditor& entry) {
               return !unreadableText(entry).isEmpty();
           });
}

void RecordForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (auto& entry : m_fields) {
        if (auto* line = qobject_cast<QLineEdit*>(entry.editor)) {
            line->setReadOnly(readOnly);
            applyReadOnlyLook(line, readOnly);
            if (entry.notRecorded != nullptr) {
                entry.notRecorded->setEnabled(!readOnly);
            }
        } else if (auto* text = qobject_cast<QPlainTextEdit*>(entry.editor)) {
            text->setReadOnly(readOnly);
            applyReadOnlyLook(text, readOnly);
        } else {
            entry.container->setEnabled(!readOnly);
        }
    }
}

void RecordForm::applyReadOnlyLook(QWidget* editor, bool readOnly)
{
    // Read-only text looks like text on the page (the window's background, no frame), not like an empty input box
    // waiting to be typed in; the tab's title says in words that it is read-only.
    editor->setPalette(QPalette()); // back to what it inherits
    if (readOnly) {
        QPalette palette = editor->palette();
        palette.setColor(QPalette::Base, palette.color(QPalette::Window));
        editor->setPalette(palette);
    }
    editor->setProperty("readOnlyLook", readOnly);
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setFrame(!readOnly);
    } else if (auto* frame = qobject_cast<QFrame*>(editor)) {
        frame->setFrameShape(readOnly ? QFrame::NoFrame : QFrame::StyledPanel);
    }
}

bool RecordForm::isRequiredNow(const core::FieldSpec& field) const
{
    if (field.required) {
        return true;
    }
    for (const auto& rule : field.requiredWhen) {
        const auto* other = entryFor(rule.field);
        if (other == nullptr) {
            continue;
        }
        const std::string value = valueOf(*other);
        if (std::find(rule.values.begin(), rule.values.end(), value) != rule.values.end()) {
            return true;
        }
    }
    return false;
}

void RecordForm::updateRequiredMarks()
{
    for (auto& entry : m_fields) {
        const QString name = FieldLabels::label(m_spec.type, entry.field->key);
        const QString text = isRequiredNow(*entry.field) ? tr("%1 (required)").arg(name) : name;
        if (entry.label->text() != text) {
            entry.label->setText(text);
            fitLabel(*entry.label);
        }
    }
}

void RecordForm::fitLabel(QLabel& label)
{
    // Issue 15: a short label ("Material type (required)") was wrapped to two lines beside a one-line box and cut at
    // the top and bottom. A label that fits the label column stays on one line; a longer one wraps at the column's
    // width, and its row is as tall as its lines.
    const int column = label.fontMetrics().averageCharWidth() * 32;
    const bool wrap = label.fontMetrics().horizontalAdvance(label.text()) > column;
    label.setWordWrap(wrap);
    label.setMinimumWidth(wrap ? column : 0);
    label.setMinimumHeight(wrap ? label.heightForWidth(column) : 0);
}

void RecordForm::onEdited()
{
    if (m_loading) {
        return;
    }
    updateRequiredMarks();
    Q_EMIT edited();
}

void RecordForm::clearMessages()
{
    m_message->clearMessage();
    for (auto& entry : m_fields) {
        entry.message->clearMessage();
    }
}

const RecordForm::FieldEditor* RecordForm::entryFor(std::string_view key) const
{
    for (const auto& entry : m_fields) {
        if (entry.field->key == key) {
            return &entry;
        }
    }
    return nullptr;
}

QWidget* RecordForm::editor(std::string_view key) const
{
    const auto* entry = entryFor(key);
    return entry ? entry->editor : nullptr;
}

QString RecordForm::fieldMessage(std::string_view key) const
{
    const auto* entry = entryFor(key);
    return entry && entry->message->isVisibleTo(this) ? entry->message->text() : QString();
}

QString RecordForm::formMessage() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

QString RecordForm::labelText(std::string_view key) const
{
    const auto* entry = entryFor(key);
    return entry ? entry->label->text() : QString();
}

void RecordForm::showFieldError(const std::string& key, const QString& text)
{
    const auto* entry = entryFor(key);
    if (entry == nullptr) {
        m_message->showMessage(text);
        return;
    }
    entry->message->showMessage(text);
    entry->editor->setFocus();
}

QString RecordForm::unreadableText(const FieldEditor& entry) const
{
    const QString name = FieldLabels::label(m_spec.type, entry.field->key);
    if (entry.notRecorded != nullptr && static_cast<const QCheckBox*>(entry.notRecorded)->isChecked()) {
        return {};
    }
    if (entry.field->kind == FieldKind::Date) {
        const auto* edit = static_cast<const DateLineEdit*>(entry.editor);
        if (!edit->holdsDate()) {
            return tr("%1: \"%2\" is not a date between 01/01/1900 and 31/12/2100. Enter it as dd/mm/yyyy, for "
                      "example 14/03/2026.")
                .arg(name, edit->text().trimmed());
        }
    } else if (entry.field->kind == FieldKind::DateTime) {
        const auto* edit = static_cast<const DateTimeLineEdit*>(entry.editor);
        if (!edit->holdsDateTime()) {
            return tr("%1: \"%2\" is not a date and time. Enter it as dd/mm/yyyy hh:mm (UK time), for example "
                      "14/03/2026 09:30.")
                .arg(name, edit->text().trimmed());
        }
    } else if (entry.field->kind == FieldKind::ApproxDate) {
        return static_cast<const ApproxDateEdit*>(entry.editor)->problem();
    }
    return {};
}

bool RecordForm::checkRequired()
{
    clearMessages();
    bool ok = true;
    bool unreadable = false;
    for (auto it = m_fields.rbegin(); it != m_fields.rend(); ++it) { // focus ends on the first
        const auto& entry = *it;
        if (const QString problem = unreadableText(entry); !problem.isEmpty()) {
            showFieldError(std::string(entry.field->key), problem);
            ok = false;
            unreadable = true;
            continue;
        }
        if (!isRequiredNow(*entry.field)) {
            continue;
        }
        std::string value = valueOf(entry);
        if (entry.field->kind == FieldKind::ApproxDate) {
            const auto date = core::ApproxDate::parse(value);
            if (date && date->precision == core::ApproxDate::Precision::Unknown) {
                value.clear();
            }
        }
        if (value.empty()) {
            const QString name = FieldLabels::label(m_spec.type, entry.field->key);
            QString text = entry.field->required
                               ? tr("%1 is required.").arg(name)
                               : tr("%1 is required for this record (see the field's note).").arg(name);
            if (entry.field->kind == FieldKind::ApproxDate) {
                text = tr("%1 is required: choose how precisely it is known and enter it.").arg(name);
            }
            showFieldError(std::string(entry.field->key), text);
            ok = false;
        }
    }
    if (!ok) {
        m_message->showMessage(unreadable ? tr("Not saved: correct the fields marked below.")
                                          : tr("Some required fields are empty. Nothing has been saved."));
    }
    return ok;
}

std::optional<core::Record> RecordForm::save()
{
    if (!m_open || m_readOnly || m_context.workspace == nullptr) {
        return std::nullopt;
    }
    if (!checkRequired()) {
        return std::nullopt;
    }
    try {
        core::Record record =
            core::records::saveRecord(m_context.workspace->records(), {&m_spec, m_recordId, m_parentId, values()});
        m_recordId = record.id;
        clearMessages();
        setValues(record.values);
        m_loaded = values();
        setReadOnly(true); // saved: shown as a selected record is, read-only until Edit or Enter
        Q_EMIT saved(record);
        return record;
    } catch (const core::Error& error) {
        const auto* field = m_spec.field(error.field());
        const QString text = ErrorText::recordField(error, m_spec, field != nullptr && isRequiredNow(*field));
        if (!error.field().empty() && entryFor(error.field()) != nullptr) {
            showFieldError(error.field(), text);
            m_message->showMessage(tr("Not saved: correct the field marked below."));
        } else {
            m_message->showMessage(text);
        }
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
    }
    return std::nullopt;
}

} // namespace wb::ui
