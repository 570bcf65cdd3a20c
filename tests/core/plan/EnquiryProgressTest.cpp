// SPDX-License-Identifier: GPL-3.0-or-later
// Recording a tracked enquiry's progress (core::plan::recordProgress), and the reasons core gives when it refuses:
// the guardrail's own code for a missing justification, Required for a finished enquiry without its result, a blank
// owner refused in core (it was a widget's check). Fictional case and facts only.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/plan/EnquiryProgress.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using namespace std::chrono_literals;

namespace {

class EnquiryProgressTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "progress.rwb");
    Case c = ws->cases().add(test::caseDraft("FICT/EP/26"));
    const nom::EnquiryCatalogue& enquiries = *test::enquiries();
    const nom::QuestionCatalogue& questions = *test::questions();
    Instant now = nowUtc();

    plan::AcceptRequest justified(const std::string& id)
    {
        plan::AcceptRequest request;
        request.enquiryId = id;
        request.lineOfEnquiry = "Fictional: the deleted thread with the suspect.";
        request.necessityProportionality = "Fictional: only the two days around the offence.";
        request.lessIntrusiveOptions = "Fictional: screenshots do not show the deleted thread.";
        return request;
    }

    plan::EnquiryProgress progressOf(const Record& r)
    {
        plan::EnquiryProgress p;
        p.owner = r.get("owner");
        p.dueOn = r.get("due_on");
        p.status = r.get("status");
        p.result = r.get("result");
        p.s37NoticeDate = r.get("s37_notice_date");
        p.justification = {r.get("line_of_enquiry"), r.get("necessity_proportionality"),
                           r.get("less_intrusive_options")};
        p.review.decision = r.get("supervisor_review");
        return p;
    }

    Record stored(std::int64_t id) { return *ws->records().find(recordSpec("enquiry"), id); }

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

TEST_F(EnquiryProgressTest, eachMissingJustificationIsAGuardrailRefusalNamingItsField)
{
    for (const char* field : {"line_of_enquiry", "necessity_proportionality", "less_intrusive_options"}) {
        auto request = justified("DF-003");
        if (std::string(field) == "line_of_enquiry") {
            request.lineOfEnquiry = " ";
        } else if (std::string(field) == "necessity_proportionality") {
            request.necessityProportionality.clear();
        } else {
            request.lessIntrusiveOptions.clear();
        }
        const Error e = refusal([&] { plan::accept(*ws, c.id, enquiries, questions, request, now); });
        EXPECT_EQ(e.code(), ErrorCode::GuardrailRefused) << field;
        EXPECT_EQ(e.field(), field);
    }
    EXPECT_TRUE(ws->records().listForCase(recordSpec("enquiry"), c.id).empty());
}

TEST_F(EnquiryProgressTest, aGivenOwnerMustNotBeBlankAndNoOwnerMeansTheWorkspaceOwner)
{
    auto request = justified("SUS-PRE-001");
    request.owner = "  ";
    const Error e = refusal([&] { plan::accept(*ws, c.id, enquiries, questions, request, now); });
    EXPECT_EQ(e.code(), ErrorCode::Validation);
    EXPECT_EQ(e.field(), "owner");
    plan::OwnEnquiry own;
    own.title = "Fictional: speak to the taxi firm";
    own.owner = "";
    EXPECT_EQ(refusal([&] { plan::addOwn(*ws, c.id, own, now); }).field(), "owner");
    EXPECT_TRUE(ws->records().listForCase(recordSpec("enquiry"), c.id).empty());

    request.owner = std::nullopt;
    EXPECT_EQ(plan::accept(*ws, c.id, enquiries, questions, request, now).get("owner"), "DC Fictional Tester");
    own.owner = " DC Fictional Colleague ";
    EXPECT_EQ(plan::addOwn(*ws, c.id, own, now).get("owner"), "DC Fictional Colleague");
}

