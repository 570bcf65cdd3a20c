// SPDX-License-Identifier: GPL-3.0-or-later
// Unsaved edits kept across a lock (core::drafts): a draft round-trips through the encrypted workspace, also after
// the file is closed and opened again, and keeping, reading or discarding drafts never changes a saved record, the
// audit chain, search or the verifier's verdict. Fictional data only.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/RecordEditing.h"
#include "core/drafts/Drafts.h"
#include "core/records/RecordTypes.h"
#include "support/TestSupport.h"

using namespace wb;
namespace rt = core::recordtype;

namespace {

class DraftsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::filesystem::path file = dir / "drafts.rwb";
    std::unique_ptr<core::Workspace> ws = test::createWorkspace(file);
    core::Case theCase = ws->cases().add(test::caseDraft("FICT/DR/26"));
    core::Record event = core::records::saveRecord(
        ws->records(),
        core::records::RecordDraft{&core::recordSpec(rt::kTimelineEvent),
                                   0,
                                   theCase.id,
                                   {{"occurred", "day|2026-03-01|2026-03-01"}, {"title", "Saved title (fictional)"}}});

    std::vector<core::WindowDraft> windows() const
    {
        core::FormDraft edit{"Timeline",
                             std::string(rt::kTimelineEvent),
                             event.id,
                             theCase.id,
                             {{"occurred", "day|2026-03-01|2026-03-01"}, {"title", "Typed quillwort (fictional)"}}};
        core::FormDraft overview{"Overview", "case", theCase.id, 0, {{"operationNameLineEdit", "Op Quillwort"}}};
        return {core::WindowDraft{theCase.id, "Timeline", {edit, overview}}};
    }
};

TEST_F(DraftsTest, ADraftRoundTripsThroughTheWorkspaceAndSurvivesClosingTheFile)
{
    core::drafts::keep(*ws, windows());
    EXPECT_EQ(core::drafts::kept(*ws), windows());

    ws.reset(); // the application quits while locked; the drafts are in the file
    ws = test::openWorkspace(file);
    EXPECT_EQ(core::drafts::kept(*ws), windows());

    core::drafts::discard(*ws);
    EXPECT_TRUE(core::drafts::kept(*ws).empty());
}

TEST_F(DraftsTest, KeepingReplacesWhatWasKeptBefore)
{
    core::drafts::keep(*ws, windows());
    const std::vector<core::WindowDraft> onlyOverview{{theCase.id, "Overview", {}}};
    core::drafts::keep(*ws, onlyOverview);
    EXPECT_EQ(core::drafts::kept(*ws), onlyOverview);
}

TEST_F(DraftsTest, KeepingAndDiscardingLeaveSavedRecordsAuditAndSearchUnchanged)
{
    const auto anchorBefore = ws->auditAnchor();
    core::drafts::keep(*ws, windows());

    // The saved record and the case are as they were: a draft is never a record.
    const auto stored = ws->records().find(core::recordSpec(rt::kTimelineEvent), event.id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->get("title"), "Saved title (fictional)");
    EXPECT_EQ(ws->cases().find(theCase.id)->operationName, theCase.operationName);
    EXPECT_EQ(ws->cases().find(theCase.id)->updatedAt, theCase.updatedAt);
    // Not searchable, not audited, and the verifier accepts the workspace with drafts in it.
    EXPECT_TRUE(ws->search("quillwort").empty());
    EXPECT_EQ(ws->auditAnchor(), anchorBefore);
    const auto report = ws->verifyAudit();
    EXPECT_TRUE(report.ok()) << (report.problems.empty() ? std::string() : report.problems.front());

    core::drafts::discard(*ws);
    EXPECT_EQ(ws->records().find(core::recordSpec(rt::kTimelineEvent), event.id)->get("title"),
              "Saved title (fictional)");
    EXPECT_EQ(ws->auditAnchor(), anchorBefore);
}

TEST_F(DraftsTest, WindowsOfARemovedCaseAreNotKeptAndGoWithTheirCase)
{
    const core::Case other = ws->cases().add(test::caseDraft("FICT/DR/27"));
    auto both = windows();
    both.push_back({other.id, "Overview", {}});
    both.push_back({other.id + 1000, "Overview", {}}); // no such case
    core::drafts::keep(*ws, both);
    ASSERT_EQ(core::drafts::kept(*ws).size(), 2U);

    ws->cases().remove(other.id);
    EXPECT_EQ(core::drafts::kept(*ws), windows());
}

TEST_F(DraftsTest, ALockedWorkspaceRefusesToKeepDrafts)
{
    ws->lock();
    try {
        core::drafts::keep(*ws, windows());
        FAIL() << "kept drafts in a locked workspace";
    } catch (const core::Error& error) {
        EXPECT_EQ(error.code(), core::ErrorCode::Locked);
    }
}

TEST_F(DraftsTest, ADamagedDraftIsAStorageErrorThatQuotesNothingAndCanBeDiscarded)
{
    core::drafts::keep(*ws, windows());
    ws->connectionForImport().exec("UPDATE drafts SET state = '{\"format\": 1, \"tab\": Quillwort'");
    try {
        core::drafts::kept(*ws);
        FAIL() << "read a damaged draft";
    } catch (const core::Error& error) {
        EXPECT_EQ(error.code(), core::ErrorCode::Storage);
        EXPECT_EQ(std::string(error.what()).find("Quillwort"), std::string::npos) << error.what();
    }
    core::drafts::discard(*ws);
    EXPECT_TRUE(core::drafts::kept(*ws).empty());
}

} // namespace
