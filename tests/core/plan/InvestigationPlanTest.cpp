// SPDX-License-Identifier: GPL-3.0-or-later
// The investigation plan: proposals joined with the officer's choices, the credibility guardrail on intrusive
// enquiries, plan reviews and what changes when the facts change. Fictional case and facts only.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/Error.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using namespace std::chrono_literals;

namespace {

class InvestigationPlanTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "plan.rwb");
    Case c = ws->cases().add(test::caseDraft("FICT/P4/26"));
    const nom::EnquiryCatalogue& enquiries = *test::enquiries();
    const nom::QuestionCatalogue& questions = *test::questions();
    Instant now = nowUtc();

    void SetUp() override
    {
        // A fictional report: an acquaintance met at a party, messages since, images taken, last contact 2 days ago;
        // a recorded line of enquiry asks for a download of the victim's phone (issue 14: DF-003 needs one).
        answer("relationship.category", std::string("acquaintance"));
        answer("suspect.known", true);
        answer("suspect.digitalContact", true);
        answer("victim.wantsInvestigation", std::string("investigation"));
        answer("offence.imagesTaken", true);
        answer("offence.victimMaterialAsked", nom::TextList{"victim-phone-download"});
        answer("offence.lastContactAt", now - 48h);
    }

    void answer(const std::string& question, const std::optional<nom::FactValue>& value)
    {
        ws->context().answer(c.id, question, value, questions);
    }

    plan::PlanView view() { return plan::build(*ws, c.id, enquiries, questions, now); }

    std::size_t count(std::string_view type) { return ws->records().listForCase(recordSpec(type), c.id).size(); }

    static const plan::PlanItem* item(const std::vector<plan::PlanItem>& items, const std::string& id)
    {
        const auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.enquiryId == id; });
        return it == items.end() ? nullptr : &*it;
    }

    plan::AcceptRequest justified(const std::string& id)
    {
        plan::AcceptRequest request;
        request.enquiryId = id;
        request.lineOfEnquiry = "Fictional: the suspect's messages on the victim's phone are said to be deleted.";
        request.necessityProportionality = "Fictional: only the dates around the offence; nothing else can show them.";
        request.lessIntrusiveOptions = "Fictional: screenshots were tried and do not show the deleted thread.";
        return request;
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

TEST_F(InvestigationPlanTest, suspectFocusedLinesComeFirstGroupedByPrinciple)
{
    const auto v = view();
    ASSERT_GT(v.proposals.size(), 5u);
    EXPECT_EQ(v.catalogueVersion, enquiries.version());
    EXPECT_EQ(v.proposals.front().entry->principle, nom::Principle::SuspectFocused);
    bool leftSuspectFocused = false;
    std::vector<nom::Principle> seen;
    for (const auto& i : v.proposals) {
        ASSERT_NE(i.entry, nullptr);
        ASSERT_TRUE(i.proposal.has_value());
        EXPECT_EQ(i.choice, plan::Choice::Open);
        if (i.entry->principle != nom::Principle::SuspectFocused) {
            leftSuspectFocused = true;
        } else {
            EXPECT_FALSE(leftSuspectFocused) << i.enquiryId << " comes after another principle";
        }
        // Each principle is one contiguous group.
        if (seen.empty() || seen.back() != i.entry->principle) {
            EXPECT_EQ(std::count(seen.begin(), seen.end(), i.entry->principle), 0) << i.enquiryId;
            seen.push_back(i.entry->principle);
        }
    }
    EXPECT_NE(item(v.proposals, "DF-003"), nullptr) << "the fictional facts propose the full phone download";
    EXPECT_TRUE(v.newSinceReview.empty()) << "never reviewed: nothing is 'new since the last review'";
    EXPECT_FALSE(v.lastReview.has_value());
}

TEST_F(InvestigationPlanTest, acceptStoresCatalogueIdVersionAndDueDateFromTheWindow)
{
    const Record r =
        plan::accept(*ws, c.id, enquiries, questions, {"SUS-PRE-001", std::nullopt, std::nullopt, "", "", ""}, now);
    EXPECT_EQ(r.get("catalogue_id"), "SUS-PRE-001");
    EXPECT_EQ(r.get("catalogue_version"), enquiries.version());
    EXPECT_EQ(r.get("principle"), "suspect-focused");
    EXPECT_EQ(r.get("title"), enquiries.find("SUS-PRE-001")->title);
    EXPECT_EQ(r.get("status"), "planned");
    EXPECT_EQ(r.get("owner"), "DC Fictional Tester");
    EXPECT_EQ(r.get("accepted_by"), "DC Fictional Tester");
    EXPECT_EQ(r.get("intrudes"), "0");
    EXPECT_EQ(r.get("supervisor_review"), "not_needed");

    // An entry with an open window: the due date defaults to the day it closes (Europe/London).
    const auto v = view();
    const auto windowed = std::find_if(v.proposals.begin(), v.proposals.end(), [](const plan::PlanItem& i) {
        return i.proposal->due && !i.proposal->expired && !i.entry->intrudesOnVictimPrivacy;
    });
    ASSERT_NE(windowed, v.proposals.end());
    const Record w =
        plan::accept(*ws, c.id, enquiries, questions, {windowed->enquiryId, "DC Other", {}, "", "", ""}, now);
    EXPECT_EQ(w.get("due_on"), plan::londonDate(*windowed->proposal->due));
    EXPECT_EQ(w.get("owner"), "DC Other");

    const auto after = view();
    ASSERT_NE(item(after.proposals, "SUS-PRE-001"), nullptr);
    EXPECT_EQ(item(after.proposals, "SUS-PRE-001")->choice, plan::Choice::Accepted);
    EXPECT_EQ(item(after.proposals, "SUS-PRE-001")->enquiry->id, r.id);

    // Accepting the same entry twice is refused.
    const Error twice = refusal([&] {
        plan::accept(*ws, c.id, enquiries, questions, {"SUS-PRE-001", std::nullopt, {}, "", "", ""}, now);
    });
    EXPECT_EQ(twice.code(), ErrorCode::Conflict);
    EXPECT_EQ(count("enquiry"), 2u);
    EXPECT_EQ(refusal([&] {
                  plan::accept(*ws, c.id, enquiries, questions, {"NO-SUCH-1", std::nullopt, {}, "", "", ""}, now);
              }).code(),
              ErrorCode::NotFound);
}

TEST_F(InvestigationPlanTest, declineNeedsARationaleAndGoesToTheDecisionLog)
{
    for (const std::string blank : {"", "   ", " \n\t "}) {
        const Error e = refusal([&] { plan::decline(*ws, c.id, enquiries, "SUS-PRE-001", blank, now); });
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "rationale");
    }
    EXPECT_EQ(count("decision"), 0u) << "a refused decline writes nothing";

    const Record d =
        plan::decline(*ws, c.id, enquiries, "SUS-PRE-001", "  Fictional: CCTV already covers this.  ", now);
    EXPECT_EQ(d.get("decision"), "Declined line of enquiry SUS-PRE-001: " + enquiries.find("SUS-PRE-001")->title);
    EXPECT_EQ(d.get("rationale"), "Fictional: CCTV already covers this.");
    EXPECT_EQ(d.get("enquiry_ref"), "SUS-PRE-001");
    EXPECT_EQ(d.get("catalogue_version"), enquiries.version());
    EXPECT_EQ(d.get("decided_by"), "DC Fictional Tester");
    EXPECT_EQ(item(view().proposals, "SUS-PRE-001")->choice, plan::Choice::Declined);

    // Declining again supersedes the earlier decline: one current decline, both in the log.
    const Record again = plan::decline(*ws, c.id, enquiries, "SUS-PRE-001", "Fictional: revised reason.", now);
    EXPECT_EQ(again.get("supersedes_id"), std::to_string(d.id));
    EXPECT_EQ(item(view().proposals, "SUS-PRE-001")->decline->id, again.id);

    // The latest choice wins: accepting later makes it tracked; the declines stay in the log.
    plan::accept(*ws, c.id, enquiries, questions, {"SUS-PRE-001", std::nullopt, {}, "", "", ""}, now);
    const auto afterAccept = view();
    const auto* accepted = item(afterAccept.proposals, "SUS-PRE-001");
    ASSERT_NE(accepted, nullptr);
    ASSERT_TRUE(accepted->decline.has_value());
    EXPECT_EQ(accepted->choice, plan::Choice::Accepted);
    EXPECT_EQ(accepted->decline->id, again.id);
    EXPECT_EQ(count("decision"), 2u);
    // Once tracked it cannot be declined (record its result instead); nothing is written.
    EXPECT_EQ(refusal([&] { plan::decline(*ws, c.id, enquiries, "SUS-PRE-001", "Fictional.", now); }).code(),
              ErrorCode::Conflict);
    EXPECT_EQ(count("decision"), 2u);
}

