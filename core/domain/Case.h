// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/Time.h"

namespace wb::core {

enum class CaseStatus { Open, Closed };

std::string_view toString(CaseStatus status) noexcept;
std::optional<CaseStatus> caseStatusFromString(std::string_view text) noexcept;

/// What an officer enters to open a case.
struct CaseDraft {
    std::string reference;                    ///< force crime reference, unique in the workspace
    std::optional<std::string> operationName; ///< e.g. "Operation Larkspur"
    std::string primaryOffence;               ///< code from the offences reference list
    Instant reportedAt{};                     ///< when the offence was reported (UTC)
    CaseStatus status = CaseStatus::Open;
};

/// A stored case.
struct Case : CaseDraft {
    std::int64_t id = 0;
    std::string uuid;
    Instant createdAt{};
    Instant updatedAt{};
};

} // namespace wb::core
