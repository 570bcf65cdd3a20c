// SPDX-License-Identifier: GPL-3.0-or-later
// The deadline rules (resources/nom/deadline-rules.json), then evaluated with the shipped bank holidays
// against a small fictional case that has one record of every kind the engine reads.
#include <filesystem>

#include "core/Error.h"
#include "core/deadlines/Calendar.h"
#include "core/deadlines/CaseEvaluation.h"
#include "core/deadlines/RuleSet.h"
#include "tests/fuzz/FuzzSupport.h"

namespace {

using namespace wb::core;
using namespace wb::core::deadlines;

Instant at(const char* iso)
{
    return parseIsoUtc(iso).value_or(Instant{});
}

Date day(const char* iso)
{
    return parseIsoDate(iso).value_or(Date{});
}

struct Shipped {
    Calendar calendar =
        Calendar::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json");
    CaseSnapshot snapshot = makeSnapshot();

    static CaseSnapshot makeSnapshot()
    {
        CaseSnapshot s;
        s.caseId = 1;
        s.uuid = "case";
        s.reference = "FUZZ/1";
        s.reportedAt = at("2026-05-20T10:00:00Z");
        s.victims = {{10, true}, {11, false}};
        s.events = {{1, "e1", "arrest", at("2026-05-22T15:30:00Z")},
                    {2, "e2", "no-further-action", at("2026-05-29T10:00:00Z")}};
        s.bails = {{3,
                    "b3",
                    "bail",
                    day("2026-05-22"),
                    day("2026-08-22"),
                    std::nullopt,
                    {{4, "x4", day("2026-11-22"), day("2026-08-20")}}},
                   {5, "b5", "rui", day("2026-05-23"), std::nullopt, std::nullopt, {}}};
        s.ruiReviews = {{6, "r6", 5, day("2026-06-23"), std::nullopt}};
        s.plans = {{7, "p7", 10, day("2026-05-21"), 7, "phone", false, std::nullopt}};
        s.contacts = {{8, "c8", 10, at("2026-05-26T10:00:00Z"), "event-notification", {"e3"}, false}};
        s.isvaReferrals = {{9, 11, day("2026-05-21")}};
        s.victimDevices = {
            {12, "d12", 10, at("2026-05-21T10:00:00Z"), std::nullopt, false, at("2026-05-21T10:00:00Z")}};
        s.reviews = {{13, "v13", at("2026-05-21T10:00:00Z")}};
        s.enquiries = {{14, "q14", "FOR-001", "planned", day("2026-05-25"), at("2026-05-20T11:00:00Z"),
                        at("2026-05-20T11:00:00Z"), ""}};
        return s;
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Shipped shipped;
    try {
        const auto rules = RuleSet::fromJson(wb::fuzz::text(data, size), "fuzz.json");
        (void)evaluateCase(rules, shipped.calendar, shipped.snapshot, at("2026-05-27T09:00:00Z"), nullptr);
    } catch (const Error&) {
    }
    return 0;
}
