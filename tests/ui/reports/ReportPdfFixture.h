// SPDX-License-Identifier: GPL-3.0-or-later
// The report tests' case (ReportCaseFixture) rendered to PDF and read back page by page with poppler.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reports/ReportCaseFixture.h"
#include "support/PdfText.h"
#include "support/UiTestSupport.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportRenderer.h"

namespace wb::test {

using core::reports::ReportKind;
namespace rp = wb::ui::reports;

inline std::size_t occurrences(const std::string& text, const std::string& word)
{
    std::size_t count = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) {
        ++count;
    }
    return count;
}

inline bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

class ReportPdfFixture : public ReportCaseFixture
{
protected:
    rp::ReportOptions options;
    ui::PrivacyMode m_privacy;
    ui::Catalogues m_catalogues = ui::test::catalogues();

    std::vector<std::string> render(ReportKind kind, core::Workspace& workspace, std::int64_t caseId)
    {
        auto report = rp::ReportBuilder::build(
            workspace,
            {enquiryCatalogue, questionCatalogue, ui::test::deadlineService().get(), m_catalogues.letters.get()}, kind,
            caseId, options, now);
        const auto furniture = rp::ReportBuilder::furniture(workspace, report, options, now);
        const auto pdf = rp::ReportRenderer::writePdf(report, furniture);
        auto text = pdfPageTexts(std::vector<char>(pdf.bytes.begin(), pdf.bytes.end()));
        EXPECT_EQ(static_cast<int>(text.size()), pdf.pages);
        return text;
    }
    std::vector<std::string> render(ReportKind kind) { return render(kind, *ws, theCase.id); }
    /// Every page's text, one after another.
    static std::string joined(const std::vector<std::string>& pages)
    {
        std::string all;
        for (const auto& page : pages) {
            all += page;
        }
        return all;
    }
    std::string renderAll(ReportKind kind) { return joined(render(kind)); }
    /// Privacy mode on for what is rendered next, as the GUI passes it.
    void privacyOn()
    {
        m_privacy.setOn(true);
        options.personName = [this](const core::Person& p) { return m_privacy.displayName(p); };
        options.privacyApplied = true;
    }

    void addDecisions(core::Workspace& workspace, std::int64_t caseId, int count)
    {
        for (int i = 0; i < count; ++i) {
            workspace.records().add(
                core::recordSpec(core::recordtype::kDecision), caseId,
                {{"decided_at",
                  "2026-02-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + "T10:00:00Z"},
                 {"decision", "Fictional decision number " + std::to_string(i + 1) + "."},
                 {"rationale", "Fictional rationale: a paragraph long enough to take a few lines on the page, so "
                               "that the log runs onto several pages as a real one does."},
                 {"decided_by", "DC Fictional"}});
        }
    }

    /// Every page carries the marking top and bottom, the crime reference and "Page i of n".
    static void expectFurnitureOnEveryPage(const std::vector<std::string>& pages,
                                           const std::string& marking,
                                           const std::string& reference)
    {
        const auto n = pages.size();
        for (std::size_t i = 0; i < n; ++i) {
            SCOPED_TRACE("page " + std::to_string(i + 1));
            EXPECT_GE(occurrences(pages[i], marking), 2U) << pages[i];
            EXPECT_TRUE(contains(pages[i], reference));
            EXPECT_TRUE(contains(pages[i], "Page " + std::to_string(i + 1) + " of " + std::to_string(n)));
            EXPECT_TRUE(contains(pages[i], "Printed by DC Fictional Tester (T0001) on "));
        }
    }
};

} // namespace wb::test
