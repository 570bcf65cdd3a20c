// SPDX-License-Identifier: GPL-3.0-or-later
// Decisions that stick (core/suspects/Decisions): who may be paired (a suspect and a person in any role, never two
// victims), a revised decision, and a pair decided "different" that is not proposed again until either person's
// matching details change. Fictional people and numbers only (Ofcom drama range).
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/matching/Fingerprint.h"
#include "core/people/People.h"
#include "core/suspects/Decisions.h"
#include "support/MatchingTestSupport.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using suspects::DecisionRequest;

namespace {

class DecisionsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "decisions.rwb");
    Case one = ws->cases().add(test::caseDraft("FICT/D1/26"));
    Case two = ws->cases().add(test::caseDraft("FICT/D2/26"));
    Person suspectOne = add(one, PersonRole::Suspect, "Jon", "Smyth", "1988-04-03");
    Person suspectTwo = add(two, PersonRole::Suspect, "Jonathan", "Smith", "1988-03-04");
    Person victimOne = add(one, PersonRole::Victim, "Verity", "Fictional", "1995-01-01");
    Person victimTwo = add(two, PersonRole::Victim, "Vera", "Fictional", "1995-01-01");
    Person witnessTwo = add(two, PersonRole::Witness, "Walter", "Example", std::nullopt);

    Person add(const Case& c,
               PersonRole role,
               const std::string& given,
               const std::string& family,
               std::optional<std::string> dob)
    {
        return test::addPerson(*ws, c, role, given, family, std::move(dob));
    }

    static DecisionRequest request(const Person& a,
                                   const Person& b,
                                   MatchVerdict verdict,
                                   std::string rationale = "Fictional: same phone, birth dates transposed")
    {
        return DecisionRequest{a.id, b.id, verdict, std::move(rationale)};
    }

    std::int64_t rows() { return ws->connectionForImport().queryInt("SELECT count(*) FROM match_decisions"); }

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

    /// Whether the engine's candidate pair would be put to the officer now, from the stored records.
    bool proposed(const Person& a, const Person& b)
    {
        const auto current = ws->matchDecisions().current(PersonPair::of(a.uuid, b.uuid));
        return suspects::awaitsDecision(current, suspects::matchingDetails(*ws, *ws->people().find(a.id)),
                                        suspects::matchingDetails(*ws, *ws->people().find(b.id)));
    }
};

TEST_F(DecisionsTest, aSuspectIsPairedWithAPersonInAnyRole)
{
    const auto d = suspects::decide(*ws, request(suspectOne, suspectTwo, MatchVerdict::Same));
    EXPECT_EQ(d.pair, PersonPair::of(suspectOne.uuid, suspectTwo.uuid));
    EXPECT_EQ(d.verdict, MatchVerdict::Same);
    EXPECT_EQ(d.decidedBy, "DC Fictional Tester (T0001)");
    EXPECT_EQ(d.fingerprintOf(suspectOne.uuid), suspects::currentFingerprint(*ws, suspectOne));
    EXPECT_EQ(d.fingerprintOf(suspectTwo.uuid), suspects::currentFingerprint(*ws, suspectTwo));
    EXPECT_NE(d.fingerprintOf(suspectOne.uuid), d.fingerprintOf(suspectTwo.uuid));
    // A suspect recorded as a witness or a victim elsewhere: the suspect is the subject, the other a candidate.
    EXPECT_NO_THROW(suspects::decide(*ws, request(witnessTwo, suspectOne, MatchVerdict::Undecided)));
    EXPECT_NO_THROW(suspects::decide(*ws, request(suspectOne, victimTwo, MatchVerdict::Different)));
    EXPECT_EQ(rows(), 3);
}

