// SPDX-License-Identifier: GPL-3.0-or-later
// The case-record specs: identifiers, relationships, decisions, the timeline, exhibits and their movements,
// devices, third-party material requests, unused material (disclosure) and supervisory reviews (listed in order by
// RecordSpecs.cpp).
#pragma once

#include "core/records/RecordSpec.h"

namespace wb::core::specs {

RecordSpec identifierSpec();
RecordSpec relationshipSpec();
RecordSpec decisionSpec();
RecordSpec timelineEventSpec();
RecordSpec exhibitSpec();
RecordSpec exhibitMovementSpec();
RecordSpec deviceSpec();
RecordSpec tpmRequestSpec();
RecordSpec unusedMaterialSpec();
RecordSpec reviewSpec();

} // namespace wb::core::specs
