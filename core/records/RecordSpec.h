// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core {

class ReferenceData;
namespace store {
class Database;
}

/// The values of one record as text, keyed by field: the canonical form of each
/// kind (see FieldKind). An empty or absent value means "not recorded".
using Values = std::map<std::string, std::string, std::less<>>;

enum class FieldKind {
    Text,       ///< one line, at most maxChars characters
    LongText,   ///< several lines (newlines and tabs allowed)
    Boolean,    ///< "1" or "0"
    Integer,    ///< decimal, between minValue and maxValue
    Date,       ///< "YYYY-MM-DD"
    DateTime,   ///< "YYYY-MM-DDTHH:MM:SSZ" (UTC)
    ApproxDate, ///< ApproxDate::encode(); stored in three columns <key>_precision/_from/_to
    Choice,     ///< a code from the reference list named by `list`
    PersonLink, ///< the id of a person in the same case (roles limited by `roles`, "|"-separated)
    RecordLink, ///< the id of a record of table `linkTable` in the same case
    UuidList,   ///< comma-separated UUIDs of records in the same case it rests on
};

/// A field required only when another field has one of some values
/// ("proportionality is required when the owner is a victim or a witness").
struct RequiredWhen {
    std::string_view field;
    std::vector<std::string_view> values;
};

struct FieldSpec {
    std::string_view key; ///< also the column name
    FieldKind kind = FieldKind::Text;
    bool required = false;
    std::size_t maxChars = 200;
    std::string_view list;      ///< Choice: reference list kind
    std::string_view options;   ///< Choice without a list: fixed codes, "bail|rui"
    std::string_view linkTable; ///< RecordLink: table
    std::string_view roles;     ///< PersonLink: allowed roles, "victim|witness"; empty = any
    /// Identifying or narrative text: the audit log records that it changed, never its value.
    bool sensitive = false;
    bool searchable = false;    ///< indexed for full-text search
    bool notFuture = false;     ///< Date/DateTime: not after today
    std::string_view notBefore; ///< Date/DateTime/ApproxDate: not before this other field
    std::vector<RequiredWhen> requiredWhen;
    long long minValue = 0;
    long long maxValue = 1000000;
    std::string_view defaultValue; ///< used when a new record leaves the field empty
    /// Kept by the app, not typed by the officer (which catalogue entry and version a decision came from): forms do
    /// not show it as an input, and keep its value as it was.
    bool internal = false;
    /// A new record starts with the workspace owner's name here (who decided, who recorded).
    bool ownerByDefault = false;
};

struct RecordSpec;

/// What a cross-field check may look at.
struct CheckContext {
    const RecordSpec& spec;
    const Values& values;
    const ReferenceData& lists;
    store::Database& db;
    long long caseId;
    long long recordId; ///< 0 for a record being added
    /// The record this one is kept under (a bail record for its extensions), 0 when under the case itself or
    /// not known (a form checking values before it is saved).
    long long parentId = 0;
};

/// One kind of record kept under a case (or under another record of it).
struct RecordSpec {
    std::string_view type;         ///< "decision": stable name used in signals and the UI
    std::string_view table;        ///< "decisions"
    std::string_view parentTable;  ///< "cases", or "exhibits" for movements, …
    std::string_view parentColumn; ///< "case_id", "exhibit_id", …
    std::vector<FieldSpec> fields;
    std::string_view orderBy;                     ///< SQL ORDER BY for lists
    bool immutable = false;                       ///< entries can be added, never changed or removed
    std::string_view actorField;                  ///< when set, the audit log names this field's value as the actor
    void (*check)(const CheckContext&) = nullptr; ///< rules over several fields; throws Error(Validation)
    void (*derive)(Values&) = nullptr;            ///< fills values that follow from others (e.g. a bail period's end)

    const FieldSpec* field(std::string_view key) const noexcept;
};

/// Every record type, in the order the case workspace shows them.
const std::vector<RecordSpec>& recordSpecs();
/// Throws Error(Storage) for an unknown type.
const RecordSpec& recordSpec(std::string_view type);

} // namespace wb::core
