// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

/// Comma-separated values as RFC 4180 writes them, made safe to open in a spreadsheet.
namespace wb::core::exports {

/// A field as it goes into a file opened by spreadsheets: a value that starts with a character a
/// spreadsheet reads as the start of a formula (=, +, -, @, tab, carriage return or NUL; OWASP ASVS
/// 5.0 requirement 1.2.10, CWE-1236) gets a leading apostrophe, so it is shown as text and never
/// evaluated. Every other value is returned unchanged.
std::string neutraliseFormula(std::string_view value);

/// One field encoded by RFC 4180 section 2: enclosed in double quotes when it holds a comma, a
/// double quote, a carriage return or a line feed (or starts or ends with a space, which some
/// readers would trim), with each double quote doubled. No other change is made.
std::string quoteField(std::string_view value);

/// Builds a CSV document in UTF-8: one header row, then records, each line ended by CRLF
/// (RFC 4180 section 2.1). Every field passes through neutraliseFormula() and then quoteField().
class CsvWriter
{
public:
    explicit CsvWriter(const std::vector<std::string>& header);

    /// Appends one record. Throws Error(Storage) when it does not have as many fields as the header.
    void addRow(const std::vector<std::string>& fields);

    const std::string& text() const noexcept { return m_text; }
    std::size_t rows() const noexcept { return m_rows; }

private:
    void appendLine(const std::vector<std::string>& fields);

    std::size_t m_columns = 0;
    std::size_t m_rows = 0;
    std::string m_text;
};

} // namespace wb::core::exports
