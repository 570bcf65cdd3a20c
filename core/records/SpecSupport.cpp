// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/SpecSupport.h"

#include <cstdint>

#include "core/Error.h"
#include "core/reference/ReferenceData.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::specs {

[[noreturn]] void invalid(const char* field, const std::string& what)
{
    throw Error(ErrorCode::Validation, std::string(field) + ": " + what, field);
}

// The credibility guardrail's refusal: an intrusive enquiry without what justifies it.
[[noreturn]] void refused(const char* field, const std::string& what)
{
    throw Error(ErrorCode::GuardrailRefused, std::string(field) + ": " + what, field);
}

// A value the record's state needs is missing (an enquiry done without its result).
[[noreturn]] void missing(const char* field, const std::string& what)
{
    throw Error(ErrorCode::Required, std::string(field) + ": " + what, field);
}

std::string value(const Values& values, std::string_view key)
{
    const auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
}

bool isYes(const Values& v, std::string_view key)
{
    return value(v, key) == "1";
}

int rankLevel(const ReferenceData& lists, const std::string& rank)
{
    const auto* item = lists.list("police-ranks").find(rank);
    if (item == nullptr) {
        return -1;
    }
    const auto level = item->extra.find("level");
    return level == item->extra.end() ? -1 : std::stoi(level->second);
}

void checkSupersedes(const CheckContext& c)
{
    const std::string supersedes = value(c.values, "supersedes_id");
    if (supersedes.empty()) {
        return;
    }
    store::Statement later(c.db, "SELECT count(*) FROM " + std::string(c.spec.table) + " WHERE supersedes_id = :id");
    later.bind(":id", static_cast<std::int64_t>(std::stoll(supersedes)));
    if (later.step() && later.columnInt64(0) > 0) {
        invalid("supersedes_id", "that entry has already been superseded; supersede the later entry");
    }
}

RecordSpec make(std::string_view type,
                std::string_view table,
                std::string_view parentTable,
                std::string_view parentColumn,
                std::vector<FieldSpec> fields,
                std::string_view orderBy,
                bool immutable,
                std::string_view actorField,
                void (*check)(const CheckContext&),
                void (*derive)(Values&))
{
    RecordSpec spec;
    spec.type = type;
    spec.table = table;
    spec.parentTable = parentTable;
    spec.parentColumn = parentColumn;
    spec.fields = std::move(fields);
    spec.orderBy = orderBy;
    spec.immutable = immutable;
    spec.actorField = actorField;
    spec.check = check;
    spec.derive = derive;
    return spec;
}

} // namespace wb::core::specs
