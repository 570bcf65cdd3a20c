// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportWriter.h"

#include <QFont>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextLength>
#include <QTextTable>
#include <QTextTableFormat>

namespace wb::ui::reports {

namespace {

constexpr double BodyPoints = 10.0;

QTextCharFormat charFormat(double pointSize, bool bold, bool italic)
{
    QTextCharFormat format;
    format.setFontPointSize(pointSize);
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    format.setFontItalic(italic);
    return format;
}

} // namespace

ReportWriter::ReportWriter()
    : m_document(std::make_unique<QTextDocument>())
    , m_cursor(m_document.get())
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(BodyPoints);
    m_document->setDefaultFont(font);
    m_document->setUndoRedoEnabled(false);
}

void ReportWriter::block(const QString& text, double pointSize, bool bold, bool italic, double spaceBefore)
{
    QTextBlockFormat format;
    format.setTopMargin(m_first ? 0 : spaceBefore);
    format.setBottomMargin(4);
    if (m_first) {
        m_cursor.setBlockFormat(format);
        m_first = false;
    } else {
        m_cursor.insertBlock(format);
    }
    m_cursor.setBlockCharFormat(charFormat(pointSize, bold, italic));
    m_cursor.insertText(text, charFormat(pointSize, bold, italic));
}

void ReportWriter::title(const QString& text)
{
    block(text, 16, true, false, 0);
}

void ReportWriter::heading(const QString& text)
{
    block(text, 13, true, false, 14);
}

void ReportWriter::subheading(const QString& text)
{
    block(text, BodyPoints + 1, true, false, 8);
}

void ReportWriter::paragraph(const QString& text)
{
    block(text, BodyPoints, false, false, 2);
}

void ReportWriter::letterParagraph(const QString& text)
{
    block(text, BodyPoints + 1, false, false, 8);
}

void ReportWriter::note(const QString& text)
{
    block(text, BodyPoints - 1, false, true, 2);
}

void ReportWriter::fields(const std::vector<std::pair<QString, QString>>& rows)
{
    std::vector<QStringList> kept;
    for (const auto& [label, value] : rows) {
        if (!value.isEmpty()) {
            kept.push_back({label, value});
        }
    }
    if (kept.empty()) {
        return;
    }
    table({}, kept, {30, 70});
}

void ReportWriter::table(const QStringList& headers,
                         const std::vector<QStringList>& rows,
                         const std::vector<int>& widths)
{
    const int columns = !headers.isEmpty() ? static_cast<int>(headers.size())
                                           : (rows.empty() ? 0 : static_cast<int>(rows.front().size()));
    if (columns == 0) {
        return;
    }
    block(QString(), 4, false, false, 4); // a paragraph of its own before the table
    QTextTableFormat format;
    format.setBorder(0.5);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setCellPadding(3);
    format.setCellSpacing(0);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setHeaderRowCount(headers.isEmpty() ? 0 : 1); // repeated at the top of each page the table runs onto
    if (static_cast<int>(widths.size()) == columns) {
        QList<QTextLength> lengths;
        for (const int w : widths) {
            lengths.append(QTextLength(QTextLength::PercentageLength, w));
        }
        format.setColumnWidthConstraints(lengths);
    }
    const int rowCount = static_cast<int>(rows.size()) + (headers.isEmpty() ? 0 : 1);
    QTextTable* table = m_cursor.insertTable(rowCount, columns, format);
    int row = 0;
    if (!headers.isEmpty()) {
        for (int c = 0; c < columns; ++c) {
            QTextCursor cell = table->cellAt(0, c).firstCursorPosition();
            cell.insertText(headers.at(c), charFormat(BodyPoints - 1, true, false));
        }
        row = 1;
    }
    for (const auto& values : rows) {
        for (int c = 0; c < columns && c < values.size(); ++c) {
            QTextCursor cell = table->cellAt(row, c).firstCursorPosition();
            cell.insertText(values.at(c), charFormat(BodyPoints - 1, headers.isEmpty() && c == 0, false));
        }
        ++row;
    }
    m_cursor.movePosition(QTextCursor::End);
}

std::unique_ptr<QTextDocument> ReportWriter::take()
{
    auto document = std::move(m_document);
    m_document = std::make_unique<QTextDocument>();
    m_cursor = QTextCursor(m_document.get());
    m_first = true;
    return document;
}

} // namespace wb::ui::reports