TEST_F(DecisionsTest, refusalsNameTheFieldAndWriteNothing)
{
    const std::int64_t entries = ws->auditAnchor().sequence;
    const auto check = [&](const DecisionRequest& r, const char* field) {
        const Error e = refusal([&] { suspects::decide(*ws, r); });
        EXPECT_EQ(e.code(), ErrorCode::Validation) << field;
        EXPECT_EQ(e.field(), field);
    };
    check(request(victimOne, victimTwo, MatchVerdict::Same), "role");
    check(request(victimOne, witnessTwo, MatchVerdict::Different), "role");
    check(DecisionRequest{suspectOne.id, suspectOne.id, MatchVerdict::Different, "Fictional"}, "personB");
    check(DecisionRequest{999, suspectOne.id, MatchVerdict::Same, "Fictional"}, "personA");
    check(DecisionRequest{suspectOne.id, 999, MatchVerdict::Same, "Fictional"}, "personB");
    check(request(suspectOne, suspectTwo, MatchVerdict::Same, "  \n "), "rationale");
    check(request(suspectOne, suspectTwo, MatchVerdict::Same, std::string(4001, 'x')), "rationale");
    EXPECT_EQ(rows(), 0);
    EXPECT_EQ(ws->auditAnchor().sequence, entries);
    // The rules hold for a revision too.
    suspects::decide(*ws, request(suspectOne, victimTwo, MatchVerdict::Different));
    const Error e = refusal([&] { suspects::revise(*ws, request(suspectOne, victimTwo, MatchVerdict::Same, " ")); });
    EXPECT_EQ(e.field(), "rationale");
    EXPECT_EQ(rows(), 1);
}

TEST_F(DecisionsTest, aDecidedPairIsRevisedNotDecidedAgain)
{
    const Error notYet = refusal([&] { suspects::revise(*ws, request(suspectOne, suspectTwo, MatchVerdict::Same)); });
    EXPECT_EQ(notYet.code(), ErrorCode::NotFound);
    suspects::decide(*ws, request(suspectOne, suspectTwo, MatchVerdict::Undecided));
    const Error twice = refusal([&] { suspects::decide(*ws, request(suspectTwo, suspectOne, MatchVerdict::Same)); });
    EXPECT_EQ(twice.code(), ErrorCode::Conflict);
    EXPECT_EQ(twice.field(), "personB");
    EXPECT_EQ(rows(), 1);
}

TEST_F(DecisionsTest, aRevisedDecisionKeepsItsHistoryAndBecomesCurrent)
{
    const auto first =
        suspects::decide(*ws, request(suspectOne, suspectTwo, MatchVerdict::Same, "Fictional: same phone and handle"));
    const auto second = suspects::revise(
        *ws, request(suspectTwo, suspectOne, MatchVerdict::Different, "Fictional: custody records show two men"));
    const auto pair = PersonPair::of(suspectOne.uuid, suspectTwo.uuid);
    const auto history = ws->matchDecisions().history(pair);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].id, first.id);
    EXPECT_EQ(history[0].verdict, MatchVerdict::Same);
    EXPECT_EQ(history[0].rationale, "Fictional: same phone and handle");
    EXPECT_EQ(history[1].id, second.id);
    EXPECT_EQ(history[1].verdict, MatchVerdict::Different);
    EXPECT_EQ(ws->matchDecisions().current(pair)->id, second.id);
    EXPECT_EQ(audit::entriesFor(ws->connectionForImport(), first.uuid, "match_decisions").size(), 1u);
    EXPECT_EQ(audit::entriesFor(ws->connectionForImport(), second.uuid, "match_decisions").size(), 1u);
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(DecisionsTest, aPairMarkedDifferentStaysSuppressedUntilDetailsChange)
{
    ASSERT_TRUE(proposed(suspectOne, suspectTwo)) << "undecided: put to the officer";
    const auto d = suspects::decide(*ws, request(suspectOne, suspectTwo, MatchVerdict::Different));
    EXPECT_FALSE(proposed(suspectOne, suspectTwo));
    EXPECT_FALSE(proposed(suspectTwo, suspectOne)) << "in either order";

    // Saves that do not touch what matching compares leave the pair suppressed: the pronouns, a retyped name.
    Person edited = *ws->people().find(suspectTwo.id);
    edited.pronouns = "he/him";
    edited.familyName = " SMITH ";
    people::update(ws->people(), edited);
    people::addIdentifier(*ws, suspectOne.id, {"phone", "07700 900123", "Fictional note"});
    const auto afterPhone = suspects::currentFingerprint(*ws, *ws->people().find(suspectOne.id));
    EXPECT_NE(afterPhone, d.fingerprintOf(suspectOne.uuid)) << "a phone number is a matching detail";
    EXPECT_TRUE(proposed(suspectOne, suspectTwo)) << "suspect one's details changed: proposed again";

    // Decided different again with the new details: suppressed again, until suspect two changes.
    suspects::revise(*ws, request(suspectOne, suspectTwo, MatchVerdict::Different, "Fictional: still two men"));
    EXPECT_FALSE(proposed(suspectOne, suspectTwo));
    edited = *ws->people().find(suspectTwo.id);
    edited.dateOfBirth = "1988-04-03";
    people::update(ws->people(), edited);
    EXPECT_TRUE(proposed(suspectOne, suspectTwo));
}

