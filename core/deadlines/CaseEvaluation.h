// SPDX-License-Identifier: GPL-3.0-or-later
// The pure half of the deadline engine: rules + calendar + a snapshot of one case's records + now
// -> due items. No database, no clock: the same inputs always give the same items (in the same
// order). collectSnapshots (CollectSnapshots.h) builds the snapshots from a workspace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/deadlines/Calendar.h"
#include "core/deadlines/DeadlineService.h"
#include "core/deadlines/RuleSet.h"
#include "core/nom/Facts.h"

namespace wb::core::deadlines {

/// What the engine reads about one case: dates, kinds and links; no names. The one free text is the title of an
/// enquiry the officer added outside the catalogue, so its due item says what it is about (the due list is kept
/// inside the encrypted workspace only).
struct CaseSnapshot {
    struct Victim {
        std::int64_t id = 0;
        bool enhancedRights = true; ///< people.enhanced_rights (default on for these offences)
    };
    struct Event {
        std::int64_t id = 0;
        std::string uuid;
        std::string kind; ///< case-event-kinds code
        Instant occurredAt{};
    };
    struct BailExtension {
        std::int64_t id = 0;
        std::string uuid;
        Date newEnd;
        Date authorisedOn;
    };
    /// A period on bail under s.37(7)(a) awaiting a CPS charging decision (not counted, s.47ZL).
    struct BailPause {
        std::int64_t id = 0;
        Date from;
        std::optional<Date> to; ///< none: still awaiting the decision, the clock is paused
    };
    struct Bail {
        std::int64_t id = 0;
        std::string uuid;
        std::string kind; ///< "bail" or "rui"
        Date startDate;
        std::optional<Date> abpEnd;
        std::optional<Date> endedOn;
        std::vector<BailExtension> extensions; ///< in the order authorised
        std::optional<Date> arrestedOn;        ///< the bail period counts from the day after
        std::vector<BailPause> pauses;         ///< by from, id
    };
    struct RuiReview {
        std::int64_t id = 0;
        std::string uuid;
        std::int64_t bailId = 0;
        Date dueOn;
        std::optional<Date> reviewedOn;
    };
    struct ContactPlan {
        std::int64_t id = 0;
        std::string uuid;
        std::int64_t victimId = 0;
        Date agreedOn;
        std::optional<int> frequencyDays;
        std::string method;
        bool doNotContact = false;
        std::optional<std::int64_t> supersedesId;
    };
    struct Contact {
        std::int64_t id = 0;
        std::string uuid;
        std::int64_t victimId = 0;
        Instant at{};
        std::string purpose;
        /// Right 6 (issue 14): the uuids of the events (case events, bail records) it told the victim about.
        std::vector<std::string> explainedEvents;
        /// Recorded before a contact could say which events it explained (schema migration "Right 6 events per
        /// contact"): it meets the Right 6 items of every event before it, as it did then.
        bool eventsUnrecorded = false;
    };
    struct IsvaReferral {
        std::int64_t id = 0;
        std::int64_t victimId = 0;
        Date offeredOn;
    };
    struct Device {
        std::int64_t id = 0;
        std::string uuid;
        std::int64_t personId = 0; ///< 0 when the owner is not linked
        std::optional<Instant> seizedAt;
        std::optional<Instant> returnedAt;
        bool swapGiven = false;
        Instant updatedAt{}; ///< when the record was last changed (the time a swap was recorded)
    };
    struct Review {
        std::int64_t id = 0;
        std::string uuid;
        Instant reviewedAt{};
    };
    struct Enquiry {
        std::int64_t id = 0;
        std::string uuid;
        std::string catalogueId;
        std::string status; ///< planned | in_progress | done | not_possible
        std::optional<Date> dueOn;
        Instant acceptedAt{};
        Instant updatedAt{}; ///< when it was last changed (taken as the time it was done)
        std::string title; ///< the officer's title, for an enquiry outside the catalogue (catalogue ones use its title)
    };

    /// An order or notice (issue 14).
    struct Order {
        std::int64_t id = 0;
        std::string uuid;
        std::string type; ///< order-types code
        std::optional<Instant> servedAt;
        std::optional<Instant> hearingAt;
        std::optional<Date> madeOn;
        std::optional<Date> expiresOn;
        std::optional<Date> endedOn;
    };

    std::int64_t caseId = 0;
    std::string uuid;
    std::string reference;
    Instant reportedAt{};
    bool open = true;
    std::vector<Victim> victims;       ///< by id
    std::vector<Event> events;         ///< by occurredAt, id
    std::vector<Bail> bails;           ///< by id
    std::vector<RuiReview> ruiReviews; ///< by dueOn, id
    std::vector<ContactPlan> plans;    ///< by id
    std::vector<Contact> contacts;     ///< by at, id
    std::vector<IsvaReferral> isvaReferrals;
    std::vector<Device> victimDevices; ///< devices with owner_role "victim"
    std::vector<Review> reviews;       ///< by reviewedAt, id
    std::vector<Enquiry> enquiries;    ///< by id
    nom::Facts facts;                  ///< the context answers (for forensic windows)
    std::vector<Order> orders;         ///< by id
};

/// Every item the rules give for one case, met ones included, sorted by urgency (see sortByUrgency).
/// `enquiries` may be null: then there are no forensic-window items. Never throws for a date the
/// bank-holiday file does not cover: such a due date is counted on weekdays only and the item's
/// detail says so.
std::vector<DueItem> evaluateCase(const RuleSet& rules,
                                  const Calendar& calendar,
                                  const CaseSnapshot& snapshot,
                                  Instant now,
                                  const nom::EnquiryCatalogue* enquiries);

/// The state of an item due at `due`, met at `metAt` (if ever), seen at `now`.
DueState stateOf(Instant due, const std::optional<Instant>& metAt, Instant now) noexcept;

/// Overdue (oldest due first), due today, upcoming (by due), then met (by due); ties by case,
/// rule, trigger and person, so the order is total and stable.
void sortByUrgency(std::vector<DueItem>& items);

} // namespace wb::core::deadlines
