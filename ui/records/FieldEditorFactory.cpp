// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/FieldEditorFactory.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>

#include "core/Workspace.h"
#include "core/domain/ApproxDate.h"
#include "core/domain/Time.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/PersonRepository.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordListModel.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"
#include "ui/widgets/ApproxDateEdit.h"
#include "ui/widgets/DateLineEdit.h"
#include "ui/widgets/DateTimeLineEdit.h"
#include "ui/widgets/WholeNumberEdit.h"

namespace wb::ui {

namespace {

using core::FieldKind;

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
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

FieldEditorFactory::FieldEditorFactory(const CaseContext& context, const core::RecordSpec& spec)
    : m_context(context)
    , m_spec(spec)
{
}

QString FieldEditorFactory::objectBase(std::string_view type, std::string_view key)
{
    return camelCase(std::string(type) + "_" + std::string(key));
}

FieldEditorParts
FieldEditorFactory::make(const core::FieldSpec& field, QWidget* parent, const std::function<void()>& changed) const
{
    FieldEditorParts entry;
    const QString base = objectBase(m_spec.type, field.key);
    switch (field.kind) {
    case FieldKind::Text: {
        auto* edit = new QLineEdit(parent);
        edit->setObjectName(base + QStringLiteral("LineEdit"));
        edit->setMaxLength(static_cast<int>(field.maxChars));
        QObject::connect(edit, &QLineEdit::textChanged, edit, changed);
        entry.editor = edit;
        entry.container = edit;
        return entry;
    }
    case FieldKind::LongText: {
        auto* edit = new QPlainTextEdit(parent);
        edit->setObjectName(base + QStringLiteral("PlainTextEdit"));
        edit->setTabChangesFocus(true);
        edit->setMinimumHeight(parent->fontMetrics().lineSpacing() * 3);
        edit->setMaximumHeight(parent->fontMetrics().lineSpacing() * 6);
        QObject::connect(edit, &QPlainTextEdit::textChanged, edit, changed);
        entry.editor = edit;
        entry.container = edit;
        return entry;
    }
    case FieldKind::Boolean: {
        auto* box = new QCheckBox(FieldLabels::label(m_spec.type, field.key), parent);
        box->setObjectName(base + QStringLiteral("CheckBox"));
        QObject::connect(box, &QCheckBox::toggled, box, changed);
        entry.editor = box;
        entry.container = box;
        return entry;
    }
    case FieldKind::Integer: {
        // Kept as typed (a spin box clipped 400 to 40 and showed its minimum for "not recorded"); core checks range.
        auto* edit = new WholeNumberEdit(parent);
        edit->setObjectName(base + QStringLiteral("LineEdit"));
        edit->setPlaceholderText(
            field.required ? tr("A whole number from %1 to %2").arg(field.minValue).arg(field.maxValue)
                           : tr("Not recorded (a whole number from %1 to %2)").arg(field.minValue).arg(field.maxValue));
        edit->setMaximumWidth(QWIDGETSIZE_MAX);
        QObject::connect(edit, &QLineEdit::textChanged, edit, changed);
        entry.editor = edit;
        entry.container = edit;
        return entry;
    }
    case FieldKind::Date:
    case FieldKind::DateTime: {
        auto* container = new QWidget(parent);
        auto* row = new QHBoxLayout(container);
        row->setContentsMargins(0, 0, 0, 0);
        // Typed as text and kept as typed (a QDateEdit reverted "31/02/2026" or a year it could not hold without a
        // word); the form refuses what is not a date inline.
        DateLineEdit* edit = nullptr;
        if (field.kind == FieldKind::Date) {
            edit = new DateLineEdit(container);
            edit->setObjectName(base + QStringLiteral("DateEdit"));
        } else {
            edit = new DateTimeLineEdit(container);
            edit->setObjectName(base + QStringLiteral("DateTimeEdit"));
        }
        edit->setCalendarStart(DisplayText::toQDate(workspaceToday(m_context.workspace)));
        edit->setAccessibleName(
            field.kind == FieldKind::Date
                ? tr("%1, as dd/mm/yyyy").arg(FieldLabels::label(m_spec.type, field.key))
                : tr("%1, as dd/mm/yyyy hh:mm (UK time)").arg(FieldLabels::label(m_spec.type, field.key)));
        QObject::connect(edit, &QLineEdit::textChanged, edit, changed);
        row->addWidget(edit);
        if (!field.required) {
            auto* none = new QCheckBox(tr("Not recorded"), container);
            none->setObjectName(base + QStringLiteral("NotRecordedCheckBox"));
            none->setAccessibleName(tr("%1: not recorded").arg(FieldLabels::label(m_spec.type, field.key)));
            // "Not recorded" empties the box (no date that looks like data); unticking it starts from blank.
            QObject::connect(none, &QCheckBox::toggled, edit, [edit](bool on) {
                if (on) {
                    edit->clear();
                }
                edit->setEnabled(!on);
            });
            QObject::connect(none, &QCheckBox::toggled, none, changed);
            row->addWidget(none);
            entry.notRecorded = none;
        }
        row->addStretch(1);
        entry.editor = edit;
        entry.container = container;
        return entry;
    }
    case FieldKind::ApproxDate: {
        auto* edit = new ApproxDateEdit(DisplayText::toQDate(workspaceToday(m_context.workspace)), parent);
        edit->setObjectName(base + QStringLiteral("ApproxDateEdit"));
        QObject::connect(edit, &ApproxDateEdit::changed, edit, changed);
        entry.editor = edit;
        entry.container = edit;
        return entry;
    }
    case FieldKind::Choice: {
        auto* combo = new QComboBox(parent);
        combo->setObjectName(base + QStringLiteral("ComboBox"));
        entry.editor = combo;
        fillChoice(field, combo);
        QObject::connect(combo, &QComboBox::currentIndexChanged, combo, changed);
        entry.container = combo;
        return entry;
    }
    case FieldKind::PersonLink:
    case FieldKind::RecordLink: {
        auto* combo = new QComboBox(parent);
        combo->setObjectName(base + QStringLiteral("ComboBox"));
        entry.editor = combo;
        if (field.kind == FieldKind::PersonLink) {
            // The whole choice in the tooltip, for a name too long to show whole (see fitPeople).
            QObject::connect(combo, &QComboBox::currentIndexChanged, combo,
                             [combo] { combo->setToolTip(combo->currentText()); });
        }
        QObject::connect(combo, &QComboBox::currentIndexChanged, combo, changed);
        entry.container = combo;
        return entry;
    }
    case FieldKind::UuidList: {
        auto* list = new QListWidget(parent);
        list->setObjectName(base + QStringLiteral("ListWidget"));
        list->setMinimumHeight(parent->fontMetrics().lineSpacing() * 4);
        list->setMaximumHeight(parent->fontMetrics().lineSpacing() * 10);
        QObject::connect(list, &QListWidget::itemChanged, list, changed);
        entry.editor = list;
        entry.container = list;
        return entry;
    }
    }
    auto* edit = new QLineEdit(parent);
    entry.editor = edit;
    entry.container = edit;
    return entry;
}

void FieldEditorFactory::fillChoice(const core::FieldSpec& field, QComboBox* combo) const
{
    combo->clear();
    if (!field.required) {
        combo->addItem(tr("— not recorded —"), QString());
    } else {
        combo->addItem(tr("— choose —"), QString());
    }
    if (!field.list.empty() && m_context.workspace != nullptr && m_context.workspace->lists().has(field.list)) {
        for (const auto& item : m_context.workspace->lists().list(field.list).items()) {
            // Provenance (source, confirmed or not) is for the RASSO lead's Sources view, not the officer's list.
            combo->addItem(QString::fromStdString(item.label), QString::fromStdString(item.code));
        }
    } else {
        for (const auto code : split(field.options)) {
            combo->addItem(FieldLabels::option(m_spec.type, field.key, code), qs(code));
        }
    }
}

void FieldEditorFactory::fitPeople(QComboBox* combo)
{
    // Sized once on first show (before the people were listed) a picker cut "Morgan F…". It now fits the longest
    // name it offers, up to 40 average characters; longer names are elided and shown whole in the tooltip.
    const QFontMetrics metrics = combo->fontMetrics();
    const int limit = metrics.averageCharWidth() * LongestPersonChars;
    int longest = 0;
    for (int i = 0; i < combo->count(); ++i) {
        longest = std::max(longest, metrics.horizontalAdvance(combo->itemText(i)));
    }
    if (longest <= limit) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    } else {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(LongestPersonChars);
    }
    // A combo box recomputes its size hint when items are added but keeps its first minimum size hint, to which a
    // form squeezes it: the minimum is set from the fresh hint.
    combo->setMinimumWidth(0);
    combo->setMinimumWidth(combo->sizeHint().width());
    combo->setToolTip(combo->currentText());
    combo->updateGeometry();
}

void FieldEditorFactory::fillLinks(const core::FieldSpec& field, QWidget* editor, std::int64_t ownId) const
{
    if (m_context.workspace == nullptr) {
        return;
    }
    auto& ws = *m_context.workspace;
    if (field.kind == FieldKind::PersonLink) {
        auto* combo = static_cast<QComboBox*>(editor);
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
        fitPeople(combo);
    } else if (field.kind == FieldKind::RecordLink) {
        auto* combo = static_cast<QComboBox*>(editor);
        const QString current = combo->currentData().toString();
        combo->clear();
        combo->addItem(tr("— none —"), QString());
        for (const auto& spec : core::recordSpecs()) {
            if (spec.table != field.linkTable) {
                continue;
            }
            for (const auto& record : ws.records().listForCase(spec, m_context.caseId)) {
                if (record.id == ownId) {
                    continue;
                }
                combo->addItem(RecordListModel::summary(m_context, record), QString::number(record.id));
            }
        }
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    } else if (field.kind == FieldKind::UuidList) {
        auto* list = static_cast<QListWidget*>(editor);
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
        // A list limited to some tables ("case_events|bail_records": the events a contact explained) offers only
        // their records; otherwise people and every other record of the case.
        const QStringList tables =
            QString::fromUtf8(field.linkTable.data(), static_cast<qsizetype>(field.linkTable.size()))
                .split(QLatin1Char('|'), Qt::SkipEmptyParts);
        for (const auto& person : ws.people().listForCase(m_context.caseId)) {
            if (!tables.isEmpty()) {
                break;
            }
            const QString name =
                m_context.privacy ? m_context.privacy->displayName(person) : DisplayText::personName(person);
            addItem(tr("%1: %2").arg(DisplayText::role(person.role), name), person.uuid);
        }
        for (const auto& spec : core::recordSpecs()) {
            if (spec.parentTable != "cases" || spec.type == m_spec.type ||
                spec.type == core::recordtype::kRelationship ||
                (!tables.isEmpty() &&
                 !tables.contains(QString::fromUtf8(spec.table.data(), static_cast<qsizetype>(spec.table.size()))))) {
                continue;
            }
            for (const auto& record : ws.records().listForCase(spec, m_context.caseId)) {
                addItem(tr("%1: %2").arg(FieldLabels::title(spec.type), RecordListModel::summary(m_context, record)),
                        record.uuid);
            }
        }
    }
}

std::string FieldEditorFactory::valueOf(const core::FieldSpec& field, const QWidget* editor, const QWidget* notRecorded)
{
    switch (field.kind) {
    case FieldKind::Text: return static_cast<const QLineEdit*>(editor)->text().trimmed().toStdString();
    case FieldKind::LongText: return static_cast<const QPlainTextEdit*>(editor)->toPlainText().trimmed().toStdString();
    case FieldKind::Boolean: return static_cast<const QCheckBox*>(editor)->isChecked() ? "1" : "0";
    case FieldKind::Integer: return static_cast<const WholeNumberEdit*>(editor)->text().trimmed().toStdString();
    case FieldKind::Date:
    case FieldKind::DateTime: {
        if (notRecorded != nullptr && static_cast<const QCheckBox*>(notRecorded)->isChecked()) {
            return {};
        }
        if (field.kind == FieldKind::Date) {
            const QDate date = static_cast<const DateLineEdit*>(editor)->date();
            return date.isValid() ? date.toString(Qt::ISODate).toStdString() : std::string();
        }
        const QDateTime local = static_cast<const DateTimeLineEdit*>(editor)->dateTime();
        return local.isValid() ? core::toIsoUtc(DisplayText::instantFromUk(local.date(), local.time())) : std::string();
    }
    case FieldKind::ApproxDate: {
        const auto value = static_cast<const ApproxDateEdit*>(editor)->value();
        return value.precision == core::ApproxDate::Precision::Unknown && !field.required ? std::string()
                                                                                          : value.encode();
    }
    case FieldKind::Choice:
    case FieldKind::PersonLink:
    case FieldKind::RecordLink: return static_cast<const QComboBox*>(editor)->currentData().toString().toStdString();
    case FieldKind::UuidList: {
        const auto* list = static_cast<const QListWidget*>(editor);
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

void FieldEditorFactory::setValueOf(const core::FieldSpec& field,
                                    QWidget* editor,
                                    QWidget* notRecorded,
                                    const std::string& value) const
{
    const QString text = QString::fromStdString(value);
    switch (field.kind) {
    case FieldKind::Text: static_cast<QLineEdit*>(editor)->setText(text); break;
    case FieldKind::LongText: static_cast<QPlainTextEdit*>(editor)->setPlainText(text); break;
    case FieldKind::Boolean: static_cast<QCheckBox*>(editor)->setChecked(value == "1"); break;
    case FieldKind::Integer: static_cast<WholeNumberEdit*>(editor)->setText(text); break;
    case FieldKind::Date:
    case FieldKind::DateTime: {
        if (notRecorded != nullptr) {
            static_cast<QCheckBox*>(notRecorded)->setChecked(value.empty());
        }
        // A required date starts at today / now; an optional one not recorded stays empty.
        const bool blank = value.empty() && notRecorded != nullptr;
        if (field.kind == FieldKind::Date) {
            const QDate date = QDate::fromString(text, Qt::ISODate);
            static_cast<DateLineEdit*>(editor)->setDate(
                date.isValid() || blank ? date : DisplayText::toQDate(workspaceToday(m_context.workspace)));
        } else if (const auto instant = core::parseIsoUtc(value)) {
            const QDateTime uk = DisplayText::toUkDateTime(*instant);
            static_cast<DateTimeLineEdit*>(editor)->setDateTime(QDateTime(uk.date(), uk.time()));
        } else if (blank) {
            static_cast<DateTimeLineEdit*>(editor)->setDateTime({});
        } else {
            const QDateTime now = DisplayText::toUkDateTime(workspaceNow(m_context.workspace));
            static_cast<DateTimeLineEdit*>(editor)->setDateTime(
                QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())));
        }
        break;
    }
    case FieldKind::ApproxDate:
        static_cast<ApproxDateEdit*>(editor)->setValue(
            core::ApproxDate::parse(value).value_or(core::ApproxDate::unknown()));
        break;
    case FieldKind::Choice:
    case FieldKind::PersonLink:
    case FieldKind::RecordLink: {
        auto* combo = static_cast<QComboBox*>(editor);
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
        auto* list = static_cast<QListWidget*>(editor);
        for (int i = 0; i < list->count(); ++i) {
            auto* item = list->item(i);
            item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
        break;
    }
    }
}

} // namespace wb::ui
