// SPDX-License-Identifier: GPL-3.0-or-later
// Handover bundles carry issue 14's data without loss: a context answer's override reason, a contact's explained
// events (Right 6 per event) and its mark "recorded before contacts said which events they explained"; an older
// (version 1) bundle without them still imports.
#include <gtest/gtest.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/domain/Time.h"
#include "core/io/BundleJson.h"
#include "core/io/CaseBundle.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;
using core::ErrorCode;
using nlohmann::json;

namespace {

constexpr const char* Passphrase = "fictional bundle passphrase";

class BundleIssue14Test : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<core::Workspace> source = test::createWorkspace(dir / "source.rwb");
    std::unique_ptr<core::Workspace> target = test::createWorkspace(dir / "target.rwb");
    fs::path bundle = dir / "handover.rwbundle";
    core::nom::QuestionCatalogue questions =
        core::nom::QuestionCatalogue::fromFile(fs::path(WB_RESOURCES_DIR) / "nom" / "context-questions.json");
    core::Case theCase;
    core::Record event;
    core::Record explaining; ///< a contact that explained the event
    core::Record earlier;    ///< a contact recorded before contacts said which events they explained

    void SetUp() override
    {
        theCase = source->cases().add(test::caseDraft("FICT/14/26"));
        core::PersonDraft draft;
        draft.caseId = theCase.id;
        draft.role = core::PersonRole::Victim;
        draft.givenName = "Fictional";
        draft.familyName = "Victim";
        const auto victim = source->people().add(draft);
        const auto now = source->clock().now();
        event =
            source->records().add(core::recordSpec("case_event"), theCase.id,
                                  {{"kind", "arrest"}, {"occurred_at", core::toIsoUtc(now - std::chrono::hours(3))}});
        const core::Values contact{{"victim_id", std::to_string(victim.id)},
                                   {"contacted_at", core::toIsoUtc(now - std::chrono::hours(2))},
                                   {"method", "phone"},
                                   {"purpose", "event-notification"},
                                   {"by_whom", "DC Fictional"}};
        auto withEvent = contact;
        withEvent["explained_events"] = event.uuid;
        explaining = source->records().add(core::recordSpec("contact"), theCase.id, withEvent);
        earlier = source->records().add(core::recordSpec("contact"), theCase.id, contact);
        // What the migration did to every contact recorded before it (core/schema/ContactEventsSchema).
        core::store::Statement mark(source->connectionForImport(),
                                    "UPDATE contacts SET events_unrecorded = 1 WHERE uuid = :uuid");
        mark.bind(":uuid", earlier.uuid).run();
        source->context().answer(theCase.id, "relationship.category", std::string("ex-partner"), questions,
                                 std::string("The victim says they separated last year; People is out of date."));
        source->context().answer(theCase.id, "suspect.known", true, questions);
        core::bundle::exportCases(*source, {theCase.id}, bundle, Passphrase, core::store::KdfParams::minimum());
    }

    std::int64_t importedCaseId() { return target->cases().findByUuid(theCase.uuid)->id; }

    std::optional<std::string> reasonOf(const std::string& question)
    {
        const auto history = target->context().history(importedCaseId(), question, questions);
        EXPECT_FALSE(history.empty()) << question;
        return history.empty() ? std::nullopt : history.back().overrideReason;
    }

    bool unrecorded(const std::string& uuid)
    {
        core::store::Statement select(target->connectionForImport(),
                                      "SELECT events_unrecorded FROM contacts WHERE uuid = :uuid");
        EXPECT_TRUE(select.bind(":uuid", uuid).step()) << uuid;
        return select.columnInt64(0) != 0;
    }

    json document() { return json::parse(core::bundle::decrypt(test::readBytes(bundle), Passphrase)); }
};

TEST_F(BundleIssue14Test, anOverrideReasonArrivesWithItsAnswerAndAPlainAnswerHasNone)
{
    core::bundle::importCases(*target, bundle, Passphrase);
    EXPECT_EQ(reasonOf("relationship.category"),
              std::optional<std::string>("The victim says they separated last year; People is out of date."));
    EXPECT_EQ(reasonOf("suspect.known"), std::nullopt);
    const auto audit = target->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
}

