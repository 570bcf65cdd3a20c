// SPDX-License-Identifier: GPL-3.0-or-later
// Handover bundles carry match decisions (document version 3, issue 16): every decision on a pair of persons both
// in the bundle, with its history; imported as made (uuid, decider, time, rationale), audited as imported; a
// different verdict here is a conflict and never an overwrite; a version-2 bundle still imports. Fictional people.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/io/BundleDecisions.h"
#include "core/io/BundleJson.h"
#include "core/io/CaseBundle.h"
#include "core/people/People.h"
#include "core/suspects/Decisions.h"
#include "core/suspects/PersonsOfInterest.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* BundlePassphrase = "fictional bundle passphrase";

class BundleDecisionsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> source = test::createWorkspace(dir / "source.rwb");
    std::unique_ptr<Workspace> target = test::createWorkspace(dir / "target.rwb");
    fs::path file = dir / "handover.rwbundle";
    Case one = source->cases().add(test::caseDraft("FICT/B1/26"));
    Case two = source->cases().add(test::caseDraft("FICT/B2/26"));
    Case three = source->cases().add(test::caseDraft("FICT/B3/26")); // not handed over
    Person suspectOne = add(one, PersonRole::Suspect, "Jon", "Smyth");
    Person victimOne = add(one, PersonRole::Victim, "Verity", "Fictional");
    Person suspectTwo = add(two, PersonRole::Suspect, "Jonathan", "Smith");
    Person victimTwo = add(two, PersonRole::Victim, "Vera", "Fictional");
    Person suspectThree = add(three, PersonRole::Suspect, "John", "Smithe");
    MatchDecision first;   ///< suspectOne, suspectTwo: undecided at first
    MatchDecision revised; ///< then the same person
    MatchDecision apart;   ///< suspectTwo, victimOne: different
    MatchDecision outside; ///< suspectOne, suspectThree: case three is not in the bundle

    Person add(const Case& c, PersonRole role, const std::string& given, const std::string& family)
    {
        PersonDraft p;
        p.caseId = c.id;
        p.role = role;
        p.givenName = given;
        p.familyName = family;
        p.dateOfBirth = std::string("1988-04-03");
        return people::add(source->people(), p);
    }

    void SetUp() override
    {
        first = suspects::decide(*source, {suspectOne.id, suspectTwo.id, MatchVerdict::Undecided,
                                           "Fictional: similar names, birth dates to check"});
        revised = suspects::revise(*source, {suspectTwo.id, suspectOne.id, MatchVerdict::Same,
                                             "Fictional: same phone and handle\nconfirmed by the PNC record"});
        apart = suspects::decide(*source,
                                 {suspectTwo.id, victimOne.id, MatchVerdict::Different, "Fictional: different people"});
        outside = suspects::decide(
            *source, {suspectOne.id, suspectThree.id, MatchVerdict::Different, "Fictional: different birth places"});
        bundle::exportCases(*source, {one.id, two.id}, file, BundlePassphrase, store::KdfParams::minimum());
    }

    json document() { return json::parse(bundle::decrypt(test::readBytes(file), BundlePassphrase)); }

    static PersonPair pairOf(const Person& a, const Person& b) { return PersonPair::of(a.uuid, b.uuid); }

    std::int64_t decisionsIn(Workspace& ws)
    {
        return ws.connectionForImport().queryInt("SELECT count(*) FROM match_decisions");
    }

    std::int64_t targetId(const Person& p) { return target->people().findByUuid(p.uuid)->id; }

    template <typename F> static Error refusal(F&& call)
    {
        try {
            call();
        } catch (const Error& error) {
            return error;
        }
        ADD_FAILURE() << "expected a refusal";
        return Error(ErrorCode::Storage, "none");
    }
};

TEST_F(BundleDecisionsTest, aBundleCarriesEveryDecisionOnPairsItHoldsWithItsHistory)
{
    const auto doc = document();
    EXPECT_EQ(doc["version"], 3);
    std::vector<std::string> uuids;
    for (const auto& d : doc["matchDecisions"]) {
        uuids.push_back(d["uuid"].get<std::string>());
    }
    // Oldest first; the pair with a person of case three stays behind.
    EXPECT_EQ(uuids, (std::vector<std::string>{first.uuid, revised.uuid, apart.uuid}));
    EXPECT_EQ(doc["matchDecisions"][1]["decision"], "same");
    EXPECT_EQ(doc["matchDecisions"][1]["rationale"], revised.rationale);
}

