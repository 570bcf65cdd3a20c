// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace wb::core {
class Workspace;
}

/// One case as a JSON document for a force's records system, by the schema shipped as
/// resources/exports/case-export-v1.schema.json: the case, its people and every record of the case, each field
/// present (null when not recorded) and typed by its kind; keys always in the same order.
namespace wb::core::exports {

/// The document's "schemaVersion": the major number changes when a reader would have to change.
inline constexpr const char* CaseJsonSchemaVersion = "1.1";

/// The document, indented by two spaces, ending in a new line. Throws Error(NotFound) for an unknown case.
std::string caseToJson(Workspace& workspace, std::int64_t caseId);

} // namespace wb::core::exports
