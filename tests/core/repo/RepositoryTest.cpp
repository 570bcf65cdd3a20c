// SPDX-License-Identifier: GPL-3.0-or-later
// Cases and people: validation, identity, signals after commit only.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/domain/Uuid.h"
#include "support/TestSupport.h"

using namespace wb;
using core::ChangeKind;
using core::ErrorCode;

namespace {

class RepositoryTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<core::Workspace> ws = test::createWorkspace(dir / "repo.rwb");

    core::ErrorCode errorOf(const std::function<void()>& f, std::string* field = nullptr)
    {
        try {
            f();
        } catch (const core::Error& e) {
            if (field) {
                *field = e.field();
            }
            return e.code();
        }
        ADD_FAILURE() << "expected an error";
        return ErrorCode::Storage;
    }

    core::PersonDraft person(std::int64_t caseId, core::PersonRole role, std::string given, std::string family)
    {
        core::PersonDraft p;
        p.caseId = caseId;
        p.role = role;
        p.givenName = std::move(given);
        p.familyName = std::move(family);
        return p;
    }
};

TEST_F(RepositoryTest, addedCaseHasIdUuidAndTrimmedFields)
{
    auto draft = test::caseDraft("  FICT/10/26  ");
    draft.operationName = "   ";
    const auto c = ws->cases().add(draft);
    EXPECT_GT(c.id, 0);
    EXPECT_TRUE(core::isUuid(c.uuid)) << c.uuid;
    EXPECT_EQ(c.reference, "FICT/10/26");
    EXPECT_EQ(c.operationName, std::nullopt);
    const auto stored = ws->cases().find(c.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->uuid, c.uuid);
    EXPECT_EQ(stored->reportedAt, draft.reportedAt);
    EXPECT_EQ(stored->status, core::CaseStatus::Open);
}

TEST_F(RepositoryTest, validationNamesTheFieldAndSavesNothing)
{
    std::string field;
    EXPECT_EQ(errorOf([&] { ws->cases().add(test::caseDraft("   ")); }, &field), ErrorCode::Validation);
    EXPECT_EQ(field, "reference");
    EXPECT_EQ(errorOf([&] { ws->cases().add(test::caseDraft(std::string(41, 'R'))); }, &field), ErrorCode::Validation);
    EXPECT_EQ(field, "reference");
    EXPECT_EQ(errorOf([&] { ws->cases().add(test::caseDraft("FICT/11/26", "NOT-AN-OFFENCE")); }, &field),
              ErrorCode::Validation);
    EXPECT_EQ(field, "primaryOffence");
    auto future = test::caseDraft("FICT/12/26");
    future.reportedAt = core::nowUtc() + std::chrono::days(3);
    EXPECT_EQ(errorOf([&] { ws->cases().add(future); }, &field), ErrorCode::Validation);
    EXPECT_EQ(field, "reportedAt");
    auto control = test::caseDraft("FICT/\x01/26");
    EXPECT_EQ(errorOf([&] { ws->cases().add(control); }, &field), ErrorCode::Validation);
    EXPECT_EQ(field, "reference");
    EXPECT_EQ(ws->cases().count(), 0);
}

TEST_F(RepositoryTest, duplicateReferenceIsAConflictIgnoringCase)
{
    const auto first = ws->cases().add(test::caseDraft("FICT/13/26"));
    std::string field;
    EXPECT_EQ(errorOf([&] { ws->cases().add(test::caseDraft("fict/13/26")); }, &field), ErrorCode::Conflict);
    EXPECT_EQ(field, "reference");
    EXPECT_EQ(ws->cases().count(), 1);
    EXPECT_EQ(ws->cases().find(first.id)->reference, "FICT/13/26");
}

TEST(CaseReferenceFormatTest, aForceFormatIsEnforcedAndNamedInTheError)
{
    test::TempDir dir;
    const auto folder = dir / "reference";
    std::filesystem::copy(std::filesystem::path(WB_RESOURCES_DIR) / "reference", folder);
    const std::string strict = R"({"kind": "crime-reference-formats", "version": "1", "source": "test",
        "items": [{"code": "force", "label": "Two digits / six digits / year", "confirmed": true, "source": "test",
                   "pattern": "[0-9]{2}/[0-9]{6}/[0-9]{2}", "example": "42/123456/26"}]})";
    test::writeBytes(folder / "crime-reference-formats.json", std::vector<unsigned char>(strict.begin(), strict.end()));
    auto lists = std::make_shared<const core::ReferenceData>(core::ReferenceData::load(folder));
    const auto options = test::fastOptions();
    auto ws = core::Workspace::create(dir / "f.rwb", core::Workspace::deriveForCreate("p", options.kdf), options,
                                      test::offences(), lists);
    try {
        ws->cases().add(test::caseDraft("FICT/1/26"));
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.field(), "reference");
        EXPECT_NE(std::string(e.what()).find("42/123456/26"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(ws->cases().add(test::caseDraft("42/123456/26")));
    EXPECT_EQ(ws->cases().count(), 1);
}

TEST_F(RepositoryTest, caseSignalFiresAfterCommitWithTheStoredRecord)
{
    std::vector<core::CaseRepository::Event> events;
    ws->cases().changed.connect([&](const core::CaseRepository::Event& e) {
        // Fired after commit: the record is already visible to a fresh read.
        EXPECT_TRUE(ws->cases().find(e.record.id).has_value() || e.kind == ChangeKind::Removed);
        events.push_back(e);
    });
    const auto c = ws->cases().add(test::caseDraft("FICT/14/26"));
    auto edited = c;
    edited.status = core::CaseStatus::Closed;
    ws->cases().update(edited);
    ws->cases().remove(c.id);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].kind, ChangeKind::Added);
    EXPECT_EQ(events[0].record.uuid, c.uuid);
    EXPECT_EQ(events[1].kind, ChangeKind::Updated);
    EXPECT_EQ(events[1].record.status, core::CaseStatus::Closed);
    EXPECT_EQ(events[2].kind, ChangeKind::Removed);
    EXPECT_EQ(events[2].record.id, c.id);
}