TEST_F(BundleDecisionsTest, aRoundTripKeepsEachDecisionAsMadeAndAuditsItAsImported)
{
    const auto report = bundle::importCases(*target, file, BundlePassphrase);
    EXPECT_EQ(report.casesAdded, 2u);
    EXPECT_EQ(report.decisionsAdded, 3u);
    EXPECT_TRUE(report.conflicts.empty());
    const auto history = target->matchDecisions().history(pairOf(suspectOne, suspectTwo));
    ASSERT_EQ(history.size(), 2u);
    EXPECT_TRUE(bundle::sameDecision(history[0], first));
    EXPECT_TRUE(bundle::sameDecision(history[1], revised)); // uuid, decider, time, rationale, fingerprints
    EXPECT_EQ(target->matchDecisions().current(pairOf(suspectTwo, victimOne))->verdict, MatchVerdict::Different);
    EXPECT_EQ(decisionsIn(*target), 3);
    // The link stands here too: one person of interest across the two cases.
    const auto groups = suspects::personsOfInterest(*target);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].suspectCaseCount(), 2u);
    // Audited as imported: a creation whose entry notes the decider and the bundle's claimed author.
    const auto entries = audit::entriesFor(target->connectionForImport(), revised.uuid, "match_decisions");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, audit::Action::Create);
    EXPECT_NE(entries[0].changes.find("bundle_claimed_exported_by"), std::string::npos) << entries[0].changes;
    EXPECT_NE(entries[0].changes.find("decided_by"), std::string::npos) << entries[0].changes;
    EXPECT_EQ(entries[0].changes.find("PNC record"), std::string::npos) << "the rationale is free text, not logged";
    const auto audit = target->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
    // Importing the same bundle again: every decision identical, skipped.
    const auto again = bundle::importCases(*target, file, BundlePassphrase);
    EXPECT_EQ(again.decisionsAdded, 0u);
    EXPECT_TRUE(again.conflicts.empty());
    EXPECT_EQ(decisionsIn(*target), 3);
}

TEST_F(BundleDecisionsTest, aDifferentVerdictHereIsAConflictAndNothingIsOverwritten)
{
    bundle::importCases(*target, file, BundlePassphrase);
    const auto here = suspects::revise(*target, {targetId(suspectOne), targetId(suspectTwo), MatchVerdict::Different,
                                                 "Fictional: the PNC record was another man's"});
    const auto report = bundle::importCases(*target, file, BundlePassphrase);
    ASSERT_EQ(report.conflicts.size(), 1u);
    EXPECT_NE(report.conflicts[0].find("match decision"), std::string::npos) << report.conflicts[0];
    EXPECT_NE(report.conflicts[0].find("here: different, in the bundle: same"), std::string::npos)
        << report.conflicts[0];
    EXPECT_EQ(report.decisionsAdded, 0u);
    const auto current = target->matchDecisions().current(pairOf(suspectOne, suspectTwo));
    EXPECT_TRUE(bundle::sameDecision(*current, here));
    EXPECT_EQ(target->matchDecisions().history(pairOf(suspectOne, suspectTwo)).size(), 3u);
    EXPECT_TRUE(suspects::personsOfInterest(*target).empty());

    // A decision of the same uuid that says something else is a conflict too, and leaves the stored row alone.
    auto doc = document();
    doc["matchDecisions"][2]["rationale"] = "Fictional: altered on the way";
    const auto altered = bundle::importDocument(*target, doc.dump());
    EXPECT_EQ(altered.conflicts.size(), 2u);
    EXPECT_EQ(target->matchDecisions().current(pairOf(suspectTwo, victimOne))->rationale, apart.rationale);
    EXPECT_EQ(decisionsIn(*target), 4);
    EXPECT_TRUE(target->verifyAudit().ok());
}