TEST_F(InvestigationPlanTest, aFullVictimPhoneDownloadWithoutProportionalityIsRefused)
{
    const auto* entry = enquiries.find("DF-003");
    ASSERT_NE(entry, nullptr);
    ASSERT_TRUE(entry->intrudesOnVictimPrivacy);
    ASSERT_NE(entry->title.find("Full or broad download"), std::string::npos);

    auto request = justified("DF-003");
    request.necessityProportionality = "  ";
    const Error e = refusal([&] { plan::accept(*ws, c.id, enquiries, questions, request, now); });
    EXPECT_EQ(e.code(), ErrorCode::GuardrailRefused) << "the guardrail's refusal has its own reason";
    EXPECT_EQ(e.field(), "necessity_proportionality");
    EXPECT_NE(std::string(e.what()).find("necessary and proportionate"), std::string::npos) << e.what();

    request = justified("DF-003");
    request.lineOfEnquiry.clear();
    EXPECT_EQ(refusal([&] { plan::accept(*ws, c.id, enquiries, questions, request, now); }).field(), "line_of_enquiry");
    request = justified("DF-003");
    request.lessIntrusiveOptions.clear();
    EXPECT_EQ(refusal([&] { plan::accept(*ws, c.id, enquiries, questions, request, now); }).field(),
              "less_intrusive_options");
    EXPECT_EQ(count("enquiry"), 0u) << "nothing is written when refused";

    const Record r = plan::accept(*ws, c.id, enquiries, questions, justified("DF-003"), now);
    EXPECT_EQ(r.get("intrudes"), "1");
    EXPECT_EQ(r.get("involves_device"), "1");
    EXPECT_EQ(r.get("supervisor_review"), "pending") << "flagged for supervisory review";
}

