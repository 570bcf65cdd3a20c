// SPDX-License-Identifier: GPL-3.0-or-later
// The deadline engine's bail and evidence rules with hand-built snapshots: the bail period, RUI reviews, the
// forensic windows from the enquiry catalogue and a victim's device held longer than 24 hours.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/core/deadlines/DeadlineEngineTestSupport.h"

namespace wb::core::deadlines {
namespace {

using namespace std::chrono;
using namespace enginetest;

TEST(DeadlineEngineTest, bailPeriodEndsWithWarningExtensionsAndEnd)
{
    auto s = baseCase();
    s.bails = {{7, "bail-7", "bail", d("2026-06-03"), d("2026-09-03"), std::nullopt, {}, std::nullopt, {}}};
    auto item = *one(eval(s, at("2026-08-01T12:00:00Z")), "bail-period-end");
    EXPECT_EQ(item.due, at("2026-09-03T22:59:59Z"));
    EXPECT_EQ(item.warnFrom, at("2026-08-19T23:00:00Z")); // London midnight, 20 August
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(item.action.recordId, 7);
    EXPECT_EQ(item.personId, 0);
    EXPECT_EQ(one(eval(s, at("2026-09-03T12:00:00Z")), "bail-period-end")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-09-04T12:00:00Z")), "bail-period-end")->state, DueState::Overdue);

    // Extended two days late to 3 December: the first end is met late, the new end is open.
    s.bails[0].extensions = {{20, "ext-20", d("2026-12-03"), d("2026-09-05")}};
    auto items = all(eval(s, at("2026-09-06T12:00:00Z")), "bail-period-end");
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].triggerUuid, "ext-20");
    EXPECT_EQ(items[0].state, DueState::Upcoming);
    EXPECT_EQ(items[0].due, at("2026-12-03T23:59:59Z")); // GMT
    EXPECT_EQ(items[1].state, DueState::MetLate);

    // Bail ended before the new end: met on time.
    s.bails[0].endedOn = d("2026-10-01");
    items = all(eval(s, at("2026-10-02T12:00:00Z")), "bail-period-end");
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].state, DueState::MetLate); // met ones by due: the first end, then the extended one
    EXPECT_EQ(items[1].triggerUuid, "ext-20");
    EXPECT_EQ(items[1].state, DueState::MetOnTime);
    EXPECT_EQ(items[1].metAt, at("2026-09-30T23:00:00Z"));

    // Released under investigation: no bail period.
    s.bails = {{8, "bail-8", "rui", d("2026-06-03"), std::nullopt, std::nullopt, {}, std::nullopt, {}}};
    EXPECT_TRUE(all(eval(s, at("2026-06-04T12:00:00Z")), "bail-period-end").empty());
}

