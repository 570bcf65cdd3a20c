// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15: which fields the app keeps itself (not inputs on a form) and which start as the workspace owner's name.
#include <gtest/gtest.h>

#include "core/records/RecordSpec.h"

namespace wb::core {
namespace {

TEST(RecordSpecFlags, ADecisionsCatalogueLineAndVersionAreKeptByTheApp)
{
    const RecordSpec& decision = recordSpec("decision");
    for (const auto* key : {"enquiry_ref", "catalogue_version"}) {
        ASSERT_NE(decision.field(key), nullptr) << key;
        EXPECT_TRUE(decision.field(key)->internal) << key;
    }
    const RecordSpec& enquiry = recordSpec("enquiry");
    EXPECT_TRUE(enquiry.field("catalogue_id")->internal);
    EXPECT_TRUE(enquiry.field("catalogue_version")->internal);
    // What the officer writes is never internal, and an internal field is never required (a form could not fill it).
    for (const auto& spec : recordSpecs()) {
        for (const auto& field : spec.fields) {
            EXPECT_FALSE(field.internal && field.required) << spec.type << "." << field.key;
        }
    }
    EXPECT_FALSE(decision.field("decision")->internal);
    EXPECT_FALSE(decision.field("rationale")->internal);
}

TEST(RecordSpecFlags, WhoDecidedOrRecordedStartsAsTheOwner)
{
    EXPECT_TRUE(recordSpec("decision").field("decided_by")->ownerByDefault);
    EXPECT_TRUE(recordSpec("exhibit_movement").field("moved_by")->ownerByDefault);
    EXPECT_TRUE(recordSpec("contact_plan").field("recorded_by")->ownerByDefault);
    // A supervisor's authority is never assumed to be the owner's.
    EXPECT_FALSE(recordSpec("bail_extension").field("authorised_by")->ownerByDefault);
    for (const auto& spec : recordSpecs()) {
        for (const auto& field : spec.fields) {
            EXPECT_FALSE(field.ownerByDefault && field.kind != FieldKind::Text) << spec.type << "." << field.key;
        }
    }
}

} // namespace
} // namespace wb::core