TEST_F(BundleDecisionsTest, aDecisionIntoACaseAlreadyHereIsAddedOnlyWhenTheOfficerAcceptsIt)
{
    auto doc = document();
    auto withoutDecisions = doc;
    withoutDecisions.erase("matchDecisions");
    bundle::importDocument(*target, withoutDecisions.dump());
    ASSERT_EQ(decisionsIn(*target), 0);

    const auto plan = bundle::planImport(*target, doc.dump());
    std::vector<const bundle::ProposedRecord*> proposed;
    for (const auto& item : plan.proposed) {
        if (item.table == "match_decisions") {
            proposed.push_back(&item);
        }
    }
    ASSERT_EQ(proposed.size(), 3u);
    EXPECT_EQ(proposed[0]->summary, "decision: undecided");
    // The revision needs the decision it revises: a pair's history comes whole or not at all.
    EXPECT_EQ(proposed[1]->needs, (std::vector<std::string>{first.uuid}));
    const Error partial = refusal([&] { bundle::applyImport(*target, doc.dump(), plan, {revised.uuid}); });
    EXPECT_EQ(partial.code(), ErrorCode::Validation);
    EXPECT_EQ(partial.field(), "acceptedRecords");

    const auto none = bundle::importDocument(*target, doc.dump());
    EXPECT_EQ(none.rejected, 3u);
    EXPECT_EQ(decisionsIn(*target), 0);
    const auto some = bundle::applyImport(*target, doc.dump(), plan, {first.uuid, revised.uuid});
    EXPECT_EQ(some.decisionsAdded, 2u);
    EXPECT_EQ(some.rejected, 1u);
    EXPECT_EQ(target->matchDecisions().current(pairOf(suspectOne, suspectTwo))->verdict, MatchVerdict::Same);
    EXPECT_FALSE(target->matchDecisions().current(pairOf(suspectTwo, victimOne)));
    EXPECT_TRUE(target->verifyAudit().ok());
}

TEST_F(BundleDecisionsTest, aDecisionWithoutASuspectOrAboutAPersonNotInTheBundleIsRefused)
{
    auto doc = document();
    auto victims = doc;
    victims["matchDecisions"][2]["personA"] = victimOne.uuid;
    victims["matchDecisions"][2]["personB"] = victimTwo.uuid;
    const Error twoVictims = refusal([&] { bundle::importDocument(*target, victims.dump()); });
    EXPECT_EQ(twoVictims.code(), ErrorCode::Validation);
    EXPECT_EQ(twoVictims.field(), "role");

    auto elsewhere = doc;
    elsewhere["matchDecisions"][2]["personB"] = suspectThree.uuid;
    const Error missing = refusal([&] { bundle::importDocument(*target, elsewhere.dump()); });
    EXPECT_EQ(missing.code(), ErrorCode::Validation);
    EXPECT_EQ(missing.field(), "matchDecisions");

    auto unknown = doc;
    unknown["matchDecisions"][0]["decision"] = "probably";
    EXPECT_EQ(refusal([&] { bundle::importDocument(*target, unknown.dump()); }).field(), "decision");

    auto blank = doc;
    blank["matchDecisions"][0]["rationale"] = "   ";
    EXPECT_EQ(refusal([&] { bundle::importDocument(*target, blank.dump()); }).field(), "rationale");

    auto shared = doc; // a decision's uuid must be its own, not a person's
    shared["matchDecisions"][0]["uuid"] = suspectOne.uuid;
    EXPECT_EQ(refusal([&] { bundle::importDocument(*target, shared.dump()); }).field(), "bundleUuid");

    EXPECT_EQ(target->cases().count(), 0); // all or nothing
    EXPECT_EQ(decisionsIn(*target), 0);
}

TEST_F(BundleDecisionsTest, aVersionTwoBundleWithoutDecisionsStillImports)
{
    auto doc = document();
    doc["version"] = 2;
    doc.erase("matchDecisions");
    const auto report = bundle::importDocument(*target, doc.dump());
    EXPECT_EQ(report.casesAdded, 2u);
    EXPECT_EQ(report.decisionsAdded, 0u);
    EXPECT_EQ(decisionsIn(*target), 0);
    EXPECT_TRUE(target->people().findByUuid(suspectTwo.uuid));
    EXPECT_TRUE(target->verifyAudit().ok());
}

} // namespace
