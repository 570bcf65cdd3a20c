// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include "support/UiTestSupport.h"
#include "ui/session/SignalBridge.h"

namespace wb::ui::test {
namespace {

TEST(SignalBridge, DeliversCaseAddedQueuedAfterCommit)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "bridge.rwb");
    SignalBridge bridge(*workspace);
    QSignalSpy spy(&bridge, &SignalBridge::caseChanged);
    ASSERT_TRUE(spy.isValid());

    const auto added = workspace->cases().add(wb::test::caseDraft("FICT/0001/26"));
    // Queued: nothing arrives inside the core call, only from the event loop.
    EXPECT_EQ(spy.count(), 0);
    ASSERT_TRUE(waitFor([&] { return spy.count() == 1; }));
    const auto event = spy.at(0).at(0).value<core::CaseRepository::Event>();
    EXPECT_EQ(event.kind, core::ChangeKind::Added);
    EXPECT_EQ(event.record.id, added.id);
    EXPECT_EQ(event.record.reference, "FICT/0001/26");
}

TEST(SignalBridge, DeliversNothingForAFailedAdd)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "bridge.rwb");
    workspace->cases().add(wb::test::caseDraft("FICT/0002/26"));
    SignalBridge bridge(*workspace); // connected after the first add
    QSignalSpy cases(&bridge, &SignalBridge::caseChanged);
    QSignalSpy people(&bridge, &SignalBridge::personChanged);

    // Rolled back inside the transaction: duplicate reference.
    EXPECT_THROW(workspace->cases().add(wb::test::caseDraft("FICT/0002/26")), core::Error);
    // Rejected by validation before anything is written.
    EXPECT_THROW(workspace->cases().add(wb::test::caseDraft("")), core::Error);
    // A person for a case that does not exist: fails inside the transaction.
    core::PersonDraft person;
    person.caseId = 9999;
    person.givenName = "Alex";
    person.familyName = "Example";
    EXPECT_THROW(workspace->people().add(person), core::Error);

    // Every delivery is queued on this thread: running the posted events delivers all there are.
    QCoreApplication::sendPostedEvents();
    EXPECT_EQ(cases.count(), 0);
    EXPECT_EQ(people.count(), 0);
    EXPECT_EQ(workspace->cases().count(), 1);
    // A good add after them is the one change delivered.
    workspace->cases().add(wb::test::caseDraft("FICT/0003/26"));
    QCoreApplication::sendPostedEvents();
    EXPECT_EQ(cases.count(), 1);
    EXPECT_EQ(people.count(), 0);
}

TEST(SignalBridge, DeliversPersonAndLockEvents)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "bridge.rwb");
    const auto record = workspace->cases().add(wb::test::caseDraft("FICT/0003/26"));
    SignalBridge bridge(*workspace);
    QSignalSpy people(&bridge, &SignalBridge::personChanged);
    QSignalSpy locks(&bridge, &SignalBridge::lockChanged);

    core::PersonDraft person;
    person.caseId = record.id;
    person.role = core::PersonRole::Witness;
    person.givenName = "Casey";
    person.familyName = "Fictional";
    const auto added = workspace->people().add(person);
    workspace->lock();

    ASSERT_TRUE(waitFor([&] { return people.count() == 1 && locks.count() == 1; }));
    const auto event = people.at(0).at(0).value<core::PersonRepository::Event>();
    EXPECT_EQ(event.kind, core::ChangeKind::Added);
    EXPECT_EQ(event.record.id, added.id);
    EXPECT_EQ(event.record.caseId, record.id);
    EXPECT_TRUE(locks.at(0).at(0).toBool());
}

TEST(SignalBridge, DisconnectsFromCoreWhenDestroyed)
{
    TempDir dir;
    auto workspace = makeWorkspace(dir / "bridge.rwb");
    {
        SignalBridge bridge(*workspace);
        EXPECT_EQ(workspace->cases().changed.num_slots(), 1U);
        EXPECT_EQ(workspace->lockChanged.num_slots(), 1U);
    }
    EXPECT_EQ(workspace->cases().changed.num_slots(), 0U);
    EXPECT_EQ(workspace->people().changed.num_slots(), 0U);
    EXPECT_EQ(workspace->lockChanged.num_slots(), 0U);
    // And a change after that reaches nothing (no crash on a dead bridge).
    workspace->cases().add(wb::test::caseDraft("FICT/0004/26"));
    QCoreApplication::sendPostedEvents();
}

} // namespace
} // namespace wb::ui::test
