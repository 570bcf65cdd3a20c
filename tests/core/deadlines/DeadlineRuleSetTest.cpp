// SPDX-License-Identifier: GPL-3.0-or-later
// The deadline rules file: the shipped one loads and agrees with the reference lists; bad ones are
// rejected with a message naming the rule and field.
#include <gtest/gtest.h>

#include <set>

#include "core/Error.h"
#include "core/deadlines/RuleSet.h"
#include "tests/support/TestSupport.h"

namespace wb::core::deadlines {
namespace {

namespace fs = std::filesystem;

const RuleSet& shipped()
{
    static const RuleSet rules = RuleSet::fromFile(fs::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json");
    return rules;
}

/// A valid rule with `fields` spliced in to add or override (later keys win in nlohmann::json).
std::string rule(const std::string& fields = {})
{
    return R"({"id": "r-1", "kind": "VictimUpdate", "title": "Tell the victim", "detail": "Basis", "source": "test [C]",
              "confirmed": true, "trigger": {"type": "case-event", "eventKinds": ["arrest"]},
              "offset": {"workingDays": 5}, "enhanced": {"workingDays": 1},
              "satisfiedBy": {"text": "a contact", "contactPurposes": ["event-notification"]},
              "action": {"recordType": "contact", "preset": {"purpose": "event-notification"}})" +
           (fields.empty() ? std::string() : ", " + fields) + "}";
}

std::string file(const std::string& rules)
{
    return R"({"kind": "deadline-rules", "format": 1, "version": "t", "source": "test", "rules": [)" + rules + "]}";
}

std::string errorFor(const std::string& json)
{
    try {
        RuleSet::fromJson(json, "test.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error for " << json;
    return {};
}

TEST(DeadlineRuleSetTest, shippedRulesLoadAndCoverTheIssue)
{
    const auto& rules = shipped();
    EXPECT_FALSE(rules.version().empty());
    std::set<DueKind> kinds;
    for (const auto& r : rules.rules()) {
        kinds.insert(r.kind);
        EXPECT_FALSE(r.source.empty()) << r.id;
    }
    for (auto kind : {DueKind::VictimUpdate, DueKind::DecisionExplained, DueKind::AgreedUpdate,
                      DueKind::SupportReferral, DueKind::BailEnd, DueKind::RuiReview, DueKind::ForensicWindow,
                      DueKind::DeviceReturn, DueKind::SupervisoryReview, DueKind::EnquiryDue, DueKind::CpsEarlyAdvice,
                      DueKind::RightToReview, DueKind::VictimStatement}) {
        EXPECT_EQ(kinds.count(kind), 1u) << toString(kind);
    }
    const auto* arrest = rules.find("right6-arrest");
    ASSERT_NE(arrest, nullptr);
    EXPECT_TRUE(arrest->confirmed);
    EXPECT_EQ(arrest->offset.unit, Offset::Unit::WorkingDays);
    EXPECT_EQ(arrest->offset.amount, 5);
    ASSERT_TRUE(arrest->enhanced);
    EXPECT_EQ(arrest->enhanced->amount, 1);
    EXPECT_EQ(rules.find("nope"), nullptr);
}

// Every Right 6 event kind of the reference list (right6 = yes) has a rule; every event kind, contact
// purpose and record type the rules name exists.
TEST(DeadlineRuleSetTest, shippedRulesAgreeWithTheReferenceLists)
{
    const auto& lists = *test::lists();
    std::set<std::string> covered;
    for (const auto& r : shipped().rules()) {
        for (const auto& kind : r.eventKinds) {
            EXPECT_TRUE(lists.list("case-event-kinds").contains(kind)) << r.id << " " << kind;
            covered.insert(kind);
        }
        for (const auto& purpose : r.satisfiedBy.contactPurposes) {
            EXPECT_TRUE(lists.list("contact-purposes").contains(purpose)) << r.id << " " << purpose;
        }
        if (const auto p = r.action.preset.find("purpose"); p != r.action.preset.end()) {
            EXPECT_TRUE(lists.list("contact-purposes").contains(p->second)) << r.id;
        }
    }
    for (const auto& item : lists.list("case-event-kinds").items()) {
        if (item.extraValue("right6") == "yes") {
            EXPECT_EQ(covered.count(item.code), 1u) << item.code << " has no rule";
        }
    }
}

TEST(DeadlineRuleSetTest, namesAndOffsets)
{
    for (auto t : {TriggerType::CaseEvent, TriggerType::BailRecord, TriggerType::CaseReported, TriggerType::ContactPlan,
                   TriggerType::BailPeriodEnd, TriggerType::RuiReview, TriggerType::ForensicWindow,
                   TriggerType::VictimDevice, TriggerType::SupervisoryReview, TriggerType::EnquiryDue}) {
        EXPECT_EQ(triggerTypeFromString(toString(t)), t);
    }
    EXPECT_FALSE(triggerTypeFromString("arrest"));
    EXPECT_EQ((Offset{Offset::Unit::WorkingDays, 1}).describe(), "1 working day");
    EXPECT_EQ((Offset{Offset::Unit::Hours, 24}).describe(), "24 hours");
    const auto set = RuleSet::fromJson(file(rule()));
    EXPECT_EQ(set.rules().size(), 1u);
    EXPECT_TRUE(set.rules().front().perVictim());
}

TEST(DeadlineRuleSetTest, badRulesNameTheRuleAndField)
{
    EXPECT_NE(errorFor("{").find("not valid JSON"), std::string::npos);
    EXPECT_NE(errorFor(R"({"kind": "deadline-rules", "format": 2, "version": "t"})").find("'format'"),
              std::string::npos);
    EXPECT_NE(errorFor(file("")).find("'rules' must be a non-empty array"), std::string::npos);
    EXPECT_NE(errorFor(file(rule() + "," + rule())).find("rule r-1: 'id' is used"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("id": "Bad Id")"))).find("rule 1: 'id'"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("kind": "Lunch")"))).find("rule r-1: 'kind'"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("title": "")"))).find("rule r-1: 'title'"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("confirmed": "yes")"))).find("rule r-1: 'confirmed'"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("sourse": "x")"))).find("sourse"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("trigger": {"type": "lunch"})"))).find("'trigger': 'type'"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("trigger": {"type": "case-event"})"))).find("'eventKinds'"), std::string::npos);
    EXPECT_NE(
        errorFor(file(rule(R"("trigger": {"type": "bail-record", "bailKinds": ["parole"]})"))).find("'bailKinds'"),
        std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("offset": {"workingDays": 0})"))).find("'offset': 'workingDays'"),
              std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("offset": {"days": 1, "hours": 2})"))).find("exactly one"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("offset": {"fromRecord": true})"))).find("no date of its own"), std::string::npos);
    EXPECT_NE(
        errorFor(file(rule(
                     R"("trigger": {"type": "enquiry-due"}, "offset": {"fromRecord": true}, "enhanced": {"days": 1})")))
            .find("'enhanced'"),
        std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("satisfiedBy": {"text": "x"})"))).find("'satisfiedBy'"), std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("satisfiedBy": {"text": "x", "supervisoryReview": true})"))).find("'satisfiedBy'"),
              std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("action": {"recordType": "lunch"})"))).find("'action': 'recordType'"),
              std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("action": {"recordType": "contact", "preset": {"colour": "red"}})")))
                  .find("'colour' is not a field of contact"),
              std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("warnBefore": {"months": 1})"))).find("'warnBefore'"), std::string::npos);
    // Issue 14: "per": "case" is for case-reported and case-event triggers only.
    EXPECT_NE(errorFor(file(rule(R"("trigger": {"type": "bail-record", "bailKinds": ["bail"], "per": "case"})")))
                  .find("'per'"),
              std::string::npos);
    // A rule per case is met by a supervisory review or case events, never by a contact.
    EXPECT_NE(errorFor(file(R"({"id": "r-3", "kind": "Other", "title": "T", "detail": "B", "source": "test [C]",
                                "confirmed": true,
                                "trigger": {"type": "case-event", "eventKinds": ["arrest"], "per": "case"},
                                "offset": {"days": 1},
                                "satisfiedBy": {"text": "x", "contactPurposes": ["event-notification"]},
                                "action": {"recordType": "contact"}})"))
                  .find("'satisfiedBy'"),
              std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("satisfiedBy": {"text": "x", "contactPurposes": ["event-notification"],
                                     "caseEvents": ["charged"]})")))
                  .find("'satisfiedBy'"),
              std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("satisfiedBy": {"text": "x", "caseEvents": []})"))).find("'caseEvents'"),
              std::string::npos);
    // "explainedEvent" needs contact purposes and an event trigger; "target" is a boolean.
    EXPECT_NE(errorFor(file(rule(R"("trigger": {"type": "case-reported"},
                                     "satisfiedBy": {"text": "x", "contactPurposes": ["event-notification"],
                                                     "explainedEvent": true})")))
                  .find("'explainedEvent'"),
              std::string::npos);
    EXPECT_NE(errorFor(file(rule(R"("target": "yes")"))).find("'target'"), std::string::npos);
}

// Issue 14: the new keys, where they apply.
TEST(DeadlineRuleSetTest, perCaseEventsTargetsAndExplainedEvents)
{
    const auto set = RuleSet::fromJson(file(
        rule(R"("id": "r-1", "target": true, "satisfiedBy": {"text": "x", "contactPurposes": ["event-notification"],
                                                             "explainedEvent": true})") +
        "," +
        R"({"id": "r-2", "kind": "CpsEarlyAdvice", "title": "Advice due", "detail": "Basis", "source": "test [C]",
             "confirmed": true,
             "trigger": {"type": "case-event", "eventKinds": ["early-advice-requested"], "per": "case"},
             "offset": {"days": 21}, "satisfiedBy": {"text": "x", "caseEvents": ["early-advice-received"]},
             "action": {"recordType": "case_event", "preset": {"kind": "early-advice-received"}}})"));
    const auto& first = set.rules()[0];
    EXPECT_TRUE(first.target);
    EXPECT_TRUE(first.satisfiedBy.explainedEvent);
    EXPECT_TRUE(first.perVictim());
    const auto& second = set.rules()[1];
    EXPECT_FALSE(second.target);
    EXPECT_FALSE(second.perVictim());
    EXPECT_EQ(second.satisfiedBy.caseEvents, std::vector<std::string>{"early-advice-received"});
    EXPECT_EQ(second.kind, DueKind::CpsEarlyAdvice);
    // The shipped device rule is a target; the Right 6 rules are met per event; the others are neither.
    EXPECT_TRUE(shipped().find("victim-device-24h")->target);
    EXPECT_FALSE(shipped().find("right6-arrest")->target);
    EXPECT_TRUE(shipped().find("right6-bail-granted")->satisfiedBy.explainedEvent);
    EXPECT_FALSE(shipped().find("nfa-explained")->satisfiedBy.explainedEvent);
}

} // namespace
} // namespace wb::core::deadlines
