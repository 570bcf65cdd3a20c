// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include <QString>
#include <QStringList>
#include <QTextCursor>
#include <QTextDocument>

namespace wb::ui::reports {

/// Lays a report out as a QTextDocument: a title, headings, paragraphs and tables. Text goes in as text, never as
/// HTML, so whatever an officer typed prints as typed.
class ReportWriter
{
public:
    ReportWriter();

    void title(const QString& text);
    void heading(const QString& text);
    /// A smaller heading, for one item of a list (a line of enquiry, a decision).
    void subheading(const QString& text);
    void paragraph(const QString& text);
    /// A paragraph of a letter: a little larger, with a blank line's space before it.
    void letterParagraph(const QString& text);
    /// A paragraph in italics: a note about the report itself.
    void note(const QString& text);
    /// Label and value pairs, two columns; rows with an empty value are left out.
    void fields(const std::vector<std::pair<QString, QString>>& rows);
    /// A table with a header row; `widths` are the columns' shares of the width in per cent (optional).
    void table(const QStringList& headers, const std::vector<QStringList>& rows, const std::vector<int>& widths = {});

    /// Hands the document over; the writer is empty afterwards.
    std::unique_ptr<QTextDocument> take();

private:
    void block(const QString& text, double pointSize, bool bold, bool italic, double spaceBefore);

    std::unique_ptr<QTextDocument> m_document;
    QTextCursor m_cursor;
    bool m_first = true;
};

} // namespace wb::ui::reports
