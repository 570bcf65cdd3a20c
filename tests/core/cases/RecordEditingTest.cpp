// SPDX-License-Identifier: GPL-3.0-or-later
// The generic record use cases and the record-type constants.
#include <set>

#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/cases/RecordEditing.h"
#include "core/records/RecordTypes.h"
#include "support/TestSupport.h"

using namespace wb;
namespace rt = core::recordtype;

namespace {

TEST(RecordTypes, EveryConstantNamesASpecAndEverySpecHasAConstant)
{
    const std::set<std::string_view> constants{
        rt::kIdentifier,      rt::kRelationship, rt::kDecision,      rt::kTimelineEvent, rt::kExhibit,
        rt::kExhibitMovement, rt::kDevice,       rt::kTpmRequest,    rt::kBail,          rt::kBailExtension,
        rt::kRuiReview,       rt::kReview,       rt::kEnquiry,       rt::kPlanSnapshot,  rt::kCaseEvent,
        rt::kContactPlan,     rt::kContact,      rt::kVictimRight,   rt::kIsvaReferral,  rt::kVictimWish,
        rt::kBailPause,       rt::kOrder,        rt::kUnusedMaterial};
    std::set<std::string_view> specs;
    for (const auto& spec : core::recordSpecs()) {
        specs.insert(spec.type);
    }
    EXPECT_EQ(constants, specs);
}

class RecordEditingTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<core::Workspace> ws = test::createWorkspace(dir / "editing.rwb");
    core::Case theCase = ws->cases().add(test::caseDraft("FICT/E1/26"));
};

TEST_F(RecordEditingTest, SaveAddsThenUpdates)
{
    core::records::RecordDraft draft{&core::recordSpec(rt::kTimelineEvent),
                                     0,
                                     theCase.id,
                                     {{"occurred", "day|2026-03-01|2026-03-01"}, {"title", "First (fictional)"}}};
    const auto added = core::records::saveRecord(ws->records(), draft);
    EXPECT_GT(added.id, 0);
    draft.id = added.id;
    draft.values["title"] = "Changed (fictional)";
    const auto updated = core::records::saveRecord(ws->records(), draft);
    EXPECT_EQ(updated.id, added.id);
    EXPECT_EQ(ws->records().find(*draft.spec, added.id)->get("title"), "Changed (fictional)");
}

TEST_F(RecordEditingTest, SaveNamesTheFieldAtFault)
{
    const core::records::RecordDraft draft{
        &core::recordSpec(rt::kTimelineEvent), 0, theCase.id, {{"occurred", "day|2026-03-01|2026-03-01"}}};
    try {
        core::records::saveRecord(ws->records(), draft);
        FAIL() << "saved without a title";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Validation);
        EXPECT_EQ(e.field(), "title");
    }
    EXPECT_THROW(core::records::saveRecord(ws->records(), {nullptr, 0, theCase.id, {}}), core::Error);
}

TEST_F(RecordEditingTest, RemoveTakesTheRecordAndRefusesImmutableOnes)
{
    const auto& timeline = core::recordSpec(rt::kTimelineEvent);
    const auto added = core::records::saveRecord(
        ws->records(), {&timeline, 0, theCase.id, {{"occurred", "day|2026-03-01|2026-03-01"}, {"title", "T"}}});
    core::records::removeRecord(ws->records(), timeline, added.id);
    EXPECT_FALSE(ws->records().find(timeline, added.id));

    const auto& decision = core::recordSpec(rt::kDecision);
    const auto kept = core::records::saveRecord(ws->records(), {&decision,
                                                                0,
                                                                theCase.id,
                                                                {{"decided_at", "2026-03-01T10:00:00Z"},
                                                                 {"decision", "D (fictional)"},
                                                                 {"rationale", "R (fictional)"},
                                                                 {"decided_by", "DS Example (fictional)"}}});
    try {
        core::records::removeRecord(ws->records(), decision, kept.id);
        FAIL() << "an immutable record was removed";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Immutable);
    }
}

} // namespace
