// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/RulesEngine.h"

#include <algorithm>
#include <map>

namespace wb::core::nom {

namespace {

std::optional<Instant> startOf(const Facts& facts, const std::string& key)
{
    const auto it = facts.find(key);
    if (it == facts.end()) {
        return std::nullopt;
    }
    if (const auto* t = std::get_if<Instant>(&it->second)) {
        return *t;
    }
    if (const auto* r = std::get_if<DateRange>(&it->second)) {
        return r->to; // the latest possible instant: a window is never shown as closing earlier than it may
    }
    return std::nullopt;
}

/// 0 = an open deadline, 1 = no known due instant, 2 = expired.
int urgencyBucket(const Proposal& p) noexcept
{
    if (!p.due) {
        return 1;
    }
    return p.expired ? 2 : 0;
}

} // namespace

bool proposalBefore(const Proposal& a, const Proposal& b) noexcept
{
    const auto tier = [](const Proposal& p) {
        return p.enquiry != nullptr && p.enquiry->principle == Principle::SuspectFocused ? 0 : 1;
    };
    if (tier(a) != tier(b)) {
        return tier(a) < tier(b);
    }
    const int bucketA = urgencyBucket(a);
    const int bucketB = urgencyBucket(b);
    if (bucketA != bucketB) {
        return bucketA < bucketB;
    }
    if (bucketA == 0 && *a.due != *b.due) {
        return *a.due < *b.due; // soonest first
    }
    if (bucketA == 2 && *a.due != *b.due) {
        return *a.due > *b.due; // most recently closed first
    }
    if (bucketA == 1 && a.enquiry != nullptr && b.enquiry != nullptr && a.enquiry->priority != b.enquiry->priority) {
        return a.enquiry->priority < b.enquiry->priority; // evidence at risk, then high value, then standard
    }
    return a.enquiryId < b.enquiryId;
}

std::vector<Proposal> propose(std::span<const Enquiry> entries, const Facts& facts, Instant now)
{
    std::vector<Proposal> out;
    for (const auto& entry : entries) {
        auto evaluation = entry.when.evaluate(facts, now);
        if (!evaluation.holds) {
            continue;
        }
        Proposal p;
        p.enquiry = &entry;
        p.enquiryId = entry.id;
        p.reasons = std::move(evaluation.reasons);
        if (entry.deadline) {
            if (const auto start = startOf(facts, entry.deadline->from)) {
                p.due = *start + entry.deadline->after;
                p.expired = now > *p.due;
            }
        }
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), proposalBefore);
    return out;
}

std::vector<Proposal> propose(const EnquiryCatalogue& catalogue, const Facts& facts, Instant now)
{
    return propose(std::span<const Enquiry>(catalogue.entries()), facts, now);
}

ProposalDiff diff(const std::vector<Proposal>& before, const std::vector<Proposal>& after)
{
    std::map<std::string_view, const Proposal*> old;
    for (const auto& p : before) {
        old.emplace(p.enquiryId, &p);
    }
    std::map<std::string_view, const Proposal*> current;
    for (const auto& p : after) {
        current.emplace(p.enquiryId, &p);
    }
    ProposalDiff result;
    for (const auto& p : after) {
        const auto it = old.find(p.enquiryId);
        if (it == old.end()) {
            result.added.push_back(p);
        } else if (it->second->reasons != p.reasons || it->second->due != p.due || it->second->expired != p.expired) {
            result.changed.push_back(p);
        }
    }
    for (const auto& p : before) {
        if (current.find(p.enquiryId) == current.end()) {
            result.removed.push_back(p);
        }
    }
    return result;
}

} // namespace wb::core::nom
