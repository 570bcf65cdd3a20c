// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace with one fictional case and its Context tab, for the tests of ui/context.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <QTest>

#include "core/Workspace.h"
#include "core/nom/QuestionCatalogue.h"
#include "support/UiTestSupport.h"
#include "ui/context/ContextFlow.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {

class ContextFlowFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        workspace = makeWorkspace(dir / "context.rwb");
        bridge = std::make_unique<SignalBridge>(*workspace);
        caseId = workspace->cases().add(wb::test::caseDraft("FICT/0201/26")).id;
    }

    void TearDown() override
    {
        flow.reset();
        bridge.reset();
        QTest::qWait(1);
    }

    void open(int width = 1200, int height = 800)
    {
        flow = std::make_unique<ContextFlow>(CaseContext{workspace.get(), bridge.get(), caseId, &privacy, &cats});
        flow->resize(width, height);
        flow->show();
    }

    template <typename T> T* find(const QString& name) const
    {
        T* widget = flow->findChild<T*>(name);
        EXPECT_NE(widget, nullptr) << name.toStdString();
        return widget;
    }

    core::nom::Facts facts() const { return workspace->context().facts(caseId, *cats.questions); }
    std::vector<core::ContextAnswer> history(const std::string& id) const
    {
        return workspace->context().history(caseId, id, *cats.questions);
    }

    bool errorShown(const QString& questionId) const
    {
        auto* error = flow->findChild<InlineMessage*>(QStringLiteral("questionError_") + questionId);
        return error != nullptr && !error->isHidden() && !error->text().isEmpty();
    }

    TempDir dir;
    Catalogues cats = catalogues();
    std::unique_ptr<core::Workspace> workspace;
    std::unique_ptr<SignalBridge> bridge;
    PrivacyMode privacy;
    std::int64_t caseId = 0;
    std::unique_ptr<ContextFlow> flow;
};

} // namespace wb::ui::test
