// SPDX-License-Identifier: GPL-3.0-or-later
// PersonRecordSource: people and their identifiers as the matching engine reads them (issue 16). Fictional people
// and numbers only (Ofcom drama range).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/people/People.h"
#include "core/repo/PersonRecordSource.h"
#include "support/ManualClock.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using matching::PersonRecord;

namespace {

class PersonRecordSourceTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "records.rwb");
    std::shared_ptr<test::ManualClock> clock = std::make_shared<test::ManualClock>(nowUtc());
    Case first;
    Case second;
    PersonRecordSource source = ws->personRecords();

    void SetUp() override
    {
        ws->setClock(clock);
        first = ws->cases().add(test::caseDraft("FICT/PRS/1"));
        second = ws->cases().add(test::caseDraft("FICT/PRS/2"));
    }

    Person add(const Case& c, PersonRole role, const std::string& given, const std::string& family)
    {
        PersonDraft p;
        p.caseId = c.id;
        p.role = role;
        p.givenName = given;
        p.familyName = family;
        return people::add(ws->people(), p);
    }

    void identify(const Person& p, const std::string& kind, const std::string& value)
    {
        people::addIdentifier(*ws, p.id, {kind, value, "fictional"});
    }
};

TEST_F(PersonRecordSourceTest, aPersonIsReadWithTheirIdentifiersSortedByKind)
{
    PersonDraft draft;
    draft.caseId = first.id;
    draft.role = PersonRole::Suspect;
    draft.givenName = "Jonathan";
    draft.familyName = "Smyth";
    draft.dateOfBirth = "1988-04-03";
    const Person jon = people::add(ws->people(), draft);
    identify(jon, "alias", "Jon Smith");
    identify(jon, "phone", "07700 900123");
    identify(jon, "phone", "07700 900456");
    identify(jon, "email", "jon.fictional@example.com");
    identify(jon, "handle", "@jonfict");
    identify(jon, "vehicle", "FI26 CTN");
    identify(jon, "address", "1 Fictional Row, Testbury TE1 1ST");
    identify(jon, "police-id", "PNC 26/000001X");

    const auto record = source.find(jon.id);
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->personId, jon.id);
    EXPECT_EQ(record->personUuid, jon.uuid);
    EXPECT_EQ(record->caseId, first.id);
    EXPECT_EQ(record->role, PersonRole::Suspect);
    EXPECT_EQ(record->givenName, "Jonathan");
    EXPECT_EQ(record->familyName, "Smyth");
    EXPECT_EQ(record->dateOfBirth, std::optional<std::string>("1988-04-03"));
    EXPECT_FALSE(record->ageYears.has_value());
    EXPECT_FALSE(record->ageOnDate.has_value());
    EXPECT_EQ(record->aliases, std::vector<std::string>{"Jon Smith"});
    EXPECT_EQ(record->phones, (std::vector<std::string>{"07700 900123", "07700 900456"}));
    EXPECT_EQ(record->emails, std::vector<std::string>{"jon.fictional@example.com"});
    EXPECT_EQ(record->handles, std::vector<std::string>{"@jonfict"});
    EXPECT_EQ(record->vehicles, std::vector<std::string>{"FI26 CTN"});
    EXPECT_EQ(record->addresses, std::vector<std::string>{"1 Fictional Row, Testbury TE1 1ST"});
    EXPECT_EQ(record->policeIds, std::vector<std::string>{"PNC 26/000001X"});
}

TEST_F(PersonRecordSourceTest, anUnknownPersonIsNotFound)
{
    EXPECT_FALSE(source.find(4242).has_value());
}

TEST_F(PersonRecordSourceTest, everyPersonOfEveryCaseIsReadEachWithOnlyTheirOwnIdentifiers)
{
    const Person a = add(first, PersonRole::Victim, "Alex", "Fictional");
    const Person b = add(first, PersonRole::Suspect, "Brian", "Testcase");
    const Person c = add(second, PersonRole::Witness, "Cara", "Madeup");
    const Person d = add(second, PersonRole::Suspect, "Dev", "Invented");
    identify(b, "phone", "07700 900001");
    identify(d, "phone", "07700 900002");
    identify(b, "email", "brian@example.com");
    identify(a, "alias", "Lex");

    const auto all = source.all();
    ASSERT_EQ(all.size(), 4U);
    EXPECT_EQ(all[0].personId, a.id);
    EXPECT_EQ(all[0].role, PersonRole::Victim);
    EXPECT_EQ(all[0].aliases, std::vector<std::string>{"Lex"});
    EXPECT_TRUE(all[0].phones.empty());
    EXPECT_EQ(all[1].personId, b.id);
    EXPECT_EQ(all[1].phones, std::vector<std::string>{"07700 900001"});
    EXPECT_EQ(all[1].emails, std::vector<std::string>{"brian@example.com"});
    EXPECT_EQ(all[2].personId, c.id);
    EXPECT_EQ(all[2].role, PersonRole::Witness);
    EXPECT_TRUE(all[2].phones.empty());
    EXPECT_EQ(all[3].personId, d.id);
    EXPECT_EQ(all[3].caseId, second.id);
    EXPECT_EQ(all[3].phones, std::vector<std::string>{"07700 900002"});

    const auto ofSecond = source.forCase(second.id);
    ASSERT_EQ(ofSecond.size(), 2U);
    EXPECT_EQ(ofSecond[0].personId, c.id);
    EXPECT_EQ(ofSecond[1].personId, d.id);
    EXPECT_EQ(ofSecond[1].phones, std::vector<std::string>{"07700 900002"});
    EXPECT_TRUE(source.forCase(4242).empty());
}

