// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a produced PDF back as an officer would: its pages' text, through poppler (the report tests of the CLI and
// the workbench; the executables that include this link poppler-cpp).
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

namespace wb::test {

/// The text of every page of a PDF, runs of whitespace collapsed to one space. A file poppler cannot read fails the
/// test and gives no pages.
inline std::vector<std::string> pdfPageTexts(std::vector<char> data)
{
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
    std::vector<std::string> pages;
    if (!document) {
        ADD_FAILURE() << "not a PDF poppler can read";
        return pages;
    }
    for (int i = 0; i < document->pages(); ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        const auto utf8 = page->text().to_utf8();
        pages.push_back(std::regex_replace(std::string(utf8.begin(), utf8.end()), std::regex("\\s+"), " "));
    }
    return pages;
}

inline std::vector<std::string> pdfPageTexts(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return pdfPageTexts(std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

} // namespace wb::test
