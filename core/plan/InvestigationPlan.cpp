// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/InvestigationPlan.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/CaseFacts.h"
#include "core/domain/LondonTime.h"
#include "core/domain/Text.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"

namespace wb::core::plan {

namespace {

constexpr std::string_view DeclinePrefix = "Declined line of enquiry ";

const RecordSpec& enquirySpec()
{
    return recordSpec(recordtype::kEnquiry);
}

const RecordSpec& decisionSpec()
{
    return recordSpec(recordtype::kDecision);
}

const RecordSpec& snapshotSpec()
{
    return recordSpec(recordtype::kPlanSnapshot);
}

std::string ownerName(Workspace& workspace)
{
    return workspace.info().owner.displayName;
}

bool isBlank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    });
}

bool isDecline(const Record& decision)
{
    return !decision.get("enquiry_ref").empty() && decision.get("decision").rfind(DeclinePrefix, 0) == 0;
}

/// The latest decline decision per catalogue id that no later decision supersedes.
std::map<std::string, Record> currentDeclines(Workspace& workspace, std::int64_t caseId)
{
    const auto decisions = workspace.records().listForCase(decisionSpec(), caseId);
    std::set<std::string> superseded;
    for (const auto& d : decisions) {
        if (!d.get("supersedes_id").empty()) {
            superseded.insert(d.get("supersedes_id"));
        }
    }
    std::map<std::string, Record> out;
    for (const auto& d : decisions) { // newest first (decided_at DESC, id DESC)
        if (!isDecline(d) || superseded.count(std::to_string(d.id)) != 0) {
            continue;
        }
        out.emplace(d.get("enquiry_ref"), d); // keeps the first, i.e. the latest
    }
    return out;
}

/// Tracked enquiries per catalogue id (the first in the list's order when, through an import, there are several).
std::map<std::string, Record> trackedByCatalogueId(const std::vector<Record>& enquiries)
{
    std::map<std::string, Record> out;
    for (const auto& e : enquiries) {
        if (!e.get("catalogue_id").empty()) {
            out.emplace(e.get("catalogue_id"), e);
        }
    }
    return out;
}

std::set<std::string> splitIds(const std::string& list)
{
    const auto ids = splitList(list);
    return {ids.begin(), ids.end()};
}

void join(PlanItem& item, const std::map<std::string, Record>& tracked, const std::map<std::string, Record>& declines)
{
    if (const auto it = declines.find(item.enquiryId); it != declines.end()) {
        item.decline = it->second;
        item.choice = Choice::Declined;
    }
    if (const auto it = tracked.find(item.enquiryId); it != tracked.end()) {
        item.enquiry = it->second;
        item.choice = Choice::Accepted;
    }
}

/// Groups by principle, keeping the engine's order inside each group; suspect-focused first (the engine puts it
/// first), the others in the order their first (most urgent) proposal appears.
std::vector<nom::Proposal> groupByPrinciple(std::vector<nom::Proposal> proposals)
{
    std::vector<nom::Principle> order;
    for (const auto& p : proposals) {
        if (std::find(order.begin(), order.end(), p.enquiry->principle) == order.end()) {
            order.push_back(p.enquiry->principle);
        }
    }
    const auto rank = [&order](const nom::Proposal& p) {
        return std::find(order.begin(), order.end(), p.enquiry->principle) - order.begin();
    };
    std::stable_sort(proposals.begin(), proposals.end(),
                     [&rank](const nom::Proposal& a, const nom::Proposal& b) { return rank(a) < rank(b); });
    return proposals;
}

/// Who carries out an enquiry: the workspace owner unless one is given; a given owner must not be blank.
std::string ownerOf(Workspace& workspace, const std::optional<std::string>& owner)
{
    if (!owner) {
        return ownerName(workspace);
    }
    if (isBlank(*owner)) {
        throw Error(ErrorCode::Validation, "owner: name who will carry out the enquiry", "owner");
    }
    return trimmed(*owner);
}

const nom::Enquiry& entryOrThrow(const nom::EnquiryCatalogue& enquiries, const std::string& id)
{
    const auto* entry = enquiries.find(id);
    if (entry == nullptr) {
        throw Error(ErrorCode::NotFound, "enquiryId: the catalogue has no line of enquiry with this id", "enquiryId");
    }
    return *entry;
}

/// The facts the plan is proposed from (and the opening questions are counted from).
/// The case's facts as the rules engine reads them: context answers merged with the facts its records hold.
nom::Facts factsFor(Workspace& workspace, std::int64_t caseId, const nom::QuestionCatalogue& questions, Instant now)
{
    return cases::caseFacts(workspace, caseId, questions, now).facts;
}

