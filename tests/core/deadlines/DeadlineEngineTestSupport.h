// SPDX-License-Identifier: GPL-3.0-or-later
// What the deadline engine's tests share: the shipped rules, calendar and enquiry catalogue, a base case
// (reported Monday 1 June 2026, one victim) and ways to pick the items of one rule.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/deadlines/Calendar.h"
#include "core/deadlines/CaseEvaluation.h"
#include "core/deadlines/RuleSet.h"
#include "tests/support/TestSupport.h"

namespace wb::core::deadlines::enginetest {

inline Instant at(const char* iso)
{
    return parseIsoUtc(iso).value();
}

inline Date d(const char* iso)
{
    return parseIsoDate(iso).value();
}

inline const RuleSet& rules()
{
    static const RuleSet set =
        RuleSet::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json");
    return set;
}

inline const Calendar& calendar()
{
    static const Calendar c =
        Calendar::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json");
    return c;
}

inline constexpr std::int64_t VictimId = 10;

inline CaseSnapshot baseCase()
{
    CaseSnapshot s;
    s.caseId = 1;
    s.uuid = "case-1";
    s.reference = "FICT/E1/26";
    s.reportedAt = at("2026-06-01T09:00:00Z"); // Monday
    s.victims = {{VictimId, true}};
    return s;
}

inline std::vector<DueItem> eval(const CaseSnapshot& s, Instant now)
{
    return evaluateCase(rules(), calendar(), s, now, test::enquiries().get());
}

/// The items of one rule, copied (so a temporary list may be passed).
inline std::vector<DueItem> all(const std::vector<DueItem>& items, std::string_view ruleId)
{
    std::vector<DueItem> out;
    for (const auto& item : items) {
        if (item.ruleId == ruleId) {
            out.push_back(item);
        }
    }
    return out;
}

/// The one item of a rule (a failure when there is not exactly one).
inline std::optional<DueItem> one(const std::vector<DueItem>& items, std::string_view ruleId)
{
    auto found = all(items, ruleId);
    EXPECT_EQ(found.size(), 1u) << ruleId;
    return found.size() == 1 ? std::optional<DueItem>(std::move(found.front())) : std::nullopt;
}

/// A contact; `events` are the events it says it explained (Right 6, issue 14).
inline CaseSnapshot::Contact contact(std::int64_t id,
                                     const char* when,
                                     std::string purpose,
                                     std::int64_t victim = VictimId,
                                     std::vector<std::string> events = {})
{
    return {id, "contact-" + std::to_string(id), victim, at(when), std::move(purpose), std::move(events), false};
}

} // namespace wb::core::deadlines::enginetest