TEST_F(InvestigationPlanTest, aDeviceEnquiryCannotStartBeforeTheSection37Notice)
{
    const Record r = plan::accept(*ws, c.id, enquiries, questions, justified("DF-003"), now);
    const Error e = refusal([&] { plan::updateEnquiry(*ws, r.id, {{"status", "in_progress"}}); });
    EXPECT_EQ(e.field(), "s37_notice_date");
    EXPECT_EQ(ws->records().find(recordSpec("enquiry"), r.id)->get("status"), "planned");
    const std::string today = plan::londonDate(nowUtc() - 24h);
    const Record started = plan::updateEnquiry(*ws, r.id, {{"status", "in_progress"}, {"s37_notice_date", today}});
    EXPECT_EQ(started.get("status"), "in_progress");
    EXPECT_EQ(started.get("line_of_enquiry"), r.get("line_of_enquiry")) << "other fields are kept";
}

TEST_F(InvestigationPlanTest, aRefusedEnquiryCannotStart)
{
    const Record r = plan::accept(*ws, c.id, enquiries, questions, justified("DF-003"), now);
    // A review outcome needs the supervisor's name and time.
    EXPECT_EQ(refusal([&] {
                  plan::updateEnquiry(*ws, r.id, {{"supervisor_review", "refused"}});
              }).field(),
              "supervisor_name");
    plan::updateEnquiry(*ws, r.id,
                        {{"supervisor_review", "refused"},
                         {"supervisor_name", "DS Fictional Reviewer"},
                         {"supervisor_rank", "sergeant"},
                         {"supervisor_reviewed_at", toIsoUtc(now - 1h)},
                         {"supervisor_comment", "Fictional: selective capture first."}});
    const Error e = refusal([&] {
        plan::updateEnquiry(*ws, r.id, {{"status", "in_progress"}, {"s37_notice_date", plan::londonDate(now - 24h)}});
    });
    EXPECT_EQ(e.field(), "status");
    EXPECT_EQ(ws->records().find(recordSpec("enquiry"), r.id)->get("status"), "planned");
}