TEST_F(EnquiryProgressTest, aFinishedEnquiryWithoutItsResultIsRequiredNotInvalid)
{
    const Record r = plan::accept(*ws, c.id, enquiries, questions, justified("SUS-PRE-001"), now);
    auto progress = progressOf(r);
    progress.status = "done";
    Error e = refusal([&] { plan::recordProgress(*ws, r.id, progress); });
    EXPECT_EQ(e.code(), ErrorCode::Required);
    EXPECT_EQ(e.field(), "result");
    progress.status = "not_possible";
    EXPECT_EQ(refusal([&] { plan::recordProgress(*ws, r.id, progress); }).code(), ErrorCode::Required);
    // A result that is too long is a different reason: Validation.
    progress.result = std::string(4001, 'x');
    e = refusal([&] { plan::recordProgress(*ws, r.id, progress); });
    EXPECT_EQ(e.code(), ErrorCode::Validation);
    EXPECT_EQ(e.field(), "result");
    EXPECT_EQ(stored(r.id).get("status"), "planned");

    progress.status = "done";
    progress.result = "Fictional: CCTV shows the suspect leaving at 23:10.";
    EXPECT_EQ(plan::recordProgress(*ws, r.id, progress).get("result"), progress.result);
}

TEST_F(EnquiryProgressTest, theStoredRecordDecidesWhatIsKeptAndAPendingReviewClearsTheSupervisor)
{
    // Not intrusive: the justification, review and s.37 date given are not written.
    const Record plain = plan::accept(*ws, c.id, enquiries, questions, justified("SUS-PRE-001"), now);
    auto progress = progressOf(plain);
    progress.s37NoticeDate = plan::londonDate(now - 24h);
    progress.review = {"approved", "DS Fictional Reviewer", "sergeant", now - 1h, "Fictional."};
    const Record saved = plan::recordProgress(*ws, plain.id, progress);
    EXPECT_TRUE(saved.get("s37_notice_date").empty());
    EXPECT_EQ(saved.get("supervisor_review"), "not_needed");
    EXPECT_TRUE(saved.get("supervisor_name").empty());

    // Intrusive, a device: the review is kept once decided, cleared back while pending.
    const Record device = plan::accept(*ws, c.id, enquiries, questions, justified("DF-003"), now);
    progress = progressOf(device);
    progress.status = "in_progress";
    Error e = refusal([&] { plan::recordProgress(*ws, device.id, progress); });
    EXPECT_EQ(e.code(), ErrorCode::GuardrailRefused) << "no s.37 notice yet";
    EXPECT_EQ(e.field(), "s37_notice_date");
    progress.s37NoticeDate = plan::londonDate(now - 24h);
    progress.review = {"approved", "DS Fictional Reviewer", "sergeant", now - 1h, "Fictional: proportionate."};
    Record r = plan::recordProgress(*ws, device.id, progress);
    EXPECT_EQ(r.get("status"), "in_progress");
    EXPECT_EQ(r.get("supervisor_name"), "DS Fictional Reviewer");
    EXPECT_EQ(r.get("supervisor_reviewed_at"), toIsoUtc(now - 1h));
    progress.review.decision = "pending";
    r = plan::recordProgress(*ws, device.id, progress);
    EXPECT_TRUE(r.get("supervisor_name").empty());
    EXPECT_TRUE(r.get("supervisor_rank").empty());
    EXPECT_TRUE(r.get("supervisor_reviewed_at").empty());
    EXPECT_EQ(r.get("supervisor_comment"), "Fictional: proportionate.");

    EXPECT_EQ(refusal([&] { plan::recordProgress(*ws, device.id + 100, progress); }).code(), ErrorCode::NotFound);
}

TEST_F(EnquiryProgressTest, anOpenEnquiryPastItsLondonDueDateIsOverdue)
{
    plan::OwnEnquiry own;
    own.title = "Fictional: speak to the taxi firm";
    own.dueOn = "2026-03-28";
    const Record r = plan::addOwn(*ws, c.id, own, now);
    // 2026-03-29 00:30 UTC is 00:30 GMT (BST starts at 01:00 UTC that day): the day after the due date.
    const Instant after = *parseIsoUtc("2026-03-29T00:30:00Z");
    const Instant sameDay = *parseIsoUtc("2026-03-28T23:30:00Z");
    EXPECT_TRUE(plan::isOverdue(r, after));
    EXPECT_FALSE(plan::isOverdue(r, sameDay));
    Record done = r;
    done.values["status"] = "done";
    EXPECT_FALSE(plan::isOverdue(done, after)) << "a finished enquiry is not overdue";
    Record none = r;
    none.values["due_on"] = "";
    EXPECT_FALSE(plan::isOverdue(none, after));
    // October: 2026-10-24 23:30 UTC is already 00:30 BST on the 25th.
    Record autumn = r;
    autumn.values["due_on"] = "2026-10-24";
    EXPECT_TRUE(plan::isOverdue(autumn, *parseIsoUtc("2026-10-24T23:30:00Z")));
}

} // namespace
