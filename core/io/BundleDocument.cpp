// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/BundleDocument.h"

#include <map>
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Uuid.h"
#include "core/io/CaseBundle.h"
#include "core/io/SizeText.h"
#include "core/json/JsonReader.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::bundle {

using nlohmann::json;

json parseBounded(std::string_view text, int maxDepth, std::size_t maxBytes)
{
    if (text.size() > maxBytes) {
        throw Error(ErrorCode::Validation,
                    "the bundle's content is larger than the " + sizeText(maxBytes) + " a bundle may hold",
                    "bundleSize");
    }
    std::vector<std::size_t> entries; // per open list or object: how many it holds so far
    std::size_t values = 0;
    const auto count = [&] {
        if (++values > MaxValues) {
            throw Error(ErrorCode::Validation,
                        "the bundle's content holds more than " + std::to_string(MaxValues) + " values", "bundleList");
        }
        if (!entries.empty() && ++entries.back() > MaxListEntries) {
            throw Error(ErrorCode::Validation,
                        "a list in the bundle holds more than " + std::to_string(MaxListEntries) + " entries",
                        "bundleList");
        }
    };
    const auto checkText = [](const json& value) {
        if (value.is_string() && value.get_ref<const std::string&>().size() > MaxTextBytes) {
            throw Error(ErrorCode::Validation,
                        "a text value in the bundle is longer than the " + kib(MaxTextBytes) + " allowed",
                        "bundleText");
        }
    };
    const json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            // `depth` counts the lists and objects already open around this one.
            if (depth >= maxDepth) {
                throw Error(ErrorCode::Validation,
                            "the bundle's content nests lists or objects more than " + std::to_string(maxDepth) +
                                " deep",
                            "bundleDepth");
            }
            count();
            entries.push_back(0);
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            if (!entries.empty()) {
                entries.pop_back();
            }
            break;
        case json::parse_event_t::key: checkText(parsed); break;
        case json::parse_event_t::value:
            count();
            checkText(parsed);
            break;
        }
        return true;
    };
    try {
        return json::parse(text, check);
    } catch (const json::exception&) {
        throw Error(ErrorCode::Corrupted, "the bundle's content is not a valid document");
    }
}

const json& listIn(const json& object, const char* key)
{
    static const json empty = json::array();
    const json* list = core::json::findValue(object, key);
    if (list == nullptr) {
        return empty;
    }
    if (!list->is_array()) {
        throw Error(ErrorCode::Corrupted, std::string("the bundle's content has a malformed list '") + key + "'");
    }
    return *list;
}

const RecordSpec* specForType(const json& record)
{
    if (!record.is_object()) {
        return nullptr;
    }
    const auto type = record.find("type");
    if (type == record.end() || !type->is_string()) {
        return nullptr;
    }
    for (const auto& spec : recordSpecs()) {
        if (spec.type == type->get_ref<const std::string&>()) {
            return &spec;
        }
    }
    return nullptr;
}

/// Finding 5: a UUID names one row of one table. Every UUID in the bundle must be
/// unique across the bundle, and must not be used here by a row of another table
/// (a record whose UUID is its case's would break the audit chain and every backup).
void checkUuidsUnique(store::Database& db, const json& cases, const json& decisions)
{
    std::map<std::string, std::string> tableOf; // uuid → table, in the bundle
    const auto note = [&](const json& object, std::string_view table) {
        if (!object.is_object()) {
            return; // malformed: the merge says so
        }
        const json* found = core::json::findValue(object, "uuid");
        if (found == nullptr || !found->is_string()) {
            return;
        }
        const auto& uuid = found->get_ref<const std::string&>();
        if (!isUuid(uuid)) {
            throw Error(ErrorCode::Validation, "bundle: a row of " + std::string(table) + " has an invalid uuid",
                        "uuid");
        }
        const auto [at, added] = tableOf.emplace(uuid, std::string(table));
        if (!added) {
            throw Error(ErrorCode::Validation,
                        "bundle: uuid " + uuid + " is used twice in the bundle (" + at->second + " and " +
                            std::string(table) + "); a uuid must name one row of one table",
                        "bundleUuid");
        }
    };
    for (const auto& entry : cases) {
        if (!entry.is_object()) {
            continue;
        }
        if (const json* c = core::json::findValue(entry, "case"); c != nullptr) {
            note(*c, "cases");
        }
        for (const auto& p : listIn(entry, "people")) {
            note(p, "people");
        }
        for (const auto& r : listIn(entry, "records")) {
            if (const auto* spec = specForType(r)) {
                note(r, spec->table);
            }
        }
        for (const auto& a : listIn(entry, "contextAnswers")) {
            note(a, "context_answers");
        }
    }
    for (const auto& d : decisions) {
        note(d, "match_decisions");
    }
    std::string sql;
    for (const auto table : audit::auditedTables()) {
        sql += (sql.empty() ? "" : " UNION ALL ") + std::string("SELECT '") + std::string(table) + "' FROM " +
               std::string(table) + " WHERE uuid = :uuid";
    }
    store::Statement select(db, sql);
    for (const auto& [uuid, table] : tableOf) {
        select.reset();
        select.bind(":uuid", uuid);
        while (select.step()) {
            const std::string here = select.columnText(0);
            if (here != table) {
                throw Error(ErrorCode::Validation,
                            "bundle: uuid " + uuid + " of a row of " + table + " is already used here by a row of " +
                                here + "; a uuid must name one row of one table",
                            "bundleUuid");
            }
        }
    }
}

} // namespace wb::core::bundle
