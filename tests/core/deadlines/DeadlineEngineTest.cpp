// SPDX-License-Identifier: GPL-3.0-or-later
// The pure deadline engine with hand-built snapshots and the shipped rules, calendar and enquiry
// catalogue: for each rule, when it applies, and each state (upcoming, due today, overdue, met on
// time, met late).
// This file: supervisory review points, enquiry due dates and windows, the calendar's limits, determinism and
// the states at their boundaries. The victim rules are in DeadlineEngineVictimTest, bail and evidence in
// DeadlineEngineEvidenceTest.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/core/deadlines/DeadlineEngineTestSupport.h"

namespace wb::core::deadlines {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
using namespace enginetest;

TEST(DeadlineEngineTest, supervisoryReviewPoints)
{
    auto s = baseCase(); // reported Monday 1 June 09:00 UTC
    auto first = *one(eval(s, at("2026-06-02T12:00:00Z")), "supervision-first-review");
    EXPECT_EQ(first.due, at("2026-06-04T09:00:00Z")); // 72 hours
    EXPECT_EQ(first.personId, 0);
    EXPECT_FALSE(first.confirmed);
    EXPECT_EQ(first.action.recordType, "review");
    EXPECT_TRUE(all(eval(s, at("2026-06-02T12:00:00Z")), "supervision-every-28-days").empty());
    EXPECT_EQ(one(eval(s, at("2026-06-04T10:00:00Z")), "supervision-first-review")->state, DueState::Overdue);

    s.reviews = {{60, "review-60", at("2026-06-03T10:00:00Z")}, {61, "review-61", at("2026-07-10T10:00:00Z")}};
    const auto items = eval(s, at("2026-07-11T12:00:00Z"));
    EXPECT_EQ(one(items, "supervision-first-review")->state, DueState::MetOnTime);
    const auto periodic = all(items, "supervision-every-28-days");
    ASSERT_EQ(periodic.size(), 2u);
    EXPECT_EQ(periodic[0].triggerUuid, "review-61");
    EXPECT_EQ(periodic[0].due, at("2026-08-07T22:59:59Z"));
    EXPECT_EQ(periodic[0].state, DueState::Upcoming);
    EXPECT_EQ(periodic[1].due, at("2026-07-01T22:59:59Z"));
    EXPECT_EQ(periodic[1].state, DueState::MetLate);
}

TEST(DeadlineEngineTest, enquiryDueDates)
{
    auto s = baseCase();
    s.enquiries = {{40, "enq-40", "SUS-PRE-001", "planned", d("2026-06-10"), at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), ""},
                   {41, "enq-41", "", "in_progress", std::nullopt, at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), "Speak to the neighbour at number 4"}};
    auto item = *one(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due");
    EXPECT_EQ(item.due, at("2026-06-10T22:59:59Z"));
    EXPECT_FALSE(item.timed); // the end of a London day: shown as a date, without a time
    EXPECT_EQ(item.action.recordType, "enquiry");
    EXPECT_EQ(item.action.recordId, 40);
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(one(eval(s, at("2026-06-10T12:00:00Z")), "enquiry-due")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-06-11T12:00:00Z")), "enquiry-due")->state, DueState::Overdue);
    s.enquiries[0].status = "done";
    s.enquiries[0].updatedAt = at("2026-06-09T12:00:00Z");
    EXPECT_EQ(one(eval(s, at("2026-06-11T12:00:00Z")), "enquiry-due")->state, DueState::MetOnTime);
    s.enquiries[0].status = "not_possible";
    s.enquiries[0].updatedAt = at("2026-06-12T12:00:00Z");
    EXPECT_EQ(one(eval(s, at("2026-06-13T12:00:00Z")), "enquiry-due")->state, DueState::MetLate);
}

// Issue 14: each item says what it is about: the catalogue's title, or the officer's own.
TEST(DeadlineEngineTest, enquiryDueItemsSayWhatTheyAreAbout)
{
    auto s = baseCase();
    s.enquiries = {{40, "enq-40", "SUS-PRE-001", "planned", d("2026-06-10"), at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), ""},
                   {41, "enq-41", "", "planned", d("2026-06-11"), at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), "Speak to the neighbour at number 4"}};
    const auto items = all(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due");
    ASSERT_EQ(items.size(), 2u);
    const auto* entry = test::enquiries()->find("SUS-PRE-001");
    ASSERT_NE(entry, nullptr);
    std::string about = entry->title;
    about[0] = static_cast<char>(about[0] - 'A' + 'a');
    EXPECT_EQ(items[0].title, "Line of enquiry due: " + about);
    EXPECT_EQ(items[1].title, "Line of enquiry due: speak to the neighbour at number 4");
    // An abbreviation keeps its capitals; an untitled own enquiry keeps the rule's title.
    s.enquiries[1].title = "CCTV from the taxi rank";
    EXPECT_EQ(all(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due")[1].title,
              "Line of enquiry due: CCTV from the taxi rank");
    s.enquiries[1].title.clear();
    EXPECT_EQ(all(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due")[1].title, "Line of enquiry due");
}

// Issue 14: an enquiry accepted from a forensic window is due when the window closes, not at 23:59 of that day, and
// the window's own item (which opens the enquiry) is the one item Today shows for it.
TEST(DeadlineEngineTest, acceptedWindowedEnquiryIsDueWhenTheWindowCloses)
{
    auto s = baseCase(); // reported 1 June 09:00 UTC
    s.facts["offence.lastContactAt"] = at("2026-05-31T22:00:00Z");
    s.facts["offence.acts"] = nom::TextList{"vaginal"};
    // FOR-001: 168 hours -> 7 June 22:00 UTC (23:00 London, BST): accepted with that London day as its due date.
    s.enquiries = {{40, "enq-40", "FOR-001", "planned", d("2026-06-07"), at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), ""}};
    const auto items = eval(s, at("2026-06-07T20:00:00Z"));
    EXPECT_TRUE(all(items, "enquiry-due").empty());
    DueItem window;
    for (const auto& item : items) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            window = item;
        }
    }
    EXPECT_EQ(window.due, at("2026-06-07T22:00:00Z"));
    EXPECT_TRUE(window.timed);
    EXPECT_EQ(window.action.recordId, 40);
    EXPECT_EQ(window.state, DueState::DueToday);
    for (const auto& item : eval(s, at("2026-06-07T22:00:01Z"))) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            EXPECT_EQ(item.state, DueState::Overdue) << "overdue one second after the close, not at 23:59";
        }
    }

    // Without the window rule (a force removed it), the enquiry's own item carries the closing instant.
    std::ifstream in(fs::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json");
    auto json = nlohmann::json::parse(in);
    auto& list = json["rules"];
    list.erase(std::remove_if(list.begin(), list.end(), [](const auto& r) { return r["id"] == "forensic-window"; }),
               list.end());
    const RuleSet noWindows = RuleSet::fromJson(json.dump());
    const auto own =
        all(evaluateCase(noWindows, calendar(), s, at("2026-06-07T20:00:00Z"), test::enquiries().get()), "enquiry-due");
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0].due, at("2026-06-07T22:00:00Z"));
    EXPECT_TRUE(own[0].timed);

    // A due date the officer moved to another day: the end of that day, and its own item.
    s.enquiries[0].dueOn = d("2026-06-09");
    const auto moved = all(eval(s, at("2026-06-07T20:00:00Z")), "enquiry-due");
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_EQ(moved[0].due, at("2026-06-09T22:59:59Z"));
    EXPECT_FALSE(moved[0].timed);
    // No time of last contact recorded: no window, so the due date's day.
    s.enquiries[0].dueOn = d("2026-06-07");
    s.facts.erase("offence.lastContactAt");
    const auto unknown = all(eval(s, at("2026-06-05T20:00:00Z")), "enquiry-due");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0].due, at("2026-06-07T22:59:59Z"));
}

