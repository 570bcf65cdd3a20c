// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QHeaderView>
#include <QScreen>
#include <QTableWidget>

#include "core/nom/QuestionCatalogue.h"
#include "core/repo/ContextRepository.h"
#include "support/UiTestSupport.h"
#include "ui/context/AnswerHistoryDialog.h"

namespace wb::ui::test {
namespace {

using namespace std::chrono_literals;

// Issue 15: the history of an answer opened at a fixed 640 x 320 whatever the screen. It now opens no larger than
// the screen's free area, and its smallest size fits a 1280 x 800 screen at 150 % (853 x 533 logical pixels).
TEST(AnswerHistoryDialog, ListsEveryAnswerAndFitsTheScreen)
{
    const auto all = catalogues();
    const core::nom::Question* question = nullptr;
    for (const auto& q : all.questions->questions()) {
        if (q.type == core::nom::AnswerType::YesNo) {
            question = &q;
            break;
        }
    }
    ASSERT_NE(question, nullptr);
    std::vector<core::ContextAnswer> history(3);
    history[0].questionId = question->id;
    history[0].value = core::nom::FactValue{true};
    history[0].answeredAt = core::Instant{std::chrono::sys_days{std::chrono::year{2026} / 11 / 2}} + 9h;
    history[0].answeredBy = "DC Example Sample";
    history[1] = history[0];
    history[1].value = std::nullopt;
    history[1].answeredAt += 24h;
    history[2] = history[0];
    history[2].value = core::nom::FactValue{false};
    history[2].answeredAt += 48h;
    history[2].overrideReason = "The suspect's phone download shows otherwise (fictional).";

    AnswerHistoryDialog dialog(*question, history);
    dialog.show();
    QCoreApplication::processEvents();
    auto* table = dialog.findChild<QTableWidget*>();
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), 3);
    EXPECT_EQ(table->item(1, 2)->text(), QStringLiteral("Not known (answer withdrawn)"));

    // Every column header is shown whole (the reason's was cut on both sides).
    QHeaderView* header = table->horizontalHeader();
    for (int c = 0; c < table->columnCount(); ++c) {
        const QString text = table->horizontalHeaderItem(c)->text();
        EXPECT_GE(header->sectionSize(c), header->fontMetrics().horizontalAdvance(text)) << text.toStdString();
        EXPECT_LE(header->sectionViewportPosition(c) + header->sectionSize(c), table->viewport()->width())
            << text.toStdString();
    }

    const QSize screen = dialog.screen()->availableGeometry().size();
    EXPECT_LE(dialog.width(), screen.width());
    EXPECT_LE(dialog.height(), screen.height());
    const QSize least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize());
    EXPECT_LE(least.width(), 853 - 20);
    EXPECT_LE(least.height(), 533 - 40);
}

} // namespace
} // namespace wb::ui::test
