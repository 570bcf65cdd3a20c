// SPDX-License-Identifier: GPL-3.0-or-later
// The record types of a case. Columns match migration 4 (core/schema/Migrations.cpp);
// RecordSpecTest checks that every field has its column.
// Each area's specs are in CaseRecordSpecs, PlanVictimSpecs and BailOrderSpecs; makeSpecs lists them all,
// in the order the case workspace shows them.
#include "core/records/RecordSpec.h"

#include "core/Error.h"
#include "core/records/BailOrderSpecs.h"
#include "core/records/CaseRecordSpecs.h"
#include "core/records/PlanVictimSpecs.h"

namespace wb::core {

namespace {

std::vector<RecordSpec> makeSpecs()
{
    using namespace specs;
    return {
        identifierSpec(),      relationshipSpec(), decisionSpec(),    timelineEventSpec(),  exhibitSpec(),
        exhibitMovementSpec(), deviceSpec(),       tpmRequestSpec(),  unusedMaterialSpec(), bailSpec(),
        bailExtensionSpec(),   bailPauseSpec(),    ruiReviewSpec(),   reviewSpec(),         enquirySpec(),
        planSnapshotSpec(),    caseEventSpec(),    contactPlanSpec(), contactSpec(),        victimRightSpec(),
        isvaReferralSpec(),    victimWishSpec(),   orderSpec(),
    };
}

} // namespace

const FieldSpec* RecordSpec::field(std::string_view key) const noexcept
{
    for (const auto& f : fields) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

const std::vector<RecordSpec>& recordSpecs()
{
    static const std::vector<RecordSpec> specs = makeSpecs();
    return specs;
}

const RecordSpec& recordSpec(std::string_view type)
{
    for (const auto& spec : recordSpecs()) {
        if (spec.type == type) {
            return spec;
        }
    }
    throw Error(ErrorCode::Storage, "unknown record type " + std::string(type));
}

} // namespace wb::core