TEST_F(InvestigationPlanTest, whenFactsChangeThePlanShowsWhatIsNewAndWhatNoLongerAppliesKeepingDecisions)
{
    plan::accept(*ws, c.id, enquiries, questions, justified("DF-003"), now);
    plan::decline(*ws, c.id, enquiries, "DF-001", "Fictional: the victim has already shown the messages.", now);
    const Record review = plan::markReviewed(*ws, c.id, enquiries, questions, now);
    EXPECT_EQ(review.get("catalogue_version"), enquiries.version());
    EXPECT_NE(review.get("enquiry_ids").find("DF-003"), std::string::npos);
    auto v = view();
    ASSERT_TRUE(v.lastReview.has_value());
    EXPECT_TRUE(v.newSinceReview.empty());
    EXPECT_TRUE(v.noLongerProposed.empty());
    EXPECT_TRUE(v.noLongerApplies.empty());

    // New facts: no digital contact after all, so no line of enquiry asks for the phone download; force was used.
    answer("suspect.digitalContact", std::nullopt);
    answer("offence.victimMaterialAsked", std::nullopt);
    answer("offence.forceOrThreats", true);
    v = view();
    EXPECT_EQ(item(v.proposals, "DF-003"), nullptr);
    EXPECT_FALSE(v.newSinceReview.empty());
    for (const auto& id : v.newSinceReview) {
        const auto* i = item(v.proposals, id);
        ASSERT_NE(i, nullptr);
        EXPECT_TRUE(i->newSinceReview);
        EXPECT_EQ(("," + review.get("enquiry_ids") + ",").find("," + id + ","), std::string::npos) << id;
    }
    EXPECT_NE(std::find(v.noLongerProposed.begin(), v.noLongerProposed.end(), "DF-003"), v.noLongerProposed.end());
    EXPECT_NE(std::find(v.noLongerProposed.begin(), v.noLongerProposed.end(), "DF-001"), v.noLongerProposed.end());
    // Earlier decisions are kept and flagged.
    const auto* accepted = item(v.noLongerApplies, "DF-003");
    ASSERT_NE(accepted, nullptr);
    EXPECT_EQ(accepted->choice, plan::Choice::Accepted);
    EXPECT_FALSE(accepted->proposal.has_value());
    EXPECT_TRUE(accepted->inLastReview);
    const auto* declined = item(v.noLongerApplies, "DF-001");
    ASSERT_NE(declined, nullptr);
    EXPECT_EQ(declined->choice, plan::Choice::Declined);
    EXPECT_EQ(count("enquiry"), 1u);
    EXPECT_EQ(count("decision"), 1u);

    // A second review takes the new state as the baseline.
    plan::markReviewed(*ws, c.id, enquiries, questions, now + 1s);
    v = plan::build(*ws, c.id, enquiries, questions, now + 1s);
    EXPECT_TRUE(v.newSinceReview.empty());
    EXPECT_TRUE(v.noLongerProposed.empty());
    ASSERT_NE(item(v.noLongerApplies, "DF-003"), nullptr) << "an accepted enquiry is never lost";
    EXPECT_FALSE(item(v.noLongerApplies, "DF-003")->inLastReview);
}

TEST_F(InvestigationPlanTest, ownEnquiriesAreListedAndFollowTheGuardrailToo)
{
    plan::OwnEnquiry own;
    own.title = "Fictional: speak to the taxi firm the suspect used";
    own.owner = "DC Fictional Colleague";
    own.dueOn = plan::londonDate(now + 72h);
    const Record r = plan::addOwn(*ws, c.id, own, now);
    EXPECT_TRUE(r.get("catalogue_id").empty());
    const auto v = view();
    ASSERT_EQ(v.ownEnquiries.size(), 1u);
    EXPECT_EQ(v.ownEnquiries[0].get("title"), own.title);
    EXPECT_EQ(v.ownEnquiries[0].get("owner"), "DC Fictional Colleague");

    plan::OwnEnquiry intrusive;
    intrusive.title = "Fictional: counselling notes";
    intrusive.principle = "context-led";
    intrusive.intrudes = true;
    EXPECT_EQ(refusal([&] { plan::addOwn(*ws, c.id, intrusive, now); }).field(), "line_of_enquiry");
    own.title = "   ";
    EXPECT_EQ(refusal([&] { plan::addOwn(*ws, c.id, own, now); }).field(), "title");
    EXPECT_EQ(count("enquiry"), 1u);
}

