// SPDX-License-Identifier: GPL-3.0-or-later
// Case handover bundles: export, import by UUID, conflicts, tampering, all-or-nothing.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/types.h>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/demo/DemoData.h"
#include "core/io/CaseBundle.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

#include <fstream>
#include <map>

using namespace wb;
namespace fs = std::filesystem;
using core::ErrorCode;
using nlohmann::json;

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
        const auto questions = core::nom::QuestionCatalogue::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "nom" /
                                                                      "context-questions.json");
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
    EXPECT_FALSE(test::contains(bytes, "DEMO/0001/"));
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
    const auto questions = core::nom::QuestionCatalogue::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "nom" /
                                                                  "context-questions.json");
    const auto facts =
        target->context().facts(target->cases().findByUuid(source->cases().find(ids[0])->uuid)->id, questions);
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

// Issue 17: training and live never mix. A training workspace's bundle is refused by a live workspace and a live
// one by a training workspace, each naming which, and nothing is imported; each kind still imports its own.
TEST_F(BundleTest, trainingAndLiveCasesNeverMix)
{
    auto options = test::fastOptions();
    options.training = true;
    auto training =
        core::Workspace::create(dir / "training.rwb", core::Workspace::deriveForCreate(test::Passphrase, options.kdf),
                                options, test::offences(), test::lists());
    auto refusal = [](core::Workspace& into, const fs::path& file) {
        try {
            core::bundle::importCases(into, file, BundlePassphrase);
        } catch (const core::Error& e) {
            return std::make_pair(e.code(), e.field());
        }
        return std::make_pair(ErrorCode::Storage, std::string("imported"));
    };

    // The live bundle (from `source`) into the training workspace.
    EXPECT_EQ(refusal(*training, bundle), std::make_pair(ErrorCode::Validation, std::string("bundleFromLive")));
    EXPECT_EQ(training->cases().count(), 0);

    // A training bundle into the live workspace.
    core::addDemoCases(*training);
    std::vector<std::int64_t> trainingIds;
    for (const auto& c : training->cases().list()) {
        trainingIds.push_back(c.id);
    }
    trainingIds.resize(1);
    const fs::path trainingBundle = dir / "training.rwbundle";
    core::bundle::exportCases(*training, trainingIds, trainingBundle, BundlePassphrase,
                              core::store::KdfParams::minimum());
    EXPECT_EQ(refusal(*target, trainingBundle),
              std::make_pair(ErrorCode::Validation, std::string("bundleFromTraining")));
    EXPECT_EQ(target->cases().count(), 0);
    EXPECT_TRUE(target->verifyAudit().ok());

    // Each kind into its own.
    auto otherTraining =
        core::Workspace::create(dir / "training2.rwb", core::Workspace::deriveForCreate(test::Passphrase, options.kdf),
                                options, test::offences(), test::lists());
    EXPECT_EQ(core::bundle::importCases(*otherTraining, trainingBundle, BundlePassphrase).casesAdded, 1U);
    EXPECT_EQ(core::bundle::importCases(*target, bundle, BundlePassphrase).casesAdded, 2U);
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

// --- finding 4: nesting depth and sizes are bounded while parsing -------------

std::string nested(std::size_t depth, char open, char close, const std::string& inner = "0")
{
    std::string out;
    out.reserve(depth * 2 + inner.size());
    for (std::size_t i = 0; i < depth; ++i) {
        out += open;
        if (open == '{') {
            out += "\"a\":";
        }
    }
    out += inner;
    out.append(depth, close);
    return out;
}

std::string documentWithCase(const std::string& tail)
{
    return R"({"format":"rasso-workbench-bundle","version":1,"cases":[{"case":{"uuid":"0b5e3c4d-1111-4a2b-8c3d-000000000001",)"
           R"("reference":"FICT/9/26","primaryOffence":"SOA2003-s1","reportedAt":"2026-01-01T10:00:00Z","status":"open",)"
           R"("createdAt":"2026-01-01T10:00:00Z","updatedAt":"2026-01-01T10:00:00Z"})" +
           tail + "}]}";
}

core::Error importFailure(core::Workspace& ws, const std::string& document)
{
    try {
        core::bundle::importDocument(ws, document);
    } catch (const core::Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected the import to fail";
    return core::Error(ErrorCode::Storage, "none");
}

TEST_F(BundleTest, deeplyNestedDocumentsAreRefusedWhileParsingNotACrash)
{
    const std::vector<std::pair<const char*, std::string>> documents{
        {"people 20,000 deep", documentWithCase(R"(,"people":)" + nested(20'000, '[', ']'))},
        {"people 400,000 deep", documentWithCase(R"(,"people":)" + nested(400'000, '[', ']'))},
        {"objects 400,000 deep", documentWithCase(R"(,"people":[)" + nested(400'000, '{', '}') + "]")},
        {"deep in a record's field",
         documentWithCase(R"(,"records":[{"type":"decision","uuid":"0b5e3c4d-1111-4a2b-8c3d-000000000002",)"
                          R"("parent":"0b5e3c4d-1111-4a2b-8c3d-000000000001","createdAt":"2026-01-01T10:00:00Z",)"
                          R"("updatedAt":"2026-01-01T10:00:00Z","values":{"decision":)" +
                          nested(100'000, '[', ']') + "}}]")},
        {"top level 400,000 deep", nested(400'000, '[', ']')},
        {"just over the limit", documentWithCase(R"(,"people":)" + nested(core::bundle::MaxDepth - 2, '[', ']'))},
    };
    const auto entriesBefore = target->verifyAudit().entries; // the new workspace's metadata
    for (const auto& [what, document] : documents) {
        const auto e = importFailure(*target, document);
        EXPECT_EQ(e.code(), ErrorCode::Validation) << what << ": " << e.what();
        EXPECT_EQ(e.field(), "bundleDepth") << what;
        EXPECT_NE(std::string(e.what()).find("more than 16 deep"), std::string::npos) << what << ": " << e.what();
        EXPECT_THROW(core::bundle::planImport(*target, document), core::Error) << what;
    }
    // At the limit the structure is read (and then refused for what it holds, not for its depth).
    const auto within = importFailure(*target, documentWithCase(R"(,"people":)" + nested(3, '[', ']', "[]")));
    EXPECT_NE(within.field(), "bundleDepth") << within.what();
    EXPECT_EQ(target->cases().count(), 0);
    EXPECT_EQ(target->verifyAudit().entries, entriesBefore);
}

TEST_F(BundleTest, overLongTextsAndListsAreRefusedNamingTheLimit)
{
    const auto longText = importFailure(
        *target, documentWithCase(R"(,"people":[{"givenName":")" + std::string(300 * 1024, 'x') + "\"}]"));
    EXPECT_EQ(longText.field(), "bundleText");
    EXPECT_NE(std::string(longText.what()).find("256 KiB"), std::string::npos) << longText.what();

    std::string list = "[0";
    for (std::size_t i = 0; i < core::bundle::MaxListEntries; ++i) {
        list += ",0";
    }
    list += "]";
    const auto longList = importFailure(*target, documentWithCase(R"(,"people":)" + list));
    EXPECT_EQ(longList.field(), "bundleList");
    EXPECT_NE(std::string(longList.what()).find("1000000 entries"), std::string::npos) << longList.what();

    // A context answer's value is JSON kept as text: bounded in the same way.
    auto doc = json::parse(core::bundle::decrypt(test::readBytes(bundle), BundlePassphrase));
    for (auto& entry : doc["cases"]) {
        for (auto& answer : entry["contextAnswers"]) {
            answer["value"] = nested(50, '[', ']');
        }
    }
    const auto deepAnswer = importFailure(*target, doc.dump());
    EXPECT_EQ(deepAnswer.field(), "bundleDepth") << deepAnswer.what();
    EXPECT_EQ(target->cases().count(), 0);
}

// --- finding 12: regular files only, size capped, 0600 ------------------------

TEST_F(BundleTest, onlyARegularFileOfBoundedSizeIsRead)
{
    const auto fifo = dir / "fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const fs::path& path : {fifo, fs::path("/dev/zero"), dir.path()}) {
        try {
            (void)core::bundle::readBundleFile(path); // must not block on the FIFO nor read /dev/zero for ever
            ADD_FAILURE() << path;
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Validation) << path;
            EXPECT_EQ(e.field(), "bundleFile") << path;
        }
        EXPECT_THROW(core::bundle::importCases(*target, path, BundlePassphrase), core::Error) << path;
    }
    const auto huge = dir / "huge.rwbundle";
    {
        std::ofstream(huge).put('x');
    }
    fs::resize_file(huge, core::bundle::MaxFileBytes + 1); // sparse: no disk used
    try {
        (void)core::bundle::readBundleFile(huge);
        ADD_FAILURE();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.field(), "bundleSize");
        EXPECT_NE(std::string(e.what()).find("130 MiB"), std::string::npos) << e.what();
    }
    EXPECT_EQ(importError(dir / "missing"), ErrorCode::FileNotFound);
    EXPECT_EQ(core::bundle::readBundleFile(bundle), test::readBytes(bundle));
    EXPECT_EQ(target->cases().count(), 0);
}

TEST_F(BundleTest, bundlesAreCreatedOwnerOnlyWhateverTheUmask)
{
    const mode_t old = ::umask(0);
    const auto target1 = dir / "open.rwbundle";
    // A stale partial file from an interrupted export, readable by everyone.
    {
        std::ofstream(target1.string() + ".partial") << "stale";
    }
    fs::permissions(target1.string() + ".partial", fs::perms::all);
    core::bundle::exportCases(*source, ids, target1, BundlePassphrase, core::store::KdfParams::minimum());
    ::umask(old);
    struct stat st = {};
    ASSERT_EQ(::stat(target1.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_FALSE(fs::exists(target1.string() + ".partial"));
    ASSERT_EQ(::stat(bundle.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(core::bundle::importCases(*target, target1, BundlePassphrase).casesAdded, 2u);
}

// --- finding 5: a UUID names one row of one table ------------------------------

TEST_F(BundleTest, aUuidUsedByTwoRowsIsRefusedAndNothingImported)
{
    const std::string original = core::bundle::decrypt(test::readBytes(bundle), BundlePassphrase);
    const auto refused = [&](const json& doc, const std::vector<std::string>& named) {
        const auto e = importFailure(*target, doc.dump());
        EXPECT_EQ(e.code(), ErrorCode::Validation) << e.what();
        EXPECT_EQ(e.field(), "bundleUuid") << e.what();
        for (const auto& word : named) {
            EXPECT_NE(std::string(e.what()).find(word), std::string::npos) << word << " in " << e.what();
        }
        EXPECT_EQ(std::string(e.what()).find("Example"), std::string::npos) << "no personal data: " << e.what();
    };
    { // a person whose uuid is its case's
        auto doc = json::parse(original);
        const std::string caseUuid = doc["cases"][0]["case"]["uuid"];
        doc["cases"][0]["people"][0]["uuid"] = caseUuid;
        refused(doc, {caseUuid, "cases", "people"});
    }
    { // a record whose uuid is its case's
        auto doc = json::parse(original);
        const std::string caseUuid = doc["cases"][0]["case"]["uuid"];
        auto& record = doc["cases"][0]["records"].back();
        record["uuid"] = caseUuid;
        refused(doc, {caseUuid, "cases", std::string(core::recordSpec(record["type"].get<std::string>()).table)});
    }
    { // a record whose uuid is a person's in the other case
        auto doc = json::parse(original);
        doc["cases"][1]["records"][0]["uuid"] = doc["cases"][0]["people"][0]["uuid"];
        refused(doc, {doc["cases"][0]["people"][0]["uuid"].get<std::string>(), "people"});
    }
    { // a new record whose uuid is already used here by a row of another table
        const auto here = target->cases().add(test::caseDraft("FICT/LOCAL/26"));
        auto doc = json::parse(original);
        doc["cases"][1]["records"][0]["uuid"] = here.uuid;
        refused(doc, {here.uuid, "already used here by a row of cases"});
        target->cases().remove(here.id);
    }
    EXPECT_EQ(target->cases().count(), 0);
    EXPECT_TRUE(target->verifyAudit().ok());
    // The untouched bundle still imports, and verify stays clean.
    EXPECT_EQ(core::bundle::importDocument(*target, original).casesAdded, 2u);
    EXPECT_TRUE(target->verifyAudit().ok());
}

TEST_F(BundleTest, theFuzzCorpusDocumentsAreRefusedOrImportedWithoutACrash)
{
    // The document fuzzer's seeds and regressions, through the same bounded parser and merge.
    const fs::path corpus = fs::path(WB_TEST_DATA_DIR) / ".." / "fuzz" / "corpus" / "fuzz_bundle_document";
    std::size_t seen = 0;
    for (const auto& file : fs::directory_iterator(corpus)) {
        const auto bytes = test::readBytes(file.path());
        const std::string document(bytes.begin(), bytes.end());
        try {
            const auto plan = core::bundle::planImport(*target, document);
            (void)core::bundle::applyImport(*target, document, plan, {});
        } catch (const core::Error& e) {
            EXPECT_NE(e.code(), ErrorCode::Storage) << file.path() << ": " << e.what();
            if (file.path().filename().string().find("nested") != std::string::npos) {
                EXPECT_EQ(e.field(), "bundleDepth") << file.path();
            }
        }
        ++seen;
    }
    EXPECT_GE(seen, 7u);
    EXPECT_TRUE(target->verifyAudit().ok());
}

TEST_F(BundleTest, exportingTheSameCaseTwiceWritesItOnce)
{
    const auto twice = dir / "twice.rwbundle";
    core::bundle::exportCases(*source, {ids[0], ids[0]}, twice, BundlePassphrase, core::store::KdfParams::minimum());
    EXPECT_EQ(core::bundle::importCases(*target, twice, BundlePassphrase).casesAdded, 1u);
}

// --- finding 6: records into a case already here are proposed, never merged ---

class ExistingCaseTest : public BundleTest
{
protected:
    std::string caseUuid;
    core::Person suspect;
    core::Record identifier;
    core::Record decision;
    std::string document;

    void SetUp() override
    {
        BundleTest::SetUp();
        core::bundle::importCases(*target, bundle, BundlePassphrase);
        // The sender adds to a case the recipient already has: a person, an identifier under
        // that person (needs it), and a decision.
        caseUuid = source->cases().find(ids[0])->uuid;
        core::PersonDraft draft;
        draft.caseId = ids[0];
        draft.role = core::PersonRole::Suspect;
        draft.givenName = "Fictional";
        draft.familyName = "Newcombe";
        suspect = source->people().add(draft);
        identifier = source->records().add(core::recordSpec("identifier"), suspect.id,
                                           {{"kind", "phone"}, {"value", "07700 900123"}});
        decision = source->records().add(core::recordSpec("decision"), ids[0],
                                         {{"decided_at", "2026-02-01T10:00:00Z"},
                                          {"decision", "Invented decision (fictional)."},
                                          {"rationale", "None (fictional)."},
                                          {"decided_by", "DS Fictional"}});
        const auto again = dir / "again.rwbundle";
        core::bundle::exportCases(*source, {ids[0]}, again, BundlePassphrase, core::store::KdfParams::minimum());
        document = core::bundle::decrypt(test::readBytes(again), BundlePassphrase);
    }

    std::size_t entries() { return target->verifyAudit().entries; }
};

TEST_F(ExistingCaseTest, recordsForAKnownCaseAreListedAndNotAddedByDefault)
{
    const auto before = entries();
    const auto plan = core::bundle::planImport(*target, document);
    EXPECT_TRUE(plan.newCases.empty());
    ASSERT_EQ(plan.proposed.size(), 3u);
    EXPECT_EQ(entries(), before) << "planning changes nothing";
    std::map<std::string, core::bundle::ProposedRecord> byUuid;
    for (const auto& item : plan.proposed) {
        byUuid[item.uuid] = item;
        EXPECT_EQ(item.caseReference, source->cases().find(ids[0])->reference);
        EXPECT_EQ(item.summary.find("Newcombe"), std::string::npos) << "coded values only";
        EXPECT_EQ(item.summary.find("07700"), std::string::npos) << "coded values only";
    }
    EXPECT_EQ(byUuid.at(suspect.uuid).type, "person");
    EXPECT_EQ(byUuid.at(suspect.uuid).summary, "role: suspect");
    EXPECT_EQ(byUuid.at(identifier.uuid).needs, std::vector<std::string>{suspect.uuid});
    EXPECT_EQ(byUuid.at(decision.uuid).type, "decision");
    EXPECT_NE(plan.claimedExportedBy.find("DC Fictional Tester"), std::string::npos);

    const auto report = core::bundle::importDocument(*target, document);
    EXPECT_EQ(report.rejected, 3u);
    EXPECT_EQ(report.accepted, 0u);
    EXPECT_EQ(report.peopleAdded + report.recordsAdded, 0u);
    EXPECT_FALSE(target->people().findByUuid(suspect.uuid));
    EXPECT_FALSE(target->records().findByUuid(core::recordSpec("decision"), decision.uuid));
    EXPECT_EQ(entries(), before);
}

TEST_F(ExistingCaseTest, aConflictingCaseNeverTakesRecordsSilently)
{
    auto local = *target->cases().findByUuid(caseUuid);
    local.status = core::CaseStatus::Closed;
    target->cases().update(local);
    const auto report = core::bundle::importDocument(*target, document);
    ASSERT_EQ(report.conflicts.size(), 1u);
    EXPECT_EQ(report.rejected, 3u);
    EXPECT_FALSE(target->records().findByUuid(core::recordSpec("decision"), decision.uuid));
}

TEST_F(ExistingCaseTest, acceptedRecordsAreAddedAndTheAuditNamesTheImportingOfficer)
{
    const auto plan = core::bundle::planImport(*target, document);
    const auto report = core::bundle::applyImport(*target, document, plan, {decision.uuid});
    EXPECT_EQ(report.accepted, 1u);
    EXPECT_EQ(report.rejected, 2u);
    EXPECT_EQ(report.recordsAdded, 1u);
    EXPECT_TRUE(target->records().findByUuid(core::recordSpec("decision"), decision.uuid));
    EXPECT_FALSE(target->people().findByUuid(suspect.uuid));
    const auto log = core::audit::entriesFor(target->connectionForImport(), decision.uuid);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log.front().actor, "DC Fictional Tester (T0001)") << "the importing officer, not the bundle's text";
    const auto changes = json::parse(log.front().changes);
    ASSERT_TRUE(changes.contains("bundle_claimed_exported_by")) << log.front().changes;
    EXPECT_EQ(changes["bundle_claimed_exported_by"]["new"], plan.claimedExportedBy);
    EXPECT_TRUE(target->verifyAudit().ok());

    // The person and its identifier: accepting the identifier alone is refused, both together work.
    const auto next = core::bundle::planImport(*target, document);
    ASSERT_EQ(next.proposed.size(), 2u);
    try {
        core::bundle::applyImport(*target, document, next, {identifier.uuid});
        ADD_FAILURE();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.field(), "acceptedRecords");
        EXPECT_NE(std::string(e.what()).find(suspect.uuid), std::string::npos) << e.what();
    }
    EXPECT_THROW(core::bundle::applyImport(*target, document, next, {"00000000-0000-4000-8000-000000000000"}),
                 core::Error);
    EXPECT_FALSE(target->people().findByUuid(suspect.uuid));
    const auto both = core::bundle::applyImport(*target, document, next, {identifier.uuid, suspect.uuid});
    EXPECT_EQ(both.accepted, 2u);
    EXPECT_TRUE(target->people().findByUuid(suspect.uuid));
    EXPECT_TRUE(target->records().findByUuid(core::recordSpec("identifier"), identifier.uuid));
    EXPECT_TRUE(target->verifyAudit().ok());
}

TEST_F(ExistingCaseTest, aPlanAppliesOnlyToTheDocumentAndWorkspaceItWasMadeFor)
{
    const auto plan = core::bundle::planImport(*target, document);
    auto changed = json::parse(document);
    changed["exportedBy"] = "Someone else";
    try {
        core::bundle::applyImport(*target, changed.dump(), plan, {decision.uuid});
        ADD_FAILURE();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Conflict);
        EXPECT_EQ(e.field(), "bundlePlan");
    }
    // The workspace changes meanwhile: the case now differs here.
    auto local = *target->cases().findByUuid(caseUuid);
    local.status = core::CaseStatus::Closed;
    target->cases().update(local);
    EXPECT_THROW(core::bundle::applyImport(*target, document, plan, {decision.uuid}), core::Error);
    EXPECT_FALSE(target->records().findByUuid(core::recordSpec("decision"), decision.uuid));
}

} // namespace
