// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/CsvWriter.h"

#include "core/Error.h"

namespace wb::core::exports {

std::string neutraliseFormula(std::string_view value)
{
    if (value.empty()) {
        return {};
    }
    switch (value.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\0': return "'" + std::string(value);
    default: return std::string(value);
    }
}

std::string quoteField(std::string_view value)
{
    const bool needsQuotes = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                             (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needsQuotes) {
        return std::string(value);
    }
    std::string out;
    out.reserve(value.size() + 2);
    out.push_back('"');
    for (const char c : value) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

CsvWriter::CsvWriter(const std::vector<std::string>& header)
    : m_columns(header.size())
{
    appendLine(header);
}

void CsvWriter::addRow(const std::vector<std::string>& fields)
{
    if (fields.size() != m_columns) {
        throw Error(ErrorCode::Storage, "a CSV row has " + std::to_string(fields.size()) +
                                            " fields where the header has " + std::to_string(m_columns));
    }
    appendLine(fields);
    ++m_rows;
}

void CsvWriter::appendLine(const std::vector<std::string>& fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            m_text.push_back(',');
        }
        m_text += quoteField(neutraliseFormula(fields[i]));
    }
    m_text += "\r\n";
}

} // namespace wb::core::exports
