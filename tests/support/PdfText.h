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
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

namespace wb::test {

/// The text of every page of a PDF, runs of whitespace collapsed to one space and typographic ligatures (the font's
/// "ﬁ", "ﬃ", …) written as their letters, as a reader reads them. A file poppler cannot read fails the test and gives
/// no pages.
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
        std::string text = std::regex_replace(std::string(utf8.begin(), utf8.end()), std::regex("\\s+"), " ");
        for (const auto& [ligature, letters] :
             {std::pair{"\uFB00", "ff"}, std::pair{"\uFB01", "fi"}, std::pair{"\uFB02", "fl"},
              std::pair{"\uFB03", "ffi"}, std::pair{"\uFB04", "ffl"}}) {
            const std::string from(ligature);
            for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
                text.replace(at, from.size(), letters);
            }
        }
        pages.push_back(std::move(text));
    }
    return pages;
}

inline std::vector<std::string> pdfPageTexts(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return pdfPageTexts(std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

} // namespace wb::test
