// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "core/demo/DemoData.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

using namespace wb;

namespace {

TEST(DemoDataTest, fillsAConsistentFictionalWorkspace)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "demo.rwb");
    EXPECT_EQ(core::addDemoCases(*ws), 5u);
    const auto cases = ws->cases().list();
    ASSERT_EQ(cases.size(), 5u);
    for (const auto& c : cases) {
        EXPECT_EQ(c.reference.rfind("DEMO/", 0), 0u) << c.reference;
        EXPECT_EQ(ws->people().listForCase(c.id).size(), 3u);
        EXPECT_EQ(ws->records().listForCase(core::recordSpec("decision"), c.id).size(), 2u);
        EXPECT_FALSE(ws->records().listForCase(core::recordSpec("timeline_event"), c.id).empty());
        EXPECT_NE(c.offenceDate.precision, core::ApproxDate::Precision::Unknown);
    }
    const auto audit = ws->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
    EXPECT_EQ(ws->integrityCheck(), "ok");
}

} // namespace
