// SPDX-License-Identifier: GPL-3.0-or-later
// ErrorText, the one mapper from core's reasons to the user's words: it decides by code and field, never by core's
// English text (the messages below deliberately say something else).
#include <gtest/gtest.h>

#include "core/Error.h"
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

} // namespace
} // namespace wb::ui::test
