// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace wb::core {
class Workspace;
struct Catalogues;
} // namespace wb::core

namespace wb::ui {

class MatchingService;
class PrivacyMode;
class SignalBridge;
using Catalogues = core::Catalogues;

/// What every tab of a case workspace gets: the open workspace, the signal bridge
/// for live updates, the case, and the privacy mode to show people through.
struct CaseContext {
    core::Workspace* workspace = nullptr;
    SignalBridge* bridge = nullptr;
    std::int64_t caseId = 0;
    PrivacyMode* privacy = nullptr;
    /// The reference data and NOM catalogues (questions, lines of enquiry); may be null in narrow tests.
    const Catalogues* catalogues = nullptr;
    /// Repeat suspects: the possible matches of a suspect being typed; may be null in narrow tests.
    MatchingService* matching = nullptr;
};

} // namespace wb::ui
