// SPDX-License-Identifier: GPL-3.0-or-later
// The force's protective marking, kept in the workspace: the default, a set marking, what is refused, the audit.
#include <gtest/gtest.h>

#include <string>

#include "core/Error.h"
#include "core/reports/ProtectiveMarking.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;

namespace {

class ProtectiveMarkingTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "marking.rwb");

    std::string refusedField(const std::string& marking)
    {
        try {
            reports::setProtectiveMarking(*ws, marking);
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Validation);
            return e.field();
        }
        return {};
    }
};

TEST_F(ProtectiveMarkingTest, isOfficialSensitiveUntilTheForceSetsItsOwnAndSurvivesReopening)
{
    EXPECT_EQ(reports::protectiveMarking(*ws), "OFFICIAL-SENSITIVE");
    const auto before = ws->auditAnchor().sequence;
    reports::setProtectiveMarking(*ws, "  OFFICIAL-SENSITIVE PERSONAL  ");
    EXPECT_EQ(reports::protectiveMarking(*ws), "OFFICIAL-SENSITIVE PERSONAL");
    EXPECT_EQ(ws->auditAnchor().sequence, before + 1); // audited, as every metadata change
    EXPECT_TRUE(ws->verifyAudit().ok());
    ws.reset();
    ws = test::openWorkspace(dir / "marking.rwb");
    EXPECT_EQ(reports::protectiveMarking(*ws), "OFFICIAL-SENSITIVE PERSONAL");
    reports::setProtectiveMarking(*ws, " ");
    EXPECT_EQ(reports::protectiveMarking(*ws), "OFFICIAL-SENSITIVE"); // blank: back to the default
}

TEST_F(ProtectiveMarkingTest, aMarkingOfSeveralLinesOrTooLongIsRefusedAndNothingChanges)
{
    reports::setProtectiveMarking(*ws, "OFFICIAL");
    EXPECT_EQ(refusedField("OFFICIAL\nSENSITIVE"), "marking");
    EXPECT_EQ(refusedField("OFFICIAL\tSENSITIVE"), "marking");
    EXPECT_EQ(refusedField(std::string(reports::MaxMarkingLength + 1, 'X')), "marking");
    EXPECT_EQ(refusedField(std::string(reports::MaxMarkingLength, 'X')), "");
    reports::setProtectiveMarking(*ws, "OFFICIAL");
    EXPECT_EQ(reports::protectiveMarking(*ws), "OFFICIAL");
}

} // namespace
