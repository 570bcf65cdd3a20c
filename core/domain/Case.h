// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/ApproxDate.h"
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

    std::vector<std::string> otherOffences;  ///< further offence codes, beyond the primary one
    ApproxDate offenceDate;                  ///< when it happened, as precisely as known
    std::optional<std::string> locationType; ///< code from location-types
    std::optional<std::string> locationDescription;
    std::optional<std::string> reportChannel; ///< code from report-channels: how it was reported
    std::optional<std::string> journeyStage;  ///< code from journey-stages
    std::optional<std::string> outcomeCode;   ///< Home Office outcome code (outcome-codes)
    std::optional<std::string> outcomeDate;   ///< "YYYY-MM-DD", required with an outcome code
    std::optional<std::string> outcomeReason; ///< required with an outcome code
};

/// A stored case.
struct Case : CaseDraft {
    std::int64_t id = 0;
    std::string uuid;
    Instant createdAt{};
    Instant updatedAt{};
};

} // namespace wb::core
