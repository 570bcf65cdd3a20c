// SPDX-License-Identifier: GPL-3.0-or-later
// Case handover bundles: export, import by UUID, conflicts, tampering, all-or-nothing.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/demo/DemoData.h"
#include "core/io/CaseBundle.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;
using core::ErrorCode;

namespace {

constexpr const char* BundlePassphrase = "fictional bundle passphrase";

class BundleTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<core::Workspace> source = test::createWorkspace(dir / "source.rwb");
    std::unique_ptr<core::Workspace> target = test::createWorkspace(dir / "target.rwb");
    fs::path bundle = dir / "handover.rwbundle";
    std::vector<std::int64_t> ids;

    void SetUp() override
    {
        core::addDemoCases(*source);
        for (const auto& c : source->cases().list()) {
            ids.push_back(c.id);
        }
        ids.resize(2);
        const auto questions = core::nom::QuestionCatalogue::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "nom"
                                                                      / "context-questions.json");
        source->context().answer(ids[0], "suspect.known", true, questions);
        source->context().answer(ids[0], "relationship.category", std::string("ex-partner"), questions);
        core::bundle::exportCases(*source, ids, bundle, BundlePassphrase, core::store::KdfParams::minimum());
    }

    ErrorCode importError(const fs::path& file, const char* passphrase = BundlePassphrase)
    {
        try {
            core::bundle::importCases(*target, file, passphrase);
        } catch (const core::Error& e) {
            return e.code();
        }
        ADD_FAILURE() << "expected the import to fail";
        return ErrorCode::Storage;
    }

    std::size_t recordCount(core::Workspace& ws)
    {
        std::size_t n = 0;
        for (const auto& c : ws.cases().list()) {
            n += ws.people().listForCase(c.id).size();
            n += ws.context().storedAnswers(c.id).size();
            for (const auto& spec : core::recordSpecs()) {
                n += ws.records().listForCase(spec, c.id).size();
            }
        }
        return n;
    }
};

TEST_F(BundleTest, importRecreatesTheCasesWithTheirLinksAndUuids)
{
    const auto bytes = test::readBytes(bundle);
    EXPECT_FALSE(test::contains(bytes, "DEMO/0001/26"));
    EXPECT_FALSE(test::contains(bytes, "Example"));
    const auto report = core::bundle::importCases(*target, bundle, BundlePassphrase);
    EXPECT_EQ(report.casesAdded, 2u);
    EXPECT_EQ(report.peopleAdded, 6u);
    EXPECT_GT(report.recordsAdded, 10u);
    EXPECT_TRUE(report.conflicts.empty());
    for (const auto id : ids) {
        const auto original = *source->cases().find(id);
        const auto copy = target->cases().findByUuid(original.uuid);
        ASSERT_TRUE(copy);
        EXPECT_EQ(copy->reference, original.reference);
        EXPECT_EQ(copy->offenceDate, original.offenceDate);
        EXPECT_EQ(copy->createdAt, original.createdAt);
        // Links arrive as the same records: the relationship's victim is the victim.
        const auto rel = target->records().listForCase(core::recordSpec("relationship"), copy->id);
        ASSERT_EQ(rel.size(), 1u);
        const auto victim = target->people().find(std::stoll(rel.front().get("victim_id")));
        ASSERT_TRUE(victim);
        EXPECT_EQ(victim->role, core::PersonRole::Victim);
        const auto decisions = target->records().listForCase(core::recordSpec("decision"), copy->id);
        ASSERT_EQ(decisions.size(), 2u);
        EXPECT_FALSE(decisions.front().get("supersedes_id").empty());
    }
    const auto questions = core::nom::QuestionCatalogue::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "nom"
                                                                  / "context-questions.json");
    const auto facts = target->context().facts(target->cases().findByUuid(source->cases().find(ids[0])->uuid)->id,
                                               questions);
    EXPECT_EQ(facts.size(), 2u);
    const auto audit = target->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
}