TEST_F(RepositoryTest, failedWritesFireNothing)
{
    const auto c = ws->cases().add(test::caseDraft("FICT/15/26"));
    const auto other = ws->cases().add(test::caseDraft("FICT/16/26"));
    int casesFired = 0;
    int peopleFired = 0;
    ws->cases().changed.connect([&](const auto&) { ++casesFired; });
    ws->people().changed.connect([&](const auto&) { ++peopleFired; });
    // The UPDATE runs inside the transaction and fails on the unique reference: rolled back.
    auto clash = other;
    clash.reference = c.reference;
    EXPECT_EQ(errorOf([&] { ws->cases().update(clash); }), ErrorCode::Conflict);
    EXPECT_EQ(errorOf([&] { ws->cases().remove(9999); }), ErrorCode::NotFound);
    EXPECT_EQ(errorOf([&] { ws->people().add(person(9999, core::PersonRole::Victim, "A", "Example")); }),
              ErrorCode::Validation);
    EXPECT_EQ(casesFired, 0);
    EXPECT_EQ(peopleFired, 0);
    EXPECT_EQ(ws->cases().find(other.id)->reference, "FICT/16/26");
}

TEST_F(RepositoryTest, peopleAreListedByRoleThenNameAndValidated)
{
    const auto c = ws->cases().add(test::caseDraft("FICT/17/26"));
    ws->people().add(person(c.id, core::PersonRole::Witness, "Wren", "Fictional"));
    ws->people().add(person(c.id, core::PersonRole::Suspect, "Unknown", ""));
    auto victim = person(c.id, core::PersonRole::Victim, "Vera", "Example");
    victim.dateOfBirth = "1999-02-28";
    const auto v = ws->people().add(victim);
    EXPECT_TRUE(core::isUuid(v.uuid));
    const auto list = ws->people().listForCase(c.id);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].role, core::PersonRole::Victim);
    EXPECT_EQ(list[0].dateOfBirth, "1999-02-28");
    EXPECT_EQ(list[1].role, core::PersonRole::Suspect);
    EXPECT_EQ(list[2].role, core::PersonRole::Witness);

    std::string field;
    EXPECT_EQ(errorOf([&] { ws->people().add(person(c.id, core::PersonRole::Victim, " ", "")); }, &field),
              ErrorCode::Validation);
    EXPECT_EQ(field, "givenName");
    auto badDate = person(c.id, core::PersonRole::Victim, "Ann", "Example");
    badDate.dateOfBirth = "1999-02-30";
    EXPECT_EQ(errorOf([&] { ws->people().add(badDate); }, &field), ErrorCode::Validation);
    EXPECT_EQ(field, "dateOfBirth");
    badDate.dateOfBirth = "2999-01-01";
    EXPECT_EQ(errorOf([&] { ws->people().add(badDate); }, &field), ErrorCode::Validation);
    EXPECT_EQ(ws->people().listForCase(c.id).size(), 3u);
}

TEST_F(RepositoryTest, updatePersonKeepsIdentityAndRemovingACaseRemovesItsPeople)
{
    const auto c = ws->cases().add(test::caseDraft("FICT/18/26"));
    auto p = ws->people().add(person(c.id, core::PersonRole::Witness, "Wes", "Sample"));
    auto edited = p;
    edited.role = core::PersonRole::Victim;
    edited.caseId = 12345; // a person cannot be moved to another case by update
    const auto saved = ws->people().update(edited);
    EXPECT_EQ(saved.uuid, p.uuid);
    EXPECT_EQ(saved.caseId, c.id);
    EXPECT_EQ(ws->people().find(p.id)->role, core::PersonRole::Victim);
    ws->cases().remove(c.id);
    EXPECT_FALSE(ws->people().find(p.id).has_value());
}

} // namespace