TEST_F(DecisionsTest, isSuppressedOnlyForDifferentWithBothFingerprintsUnchanged)
{
    const auto d = suspects::decide(*ws, request(suspectOne, suspectTwo, MatchVerdict::Different));
    const std::string first = d.fingerprintFirst;
    const std::string second = d.fingerprintSecond;
    EXPECT_TRUE(suspects::isSuppressed(d, first, second));
    EXPECT_FALSE(suspects::isSuppressed(d, "1:changed", second));
    EXPECT_FALSE(suspects::isSuppressed(d, first, "1:changed"));
    EXPECT_FALSE(suspects::isSuppressed(d, second, first)) << "each fingerprint belongs to its person";
    MatchDecision same = d;
    same.verdict = MatchVerdict::Same;
    EXPECT_FALSE(suspects::isSuppressed(same, first, second));
    MatchDecision undecided = d;
    undecided.verdict = MatchVerdict::Undecided;
    EXPECT_FALSE(suspects::isSuppressed(undecided, first, second));
}

TEST_F(DecisionsTest, sameIsLinkedAndUndecidedStillAwaits)
{
    suspects::decide(*ws, request(suspectOne, suspectTwo, MatchVerdict::Undecided));
    EXPECT_TRUE(proposed(suspectOne, suspectTwo));
    suspects::revise(*ws, request(suspectOne, suspectTwo, MatchVerdict::Same));
    EXPECT_FALSE(proposed(suspectOne, suspectTwo)) << "linked already: a person of interest, not a proposal";
}

TEST_F(DecisionsTest, matchingDetailsReadTheIdentifiersByKind)
{
    for (const auto& [kind, value] :
         std::vector<std::pair<std::string, std::string>>{{"alias", "Johnny Fictional"},
                                                          {"phone", "07700 900123"},
                                                          {"phone", "07700 900456"},
                                                          {"email", "jon@example.org"},
                                                          {"handle", "@jonfict"},
                                                          {"vehicle", "AB12 CDE"},
                                                          {"address", "1 Fictional Road, Exampleton EX1 2AB"},
                                                          {"police-id", "PNC 26/000001X"}}) {
        people::addIdentifier(*ws, suspectOne.id, {kind, value, ""});
    }
    people::addIdentifier(*ws, suspectTwo.id, {"phone", "07700 900999", ""}); // another person's
    const auto r = suspects::matchingDetails(*ws, *ws->people().find(suspectOne.id));
    EXPECT_EQ(r.personId, suspectOne.id);
    EXPECT_EQ(r.personUuid, suspectOne.uuid);
    EXPECT_EQ(r.caseId, one.id);
    EXPECT_EQ(r.role, PersonRole::Suspect);
    EXPECT_EQ(r.givenName, "Jon");
    EXPECT_EQ(r.familyName, "Smyth");
    EXPECT_EQ(r.dateOfBirth, std::optional<std::string>("1988-04-03"));
    EXPECT_EQ(r.aliases, std::vector<std::string>{"Johnny Fictional"});
    EXPECT_EQ(r.phones, (std::vector<std::string>{"07700 900123", "07700 900456"}));
    EXPECT_EQ(r.emails, std::vector<std::string>{"jon@example.org"});
    EXPECT_EQ(r.handles, std::vector<std::string>{"@jonfict"});
    EXPECT_EQ(r.vehicles, std::vector<std::string>{"AB12 CDE"});
    EXPECT_EQ(r.addresses, std::vector<std::string>{"1 Fictional Road, Exampleton EX1 2AB"});
    EXPECT_EQ(r.policeIds, std::vector<std::string>{"PNC 26/000001X"});
    // The day an age was true is read only where an age is recorded (PersonRecordSource); here a date of birth is.
    EXPECT_FALSE(r.ageOnDate.has_value());
    EXPECT_EQ(suspects::currentFingerprint(*ws, *ws->people().find(suspectOne.id)), matching::fingerprint(r));
}

} // namespace
