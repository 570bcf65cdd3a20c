// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/RecordListModel.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include <QLocale>

#include "core/Workspace.h"
#include "core/domain/ApproxDate.h"
#include "core/domain/Time.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/PersonRepository.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"

namespace wb::ui {

namespace {

using core::FieldKind;

QString approxText(const std::string& value)
{
    const auto date = core::ApproxDate::parse(value);
    if (!date) {
        return QString::fromStdString(value);
    }
    using P = core::ApproxDate::Precision;
    switch (date->precision) {
    case P::Unknown: return RecordListModel::tr("Unknown");
    case P::Exact:
        if (const auto instant = core::parseIsoUtc(date->from)) {
            return DisplayText::ukDateTime(*instant);
        }
        return QString::fromStdString(date->from);
    case P::Day: return DisplayText::ukDate(date->from);
    case P::Month: {
        const QDate d = QDate::fromString(QString::fromStdString(date->from), Qt::ISODate);
        return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(d, QStringLiteral("MMMM yyyy"));
    }
    case P::Year: return QString::fromStdString(date->from.substr(0, 4));
    case P::Between:
        return RecordListModel::tr("between %1 and %2")
            .arg(DisplayText::ukDate(date->from), DisplayText::ukDate(date->to));
    }
    return QString::fromStdString(value);
}

QString oneLine(const std::string& value)
{
    QString text = QString::fromStdString(value);
    const auto newline = text.indexOf(QLatin1Char('\n'));
    if (newline >= 0) {
        text = text.left(newline) + QStringLiteral(" …");
    }
    if (text.size() > 80) {
        text = text.left(79) + QStringLiteral("…");
    }
    return text;
}

/// A stored link's id; nullopt for anything that is not a whole number (never throws).
std::optional<std::int64_t> linkId(const std::string& value)
{
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), id);
    if (error != std::errc() || end != value.data() + value.size()) {
        return std::nullopt;
    }
    return id;
}

QString personText(const CaseContext& context, const core::Person& person)
{
    return context.privacy ? context.privacy->displayName(person) : DisplayText::personName(person);
}

/// displayValue, with links resolved from `linked` when given (no query), else from the workspace.
QString valueText(const CaseContext& context,
                  const core::RecordSpec& spec,
                  const core::FieldSpec& field,
                  const std::string& value,
                  const RecordListModel::Linked* linked);

QString summaryText(const CaseContext& context, const core::Record& record, const RecordListModel::Linked* linked)
{
    QStringList parts;
    for (const auto key : FieldLabels::columns(record.spec->type)) {
        const auto* field = record.spec->field(key);
        if (field == nullptr) {
            continue;
        }
        const QString text = valueText(context, *record.spec, *field, record.get(key), linked);
        if (!text.isEmpty()) {
            parts << text;
        }
        if (parts.size() == 2) {
            break;
        }
    }
    return parts.join(QStringLiteral(" – "));
}

QString personLinkText(const CaseContext& context, const std::string& value, const RecordListModel::Linked* linked)
{
    const auto id = linkId(value);
    if (id && linked != nullptr) {
        const auto found = linked->people.find(*id);
        if (found != linked->people.end()) {
            return personText(context, found->second);
        }
    } else if (id && context.workspace != nullptr) {
        if (const auto person = context.workspace->people().find(*id)) {
            return personText(context, *person);
        }
    }
    return RecordListModel::tr("(removed person)");
}

QString recordLinkText(const CaseContext& context,
                       const core::FieldSpec& field,
                       const std::string& value,
                       const RecordListModel::Linked* linked)
{
    const auto id = linkId(value);
    if (id && linked != nullptr) {
        const auto found = linked->records.find({std::string(field.linkTable), *id});
        if (found != linked->records.end()) {
            return summaryText(context, found->second, linked);
        }
    } else if (id && context.workspace != nullptr) {
        for (const auto& other : core::recordSpecs()) {
            if (other.table == field.linkTable) {
                if (const auto record = context.workspace->records().find(other, *id)) {
                    return summaryText(context, *record, nullptr);
                }
            }
        }
    }
    return RecordListModel::tr("(removed record)");
}

/// Every record table `spec` links to, directly or through a linked record's own links.
std::vector<const core::RecordSpec*> linkedSpecs(const core::RecordSpec& spec)
{
    std::vector<const core::RecordSpec*> out;
    std::vector<const core::RecordSpec*> todo{&spec};
    while (!todo.empty()) {
        const core::RecordSpec* next = todo.back();
        todo.pop_back();
        for (const auto& field : next->fields) {
            if (field.kind != FieldKind::RecordLink) {
                continue;
            }
            for (const auto& other : core::recordSpecs()) {
                if (other.table == field.linkTable && std::find(out.begin(), out.end(), &other) == out.end()) {
                    out.push_back(&other);
                    todo.push_back(&other);
                }
            }
        }
    }
    return out;
}

