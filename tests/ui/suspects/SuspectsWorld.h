// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace with fictional people in two cases, opened in a session with its matching hub, for the tests of the
// repeat-suspect dialogs (ui/suspects/MatchDecisionDialog, WholePictureDialog).
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/Workspace.h"
#include "core/people/People.h"
#include "core/suspects/Decisions.h"
#include "core/suspects/RepeatSuspects.h"
#include "support/MatchingTestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/suspects/MatchScoreSample.h"
#include "ui/suspects/MatchingService.h"

namespace wb::ui::test {

class SuspectsWorld : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto opened = makeWorkspace(dir.path() / "suspects.rwb");
        one = opened->cases().add(wb::test::caseDraft("FICT/0161/26"));
        two = opened->cases().add(wb::test::caseDraft("FICT/0162/26", "SOA2003-s2"));
        session.attach(std::move(opened));
        matching = std::make_unique<MatchingService>(session, cataloguesLoaded.matchModel);
    }

    void TearDown() override { matching.reset(); }

    core::Workspace& ws() { return *session.workspace(); }

    core::Person add(const core::Case& c, core::PersonRole role, const std::string& given, const std::string& family)
    {
        return wb::test::addPerson(ws(), c, role, given, family);
    }

    core::suspects::MatchedPerson matched(const core::Person& person, const core::Case& c)
    {
        return core::suspects::MatchedPerson{core::suspects::matchingDetails(ws(), person), c.reference};
    }

    core::suspects::PairProposal
    proposal(const core::Person& a, const core::Case& ca, const core::Person& b, const core::Case& cb)
    {
        core::suspects::PairProposal pair;
        pair.first = matched(a, ca);
        pair.second = matched(b, cb);
        pair.score = sampleScore();
        return pair;
    }

    TempDir dir;
    Catalogues cataloguesLoaded = catalogues();
    WorkspaceSession session;
    std::unique_ptr<MatchingService> matching;
    PrivacyMode privacy;
    core::Case one;
    core::Case two;
};

} // namespace wb::ui::test
