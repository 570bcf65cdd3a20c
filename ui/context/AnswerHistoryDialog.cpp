// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/context/AnswerHistoryDialog.h"

#include <algorithm>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMargins>
#include <QScrollBar>
#include <QSize>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/nom/QuestionCatalogue.h"
#include "ui/context/QuestionRow.h"
#include "ui/text/DisplayText.h"
#include "ui/widgets/DialogFit.h"

namespace wb::ui {

AnswerHistoryDialog::AnswerHistoryDialog(const core::nom::Question& question,
                                         const std::vector<core::ContextAnswer>& history,
                                         QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("contextHistoryDialog"));
    setWindowTitle(tr("History of an answer"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(DisplayText::fromStd(question.text), this);
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText);
    layout->addWidget(heading);
    auto* table = new QTableWidget(static_cast<int>(history.size()), 4, this);
    table->setObjectName(QStringLiteral("contextHistoryTable"));
    table->setAccessibleName(tr("Every answer given, oldest first"));
    table->setHorizontalHeaderLabels(
        {tr("When (UK time)"), tr("By"), tr("Answer"), tr("Reason for answering otherwise than the records")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    for (std::size_t i = 0; i < history.size(); ++i) {
        const auto& answer = history[i];
        const int r = static_cast<int>(i);
        table->setItem(r, 0, new QTableWidgetItem(DisplayText::ukDateTime(answer.answeredAt)));
        table->setItem(r, 1, new QTableWidgetItem(DisplayText::fromStd(answer.answeredBy)));
        table->setItem(r, 2,
                       new QTableWidgetItem(answer.value ? QuestionRow::valueText(question, *answer.value)
                                                         : tr("Not known (answer withdrawn)")));
        table->setItem(r, 3, new QTableWidgetItem(DisplayText::fromStd(answer.overrideReason.value_or(""))));
    }
    // Issue 15: the columns fit their text and their headers, a long reason wraps, and the dialog is as wide as the
    // columns (it opened at 640 pixels, cutting the reason's header on both sides), within the screen.
    table->setWordWrap(true);
    table->resizeColumnsToContents();
    table->setColumnWidth(3, std::min(table->columnWidth(3), 420));
    table->resizeRowsToContents();
    layout->addWidget(table);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    int columns = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < table->columnCount(); ++c) {
        columns += table->columnWidth(c);
    }
    const QMargins margins = layout->contentsMargins();
    DialogFit::fitWindow(*this, QSize(std::max(640, columns + margins.left() + margins.right()), 320));
    table->setFocus();
}

} // namespace wb::ui