QString valueText(const CaseContext& context,
                  const core::RecordSpec& spec,
                  const core::FieldSpec& field,
                  const std::string& value,
                  const RecordListModel::Linked* linked)
{
    if (value.empty()) {
        return field.kind == FieldKind::Boolean ? RecordListModel::tr("No") : QString();
    }
    switch (field.kind) {
    case FieldKind::Text: return QString::fromStdString(value);
    case FieldKind::LongText: return oneLine(value);
    case FieldKind::Boolean: return value == "1" ? RecordListModel::tr("Yes") : RecordListModel::tr("No");
    case FieldKind::Integer: return QString::fromStdString(value);
    case FieldKind::Date: return DisplayText::ukDate(value);
    case FieldKind::DateTime:
        if (const auto instant = core::parseIsoUtc(value)) {
            return DisplayText::ukDateTime(*instant);
        }
        return QString::fromStdString(value);
    case FieldKind::ApproxDate: return approxText(value);
    case FieldKind::Choice:
        if (!field.list.empty() && context.workspace != nullptr && context.workspace->lists().has(field.list)) {
            if (const auto* item = context.workspace->lists().list(field.list).find(value)) {
                return QString::fromStdString(item->label); // provenance is on the Sources view
            }
            return QString::fromStdString(value);
        }
        return FieldLabels::option(spec.type, field.key, value);
    case FieldKind::PersonLink: return personLinkText(context, value, linked);
    case FieldKind::RecordLink: return recordLinkText(context, field, value, linked);
    case FieldKind::UuidList: {
        const auto count = QString::fromStdString(value).split(QLatin1Char(','), Qt::SkipEmptyParts).size();
        return RecordListModel::tr("%n linked", nullptr, static_cast<int>(count));
    }
    }
    return QString::fromStdString(value);
}

} // namespace

RecordListModel::RecordListModel(const CaseContext& context, const core::RecordSpec& spec, QObject* parent)
    : QAbstractTableModel(parent)
    , m_context(context)
    , m_spec(spec)
    , m_columns(FieldLabels::columns(spec.type))
    , m_linkedSpecs(linkedSpecs(spec))
{
    if (m_columns.empty()) {
        for (const auto& field : spec.fields) {
            m_columns.push_back(field.key);
        }
    }
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::recordChanged, this, &RecordListModel::onRecordChanged);
        connect(m_context.bridge, &SignalBridge::personChanged, this, [this] {
            reloadLinked();
            refreshAll();
        });
    }
    if (m_context.privacy != nullptr) {
        connect(m_context.privacy, &PrivacyMode::changed, this, [this] { refreshAll(); });
    }
    if (spec.parentTable == "cases") {
        setParentId(context.caseId);
    }
}

void RecordListModel::setParentId(std::int64_t parentId)
{
    beginResetModel();
    m_parentId = parentId;
    m_records.clear();
    m_linked = {};
    if (parentId != 0 && m_context.workspace != nullptr) {
        m_records = m_context.workspace->records().list(m_spec, parentId);
        loadLinked();
    }
    endResetModel();
}

void RecordListModel::loadLinked()
{
    Linked linked;
    if (m_context.workspace != nullptr && m_parentId != 0) {
        for (auto& person : m_context.workspace->people().listForCase(m_context.caseId)) {
            const auto id = person.id;
            linked.people.emplace(id, std::move(person));
        }
        for (const auto* spec : m_linkedSpecs) {
            for (auto& record : m_context.workspace->records().listForCase(*spec, m_context.caseId)) {
                const auto id = record.id;
                linked.records.emplace(std::make_pair(std::string(spec->table), id), std::move(record));
            }
        }
    }
    m_linked = std::move(linked);
}

void RecordListModel::reloadLinked()
{
    try {
        loadLinked();
    } catch (const core::Error&) {
        // Safe to ignore: the event came from a save that has just committed, so the read fails only
        // when the workspace has been locked since, and locking empties every case window. Until then
        // the labels loaded with the rows stay shown.
    }
}

bool RecordListModel::linksResolved(const core::Record& record) const
{
    for (const auto& field : m_spec.fields) {
        const auto id = linkId(record.get(field.key));
        if (!id) {
            continue;
        }
        if (field.kind == FieldKind::PersonLink && m_linked.people.count(*id) == 0) {
            return false;
        }
        if (field.kind == FieldKind::RecordLink && m_linked.records.count({std::string(field.linkTable), *id}) == 0) {
            return false;
        }
    }
    return true;
}

const core::Record* RecordListModel::recordAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_records.size() ? &m_records[static_cast<std::size_t>(row)]
                                                                        : nullptr;
}

