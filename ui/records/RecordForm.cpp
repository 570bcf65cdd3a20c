// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/RecordForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
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
#include "core/domain/ApproxDate.h"
#include "core/domain/Time.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/PersonRepository.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordListModel.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/FieldLabels.h"
#include "ui/widgets/ApproxDateEdit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/MaskedField.h"

namespace wb::ui {

namespace {

using core::FieldKind;

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// "exhibit" + "reference" → "exhibitReference": object names unique across every tab of a case.
QString objectBase(std::string_view type, std::string_view key)
{
    return camelCase(std::string(type) + "_" + std::string(key));
}

std::vector<std::string_view> split(std::string_view text)
{
    std::vector<std::string_view> parts;
    while (!text.empty()) {
        const auto bar = text.find('|');
        parts.push_back(text.substr(0, bar));
        if (bar == std::string_view::npos) {
            break;
        }
        text.remove_prefix(bar + 1);
    }
    return parts;
}

bool contains(const std::vector<std::string_view>& parts, std::string_view value)
{
    for (const auto part : parts) {
        if (part == value) {
            return true;
        }
    }
    return false;
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

    m_layout = new QFormLayout();
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(m_layout);
    outer->addStretch(1);

    m_fields.reserve(m_spec.fields.size());
    for (const auto& field : m_spec.fields) {
        FieldEditor entry;
        entry.field = &field;
        entry.container = makeEditor(entry);
        const QString name = FieldLabels::label(m_spec.type, field.key);
        entry.editor->setAccessibleName(name);
        if (auto* approx = qobject_cast<ApproxDateEdit*>(entry.editor)) {
            approx->setFieldName(name);
        }
        if (PrivacyMode::isContactField(m_spec.type, field.key)) {
            entry.mask = new MaskedField(entry.container, name, this);
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
        entry.label = new QLabel(name, this);
        entry.label->setObjectName(objectBase(m_spec.type, field.key) + QStringLiteral("Label"));
        entry.label->setBuddy(entry.editor);
        entry.label->setWordWrap(true);

        auto* column = new QWidget(this);
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

QWidget* RecordForm::makeEditor(FieldEditor& entry)
{
    const auto& field = *entry.field;
    const QString base = objectBase(m_spec.type, field.key);
    const auto changed = [this] { onEdited(); };
    switch (field.kind) {
    case FieldKind::Text: {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(base + QStringLiteral("LineEdit"));
        edit->setMaxLength(static_cast<int>(field.maxChars));
        connect(edit, &QLineEdit::textChanged, this, changed);
        entry.editor = edit;
        return edit;
    }
    case FieldKind::LongText: {
        auto* edit = new QPlainTextEdit(this);
        edit->setObjectName(base + QStringLiteral("PlainTextEdit"));
        edit->setTabChangesFocus(true);
        edit->setMinimumHeight(fontMetrics().lineSpacing() * 3);
        edit->setMaximumHeight(fontMetrics().lineSpacing() * 6);
        connect(edit, &QPlainTextEdit::textChanged, this, changed);
        entry.editor = edit;
        return edit;
    }
    case FieldKind::Boolean: {
        auto* box = new QCheckBox(FieldLabels::label(m_spec.type, field.key), this);
        box->setObjectName(base + QStringLiteral("CheckBox"));
        connect(box, &QCheckBox::toggled, this, changed);
        entry.editor = box;
        return box;
    }
    case FieldKind::Integer: {
        auto* spin = new QSpinBox(this);
        spin->setObjectName(base + QStringLiteral("SpinBox"));
        spin->setRange(static_cast<int>(field.minValue), static_cast<int>(field.maxValue));
        connect(spin, &QSpinBox::valueChanged, this, changed);
        entry.editor = spin;
        return spin;
    }
    case FieldKind::Date:
    case FieldKind::DateTime: {
        auto* container = new QWidget(this);
        auto* row = new QHBoxLayout(container);
        row->setContentsMargins(0, 0, 0, 0);
        QDateTimeEdit* edit = nullptr;
        if (field.kind == FieldKind::Date) {
            edit = new QDateEdit(container);
            edit->setObjectName(base + QStringLiteral("DateEdit"));
            edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        } else {
            edit = new QDateTimeEdit(container);
            edit->setObjectName(base + QStringLiteral("DateTimeEdit"));
            edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
        }
        edit->setCalendarPopup(true);
        edit->setMinimumDate(QDate(1900, 1, 1));
        edit->setMaximumDate(QDate(2100, 12, 31));
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, changed);
        row->addWidget(edit);
        if (!field.required) {
            auto* none = new QCheckBox(tr("Not recorded"), container);
            none->setObjectName(base + QStringLiteral("NotRecordedCheckBox"));
            none->setAccessibleName(tr("%1: not recorded").arg(FieldLabels::label(m_spec.type, field.key)));
            connect(none, &QCheckBox::toggled, edit, [edit](bool on) { edit->setEnabled(!on); });
            connect(none, &QCheckBox::toggled, this, changed);
            row->addWidget(none);
            entry.notRecorded = none;
        }
        row->addStretch(1);
        entry.editor = edit;
        return container;
    }
    case FieldKind::ApproxDate: {
        auto* edit = new ApproxDateEdit(this);
        edit->setObjectName(base + QStringLiteral("ApproxDateEdit"));
        connect(edit, &ApproxDateEdit::changed, this, changed);
        entry.editor = edit;
        return edit;
    }
    case FieldKind::Choice: {
        auto* combo = new QComboBox(this);
        combo->setObjectName(base + QStringLiteral("ComboBox"));
        entry.editor = combo;
        fillChoice(entry);
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
        return combo;
    }
    case FieldKind::PersonLink:
    case FieldKind::RecordLink: {
        auto* combo = new QComboBox(this);
        combo->setObjectName(base + QStringLiteral("ComboBox"));
        entry.editor = combo;
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
        return combo;
    }
    case FieldKind::UuidList: {
        auto* list = new QListWidget(this);
        list->setObjectName(base + QStringLiteral("ListWidget"));
        list->setMinimumHeight(fontMetrics().lineSpacing() * 4);
        list->setMaximumHeight(fontMetrics().lineSpacing() * 10);
        connect(list, &QListWidget::itemChanged, this, changed);
        entry.editor = list;
        return list;
    }
    }
    auto* edit = new QLineEdit(this);
    entry.editor = edit;
    return edit;
}

void RecordForm::fillChoice(FieldEditor& entry)
{
    auto* combo = static_cast<QComboBox*>(entry.editor);
    const auto& field = *entry.field;
    combo->clear();
    if (!field.required) {
        combo->addItem(tr("— not recorded —"), QString());
    } else {
        combo->addItem(tr("— choose —"), QString());
    }
    if (!field.list.empty() && m_context.workspace != nullptr && m_context.workspace->lists().has(field.list)) {
        for (const auto& item : m_context.workspace->lists().list(field.list).items()) {
            QString label = QString::fromStdString(item.label);
            if (!item.confirmed) {
                label += tr(" (unconfirmed)");
            }
            combo->addItem(label, QString::fromStdString(item.code));
        }
    } else {
        for (const auto code : split(field.options)) {
            combo->addItem(FieldLabels::option(m_spec.type, field.key, code), qs(code));
        }
    }
}

void RecordForm::fillLinks(FieldEditor& entry)
{
    if (m_context.workspace == nullptr) {
        return;
    }
    auto& ws = *m_context.workspace;
    const auto& field = *entry.field;
    const bool wasLoading = m_loading;
    m_loading = true;
    if (field.kind == FieldKind::PersonLink) {
        auto* combo = static_cast<QComboBox*>(entry.editor);
        const QString current = combo->currentData().toString();
        combo->clear();
        combo->addItem(field.required ? tr("— choose —") : tr("— not recorded —"), QString());
        const auto roles = split(field.roles);
        for (const auto& person : ws.people().listForCase(m_context.caseId)) {
            if (!roles.empty() && !contains(roles, core::toString(person.role))) {
                continue;
            }
            const QString name =
                m_context.privacy ? m_context.privacy->displayName(person) : DisplayText::personName(person);
            combo->addItem(tr("%1 (%2)").arg(name, DisplayText::role(person.role)), QString::number(person.id));
        }
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    } else if (field.kind == FieldKind::RecordLink) {
        auto* combo = static_cast<QComboBox*>(entry.editor);
        const QString current = combo->currentData().toString();
        combo->clear();
        combo->addItem(tr("— none —"), QString());
        for (const auto& spec : core::recordSpecs()) {
            if (spec.table != field.linkTable) {
                continue;
            }
            for (const auto& record : ws.records().listForCase(spec, m_context.caseId)) {
                if (record.id == m_recordId) {
                    continue;
                }
                combo->addItem(RecordListModel::summary(m_context, record), QString::number(record.id));
            }
        }
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    } else if (field.kind == FieldKind::UuidList) {
        auto* list = static_cast<QListWidget*>(entry.editor);
        QStringList checked;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked) {
                checked << list->item(i)->data(Qt::UserRole).toString();
            }
        }
        list->clear();
        const auto addItem = [&](const QString& text, const std::string& uuid) {
            auto* item = new QListWidgetItem(text, list);
            const QString id = QString::fromStdString(uuid);
            item->setData(Qt::UserRole, id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(checked.contains(id) ? Qt::Checked : Qt::Unchecked);
        };
        for (const auto& person : ws.people().listForCase(m_context.caseId)) {
            const QString name =
                m_context.privacy ? m_context.privacy->displayName(person) : DisplayText::personName(person);
            addItem(tr("%1: %2").arg(DisplayText::role(person.role), name), person.uuid);
        }
        for (const auto& spec : core::recordSpecs()) {
            if (spec.parentTable != "cases" || spec.type == m_spec.type || spec.type == "relationship") {
                continue;
            }
            for (const auto& record : ws.records().listForCase(spec, m_context.caseId)) {
                addItem(tr("%1: %2").arg(FieldLabels::title(spec.type), RecordListModel::summary(m_context, record)),
                        record.uuid);
            }
        }
    }
    m_loading = wasLoading;
}

void RecordForm::refreshLinks()
{
    for (auto& entry : m_fields) {
        fillLinks(entry);
    }
}

std::string RecordForm::valueOf(const FieldEditor& entry) const
{
    switch (entry.field->kind) {
    case FieldKind::Text: return static_cast<QLineEdit*>(entry.editor)->text().trimmed().toStdString();
    case FieldKind::LongText: return static_cast<QPlainTextEdit*>(entry.editor)->toPlainText().trimmed().toStdString();
    case FieldKind::Boolean: return static_cast<QCheckBox*>(entry.editor)->isChecked() ? "1" : "0";
    case FieldKind::Integer: return std::to_string(static_cast<QSpinBox*>(entry.editor)->value());
    case FieldKind::Date:
    case FieldKind::DateTime: {
        if (entry.notRecorded != nullptr && static_cast<QCheckBox*>(entry.notRecorded)->isChecked()) {
            return {};
        }
        const auto* edit = static_cast<QDateTimeEdit*>(entry.editor);
        if (entry.field->kind == FieldKind::Date) {
            return edit->date().toString(Qt::ISODate).toStdString();
        }
        const QDateTime local = edit->dateTime();
        return core::toIsoUtc(DisplayText::instantFromUk(local.date(), local.time()));
    }
    case FieldKind::ApproxDate: {
        const auto value = static_cast<ApproxDateEdit*>(entry.editor)->value();
        return value.precision == core::ApproxDate::Precision::Unknown && !entry.field->required ? std::string()
                                                                                                 : value.encode();
    }
    case FieldKind::Choice:
    case FieldKind::PersonLink:
    case FieldKind::RecordLink: return static_cast<QComboBox*>(entry.editor)->currentData().toString().toStdString();
    case FieldKind::UuidList: {
        const auto* list = static_cast<QListWidget*>(entry.editor);
        QStringList ids;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked) {
                ids << list->item(i)->data(Qt::UserRole).toString();
            }
        }
        return ids.join(QLatin1Char(',')).toStdString();
    }
    }
    return {};
}

void RecordForm::setValueOf(FieldEditor& entry, const std::string& value)
{
    const QString text = QString::fromStdString(value);
    switch (entry.field->kind) {
    case FieldKind::Text: static_cast<QLineEdit*>(entry.editor)->setText(text); break;
    case FieldKind::LongText: static_cast<QPlainTextEdit*>(entry.editor)->setPlainText(text); break;
    case FieldKind::Boolean: static_cast<QCheckBox*>(entry.editor)->setChecked(value == "1"); break;
    case FieldKind::Integer: static_cast<QSpinBox*>(entry.editor)->setValue(text.toInt()); break;
    case FieldKind::Date:
    case FieldKind::DateTime: {
        auto* edit = static_cast<QDateTimeEdit*>(entry.editor);
        if (entry.notRecorded != nullptr) {
            static_cast<QCheckBox*>(entry.notRecorded)->setChecked(value.empty());
        }
        if (entry.field->kind == FieldKind::Date) {
            const QDate date = QDate::fromString(text, Qt::ISODate);
            edit->setDate(date.isValid() ? date : QDate::currentDate());
        } else if (const auto instant = core::parseIsoUtc(value)) {
            const QDateTime uk = DisplayText::toUkDateTime(*instant);
            edit->setDateTime(QDateTime(uk.date(), uk.time()));
        } else {
            const QDateTime now = QDateTime::currentDateTime();
            edit->setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())));
        }
        break;
    }
    case FieldKind::ApproxDate:
        static_cast<ApproxDateEdit*>(entry.editor)
            ->setValue(core::ApproxDate::parse(value).value_or(core::ApproxDate::unknown()));
        break;
    case FieldKind::Choice:
    case FieldKind::PersonLink:
    case FieldKind::RecordLink: {
        auto* combo = static_cast<QComboBox*>(entry.editor);
        int index = combo->findData(text);
        if (index < 0 && !value.empty()) { // a code no longer in the list: keep it visible, never drop it
            combo->addItem(text, text);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(std::max(0, index));
        break;
    }
    case FieldKind::UuidList: {
        const QStringList ids = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
        auto* list = static_cast<QListWidget*>(entry.editor);
        for (int i = 0; i < list->count(); ++i) {
            auto* item = list->item(i);
            item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
        break;
    }
    }
}

