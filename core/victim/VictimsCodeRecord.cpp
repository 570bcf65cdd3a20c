// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/victim/VictimsCodeRecord.h"

#include <algorithm>
#include <cctype>

#include "core/reference/ReferenceList.h"

namespace wb::core::victim {

namespace {

std::string lowerAscii(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

} // namespace

bool isOptOutEntry(const Record& entry, std::string_view localMarker)
{
    const std::string& action = entry.get("action");
    if (lowerAscii(action).find("opted out of enhanced rights") != std::string::npos) {
        return true;
    }
    return !localMarker.empty() && lowerAscii(action).rfind(lowerAscii(localMarker), 0) == 0;
}

VictimsCodeRecord victimsCodeRecord(const std::vector<Record>& entries,
                                    const ReferenceList& rights,
                                    std::int64_t victimId,
                                    bool enhancedRights,
                                    std::string_view localMarker)
{
    VictimsCodeRecord result;
    result.enhancedRights = enhancedRights;
    const std::string victimText = std::to_string(victimId);
    result.rights.reserve(rights.items().size());
    for (const auto& item : rights.items()) {
        RightRecord right;
        right.code = item.code;
        right.label = item.label;
        right.examples = std::string(item.extraValue("examples"));
        for (const auto& entry : entries) {
            if (victimId != 0 && entry.get("victim_id") == victimText && entry.get("right_code") == item.code) {
                right.entries.push_back(entry);
            }
        }
        // done_on is a "YYYY-MM-DD" date, so its text sorts as time does; then the order recorded.
        std::stable_sort(right.entries.begin(), right.entries.end(), [](const Record& a, const Record& b) {
            const auto& ad = a.get("done_on");
            const auto& bd = b.get("done_on");
            return ad != bd ? ad < bd : a.id < b.id;
        });
        if (!enhancedRights && item.code == kOptOutRight) {
            for (const auto& entry : right.entries) {
                if (isOptOutEntry(entry, localMarker)) {
                    result.optOut = entry; // the latest wins: entries are in done order
                }
            }
        }
        result.rights.push_back(std::move(right));
    }
    return result;
}

} // namespace wb::core::victim