int RecordListModel::rowOf(std::int64_t id) const
{
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        if (m_records[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool RecordListModel::hasStatusColumn() const
{
    return m_spec.field("supersedes_id") != nullptr;
}

int RecordListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int RecordListModel::textColumn() const
{
    const auto columnOf = [this](auto&& wanted) {
        for (std::size_t column = 0; column < m_columns.size(); ++column) {
            if (const auto* field = m_spec.field(m_columns[column]); field != nullptr && wanted(*field)) {
                return static_cast<int>(column);
            }
        }
        return -1;
    };
    const int longText = columnOf([](const core::FieldSpec& field) { return field.kind == FieldKind::LongText; });
    if (longText >= 0) {
        return longText;
    }
    return columnOf([](const core::FieldSpec& field) { return field.kind == FieldKind::Text && field.searchable; });
}

int RecordListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size()) + (hasStatusColumn() ? 1 : 0);
}

QString RecordListModel::supersededText(const core::Record& record) const
{
    const std::string id = std::to_string(record.id);
    for (const auto& other : m_records) {
        if (other.get("supersedes_id") == id) {
            return tr("Superseded by the entry of %1")
                .arg(approxText(core::ApproxDate::exact(other.get("decided_at")).encode()));
        }
    }
    if (!record.get("supersedes_id").empty()) {
        return tr("Correction of an earlier entry");
    }
    return tr("Current");
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const
{
    const auto* record = index.isValid() ? recordAt(index.row()) : nullptr;
    if (record == nullptr || index.column() >= columnCount()) {
        return {};
    }
    if (role == IdRole) {
        return QVariant::fromValue<qlonglong>(record->id);
    }
    const auto column = static_cast<std::size_t>(index.column());
    if (column >= m_columns.size()) { // status column
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
            return supersededText(*record);
        }
        return {};
    }
    const auto* field = m_spec.field(m_columns[column]);
    if (field == nullptr) {
        return {};
    }
    const std::string& value = record->get(field->key);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return valueText(m_context, m_spec, *field, value, &m_linked);
    case SortRole:
        if (field->kind == FieldKind::ApproxDate) {
            const auto date = core::ApproxDate::parse(value);
            return QString::fromStdString(date ? date->earliestDay() : std::string());
        }
        if (field->kind == FieldKind::Date || field->kind == FieldKind::DateTime) {
            return QString::fromStdString(value);
        }
        return valueText(m_context, m_spec, *field, value, &m_linked);
    default: return {};
    }
}

QVariant RecordListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const auto column = static_cast<std::size_t>(section);
    if (column >= m_columns.size()) {
        return tr("Status");
    }
    return FieldLabels::label(m_spec.type, m_columns[column]);
}

QString RecordListModel::displayValue(const CaseContext& context,
                                      const core::RecordSpec& spec,
                                      const core::FieldSpec& field,
                                      const std::string& value)
{
    return valueText(context, spec, field, value, nullptr);
}

QString RecordListModel::summary(const CaseContext& context, const core::Record& record)
{
    return summaryText(context, record, nullptr);
}

bool RecordListModel::belongs(const core::Record& record) const
{
    return record.spec != nullptr && record.spec->type == m_spec.type && m_parentId != 0 &&
           record.parentId == m_parentId;
}

void RecordListModel::onRecordChanged(const core::RecordRepository::Event& event)
{
    if (m_parentId != 0 && event.record.spec != nullptr) {
        const auto table = event.record.spec->table;
        const bool linkedType = std::any_of(m_linkedSpecs.begin(), m_linkedSpecs.end(),
                                            [&](const core::RecordSpec* spec) { return spec->table == table; });
        if (linkedType) { // a record this list shows a label of has changed
            reloadLinked();
            refreshAll();
        }
    }
    if (!belongs(event.record)) {
        return;
    }
    if (event.kind != core::ChangeKind::Removed && !linksResolved(event.record)) {
        reloadLinked(); // links to a person or record not loaded yet
    }
    const int row = rowOf(event.record.id);
    switch (event.kind) {
    case core::ChangeKind::Added: {
        if (row >= 0) {
            return;
        }
        const int at = rowCount();
        beginInsertRows({}, at, at);
        m_records.push_back(event.record);
        endInsertRows();
        if (hasStatusColumn()) { // the entry it supersedes changes status
            const int superseded = rowOf(std::stoll("0" + event.record.get("supersedes_id")));
            if (superseded >= 0) {
                const auto status = index(superseded, columnCount() - 1);
                Q_EMIT dataChanged(status, status);
            }
        }
        break;
    }
    case core::ChangeKind::Updated:
        if (row >= 0) {
            m_records[static_cast<std::size_t>(row)] = event.record;
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
        break;
    case core::ChangeKind::Removed:
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_records.erase(m_records.begin() + row);
            endRemoveRows();
        }
        break;
    }
}

void RecordListModel::refreshAll()
{
    if (!m_records.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
}

} // namespace wb::ui
