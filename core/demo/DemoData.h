// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/Workspace.h"
#include "core/domain/Time.h"

namespace wb::core {

namespace nom {
class QuestionCatalogue;
}

/// The owner of a demo workspace: the fictional officer the demo's records name ("DC Demo Example", staff
/// number DEMO), so the owner is shown by one name everywhere.
WorkspaceOwner demoOwner();

/// A demo case's crime reference: its serial ("DEMO/0001") and the two-digit year of `reportedAt` in the UK
/// ("DEMO/0001/26" for a report made in 2026), so the year always matches the report date.
std::string demoReference(std::string_view serial, Instant reportedAt);

/// Fills a workspace with obviously fictional cases and people (Operation names
/// after plants, people named "Example", "Sample", "Test"), for demos and
/// training. Every name and date is invented; nothing resembles a real record. The officer the records name
/// (recorded by, owner of an enquiry) is the workspace's owner.
/// The closed cases end in different outcomes, each recorded through the outcome guardrails with the records they
/// need. With `questions`, every case gets the context answers an officer would have recorded (so the plan proposes
/// suspect-focused lines at once); without, none. Returns the number of cases added.
std::size_t addDemoCases(Workspace& workspace, const nom::QuestionCatalogue* questions = nullptr);

} // namespace wb::core
