// SPDX-License-Identifier: GPL-3.0-or-later
// The people use cases (core::people): a person added, updated and removed with their identifiers and
// relationships; refusals write nothing. Fictional people and numbers only (Ofcom drama range).
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/people/People.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;

namespace {

class PeopleTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "people.rwb");
    Case c = ws->cases().add(test::caseDraft("FICT/PE/26"));

    PersonDraft draft(PersonRole role, const std::string& given, const std::string& family) const
    {
        PersonDraft p;
        p.caseId = c.id;
        p.role = role;
        p.givenName = given;
        p.familyName = family;
        return p;
    }

    std::size_t count(std::string_view type, std::int64_t parent)
    {
        return ws->records().list(recordSpec(type), parent).size();
    }

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

TEST_F(PeopleTest, aPersonIsAddedUpdatedAndRemoved)
{
    Person alex = people::add(ws->people(), draft(PersonRole::Victim, "Alex", "Fictional"));
    EXPECT_GT(alex.id, 0);
    alex.pronouns = "they/them";
    const Person updated = people::update(ws->people(), alex);
    EXPECT_EQ(updated.pronouns, std::optional<std::string>("they/them"));
    EXPECT_EQ(ws->people().find(alex.id)->pronouns, updated.pronouns);
    people::remove(ws->people(), alex.id);
    EXPECT_FALSE(ws->people().find(alex.id).has_value());
}

TEST_F(PeopleTest, aPersonWithoutANameIsRefusedAndNothingWritten)
{
    const Error e = refusal([&] { people::add(ws->people(), draft(PersonRole::Victim, "  ", "")); });
    EXPECT_EQ(e.code(), ErrorCode::Validation);
    EXPECT_EQ(e.field(), "givenName");
    EXPECT_TRUE(ws->people().listForCase(c.id).empty());
}

TEST_F(PeopleTest, identifiersAreTrimmedAndABlankValueIsRefused)
{
    const Person alex = people::add(ws->people(), draft(PersonRole::Victim, "Alex", "Fictional"));
    const Record phone = people::addIdentifier(*ws, alex.id, {"phone", "  07700 900123 ", " evenings "});
    EXPECT_EQ(phone.get("value"), "07700 900123");
    EXPECT_EQ(phone.get("note"), "evenings");

    const Error e = refusal([&] { people::addIdentifier(*ws, alex.id, {"phone", "   ", "note"}); });
    EXPECT_EQ(e.code(), ErrorCode::Validation);
    EXPECT_EQ(e.field(), "value");
    EXPECT_EQ(count("identifier", alex.id), 1u) << "nothing is written when refused";

    people::removeIdentifier(*ws, phone.id);
    EXPECT_EQ(count("identifier", alex.id), 0u);
}

TEST_F(PeopleTest, aRelationshipLinksAVictimAndASuspectOfTheCaseOnly)
{
    const Person victim = people::add(ws->people(), draft(PersonRole::Victim, "Alex", "Fictional"));
    const Person suspect = people::add(ws->people(), draft(PersonRole::Suspect, "Sam", "Example"));
    const Record link = people::link(*ws, c.id, {victim.id, suspect.id, "acquaintance", " Met at a fictional gym "});
    EXPECT_EQ(link.get("description"), "Met at a fictional gym");
    EXPECT_EQ(link.get("victim_id"), std::to_string(victim.id));

    // Roles swapped, and no suspect at all: refused, naming the field.
    EXPECT_EQ(refusal([&] {
                  people::link(*ws, c.id, {suspect.id, victim.id, "acquaintance", ""});
              }).code(),
              ErrorCode::Validation);
    const Error none = refusal([&] { people::link(*ws, c.id, {victim.id, 0, "acquaintance", ""}); });
    EXPECT_EQ(none.code(), ErrorCode::Validation);
    EXPECT_EQ(none.field(), "suspect_id");
    EXPECT_EQ(count("relationship", c.id), 1u);

    people::unlink(*ws, link.id);
    EXPECT_EQ(count("relationship", c.id), 0u);
}

} // namespace
