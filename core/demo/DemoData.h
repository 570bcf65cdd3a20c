// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace wb::core {

class Workspace;
namespace nom {
class QuestionCatalogue;
}

/// Fills a workspace with obviously fictional cases and people (Operation names
/// after plants, people named "Example", "Sample", "Test"), for demos and
/// training. Every name and date is invented; nothing resembles a real record.
/// The closed cases end in different outcomes, each recorded through the outcome guardrails with the records they
/// need. With `questions`, every case gets the context answers an officer would have recorded (so the plan proposes
/// suspect-focused lines at once); without, none. Returns the number of cases added.
std::size_t addDemoCases(Workspace& workspace, const nom::QuestionCatalogue* questions = nullptr);

} // namespace wb::core