TEST_F(BundleIssue14Test, aDifferentOverrideReasonForAnAnswerHereIsAConflictNotAnOverwrite)
{
    core::bundle::importCases(*target, bundle, Passphrase);
    auto doc = document();
    for (auto& answer : doc["cases"][0]["contextAnswers"]) {
        if (answer["questionId"] == "relationship.category") {
            answer["overrideReason"] = "A different reason (fictional).";
        }
    }
    const auto report = core::bundle::importDocument(*target, doc.dump());
    EXPECT_EQ(report.conflicts.size(), 1u);
    EXPECT_EQ(reasonOf("relationship.category"),
              std::optional<std::string>("The victim says they separated last year; People is out of date."));
}

TEST_F(BundleIssue14Test, aBlankOverrideReasonIsRefusedAndNothingImported)
{
    auto doc = document();
    for (auto& answer : doc["cases"][0]["contextAnswers"]) {
        if (answer["questionId"] == "relationship.category") {
            answer["overrideReason"] = "   ";
        }
    }
    try {
        core::bundle::importDocument(*target, doc.dump());
        ADD_FAILURE() << "a blank override reason was imported";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "overrideReason");
    }
    EXPECT_EQ(target->cases().count(), 0);
}

TEST_F(BundleIssue14Test, aContactKeepsTheEventsItExplainedAndTheMarkOfAnEarlierContact)
{
    core::bundle::importCases(*target, bundle, Passphrase);
    const auto copy = target->records().findByUuid(core::recordSpec("contact"), explaining.uuid);
    ASSERT_TRUE(copy);
    EXPECT_EQ(copy->get("explained_events"), event.uuid);
    EXPECT_FALSE(unrecorded(explaining.uuid));
    EXPECT_TRUE(unrecorded(earlier.uuid)); // old code: the mark was lost, and the earlier contact met nothing
    // Importing again: the same contacts, unchanged; a different mark is a conflict, never an overwrite.
    EXPECT_TRUE(core::bundle::importCases(*target, bundle, Passphrase).conflicts.empty());
    auto doc = document();
    for (auto& record : doc["cases"][0]["records"]) {
        if (record["uuid"] == earlier.uuid) {
            record["eventsUnrecorded"] = false;
        }
    }
    EXPECT_EQ(core::bundle::importDocument(*target, doc.dump()).conflicts.size(), 1u);
    EXPECT_TRUE(unrecorded(earlier.uuid));
}

TEST_F(BundleIssue14Test, aVersionOneBundleWithoutTheNewFieldsStillImports)
{
    auto doc = document();
    EXPECT_EQ(doc["version"], core::bundle::DocumentVersion);
    doc["version"] = 1;
    for (auto& answer : doc["cases"][0]["contextAnswers"]) {
        answer.erase("overrideReason");
    }
    for (auto& record : doc["cases"][0]["records"]) {
        record.erase("eventsUnrecorded");
        if (record["type"] == "contact") {
            record["values"].erase("explained_events");
        }
    }
    const auto report = core::bundle::importDocument(*target, doc.dump());
    EXPECT_EQ(report.casesAdded, 1u);
    EXPECT_EQ(reasonOf("relationship.category"), std::nullopt);
    // A version-1 bundle's contacts were recorded before contacts said which events they explained.
    EXPECT_TRUE(unrecorded(explaining.uuid));
    EXPECT_TRUE(unrecorded(earlier.uuid));
}

TEST_F(BundleIssue14Test, aBundleOfANewerVersionIsRefused)
{
    auto doc = document();
    doc["version"] = core::bundle::DocumentVersion + 1;
    try {
        core::bundle::importDocument(*target, doc.dump());
        ADD_FAILURE() << "a newer bundle was imported";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NewerVersion);
    }
}

} // namespace