TEST_F(BundleTest, importingAgainChangesNothingAndConflictsAreReportedNotOverwritten)
{
    core::bundle::importCases(*target, bundle, BundlePassphrase);
    const auto before = recordCount(*target);
    const auto again = core::bundle::importCases(*target, bundle, BundlePassphrase);
    EXPECT_EQ(again.casesAdded + again.peopleAdded + again.recordsAdded, 0u);
    EXPECT_EQ(again.unchanged, before + 2);
    EXPECT_TRUE(again.conflicts.empty());

    auto local = *target->cases().findByUuid(source->cases().find(ids[0])->uuid);
    local.status = core::CaseStatus::Closed;
    target->cases().update(local);
    const auto third = core::bundle::importCases(*target, bundle, BundlePassphrase);
    ASSERT_EQ(third.conflicts.size(), 1u);
    EXPECT_NE(third.conflicts.front().find(local.reference), std::string::npos);
    EXPECT_EQ(target->cases().find(local.id)->status, core::CaseStatus::Closed);
}

TEST_F(BundleTest, wrongPassphraseTamperingAndTruncationImportNothing)
{
    EXPECT_EQ(importError(bundle, "not the bundle passphrase"), ErrorCode::WrongPassphrase);
    auto bytes = test::readBytes(bundle);
    for (const std::size_t at : {std::size_t{70}, bytes.size() / 2, bytes.size() - 3}) {
        auto tampered = bytes;
        tampered[at] ^= 0x01;
        test::writeBytes(dir / "tampered", tampered);
        EXPECT_EQ(importError(dir / "tampered"), ErrorCode::Corrupted) << "byte " << at;
    }
    for (const std::size_t keep : {std::size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
        auto cut = bytes;
        cut.resize(keep);
        test::writeBytes(dir / "cut", cut);
        const auto code = importError(dir / "cut");
        EXPECT_TRUE(code == ErrorCode::Truncated || code == ErrorCode::Corrupted) << keep;
    }
    auto extra = bytes;
    extra.push_back(0);
    test::writeBytes(dir / "extra", extra);
    EXPECT_EQ(importError(dir / "extra"), ErrorCode::Corrupted);
    test::writeBytes(dir / "other", {'h', 'e', 'l', 'l', 'o'});
    EXPECT_EQ(importError(dir / "other"), ErrorCode::NotAWorkspace);
    EXPECT_EQ(importError(dir / "missing"), ErrorCode::FileNotFound);
    EXPECT_EQ(target->cases().count(), 0);
    EXPECT_TRUE(target->verifyAudit().ok());
}

TEST_F(BundleTest, anInvalidRecordAnywhereImportsNothing)
{
    std::string document = core::bundle::decrypt(test::readBytes(bundle), BundlePassphrase);
    // Break the last case's offence: the first case is fine, but nothing may be imported.
    const auto at = document.rfind("\"primaryOffence\":\"");
    ASSERT_NE(at, std::string::npos);
    document.insert(at + 18, "NO-SUCH-");
    const auto entriesBefore = target->verifyAudit().entries; // the new workspace's metadata
    try {
        core::bundle::importDocument(*target, document);
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "primaryOffence");
    }
    EXPECT_EQ(target->cases().count(), 0);
    EXPECT_EQ(target->verifyAudit().entries, entriesBefore);
}

TEST_F(BundleTest, aValueOfTheWrongKindIsRefusedNotACrash)
{
    for (const char* document :
         {R"({"format":"rasso-workbench-bundle","version":1,"cases":[{"case":{},"people":"x"}]})",
          R"({"format":7,"version":1,"cases":[]})", R"({"format":"rasso-workbench-bundle","version":1e999999})"}) {
        try {
            core::bundle::importDocument(*target, document);
            ADD_FAILURE() << document;
        } catch (const core::Error& e) {
            EXPECT_NE(e.code(), ErrorCode::Storage) << document;
        }
    }
    EXPECT_EQ(target->cases().count(), 0);
}

TEST_F(BundleTest, exportRefusesToOverwriteAndNeedsAPassphrase)
{
    EXPECT_THROW(core::bundle::exportCases(*source, ids, bundle, BundlePassphrase), core::Error);
    EXPECT_THROW(core::bundle::exportCases(*source, ids, dir / "b2", ""), core::Error);
    EXPECT_THROW(core::bundle::exportCases(*source, {}, dir / "b3", BundlePassphrase), core::Error);
    EXPECT_FALSE(fs::exists(dir / "b2"));
}

} // namespace