TEST_F(InvestigationPlanTest, theSameFactsGiveTheSameView)
{
    plan::accept(*ws, c.id, enquiries, questions, {"SUS-PRE-001", std::nullopt, {}, "", "", ""}, now);
    const auto a = view();
    const auto b = view();
    ASSERT_EQ(a.proposals.size(), b.proposals.size());
    for (std::size_t i = 0; i < a.proposals.size(); ++i) {
        EXPECT_EQ(a.proposals[i].enquiryId, b.proposals[i].enquiryId);
        EXPECT_EQ(a.proposals[i].choice, b.proposals[i].choice);
        EXPECT_EQ(a.proposals[i].proposal->due, b.proposals[i].proposal->due);
        EXPECT_EQ(a.proposals[i].proposal->reasons, b.proposals[i].proposal->reasons);
    }
    // Another case with the same facts gets the same proposals in the same order.
    const Case other = ws->cases().add(test::caseDraft("FICT/P5/26"));
    for (const auto& [key, value] : ws->context().facts(c.id, questions)) {
        ws->context().answer(other.id, key, value, questions);
    }
    const auto o = plan::build(*ws, other.id, enquiries, questions, now);
    ASSERT_EQ(o.proposals.size(), a.proposals.size());
    for (std::size_t i = 0; i < a.proposals.size(); ++i) {
        EXPECT_EQ(o.proposals[i].enquiryId, a.proposals[i].enquiryId);
        EXPECT_EQ(o.proposals[i].choice, plan::Choice::Open) << "choices belong to their own case";
    }
}

TEST(InvestigationPlanLondonDate, followsBritishSummerTime)
{
    EXPECT_EQ(plan::londonDate(*parseIsoUtc("2026-01-15T23:30:00Z")), "2026-01-15"); // GMT
    EXPECT_EQ(plan::londonDate(*parseIsoUtc("2026-07-15T23:30:00Z")), "2026-07-16"); // BST: 00:30 next day
    // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
    EXPECT_EQ(plan::londonDate(*parseIsoUtc("2026-03-28T23:30:00Z")), "2026-03-28");
    EXPECT_EQ(plan::londonDate(*parseIsoUtc("2026-03-29T23:30:00Z")), "2026-03-30");
    EXPECT_EQ(plan::londonDate(*parseIsoUtc("2026-10-24T23:30:00Z")), "2026-10-25");
    EXPECT_EQ(plan::londonDate(*parseIsoUtc("2026-10-25T23:30:00Z")), "2026-10-25");
}

} // namespace

TEST_F(InvestigationPlanTest, thePlanListsTheQuestionsThatWouldOpenMoreLinesFromTheCasesFacts)
{
    auto v = view();
    const auto expected = plan::openingQuestions(enquiries, questions, ws->context().facts(c.id, questions), now);
    ASSERT_FALSE(v.openingQuestions.empty());
    ASSERT_EQ(v.openingQuestions.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(v.openingQuestions[i].question->id, expected[i].question->id);
        EXPECT_EQ(v.openingQuestions[i].opens.size(), expected[i].opens.size());
    }
    const auto listed = [&v](const std::string& id) {
        return std::any_of(v.openingQuestions.begin(), v.openingQuestions.end(),
                           [&](const plan::OpeningQuestion& q) { return q.question->id == id; });
    };
    // Answered questions are not asked again; once answered, a listed question leaves the list.
    EXPECT_FALSE(listed("suspect.known"));
    const std::string first = v.openingQuestions.front().question->id;
    const auto answer0 = plan::candidateAnswers(*v.openingQuestions.front().question, now).front();
    answer(first, answer0);
    v = view();
    EXPECT_FALSE(listed(first));
}