TEST(DeadlineEngineTest, datesBeyondTheBankHolidayFileAreCountedOnWeekdaysAndSaySo)
{
    auto s = baseCase();
    s.events = {{5, "event-5", "arrest", at("2031-05-23T10:00:00Z")}}; // a Friday
    const auto item = *one(eval(s, at("2031-05-23T12:00:00Z")), "right6-arrest");
    EXPECT_EQ(item.due, at("2031-05-26T22:59:59Z")); // Monday (bank holidays unknown)
    EXPECT_NE(item.detail.find("Bank holidays are not known"), std::string::npos);
}

TEST(DeadlineEngineTest, deterministicAndSortedByUrgency)
{
    auto s = baseCase();
    s.events = {{5, "event-5", "arrest", at("2026-06-03T10:00:00Z")},
                {6, "event-6", "interview-under-caution", at("2026-06-08T10:00:00Z")}};
    s.plans = {{1, "plan-1", VictimId, d("2026-06-01"), 7, "phone", false, std::nullopt}};
    s.contacts = {contact(1, "2026-06-04T10:00:00Z", "event-notification", VictimId, {"event-5"})};
    const Instant now = at("2026-06-09T08:00:00Z");
    const auto a = eval(s, now);
    const auto b = eval(s, now);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].key(), b[i].key());
        EXPECT_EQ(a[i].due, b[i].due);
        EXPECT_EQ(a[i].state, b[i].state);
    }
    const auto rank = [](DueState st) {
        return st == DueState::Overdue ? 0 : st == DueState::DueToday ? 1 : st == DueState::Upcoming ? 2 : 3;
    };
    for (std::size_t i = 1; i < a.size(); ++i) {
        EXPECT_LE(rank(a[i - 1].state), rank(a[i].state));
    }
    // Keys are unique.
    for (std::size_t i = 0; i < a.size(); ++i) {
        for (std::size_t j = i + 1; j < a.size(); ++j) {
            EXPECT_NE(a[i].key(), a[j].key());
        }
    }
}

TEST(DeadlineEngineTest, stateOfBoundaries)
{
    const Instant due = at("2026-06-04T22:59:59Z");
    EXPECT_EQ(stateOf(due, std::nullopt, due), DueState::DueToday);
    EXPECT_EQ(stateOf(due, std::nullopt, due + seconds(1)), DueState::Overdue);
    EXPECT_EQ(stateOf(due, std::nullopt, at("2026-06-03T23:00:00Z")), DueState::DueToday); // London midnight
    EXPECT_EQ(stateOf(due, std::nullopt, at("2026-06-03T22:59:59Z")), DueState::Upcoming);
    EXPECT_EQ(stateOf(due, due, due + days(3)), DueState::MetOnTime);
    EXPECT_EQ(stateOf(due, due + seconds(1), due + days(3)), DueState::MetLate);
}

} // namespace
} // namespace wb::core::deadlines
