// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15: a question's date boxes show their whole placeholder ("dd/mm/yyyy [hh:…" was cut off).
#include <gtest/gtest.h>

#include <QLineEdit>
#include <QTest>

#include "core/nom/QuestionCatalogue.h"
#include "ui/context/QuestionRow.h"

namespace wb::ui::test {
namespace {

TEST(QuestionRowLayout, DateRangeBoxesShowTheirWholePlaceholder)
{
    core::nom::Question question;
    question.id = "offence.period";
    question.group = core::nom::ContextGroup::Offence;
    question.label = "When it happened (fictional)";
    question.text = "When did it happen?";
    question.type = core::nom::AnswerType::DateRange;
    QuestionRow row(question, nullptr);
    row.resize(900, 200);
    row.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&row));
    for (const char* name : {"answer_offence.period_from", "answer_offence.period_to"}) {
        auto* line = row.findChild<QLineEdit*>(QString::fromLatin1(name));
        ASSERT_NE(line, nullptr) << name;
        ASSERT_FALSE(line->placeholderText().isEmpty()) << name;
        // The text area: the box less its frame and text margins (a few pixels each side).
        const int textWidth = line->width() - 12;
        EXPECT_GE(textWidth, line->fontMetrics().horizontalAdvance(line->placeholderText())) << name;
    }
}

} // namespace
} // namespace wb::ui::test
