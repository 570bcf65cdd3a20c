// SPDX-License-Identifier: GPL-3.0-or-later
// The bail and order due items (issue 14): a bail period counted from the arrest, with the days on
// bail awaiting a CPS charging decision left out and the clock paused while that lasts.
#include <gtest/gtest.h>

#include "core/deadlines/BailOrderDueItems.h"
#include "core/deadlines/Calendar.h"
#include "core/deadlines/RuleSet.h"
#include "tests/support/TestSupport.h"

namespace wb::core::deadlines {
namespace {

Date d(const char* iso)
{
    return parseIsoDate(iso).value();
}

Instant at(const char* iso)
{
    return parseIsoUtc(iso).value();
}

CaseSnapshot::Bail bailArrested(const char* arrested, const char* end)
{
    CaseSnapshot::Bail b;
    b.id = 7;
    b.uuid = "bail-7";
    b.kind = "bail";
    b.startDate = d(arrested);
    b.arrestedOn = d(arrested);
    b.abpEnd = d(end);
    return b;
}

TEST(BailOrderDueItems, BailEndSaysHowItWasCounted)
{
    const auto steps = bailEndSteps(bailArrested("2026-04-30", "2026-07-31"));
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].due, at("2026-07-31T22:59:59Z"));
    EXPECT_EQ(steps[0].recordId, 7);
    EXPECT_NE(steps[0].detail.find("Arrested on 30 April 2026: the bail start date is 1 May 2026"), std::string::npos)
        << steps[0].detail;
    EXPECT_NE(steps[0].detail.find("end on 31 July 2026"), std::string::npos) << steps[0].detail;
    EXPECT_EQ(steps[0].detail.find("not counted"), std::string::npos);
}

TEST(BailOrderDueItems, WithoutAnArrestDateTheEndIsShownAsEntered)
{
    auto b = bailArrested("2026-04-30", "2026-07-31");
    b.arrestedOn.reset();
    const auto steps = bailEndSteps(b);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].due, at("2026-07-31T22:59:59Z"));
    EXPECT_NE(steps[0].detail.find("arrest date is not recorded"), std::string::npos) << steps[0].detail;
}

TEST(BailOrderDueItems, DaysAwaitingACpsDecisionMoveTheEndLater)
{
    auto b = bailArrested("2026-04-30", "2026-07-31");
    b.pauses = {{1, d("2026-06-01"), d("2026-06-10")}};
    auto steps = bailEndSteps(b);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].due, at("2026-08-10T22:59:59Z"));
    EXPECT_NE(steps[0].detail.find("10 days on bail awaiting a CPS charging decision"), std::string::npos)
        << steps[0].detail;

    // Still awaiting the decision: the clock is paused, nothing falls due.
    b.pauses.push_back({2, d("2026-07-20"), std::nullopt});
    EXPECT_TRUE(bailEndSteps(b).empty());

    // An extension authorised before the pause: the first end is met, the extended end is paused.
    b.extensions = {{20, "ext-20", d("2026-10-31"), d("2026-07-15")}};
    steps = bailEndSteps(b);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_TRUE(steps[0].metAt.has_value());

    // The decision arrived on 29 July (10 more days): the extended end moves 20 days in all.
    b.pauses[1].to = d("2026-07-29");
    steps = bailEndSteps(b);
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[1].uuid, "ext-20");
    EXPECT_EQ(steps[1].due, at("2026-11-20T23:59:59Z"));
    EXPECT_FALSE(steps[1].metAt.has_value());
}

TEST(BailOrderDueItems, ReleasedUnderInvestigationHasNoBailEnd)
{
    auto b = bailArrested("2026-04-30", "2026-07-31");
    b.kind = "rui";
    EXPECT_TRUE(bailEndSteps(b).empty());
}

const Calendar& calendar()
{
    static const Calendar c =
        Calendar::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json");
    return c;
}

CaseSnapshot::Order order(const char* type)
{
    CaseSnapshot::Order o;
    o.id = 5;
    o.uuid = "order-5";
    o.type = type;
    return o;
}

