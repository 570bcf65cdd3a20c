// SPDX-License-Identifier: GPL-3.0-or-later
// The fingerprint of a person's matching details (core/matching/Fingerprint): the same details retyped give the
// same value, any change to a detail matching compares gives another, and the value is stable across builds.
// Fictional people and numbers only (Ofcom drama range).
#include <gtest/gtest.h>

#include <set>

#include "core/matching/Fingerprint.h"

using namespace wb::core;
using matching::fingerprint;
using matching::PersonRecord;

namespace {

PersonRecord jon()
{
    PersonRecord r;
    r.personId = 7;
    r.personUuid = "6f1c2d3e-0000-4000-8000-000000000007";
    r.caseId = 3;
    r.role = PersonRole::Suspect;
    r.givenName = "Jon";
    r.familyName = "Smyth";
    r.dateOfBirth = "1988-04-03";
    r.aliases = {"Johnny Fictional"};
    r.phones = {"07700 900123"};
    r.emails = {"jon.smyth@example.org"};
    r.handles = {"jonfict"};
    r.vehicles = {"AB12 CDE"};
    r.addresses = {"1 Fictional Road, Exampleton EX1 2AB"};
    r.policeIds = {"PNC 26/000001X"};
    return r;
}

TEST(FingerprintTest, isTheSchemeAndSixtyFourHexDigits)
{
    const std::string f = fingerprint(jon());
    ASSERT_EQ(f.size(), 2u + 64u);
    EXPECT_EQ(f.substr(0, 2), "1:");
    EXPECT_EQ(f.find_first_not_of("0123456789abcdef", 2), std::string::npos) << f;
    EXPECT_EQ(fingerprint(jon()), f) << "deterministic";
}

TEST(FingerprintTest, staysTheSameAcrossBuilds)
{
    // A stored decision keeps its fingerprints for years: a build that hashed differently would propose every
    // pair decided "different" again. Change this value only with a new FingerprintScheme. Computed independently
    // (Python's hashlib.blake2b over the documented encoding: 8-byte big-endian lengths, sets sorted).
    EXPECT_EQ(fingerprint(jon()), "1:24234c74d7092173325db6a5eb4df5a5290d1ff7d5e57a62e07333cd9d2eee61");
}

TEST(FingerprintTest, retypingTheSameDetailsKeepsIt)
{
    const std::string f = fingerprint(jon());
    PersonRecord r = jon();
    r.givenName = "  JON ";
    r.familyName = "smyth";
    r.aliases = {"johnny   fictional", "Johnny Fictional"}; // a repeat counts once
    r.phones = {"+44 7700 900123"};
    r.emails = {" Jon.Smyth@EXAMPLE.org"};
    r.handles = {"@JonFict"};
    r.vehicles = {"ab12cde"};
    r.addresses = {"1 fictional road exampleton ex1 2ab"};
    r.policeIds = {"pnc26000001x"};
    EXPECT_EQ(fingerprint(r), f);
    for (const char* phone : {"0044 7700-900-123", "+44 (0)7700 900123", "(07700) 900 123"}) {
        r.phones = {phone};
        EXPECT_EQ(fingerprint(r), f) << phone;
    }
    r.phones = {"7700 900123"};
    EXPECT_NE(fingerprint(r), f) << "without the trunk 0: another string of digits, left to the matching model";
}

TEST(FingerprintTest, theOrderOfIdentifiersDoesNotCount)
{
    PersonRecord a = jon();
    a.phones = {"07700 900123", "07700 900456"};
    PersonRecord b = jon();
    b.phones = {"07700 900456", "07700 900123"};
    EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(FingerprintTest, recordIdsCaseRoleAndTheAgeDateAreNotMatchingDetails)
{
    const std::string f = fingerprint(jon());
    PersonRecord r = jon();
    r.personId = 99;
    r.personUuid = "6f1c2d3e-0000-4000-8000-000000000099";
    r.caseId = 12;
    r.role = PersonRole::Witness;
    r.ageOnDate = "2026-12-07";
    EXPECT_EQ(fingerprint(r), f);
}

TEST(FingerprintTest, everyMatchingDetailChangesIt)
{
    const std::string f = fingerprint(jon());
    const std::vector<std::pair<const char*, void (*)(PersonRecord&)>> changes{
        {"given name", [](PersonRecord& r) { r.givenName = "Jonathan"; }},
        {"family name", [](PersonRecord& r) { r.familyName = "Smith"; }},
        {"date of birth", [](PersonRecord& r) { r.dateOfBirth = "1988-03-04"; }},
        {"no date of birth", [](PersonRecord& r) { r.dateOfBirth.reset(); }},
        {"age", [](PersonRecord& r) { r.ageYears = 38; }},
        {"alias", [](PersonRecord& r) { r.aliases.push_back("JS"); }},
        {"phone", [](PersonRecord& r) { r.phones = {"07700 900124"}; }},
        {"email", [](PersonRecord& r) { r.emails.clear(); }},
        {"handle", [](PersonRecord& r) { r.handles = {"jonfict2"}; }},
        {"vehicle", [](PersonRecord& r) { r.vehicles.push_back("XY34 ZZZ"); }},
        {"address", [](PersonRecord& r) { r.addresses = {"2 Fictional Road, Exampleton EX1 2AB"}; }},
        {"police id", [](PersonRecord& r) { r.policeIds = {"PNC 26/000002X"}; }},
    };
    std::set<std::string> seen{f};
    for (const auto& [what, change] : changes) {
        PersonRecord r = jon();
        change(r);
        const std::string changed = fingerprint(r);
        EXPECT_NE(changed, f) << what;
        EXPECT_TRUE(seen.insert(changed).second) << what << " hashes like another change";
    }
}

TEST(FingerprintTest, aValueMovedToAnotherDetailChangesIt)
{
    PersonRecord a;
    a.givenName = "Jon Smyth";
    PersonRecord b;
    b.givenName = "Jon";
    b.familyName = "Smyth";
    EXPECT_NE(fingerprint(a), fingerprint(b));
    PersonRecord c;
    c.aliases = {"07700 900123"};
    PersonRecord d;
    d.phones = {"07700 900123"};
    EXPECT_NE(fingerprint(c), fingerprint(d));
    PersonRecord e;
    e.givenName = "Jon";
    e.familyName = "Smyth";
    EXPECT_NE(fingerprint(e), fingerprint(PersonRecord{})) << "an empty record has its own value too";
}

} // namespace
