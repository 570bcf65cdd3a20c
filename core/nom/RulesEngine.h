// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/nom/Condition.h"
#include "core/nom/EnquiryCatalogue.h"

namespace wb::core::nom {

/// One line of enquiry proposed for a case.
struct Proposal {
    /// Points into the catalogue (or span) given to propose(); valid while that lives.
    const Enquiry* enquiry = nullptr;
    std::string enquiryId;       ///< == enquiry->id; diff() compares by it
    std::vector<Reason> reasons; ///< the conditions of enquiry->when that held (empty for "always")
    /// enquiry->deadline applied to its start fact; std::nullopt without a deadline or while the fact is unknown.
    std::optional<Instant> due;
    bool expired = false; ///< due is known and now > due (a closed window is still proposed)
};

/// The proposals for a case. Pure and deterministic: no clock, no I/O, no state; the result never depends on
/// the order of the entries. An entry is proposed when its `when` holds. Order:
///   1. principle suspect-focused before every other principle;
///   2. within each of those two tiers: open deadlines, soonest due first; then entries without a known due
///      instant, by their priority (evidence-at-risk, high-value, standard: issue 14); then expired ones, most
///      recently closed first (the evidence a closed window protected is most likely lost already);
///   3. then by id (ids are unique in a catalogue; with duplicate ids in a span the order among them is
///      unspecified).
/// Facts of the wrong type for their question make the conditions on them false (validate answers on entry
/// with QuestionCatalogue::validateAnswer). Nothing is thrown.
std::vector<Proposal> propose(const EnquiryCatalogue& catalogue, const Facts& facts, Instant now);
std::vector<Proposal> propose(std::span<const Enquiry> entries, const Facts& facts, Instant now);

/// The ordering propose() uses: true when a sorts before b.
bool proposalBefore(const Proposal& a, const Proposal& b) noexcept;

/// What changed between two proposal lists for the same case (matched by enquiry id).
struct ProposalDiff {
    std::vector<Proposal> added;   ///< newly proposed (from `after`, in its order)
    std::vector<Proposal> removed; ///< no longer applies (from `before`, in its order)
    /// Still proposed but the reasons, due instant or expiry changed (from `after`, in its order).
    std::vector<Proposal> changed;
};

ProposalDiff diff(const std::vector<Proposal>& before, const std::vector<Proposal>& after);

} // namespace wb::core::nom