TEST(DeadlineEngineTest, ruiReviews)
{
    auto s = baseCase();
    s.bails = {{8, "bail-8", "rui", d("2026-06-03"), std::nullopt, std::nullopt, {}, std::nullopt, {}}};
    s.ruiReviews = {{30, "review-30", 8, d("2026-07-01"), std::nullopt}};
    auto item = *one(eval(s, at("2026-06-20T12:00:00Z")), "rui-review");
    EXPECT_EQ(item.due, at("2026-07-01T22:59:59Z"));
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(item.action.recordType, "rui_review");
    EXPECT_EQ(item.action.recordId, 30);
    EXPECT_EQ(one(eval(s, at("2026-07-01T12:00:00Z")), "rui-review")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-07-02T12:00:00Z")), "rui-review")->state, DueState::Overdue);
    s.ruiReviews[0].reviewedOn = d("2026-07-01");
    EXPECT_EQ(one(eval(s, at("2026-07-02T12:00:00Z")), "rui-review")->state, DueState::MetOnTime);
    s.ruiReviews[0].reviewedOn = d("2026-07-03");
    EXPECT_EQ(one(eval(s, at("2026-07-04T12:00:00Z")), "rui-review")->state, DueState::MetLate);
    // The RUI has ended and the review was never done: no longer needed.
    s.ruiReviews[0].reviewedOn.reset();
    s.bails[0].endedOn = d("2026-06-20");
    EXPECT_TRUE(all(eval(s, at("2026-07-04T12:00:00Z")), "rui-review").empty());
}

TEST(DeadlineEngineTest, forensicWindowsFromTheCatalogue)
{
    auto s = baseCase(); // reported 1 June 09:00 UTC
    s.facts["offence.lastContactAt"] = at("2026-05-31T22:00:00Z");
    s.facts["offence.acts"] = nom::TextList{"vaginal"};
    auto items = all(eval(s, at("2026-06-02T12:00:00Z")), "forensic-window");
    const DueItem* vaginal = nullptr;
    for (const auto& item : items) {
        EXPECT_NE(item.triggerUuid, "catalogue:FOR-003"); // no oral act recorded
        if (item.triggerUuid == "catalogue:FOR-001") {
            vaginal = &item;
        }
    }
    ASSERT_NE(vaginal, nullptr);
    EXPECT_EQ(vaginal->due, at("2026-06-07T22:00:00Z")); // 168 hours, to the second
    EXPECT_EQ(vaginal->triggeredAt, at("2026-05-31T22:00:00Z"));
    EXPECT_FALSE(vaginal->confirmed);
    EXPECT_NE(vaginal->title.find("7 days"), std::string::npos);
    EXPECT_EQ(vaginal->action.recordType, "enquiry");
    EXPECT_EQ(vaginal->action.preset.at("catalogue_id"), "FOR-001");
    EXPECT_EQ(vaginal->state, DueState::Upcoming);

    // Tracked and done: met when the enquiry was last updated; open and tracked: opens that enquiry.
    s.enquiries = {{40, "enq-40", "FOR-001", "in_progress", std::nullopt, at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), ""}};
    for (const auto& item : eval(s, at("2026-06-08T12:00:00Z"))) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            EXPECT_EQ(item.state, DueState::Overdue);
            EXPECT_EQ(item.action.recordId, 40);
        }
    }
    s.enquiries[0].status = "done";
    s.enquiries[0].updatedAt = at("2026-06-02T15:00:00Z");
    for (const auto& item : eval(s, at("2026-06-08T12:00:00Z"))) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            EXPECT_EQ(item.state, DueState::MetOnTime);
            EXPECT_EQ(item.metAt, at("2026-06-02T15:00:00Z"));
        }
    }

    // A range: counted from its end. Windows already closed when the case was reported: no items.
    s.facts["offence.lastContactAt"] = nom::DateRange{at("2026-05-20T00:00:00Z"), at("2026-05-31T00:00:00Z")};
    bool found = false;
    for (const auto& item : eval(s, at("2026-06-02T12:00:00Z"))) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            EXPECT_EQ(item.due, at("2026-06-07T00:00:00Z"));
            found = true;
        }
    }
    EXPECT_TRUE(found);
    s.facts["offence.lastContactAt"] = at("2026-04-01T22:00:00Z");
    EXPECT_TRUE(all(eval(s, at("2026-06-02T12:00:00Z")), "forensic-window").empty());

    // Without a catalogue there are no forensic windows.
    s.facts["offence.lastContactAt"] = at("2026-05-31T22:00:00Z");
    EXPECT_TRUE(
        all(evaluateCase(rules(), calendar(), s, at("2026-06-02T12:00:00Z"), nullptr), "forensic-window").empty());
}

TEST(DeadlineEngineTest, victimDeviceHeldMoreThan24Hours)
{
    auto s = baseCase();
    s.victimDevices = {
        {50, "device-50", VictimId, at("2026-06-03T10:00:00Z"), std::nullopt, false, at("2026-06-03T10:05:00Z")}};
    auto item = *one(eval(s, at("2026-06-03T12:00:00Z")), "victim-device-24h");
    EXPECT_EQ(item.due, at("2026-06-04T10:00:00Z"));
    EXPECT_TRUE(item.timed);
    EXPECT_TRUE(item.target); // issue 14: a government aim, not a legal deadline
    EXPECT_NE(item.title.find("target"), std::string::npos);
    EXPECT_EQ(item.warnFrom, at("2026-06-04T04:00:00Z"));
    EXPECT_EQ(item.personId, VictimId);
    EXPECT_EQ(item.action.recordType, "device");
    EXPECT_EQ(item.action.recordId, 50);
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(one(eval(s, at("2026-06-04T09:00:00Z")), "victim-device-24h")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-06-04T10:00:01Z")), "victim-device-24h")->state, DueState::Overdue);
    s.victimDevices[0].returnedAt = at("2026-06-04T09:30:00Z");
    EXPECT_EQ(one(eval(s, at("2026-06-05T12:00:00Z")), "victim-device-24h")->state, DueState::MetOnTime);
    s.victimDevices[0].returnedAt = at("2026-06-06T09:30:00Z");
    EXPECT_EQ(one(eval(s, at("2026-06-07T12:00:00Z")), "victim-device-24h")->state, DueState::MetLate);
    // A swap phone given (recorded when the record was updated) meets it.
    s.victimDevices[0].returnedAt.reset();
    s.victimDevices[0].swapGiven = true;
    s.victimDevices[0].updatedAt = at("2026-06-03T18:00:00Z");
    auto swapped = *one(eval(s, at("2026-06-07T12:00:00Z")), "victim-device-24h");
    EXPECT_EQ(swapped.state, DueState::MetOnTime);
    EXPECT_EQ(swapped.metAt, at("2026-06-03T18:00:00Z"));
    // Not seized yet (no seized_at): nothing is due.
    s.victimDevices[0].seizedAt.reset();
    EXPECT_TRUE(all(eval(s, at("2026-06-07T12:00:00Z")), "victim-device-24h").empty());
}

} // namespace
} // namespace wb::core::deadlines
