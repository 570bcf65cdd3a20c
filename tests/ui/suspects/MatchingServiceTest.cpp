// SPDX-License-Identifier: GPL-3.0-or-later
// The repeat-suspect hub (ui/suspects/MatchingService) on its own: the latest search wins while one runs, the index
// goes with the key on lock, a saved person is brought into the index before the next search, a removed case takes
// its people with it, and decisions recorded anywhere reach the screens through the bridge. Fictional people only.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <QSignalSpy>
#include <QTest>

#include "ui/suspects/SuspectsWorld.h"

namespace wb::ui::test {
namespace {

using core::PersonRole;

class MatchingServiceTest : public SuspectsWorld
{
protected:
    void SetUp() override
    {
        SuspectsWorld::SetUp();
        jon = add(one, PersonRole::Suspect, "Jon", "Smyth");
        jonathan = add(two, PersonRole::Suspect, "Jonathan", "Smith");
        core::people::addIdentifier(ws(), jon.id, {"phone", "07700 900123", ""});
        core::people::addIdentifier(ws(), jonathan.id, {"phone", "07700 900123", ""});
    }

    /// What the People tab asks about a suspect being typed in case one (not saved: no id).
    core::matching::PersonRecord typed(const std::string& given, const std::string& family, const std::string& phone)
    {
        core::matching::PersonRecord subject;
        subject.caseId = one.id;
        subject.role = PersonRole::Suspect;
        subject.givenName = given;
        subject.familyName = family;
        if (!phone.empty()) {
            subject.phones.push_back(phone);
        }
        return subject;
    }

    /// Searches and waits for the answer: the names of the candidates, or nullopt on an error.
    std::optional<std::vector<std::string>> search(core::matching::PersonRecord subject)
    {
        bool answered = false;
        std::optional<std::vector<std::string>> names;
        matching->findCandidates(
            std::move(subject), &context,
            [&](const std::optional<core::Error>& error, const core::suspects::CandidateResult& r) {
                answered = true;
                if (!error) {
                    names.emplace();
                    for (const auto& c : r.candidates) {
                        names->push_back(c.other.record.givenName + " " + c.other.record.familyName);
                    }
                }
            });
        EXPECT_TRUE(waitFor([&] { return answered; }));
        return names;
    }

    static bool contains(const std::optional<std::vector<std::string>>& names, const std::string& name)
    {
        return names && std::find(names->begin(), names->end(), name) != names->end();
    }