TEST_F(PersonRecordSourceTest, onlyPeopleChangedSinceAnInstantAreReadWhenAsked)
{
    const Person early = add(first, PersonRole::Suspect, "Early", "Fictional");
    const Person quiet = add(first, PersonRole::Suspect, "Quiet", "Fictional");
    const Person edited = add(second, PersonRole::Suspect, "Edited", "Fictional");
    const Instant cut = clock->now();
    clock->advance(std::chrono::hours(1));
    identify(early, "phone", "07700 900777");
    Person changed = edited;
    changed.familyName = "Refictioned";
    people::update(ws->people(), changed);
    const Person late = add(second, PersonRole::Witness, "Late", "Fictional");

    const auto since = source.all(cut);
    ASSERT_EQ(since.size(), 3U);
    EXPECT_EQ(since[0].personId, early.id);
    EXPECT_EQ(since[0].phones, std::vector<std::string>{"07700 900777"});
    EXPECT_EQ(since[1].personId, edited.id);
    EXPECT_EQ(since[1].familyName, "Refictioned");
    EXPECT_EQ(since[2].personId, late.id);
    EXPECT_EQ(source.all(clock->now()).size(), 0U);
    EXPECT_EQ(source.all().size(), 4U);
    (void)quiet;
}

TEST_F(PersonRecordSourceTest, aPersonWhoseIdentifierWasRemovedIsReadAsChanged)
{
    const Person kept = add(first, PersonRole::Suspect, "Kept", "Fictional");
    const Person lost = add(second, PersonRole::Suspect, "Lost", "Fictional");
    identify(kept, "phone", "07700 900101");
    const auto phone = people::addIdentifier(*ws, lost.id, {"phone", "07700 900102", "fictional"});
    clock->advance(std::chrono::hours(1));
    const Instant cut = clock->now();
    clock->advance(std::chrono::hours(1));
    EXPECT_TRUE(source.all(cut).empty()) << "nothing changed since";

    people::removeIdentifier(*ws, phone.id);
    const auto since = source.all(cut);
    const auto it = std::find_if(since.begin(), since.end(), [&](const auto& r) { return r.personId == lost.id; });
    ASSERT_NE(it, since.end()) << "the person who lost an identifier has changed";
    EXPECT_TRUE(it->phones.empty());
    clock->advance(std::chrono::hours(1));
    EXPECT_TRUE(source.all(clock->now()).empty()) << "the removal is before this instant";
}

TEST_F(PersonRecordSourceTest, anAgeIsDatedTheLondonDayOfTheLastUpdate)
{
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    clock->set(test::ManualClock::at(2026, 6, 30, 23, 30));
    PersonDraft draft;
    draft.caseId = first.id;
    draft.role = PersonRole::Suspect;
    draft.givenName = "Aged";
    draft.familyName = "Fictional";
    draft.ageYears = 34;
    Person aged = people::add(ws->people(), draft);
    auto record = source.find(aged.id);
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->ageYears, std::optional<int>(34));
    EXPECT_EQ(record->ageOnDate, std::optional<std::string>("2026-07-01"));

    // In winter London is on GMT: 23:30 UTC is the same day.
    clock->set(test::ManualClock::at(2026, 12, 1, 23, 30));
    aged.ageYears = 35;
    people::update(ws->people(), aged);
    record = source.find(aged.id);
    EXPECT_EQ(record->ageYears, std::optional<int>(35));
    EXPECT_EQ(record->ageOnDate, std::optional<std::string>("2026-12-01"));
}

TEST_F(PersonRecordSourceTest, aLockedWorkspaceSaysSo)
{
    ws->lock();
    try {
        (void)source.all();
        ADD_FAILURE() << "expected Error(Locked)";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Locked);
    }
}

} // namespace