core::Values RecordForm::values() const
{
    core::Values result;
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
    if (hide && m_spec.type == "identifier") { // hidden when the person it belongs to is a victim or witness
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
    setValues(preset);
    m_loaded = values();
    setReadOnly(false);
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
    setEnabled(true);
}

void RecordForm::close()
{
    m_open = false;
    m_recordId = 0;
    clearMessages();
    setValues({});
    m_loaded = values();
    setEnabled(false);
}

bool RecordForm::hasUnsavedChanges() const
{
    return m_open && !m_readOnly && values() != m_loaded;
}

void RecordForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (auto& entry : m_fields) {
        if (auto* line = qobject_cast<QLineEdit*>(entry.editor)) {
            line->setReadOnly(readOnly);
        } else if (auto* text = qobject_cast<QPlainTextEdit*>(entry.editor)) {
            text->setReadOnly(readOnly);
        } else {
            entry.container->setEnabled(!readOnly);
        }
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
        if (contains(rule.values, value)) {
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
        }
    }
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

bool RecordForm::checkRequired()
{
    clearMessages();
    bool ok = true;
    for (auto it = m_fields.rbegin(); it != m_fields.rend(); ++it) { // focus ends on the first
        const auto& entry = *it;
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
        m_message->showMessage(tr("Some required fields are empty. Nothing has been saved."));
    }
    return ok;
}

QString RecordForm::errorText(const core::Error& error) const
{
    if (error.code() != core::ErrorCode::Validation) {
        return ErrorText::message(error);
    }
    const std::string& key = error.field();
    const auto* field = m_spec.field(key);
    if (field == nullptr) {
        return ErrorText::message(error);
    }
    const QString name = FieldLabels::label(m_spec.type, key);
    if (m_spec.type == "exhibit" && key == "reference") {
        return tr("Another exhibit in this case already has this reference.");
    }
    if (m_spec.type == "decision" && key == "supersedes_id") {
        return tr("That entry has already been corrected. Correct the latest entry instead.");
    }
    if (m_spec.type == "bail_extension" && key == "authorised_rank") {
        return tr("This extension needs an authorising officer of the rank the extension names, or above.");
    }
    if (m_spec.type == "bail" && key == "abp_end") {
        return tr("Released under investigation has no bail period: leave this empty.");
    }
    switch (field->kind) {
    case FieldKind::Date:
    case FieldKind::DateTime:
    case FieldKind::ApproxDate: {
        QString text = tr("%1: enter a real date").arg(name);
        if (field->notFuture) {
            text += tr(", not in the future");
        }
        if (!field->notBefore.empty()) {
            text += tr(", not before %1").arg(FieldLabels::label(m_spec.type, field->notBefore));
        }
        return text + tr(".");
    }
    case FieldKind::Choice: return tr("%1: choose an entry from the list.").arg(name);
    case FieldKind::PersonLink: return tr("%1: choose a person in this case.").arg(name);
    case FieldKind::RecordLink:
    case FieldKind::UuidList: return tr("%1: choose records of this case.").arg(name);
    case FieldKind::Text:
    case FieldKind::LongText:
        if (isRequiredNow(*field)) {
            return tr("%1 is required (at most %2 characters).").arg(name).arg(field->maxChars);
        }
        return tr("%1: at most %2 characters, without control characters.").arg(name).arg(field->maxChars);
    default: return tr("%1: this value is not valid.").arg(name);
    }
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
        auto& records = m_context.workspace->records();
        const core::Values current = values();
        core::Record record =
            m_recordId == 0 ? records.add(m_spec, m_parentId, current) : records.update(m_spec, m_recordId, current);
        m_recordId = record.id;
        clearMessages();
        setValues(record.values);
        m_loaded = values();
        setReadOnly(m_spec.immutable);
        Q_EMIT saved(record);
        return record;
    } catch (const core::Error& error) {
        const QString text = errorText(error);
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