    QObject context;
    core::Person jon;
    core::Person jonathan;
};

TEST_F(MatchingServiceTest, whileASearchWaitsTheLatestRequestReplacesTheOneWaitingWhoseAnswerNeverComes)
{
    std::atomic_bool release{false};
    session.run(
        QStringLiteral("A fictional long job"),
        [&release] {
            while (!release.load()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        },
        &context, [](const std::optional<core::Error>&) {});
    ASSERT_TRUE(session.busy());

    std::vector<std::string> answered;
    const auto ask = [&](const std::string& label, core::matching::PersonRecord subject) {
        matching->findCandidates(
            std::move(subject), &context,
            [&answered, label](const std::optional<core::Error>& error, const core::suspects::CandidateResult&) {
                EXPECT_FALSE(error.has_value()) << label;
                answered.push_back(label);
            });
    };
    ask("first", typed("J", "S", ""));                    // starts (waits behind the long job)
    ask("second", typed("Jo", "Sm", ""));                 // waits
    ask("third", typed("Jon", "Smyth", ""));              // replaces the second
    ask("latest", typed("Jon", "Smyth", "07700 900123")); // replaces the third
    QCoreApplication::processEvents();
    EXPECT_TRUE(answered.empty()) << "nothing answers while the long job holds the workspace";
    release.store(true);
    ASSERT_TRUE(waitFor([&] { return answered.size() == 2; }));
    QTest::qWait(100); // no late answer for a replaced request either
    EXPECT_EQ(answered, (std::vector<std::string>{"first", "latest"}));
}

TEST_F(MatchingServiceTest, aRequestWhoseScreenIsGoneIsNotAnswered)
{
    bool answered = false;
    {
        QObject gone;
        matching->findCandidates(
            typed("Jon", "Smyth", "07700 900123"), &gone,
            [&](const std::optional<core::Error>&, const core::suspects::CandidateResult&) { answered = true; });
    }
    // A later search is answered: the hub is not stuck on the request whose screen went.
    EXPECT_TRUE(contains(search(typed("Jon", "Smyth", "07700 900123")), "Jonathan Smith"));
    EXPECT_FALSE(answered);
}

TEST_F(MatchingServiceTest, theIndexGoesWithTheKeyOnLockAndASearchWhileLockedSaysSo)
{
    EXPECT_FALSE(matching->hasIndex()) << "built on first use, not before";
    EXPECT_TRUE(contains(search(typed("Jon", "Smyth", "07700 900123")), "Jonathan Smith"));
    EXPECT_TRUE(matching->hasIndex());

    session.lock();
    ASSERT_TRUE(waitFor([&] { return !session.isUnlocked(); }));
    EXPECT_FALSE(matching->hasIndex()) << "every recorded person's details went with the key";
    std::optional<core::Error> refused;
    bool answered = false;
    matching->findCandidates(typed("Jon", "Smyth", ""), &context,
                             [&](const std::optional<core::Error>& error, const core::suspects::CandidateResult&) {
                                 answered = true;
                                 refused = error;
                             });
    ASSERT_TRUE(waitFor([&] { return answered; }));
    ASSERT_TRUE(refused.has_value());
    EXPECT_EQ(refused->code(), core::ErrorCode::Locked);
    EXPECT_FALSE(matching->hasIndex());

    ws().unlock(core::Workspace::deriveForOpen(dir.path() / "suspects.rwb", wb::test::Passphrase));
    EXPECT_TRUE(contains(search(typed("Jon", "Smyth", "07700 900123")), "Jonathan Smith"))
        << "built again after unlocking";
}

TEST_F(MatchingServiceTest, aSavedPersonAndAnIdentifierAreInTheNextSearchAndARemovedCaseTakesItsPeople)
{
    const auto subject = [this] { return typed("Jonny", "Smythe", "07700 900456"); };
    EXPECT_FALSE(contains(search(subject()), "Jonny Smythe"));
    ASSERT_TRUE(matching->hasIndex());

    // Saved in case two after the index was built: found by the next search.
    const core::Person jonny = add(two, PersonRole::Witness, "Jonny", "Smythe");
    core::people::addIdentifier(ws(), jonny.id, {"phone", "07700 900456", ""});
    ASSERT_TRUE(waitFor([&] { return contains(search(subject()), "Jonny Smythe"); }))
        << "the bridge's events bring the new person and their phone into the index";

    // Renamed: the old name is gone from the index at the next search.
    core::Person renamed = ws().people().find(jonny.id).value();
    renamed.givenName = "Alexander";
    renamed.familyName = "Example";
    core::people::update(ws().people(), renamed);
    ASSERT_TRUE(waitFor([&] { return !contains(search(subject()), "Jonny Smythe"); }));

    // Case two removed with its people: nobody of it is proposed any more.
    ws().cases().remove(two.id);
    ASSERT_TRUE(waitFor([&] {
        const auto names = search(typed("Jon", "Smyth", "07700 900123"));
        return names && !contains(names, "Jonathan Smith");
    }));
}

TEST_F(MatchingServiceTest, aDecisionRecordedOutsideTheScreensReachesThemThroughTheBridge)
{
    QSignalSpy changed(matching.get(), &MatchingService::decisionsChanged);
    core::suspects::decide(ws(), {jon.id, jonathan.id, core::MatchVerdict::Same, "Same phone (fictional)"});
    ASSERT_TRUE(waitFor([&] { return changed.count() == 1; }));
    EXPECT_FALSE(contains(search(core::suspects::matchingDetails(ws(), jon)), "Jonathan Smith"))
        << "Jon is linked to Jonathan now: not proposed again";
}

} // namespace
} // namespace wb::ui::test
