// SPDX-License-Identifier: GPL-3.0-or-later
// What the record specs' checks share (CaseRecordSpecs, PlanVictimSpecs, BailOrderSpecs): reading a value, the
// refusals, a rank's seniority, the "superseded once" rule, and the RecordSpec constructor.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/records/RecordSpec.h"

namespace wb::core::specs {

/// Error(Validation) naming `field`.
[[noreturn]] void invalid(const char* field, const std::string& what);
/// The credibility guardrail's refusal: an intrusive enquiry without what justifies it (Error(GuardrailRefused)).
[[noreturn]] void refused(const char* field, const std::string& what);
/// A value the record's state needs is missing (an enquiry done without its result): Error(Required).
[[noreturn]] void missing(const char* field, const std::string& what);

/// The value of `key`, empty when absent.
std::string value(const Values& values, std::string_view key);
/// Whether a Boolean field is "1".
bool isYes(const Values& v, std::string_view key);
/// The "level" of a police-ranks code; -1 for an unknown rank or one without a level.
int rankLevel(const ReferenceData& lists, const std::string& rank);

/// An immutable entry with a history (decisions, contact plans, the victim's wishes):
/// each entry may be superseded once, so the history stays a single line.
void checkSupersedes(const CheckContext& c);

RecordSpec make(std::string_view type,
                std::string_view table,
                std::string_view parentTable,
                std::string_view parentColumn,
                std::vector<FieldSpec> fields,
                std::string_view orderBy,
                bool immutable = false,
                std::string_view actorField = {},
                void (*check)(const CheckContext&) = nullptr,
                void (*derive)(Values&) = nullptr);

} // namespace wb::core::specs
