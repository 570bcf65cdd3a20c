// SPDX-License-Identifier: GPL-3.0-or-later
// ErrorText, the one mapper from core's reasons to the user's words: it decides by code and field, never by core's
// English text (the messages below deliberately say something else).
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordSpec.h"
#include "support/UiTestSupport.h"
#include "ui/text/ErrorText.h"

namespace wb::ui::test {
namespace {

using core::Error;
using core::ErrorCode;

TEST(ErrorText, TheGuardrailRefusalIsNamedByItsCodeNotItsEnglishText)
{
    const Error refused(ErrorCode::GuardrailRefused, "text that says nothing useful", "less_intrusive_options");
    const QString expected = QStringLiteral("This enquiry intrudes on the victim's private life: record the less "
                                            "intrusive options considered and why they are not enough.");
    EXPECT_EQ(ErrorText::message(refused), expected);
    EXPECT_EQ(ErrorText::planMessage(refused), expected);
    EXPECT_EQ(ErrorText::message(Error(ErrorCode::GuardrailRefused, "x", "line_of_enquiry")),
              QStringLiteral("This enquiry intrudes on the victim's private life: state the reasonable line of "
                             "enquiry it serves."));
    EXPECT_TRUE(ErrorText::message(Error(ErrorCode::GuardrailRefused, "x", "s37_notice_date"))
                    .contains(QStringLiteral("s.37")));
    // The same field refused for another reason (too long) gets another text.
    const QString tooLong = ErrorText::planMessage(Error(ErrorCode::Validation, "x", "less_intrusive_options"));
    EXPECT_TRUE(tooLong.contains(QStringLiteral("at most 4000 characters"))) << tooLong.toStdString();
    EXPECT_FALSE(tooLong.contains(QStringLiteral("intrudes"))) << tooLong.toStdString();
}

// Issue 14's guardrails: each refusal has its own words, found by code and field (and record type), never by what().
TEST(ErrorText, TheOutcomeGuardrailsSayWhatTheOutcomeNeeds)
{
    const auto text = [](const char* field) {
        return ErrorText::caseDetailProblem(Error(ErrorCode::GuardrailRefused, "x", field));
    };
    EXPECT_EQ(text("outcomeCommunityResolution"),
              QStringLiteral("A community resolution (outcome 8) cannot be recorded for rape."));
    EXPECT_TRUE(text("outcomeWithdrawal").contains(QStringLiteral("withdrawal recorded first")));
    EXPECT_TRUE(text("outcomeSpokenDirectly").contains(QStringLiteral("spoken to directly")));
    EXPECT_TRUE(text("outcomeEvidenceLed").contains(QStringLiteral("evidence-led prosecution")));
    EXPECT_TRUE(text("outcomeSupervisoryReview").contains(QStringLiteral("28 days")));
    EXPECT_TRUE(text("outcomeSupervisoryReview").contains(QStringLiteral("sergeant")));
    EXPECT_FALSE(text("outcomeWithdrawal").contains(QStringLiteral("intrudes")));
}

TEST(ErrorText, DeviceAndThirdPartyRefusalsAreWordedForTheirRecord)
{
    const auto& device = wb::core::recordSpec("device");
    const auto& request = wb::core::recordSpec("tpm_request");
    const QString notice =
        ErrorText::recordField(Error(ErrorCode::GuardrailRefused, "x", "s37_notice_date"), device, false);
    EXPECT_TRUE(notice.contains(QStringLiteral("witness"))) << notice.toStdString();
    EXPECT_TRUE(notice.contains(QStringLiteral("extraction started"))) << notice.toStdString();
    EXPECT_TRUE(ErrorText::recordField(Error(ErrorCode::GuardrailRefused, "x", "line_of_enquiry"), device, false)
                    .contains(QStringLiteral("extracted")));
    EXPECT_TRUE(ErrorText::recordField(Error(ErrorCode::GuardrailRefused, "x", "victim_informed_on"), request, false)
                    .contains(QStringLiteral("notice")));
    const QString review =
        ErrorText::recordField(Error(ErrorCode::GuardrailRefused, "x", "supervisor_review"), request, false);
    EXPECT_TRUE(review.contains(QStringLiteral("approved"))) << review.toStdString();
    // The same field refused as invalid (not a guardrail) keeps the record form's wording.
    EXPECT_TRUE(ErrorText::recordField(Error(ErrorCode::Validation, "x", "supervisor_review"), request, false)
                    .contains(QStringLiteral("choose an entry")));
}

TEST(ErrorText, AMissingResultIsRequiredNotInvalid)
{
    EXPECT_EQ(ErrorText::message(Error(ErrorCode::Required, "record: whatever", "result")),
              QStringLiteral("Record the result of the enquiry, or why it was not possible."));
    EXPECT_TRUE(ErrorText::planMessage(Error(ErrorCode::Validation, "result: record the result", "result"))
                    .contains(QStringLiteral("at most 4000 characters")));
}

TEST(ErrorText, PlanRefusalsOfTheEnquiryIdDependOnTheCode)
{
    EXPECT_TRUE(ErrorText::planMessage(Error(ErrorCode::Conflict, "x", "enquiryId"))
                    .contains(QStringLiteral("already a tracked enquiry")));
    EXPECT_EQ(ErrorText::planMessage(Error(ErrorCode::NotFound, "x", "enquiryId")),
              QStringLiteral("The catalogue in use no longer has this line of enquiry."));
    EXPECT_EQ(ErrorText::planMessage(Error(ErrorCode::Locked, "x")), ErrorText::message(Error(ErrorCode::Locked, "x")));
}

TEST(ErrorText, ABundleOverItsLimitsIsWordedAsABundleWhereverItIsShown)
{
    // The export dialog shows message(): a bundle too large to write was "A value is not valid (bundleSize)".
    const Error tooLarge(ErrorCode::Validation, "the workspace is full", "bundleSize");
    const QString written = ErrorText::message(tooLarge);
    EXPECT_TRUE(written.contains(QStringLiteral("several bundles"))) << written.toStdString();
    EXPECT_FALSE(written.contains(QStringLiteral("bundleSize"))) << written.toStdString();
    // Read from a file, the sender is asked to split it.
    EXPECT_TRUE(ErrorText::bundleMessage(tooLarge).contains(QStringLiteral("Ask the sender")));
    EXPECT_TRUE(
        ErrorText::message(Error(ErrorCode::Validation, "x", "bundleDepth")).contains(QStringLiteral("16 deep")));
    EXPECT_TRUE(ErrorText::message(Error(ErrorCode::Conflict, "x", "bundlePlan"))
                    .contains(QStringLiteral("Start the import again")));
    EXPECT_TRUE(ErrorText::message(Error(ErrorCode::Validation, "x", "acceptedRecords"))
                    .contains(QStringLiteral("Tick both, or neither")));
}

TEST(ErrorText, ABundleFileRefusalNamesTheBundleNotTheWorkspace)
{
    EXPECT_EQ(ErrorText::bundleMessage(Error(ErrorCode::WrongPassphrase, "the workspace passphrase")),
              QStringLiteral("The bundle passphrase is not correct. Ask the sender for the bundle's own passphrase."));
    EXPECT_EQ(ErrorText::bundleMessage(Error(ErrorCode::NotAWorkspace, "x")),
              QStringLiteral("This file is not a handover bundle."));
    EXPECT_TRUE(ErrorText::bundleMessage(Error(ErrorCode::Truncated, "x")).contains(QStringLiteral("This bundle")));
    EXPECT_TRUE(ErrorText::bundleMessage(Error(ErrorCode::Corrupted, "x")).contains(QStringLiteral("This bundle")));
    // Anything else as the workspace wording.
    EXPECT_EQ(ErrorText::bundleMessage(Error(ErrorCode::Io, "x")), ErrorText::message(Error(ErrorCode::Io, "x")));
    EXPECT_NE(ErrorText::message(Error(ErrorCode::WrongPassphrase, "x")),
              ErrorText::bundleMessage(Error(ErrorCode::WrongPassphrase, "x")));
}

TEST(ErrorText, ARefusedAnswerIsWordedInItsQuestionsTermsOnlyWhenCoreNamesThatQuestion)
{
    core::nom::Question age;
    age.id = "victim.age";
    age.type = core::nom::AnswerType::Number;
    age.min = 0;
    age.max = 120;
    const std::optional<core::nom::FactValue> value = core::nom::FactValue{130.0};
    EXPECT_EQ(ErrorText::answerMessage(Error(ErrorCode::Validation, "anything", "victim.age"), age, value),
              QStringLiteral("This number is not allowed here. Enter a number from 0 to 120."));
    // A refusal about something else is not blamed on this answer (QuestionRow said "not allowed here" for any
    // Validation).
    const Error other(ErrorCode::Validation, "victim.age: whatever", "answers");
    EXPECT_EQ(ErrorText::answerMessage(other, age, value), ErrorText::message(other));
    EXPECT_EQ(ErrorText::answerMessage(Error(ErrorCode::Locked, "x"), age, value),
              ErrorText::message(Error(ErrorCode::Locked, "x")));

    core::nom::Question period;
    period.id = "offence.period";
    period.type = core::nom::AnswerType::DateRange;
    const std::optional<core::nom::FactValue> backwards =
        core::nom::FactValue{core::nom::DateRange{core::Instant{std::chrono::seconds{2000}}, core::Instant{}}};
    EXPECT_EQ(ErrorText::answerMessage(Error(ErrorCode::Validation, "x", "offence.period"), period, backwards),
              QStringLiteral("The start of the period must not be after its end."));
}

TEST(ErrorText, RecordFieldsThatNeedAnotherRecordFirstSayWhich)
{
    // The quick-contact row, the identifier and relationship panels worded these locally before.
    EXPECT_EQ(ErrorText::recordField(Error(ErrorCode::Validation, "x", "victim_id"), core::recordSpec("contact"), true),
              QStringLiteral("The case has no victim. Add them on the People tab first."));
    EXPECT_EQ(
        ErrorText::recordField(Error(ErrorCode::Validation, "x", "suspect_id"), core::recordSpec("relationship"), true),
        QStringLiteral("Relationship: add a victim and a suspect to the case first."));
    EXPECT_EQ(ErrorText::recordField(Error(ErrorCode::Validation, "x", "value"), core::recordSpec("identifier"), true),
              QStringLiteral("Value: enter the alias, number, address or other identifier."));
    EXPECT_EQ(ErrorText::recordField(Error(ErrorCode::Validation, "x", "kind"), core::recordSpec("identifier"), true),
              QStringLiteral("Kind: choose an entry from the list."));
}

TEST(ErrorText, RefusedMatchDecisionsAreWordedForTheDecision)
{
    using core::Error;
    using core::ErrorCode;
    const QString unnamed = ErrorText::message(Error(ErrorCode::Validation, "x", "unknownField"));
    for (const char* field : {"rationale", "role", "personA", "personB"}) {
        const QString text = ErrorText::message(Error(ErrorCode::Validation, "x", field));
        EXPECT_FALSE(text.contains(QString::fromLatin1(field))) << field << ": " << text.toStdString();
        EXPECT_NE(text.left(20), unnamed.left(20)) << field;
    }
    EXPECT_TRUE(ErrorText::message(Error(ErrorCode::Validation, "x", "role")).contains(QStringLiteral("suspect")));
    EXPECT_TRUE(ErrorText::message(Error(ErrorCode::Conflict, "x", "personB")).contains(QStringLiteral("meanwhile")));
}

} // namespace
} // namespace wb::ui::test
