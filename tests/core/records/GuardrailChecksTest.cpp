// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's record guardrails (core/records/GuardrailChecks): a victim's or witness's device is not recorded as
// extracted without the s.37 notice and a line of enquiry; a third-party material request is not recorded as sent
// without the victim's notice and a supervisor's approval; evidence-led consideration on a withdrawal is explained.
// Fictional data only.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/records/RecordSpec.h"
#include "support/CaseRecordsFixture.h"
#include "support/TestSupport.h"

using namespace wb;
using core::ErrorCode;
using core::Values;

namespace {

class GuardrailChecksTest : public test::CaseRecordsFixture
{
protected:
    Values extractedDevice(const core::Person& owner, std::string_view role)
    {
        return {{"owner_role", std::string(role)},
                {"person_id", id(owner.id)},
                {"device_type", "mobile-phone"},
                {"legal_basis", "pcsc2022-s37"},
                {"s37_notice_date", "2026-01-10"},
                {"line_of_enquiry", "Messages from the suspect on the night (fictional)."},
                {"proportionality", "Only messages with the suspect's number, 1-3 January (fictional)."},
                {"extraction_started", "2026-01-11"},
                {"extraction_completed", "2026-01-12"}};
    }

    Values sentRequest()
    {
        return {{"person_id", id(victim.id)},
                {"tpm_type", "medical"},
                {"holder", "Fictional GP surgery"},
                {"line_of_enquiry", "CPS advice asks for the record of the examination (fictional)."},
                {"proportionality", "Only the consultation of 3 January (fictional)."},
                {"supervisor_review", "approved"},
                {"supervisor_name", "DS Demo Fictional"},
                {"supervisor_rank", "sergeant"},
                {"supervisor_reviewed_at", "2026-01-09T10:00:00Z"},
                {"victim_informed_on", "2026-01-09"},
                {"requested_on", "2026-01-10"}};
    }
};

const std::pair<ErrorCode, std::string> Stored{ErrorCode::Storage, ""};

TEST_F(GuardrailChecksTest, aVictimsOrWitnesssDeviceIsNotExtractedWithoutTheS37Notice)
{
    EXPECT_EQ(refusal("device", extractedDevice(victim, "victim")), Stored);
    for (const auto& [owner, role] : {std::pair{victim, "victim"}, std::pair{witness, "witness"}}) {
        // Under a seizure power the s.37 notice is not otherwise required; extraction still needs it here.
        auto device = extractedDevice(owner, role);
        device["legal_basis"] = "pace-s19";
        device.erase("s37_notice_date");
        EXPECT_EQ(refusal("device", device), std::pair(ErrorCode::GuardrailRefused, std::string("s37_notice_date")))
            << role;
        device.erase("extraction_started");
        EXPECT_EQ(refusal("device", device), std::pair(ErrorCode::GuardrailRefused, std::string("s37_notice_date")))
            << role << ": a completed extraction alone counts";
        device.erase("extraction_completed");
        EXPECT_EQ(refusal("device", device), Stored) << role << ": seized, not extracted";
    }
}

TEST_F(GuardrailChecksTest, theS37NoticeComesBeforeExtractionStarts)
{
    auto device = extractedDevice(victim, "victim");
    device["s37_notice_date"] = "2026-01-12";
    EXPECT_EQ(refusal("device", device), std::pair(ErrorCode::GuardrailRefused, std::string("s37_notice_date")));
    device["s37_notice_date"] = "2026-01-11";
    EXPECT_EQ(refusal("device", device), Stored) << "notice on the day extraction starts";
}

TEST_F(GuardrailChecksTest, anExtractedWitnessDeviceNeedsItsLineOfEnquiry)
{
    auto device = extractedDevice(witness, "witness");
    device["line_of_enquiry"] = "";
    const auto [code, field] = refusal("device", device);
    EXPECT_EQ(field, "line_of_enquiry");
    EXPECT_TRUE(code == ErrorCode::Validation || code == ErrorCode::GuardrailRefused);
}

TEST_F(GuardrailChecksTest, aSuspectsOrDeceasedUsersDeviceIsNotHeldToTheNotice)
{
    EXPECT_EQ(refusal("device", {{"owner_role", "suspect"},
                                 {"person_id", id(suspect.id)},
                                 {"device_type", "mobile-phone"},
                                 {"legal_basis", "pace-s19"},
                                 {"extraction_started", "2026-01-11"}}),
              Stored);
    auto device = extractedDevice(victim, "victim");
    device["legal_basis"] = "pcsc2022-s41";
    device.erase("s37_notice_date");
    EXPECT_EQ(refusal("device", device), Stored) << "s.41: the user has died, no notice to give";
}

TEST_F(GuardrailChecksTest, aThirdPartyRequestIsSentOnlyWithTheVictimsNoticeAndApproval)
{
    EXPECT_EQ(refusal("tpm_request", sentRequest()), Stored);

    auto request = sentRequest();
    request.erase("victim_informed_on");
    EXPECT_EQ(refusal("tpm_request", request),
              std::pair(ErrorCode::GuardrailRefused, std::string("victim_informed_on")));

    request = sentRequest();
    request["supervisor_review"] = "pending";
    EXPECT_EQ(refusal("tpm_request", request),
              std::pair(ErrorCode::GuardrailRefused, std::string("supervisor_review")));
    request["supervisor_review"] = "refused";
    EXPECT_EQ(refusal("tpm_request", request),
              std::pair(ErrorCode::GuardrailRefused, std::string("supervisor_review")));

    request = sentRequest();
    request["supervisor_reviewed_at"] = "2026-01-11T10:00:00Z";
    EXPECT_EQ(refusal("tpm_request", request), std::pair(ErrorCode::GuardrailRefused, std::string("supervisor_review")))
        << "approved after it was sent";
}

TEST_F(GuardrailChecksTest, aRequestNotYetSentAwaitsReviewAndAReviewIsNamedAndDated)
{
    auto request = sentRequest();
    for (const char* key : {"requested_on", "victim_informed_on", "supervisor_review", "supervisor_name",
                            "supervisor_rank", "supervisor_reviewed_at"}) {
        request.erase(key);
    }
    const auto stored = ws->records().add(core::recordSpec("tpm_request"), theCase.id, request);
    EXPECT_EQ(stored.get("supervisor_review"), "pending") << "a new request awaits review";

    request["supervisor_review"] = "approved";
    EXPECT_EQ(refusal("tpm_request", request), std::pair(ErrorCode::Validation, std::string("supervisor_name")));
    request["supervisor_name"] = "DS Demo Fictional";
    EXPECT_EQ(refusal("tpm_request", request), std::pair(ErrorCode::Validation, std::string("supervisor_reviewed_at")));
}

TEST_F(GuardrailChecksTest, anEvidenceLedConsiderationRecordsItsConclusion)
{
    Values wish{{"victim_id", id(victim.id)},
                {"recorded_at", "2026-02-01T10:00:00Z"},
                {"wish", "withdrawn"},
                {"reason", "delay"},
                {"spoken_directly", "yes"},
                {"evidence_led_considered", "yes"},
                {"recorded_by", "DC Demo Example"}};
    EXPECT_EQ(refusal("victim_wish", wish), std::pair(ErrorCode::Validation, std::string("evidence_led_rationale")));
    wish["evidence_led_considered"] = "no";
    EXPECT_EQ(refusal("victim_wish", wish), Stored) << "not yet considered: nothing to explain";
    wish["evidence_led_considered"] = "yes";
    wish["evidence_led_rationale"] = "No independent evidence of the offence (fictional).";
    wish["recorded_at"] = "2026-02-02T10:00:00Z";
    EXPECT_EQ(refusal("victim_wish", wish), Stored);
}

} // namespace