std::vector<nom::Proposal> proposalsFor(Workspace& workspace,
                                        std::int64_t caseId,
                                        const nom::EnquiryCatalogue& enquiries,
                                        const nom::QuestionCatalogue& questions,
                                        Instant now)
{
    return nom::propose(enquiries, factsFor(workspace, caseId, questions, now), now);
}

} // namespace

std::string londonDate(Instant instant)
{
    const std::chrono::year_month_day ymd = london::date(instant);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

bool isOverdue(const Record& enquiry, Instant now)
{
    const std::string& due = enquiry.get("due_on");
    const std::string& status = enquiry.get("status");
    return !due.empty() && (status == "planned" || status == "in_progress") && due < londonDate(now);
}

std::string declineText(const nom::Enquiry& entry)
{
    return std::string(DeclinePrefix) + entry.id + ": " + entry.title;
}

PlanView build(Workspace& workspace,
               std::int64_t caseId,
               const nom::EnquiryCatalogue& enquiries,
               const nom::QuestionCatalogue& questions,
               Instant now)
{
    PlanView view;
    view.catalogueVersion = enquiries.version();
    const nom::Facts facts = factsFor(workspace, caseId, questions, now);
    const auto proposals = groupByPrinciple(nom::propose(enquiries, facts, now));
    view.openingQuestions = openingQuestions(enquiries, questions, facts, now);
    const auto records = workspace.records().listForCase(enquirySpec(), caseId);
    const auto tracked = trackedByCatalogueId(records);
    const auto declines = currentDeclines(workspace, caseId);
    const auto snapshots = workspace.records().listForCase(snapshotSpec(), caseId);
    std::set<std::string> reviewed;
    if (!snapshots.empty()) {
        view.lastReview = snapshots.front(); // taken_at DESC, id DESC
        reviewed = splitIds(view.lastReview->get("enquiry_ids"));
    }

    std::set<std::string> proposedNow;
    for (const auto& p : proposals) {
        PlanItem item;
        item.enquiryId = p.enquiryId;
        item.entry = p.enquiry;
        item.proposal = p;
        item.inLastReview = reviewed.count(p.enquiryId) != 0;
        item.newSinceReview = view.lastReview.has_value() && !item.inLastReview;
        join(item, tracked, declines);
        if (item.newSinceReview) {
            view.newSinceReview.push_back(item.enquiryId);
        }
        proposedNow.insert(p.enquiryId);
        view.proposals.push_back(std::move(item));
    }

    std::set<std::string> stale; // ordered by id
    for (const auto& [id, record] : tracked) {
        stale.insert(id);
    }
    for (const auto& [id, record] : declines) {
        stale.insert(id);
    }
    for (const auto& id : reviewed) {
        stale.insert(id);
        if (proposedNow.count(id) == 0) {
            view.noLongerProposed.push_back(id);
        }
    }
    for (const auto& id : stale) {
        if (proposedNow.count(id) != 0) {
            continue;
        }
        PlanItem item;
        item.enquiryId = id;
        item.entry = enquiries.find(id);
        item.inLastReview = reviewed.count(id) != 0;
        join(item, tracked, declines);
        view.noLongerApplies.push_back(std::move(item));
    }

    for (const auto& record : records) {
        if (record.get("catalogue_id").empty()) {
            view.ownEnquiries.push_back(record);
        }
    }
    return view;
}

Record accept(Workspace& workspace,
              std::int64_t caseId,
              const nom::EnquiryCatalogue& enquiries,
              const nom::QuestionCatalogue& questions,
              const AcceptRequest& request,
              Instant now)
{
    const nom::Enquiry& entry = entryOrThrow(enquiries, request.enquiryId);
    const std::string owner = ownerOf(workspace, request.owner);
    const auto tracked = trackedByCatalogueId(workspace.records().listForCase(enquirySpec(), caseId));
    if (tracked.count(entry.id) != 0) {
        throw Error(ErrorCode::Conflict, "enquiryId: this line of enquiry is already a tracked enquiry", "enquiryId");
    }
    std::string due;
    if (request.dueOn) {
        due = *request.dueOn;
    } else {
        for (const auto& p : proposalsFor(workspace, caseId, enquiries, questions, now)) {
            if (p.enquiryId == entry.id && p.due) {
                due = londonDate(*p.due);
            }
        }
    }
    const bool intrudes = entry.intrudesOnVictimPrivacy;
    Values values{
        {"title", entry.title},
        {"catalogue_id", entry.id},
        {"catalogue_version", enquiries.version()},
        {"principle", std::string(nom::toString(entry.principle))},
        {"owner", owner},
        {"due_on", due},
        {"status", "planned"},
        {"accepted_at", toIsoUtc(now)},
        {"accepted_by", ownerName(workspace)},
        {"intrudes", intrudes ? "1" : "0"},
        {"involves_device", intrudes && entry.category == nom::EnquiryCategory::DigitalForensics ? "1" : "0"},
        {"line_of_enquiry", trimmed(request.lineOfEnquiry)},
        {"necessity_proportionality", trimmed(request.necessityProportionality)},
        {"less_intrusive_options", trimmed(request.lessIntrusiveOptions)},
    };
    return workspace.records().add(enquirySpec(), caseId, values);
}

Record decline(Workspace& workspace,
               std::int64_t caseId,
               const nom::EnquiryCatalogue& enquiries,
               const std::string& enquiryId,
               const std::string& rationale,
               Instant now)
{
    if (isBlank(rationale)) {
        throw Error(ErrorCode::Validation, "rationale: a decline needs a rationale for the decision log", "rationale");
    }
    const nom::Enquiry& entry = entryOrThrow(enquiries, enquiryId);
    const auto tracked = trackedByCatalogueId(workspace.records().listForCase(enquirySpec(), caseId));
    if (tracked.count(entry.id) != 0) {
        throw Error(ErrorCode::Conflict,
                    "enquiryId: this line of enquiry is already a tracked enquiry; record its result or mark it not "
                    "possible instead",
                    "enquiryId");
    }
    Values values{
        {"decided_at", toIsoUtc(now)},     {"decision", declineText(entry)},
        {"rationale", trimmed(rationale)}, {"decided_by", ownerName(workspace)},
        {"enquiry_ref", entry.id},         {"catalogue_version", enquiries.version()},
    };
    const auto declines = currentDeclines(workspace, caseId);
    if (const auto it = declines.find(entry.id); it != declines.end()) {
        values["supersedes_id"] = std::to_string(it->second.id);
    }
    return workspace.records().add(decisionSpec(), caseId, values);
}

Record addOwn(Workspace& workspace, std::int64_t caseId, const OwnEnquiry& enquiry, Instant now)
{
    const std::string owner = ownerOf(workspace, enquiry.owner);
    Values values{
        {"title", trimmed(enquiry.title)},
        {"principle", enquiry.principle},
        {"owner", owner},
        {"due_on", enquiry.dueOn},
        {"status", "planned"},
        {"accepted_at", toIsoUtc(now)},
        {"accepted_by", ownerName(workspace)},
        {"intrudes", enquiry.intrudes ? "1" : "0"},
        {"involves_device", enquiry.intrudes && enquiry.involvesDevice ? "1" : "0"},
        {"line_of_enquiry", trimmed(enquiry.lineOfEnquiry)},
        {"necessity_proportionality", trimmed(enquiry.necessityProportionality)},
        {"less_intrusive_options", trimmed(enquiry.lessIntrusiveOptions)},
    };
    return workspace.records().add(enquirySpec(), caseId, values);
}

Record updateEnquiry(Workspace& workspace, std::int64_t enquiryRecordId, const Values& changes)
{
    const auto current = workspace.records().find(enquirySpec(), enquiryRecordId);
    if (!current) {
        throw Error(ErrorCode::NotFound, "the enquiry does not exist");
    }
    Values values = current->values;
    for (const auto& [key, value] : changes) {
        values[key] = value;
    }
    return workspace.records().update(enquirySpec(), enquiryRecordId, values);
}

Record markReviewed(Workspace& workspace,
                    std::int64_t caseId,
                    const nom::EnquiryCatalogue& enquiries,
                    const nom::QuestionCatalogue& questions,
                    Instant now)
{
    std::string ids;
    for (const auto& p : proposalsFor(workspace, caseId, enquiries, questions, now)) {
        if (!ids.empty()) {
            ids += ',';
        }
        ids += p.enquiryId;
    }
    return workspace.records().add(snapshotSpec(), caseId,
                                   {{"taken_at", toIsoUtc(now)},
                                    {"taken_by", ownerName(workspace)},
                                    {"catalogue_version", enquiries.version()},
                                    {"enquiry_ids", ids}});
}

} // namespace wb::core::plan
