// SPDX-License-Identifier: GPL-3.0-or-later
// The fixture the record form, list-model and tab tests share.
#pragma once

#include <memory>

#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "core/records/RecordSpec.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseTab.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"

namespace wb::ui::test {

// A demo workspace with a signal bridge and privacy mode.

struct RecordWorld {
    TempDir dir;
    std::unique_ptr<core::Workspace> workspace;
    std::unique_ptr<SignalBridge> bridge; // destroyed before the workspace
    PrivacyMode privacy;
    CaseContext context;

    RecordWorld()
    {
        workspace = makeWorkspace(dir / "records.rwb");
        core::addDemoCases(*workspace);
        bridge = std::make_unique<SignalBridge>(*workspace);
        // The first demo case with a bail record (every open demo case with a named suspect has one).
        for (const auto& c : workspace->cases().list()) {
            if (!workspace->records().listForCase(core::recordSpec("bail"), c.id).empty()) {
                context = {workspace.get(), bridge.get(), c.id, &privacy};
                break;
            }
        }
    }
    ~RecordWorld() { bridge.reset(); }

    std::size_t count(std::string_view type) const
    {
        return workspace->records().listForCase(core::recordSpec(type), context.caseId).size();
    }
    std::int64_t firstId(std::string_view type) const
    {
        return workspace->records().listForCase(core::recordSpec(type), context.caseId).front().id;
    }
};

} // namespace wb::ui::test