TEST(BailOrderDueItems, NoticeHearingWithin48HoursNotCountingSundaysAndHolidays)
{
    CaseSnapshot s;
    auto dvpn = order("dvpn");
    dvpn.servedAt = at("2026-04-02T11:00:00Z"); // Thursday before Easter, 12:00 London
    s.orders = {dvpn};
    auto steps = orderHearingSteps(s, calendar(), 48);
    ASSERT_EQ(steps.size(), 1u);
    // Good Friday, Easter Sunday and Easter Monday do not count: Tuesday 12:00 London.
    EXPECT_EQ(steps[0].due, at("2026-04-07T11:00:00Z"));
    EXPECT_EQ(steps[0].recordId, 5);
    EXPECT_FALSE(steps[0].metAt);
    // Met by the hearing recorded, or by the notice ending.
    s.orders[0].hearingAt = at("2026-04-07T09:00:00Z");
    EXPECT_EQ(orderHearingSteps(s, calendar(), 48)[0].metAt, at("2026-04-07T09:00:00Z"));
    s.orders[0].hearingAt.reset();
    s.orders[0].endedOn = d("2026-04-03");
    EXPECT_TRUE(orderHearingSteps(s, calendar(), 48)[0].metAt.has_value());
    // A DAPN has the same clock; an SRO, a DVPO, or a notice not yet served has none.
    auto dapn = order("dapn");
    dapn.servedAt = at("2026-06-06T17:00:00Z"); // Saturday 18:00 London
    auto sro = order("sro");
    sro.servedAt = at("2026-06-06T17:00:00Z");
    s.orders = {dapn, sro, order("dvpn"), order("dvpo")};
    steps = orderHearingSteps(s, calendar(), 48);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].due, at("2026-06-09T17:00:00Z"));
    // A year the bank-holiday file does not cover: counted without bank holidays, and the step says so.
    s.orders = {dvpn};
    s.orders[0].servedAt = at("2031-06-02T09:00:00Z");
    steps = orderHearingSteps(s, calendar(), 48);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].due, at("2031-06-04T09:00:00Z"));
    EXPECT_NE(steps[0].detail.find("Bank holidays are not known"), std::string::npos);
}

TEST(BailOrderDueItems, OrderExpiryFallsDueOnItsLastDay)
{
    CaseSnapshot s;
    auto dvpo = order("dvpo");
    dvpo.madeOn = d("2026-06-01");
    dvpo.expiresOn = d("2026-06-29");
    auto sro = order("sro"); // no expiry recorded: no item
    sro.madeOn = d("2026-06-01");
    s.orders = {dvpo, sro};
    auto steps = orderExpirySteps(s);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].due, at("2026-06-29T22:59:59Z"));
    EXPECT_NE(steps[0].detail.find("29 June 2026"), std::string::npos);
    EXPECT_FALSE(steps[0].metAt);
    s.orders[0].endedOn = d("2026-06-20");
    EXPECT_EQ(orderExpirySteps(s)[0].metAt, at("2026-06-19T23:00:00Z"));
}

TEST(BailOrderDueItems, ShippedRulesGiveTheHearingAndExpiryItems)
{
    const auto rules = RuleSet::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json");
    CaseSnapshot s;
    s.caseId = 1;
    s.uuid = "case-1";
    s.reportedAt = at("2026-06-01T09:00:00Z");
    auto dvpn = order("dvpn");
    dvpn.servedAt = at("2026-06-06T17:00:00Z");
    auto dvpo = order("dvpo");
    dvpo.id = 6;
    dvpo.uuid = "order-6";
    dvpo.madeOn = d("2026-06-09");
    dvpo.expiresOn = d("2026-07-07");
    s.orders = {dvpn, dvpo};
    const auto items = evaluateCase(rules, calendar(), s, at("2026-06-08T12:00:00Z"), nullptr);
    const DueItem* hearing = nullptr;
    const DueItem* expiry = nullptr;
    for (const auto& i : items) {
        if (i.ruleId == "order-hearing") {
            hearing = &i;
        }
        if (i.ruleId == "order-expiry") {
            expiry = &i;
        }
    }
    ASSERT_NE(hearing, nullptr);
    EXPECT_EQ(hearing->kind, DueKind::Order);
    EXPECT_EQ(hearing->due, at("2026-06-09T17:00:00Z"));
    EXPECT_EQ(hearing->state, DueState::Upcoming);
    EXPECT_EQ(hearing->action.recordType, "order");
    EXPECT_EQ(hearing->action.recordId, 5);
    EXPECT_TRUE(hearing->confirmed);
    ASSERT_NE(expiry, nullptr);
    EXPECT_EQ(expiry->due, at("2026-07-07T22:59:59Z"));
    EXPECT_EQ(expiry->warnFrom, at("2026-06-22T23:00:00Z"));
    // No order, no item.
    s.orders.clear();
    for (const auto& i : evaluateCase(rules, calendar(), s, at("2026-06-08T12:00:00Z"), nullptr)) {
        EXPECT_NE(i.kind, DueKind::Order) << i.ruleId;
    }
}

} // namespace
} // namespace wb::core::deadlines
