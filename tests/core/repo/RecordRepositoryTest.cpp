// SPDX-License-Identifier: GPL-3.0-or-later
// Every record type of a case: round trips, validation, immutability, cascades, audit, search.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/records/RecordSpec.h"
#include "core/store/Database.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "support/CaseRecordsFixture.h"
#include "support/TestSupport.h"

using namespace wb;
using core::ErrorCode;
using core::Values;

namespace {

class RecordRepositoryTest : public test::CaseRecordsFixture
{
protected:
    std::int64_t rows(std::string_view table)
    {
        // Counted through the records API: every record of the type in the case.
        for (const auto& s : core::recordSpecs()) {
            if (s.table == table) {
                return static_cast<std::int64_t>(ws->records().listForCase(s, theCase.id).size());
            }
        }
        return -1;
    }

    Values validDevice()
    {
        return {{"owner_role", "victim"},
                {"person_id", id(victim.id)},
                {"device_type", "mobile-phone"},
                {"legal_basis", "pcsc2022-s37"},
                {"s37_notice_date", "2026-01-10"},
                {"line_of_enquiry", "Messages from the suspect on the night (fictional)."},
                {"proportionality", "Only messages with the suspect's number, 1-3 January (fictional)."},
                {"data_from", "2026-01-01"},
                {"data_to", "2026-01-03"}};
    }
};

TEST_F(RecordRepositoryTest, everyTypeHasItsColumnsAndKnownLists)
{
    ws.reset(); // closed first: reading the header of a held file is refused (it would drop the lock)
    auto km = core::Workspace::deriveForOpen(dir / "records.rwb", test::Passphrase);
    core::store::Database db(dir / "records.rwb", core::store::Database::OpenMode::ExistingFile);
    core::store::keyWorkspace(db, km.key, km.header, false);
    for (const auto& s : core::recordSpecs()) {
        std::vector<std::string> columns;
        core::store::Statement info(db, "PRAGMA table_info(" + std::string(s.table) + ")");
        while (info.step()) {
            columns.push_back(info.columnText(1));
        }
        ASSERT_FALSE(columns.empty()) << s.table;
        const auto has = [&](const std::string& c) {
            return std::find(columns.begin(), columns.end(), c) != columns.end();
        };
        for (const char* c : {"id", "uuid", "case_id", "created_at", "updated_at"}) {
            EXPECT_TRUE(has(c)) << s.table << "." << c;
        }
        EXPECT_TRUE(has(std::string(s.parentColumn))) << s.table << "." << s.parentColumn;
        for (const auto& f : s.fields) {
            if (f.kind == core::FieldKind::ApproxDate) {
                EXPECT_TRUE(has(std::string(f.key) + "_precision")) << s.table << "." << f.key;
            } else {
                EXPECT_TRUE(has(std::string(f.key))) << s.table << "." << f.key;
            }
            if (f.kind == core::FieldKind::Choice && !f.list.empty()) {
                EXPECT_TRUE(test::lists()->has(f.list)) << s.type << "." << f.key << " uses " << f.list;
            }
        }
    }
}

TEST_F(RecordRepositoryTest, everyCodeTheRulesNameExistsInItsList)
{
    for (const auto& s : core::recordSpecs()) {
        for (const auto& f : s.fields) {
            for (const auto& rule : f.requiredWhen) {
                const auto* other = s.field(rule.field);
                ASSERT_NE(other, nullptr) << s.type << "." << f.key << " depends on " << rule.field;
                if (other->kind == core::FieldKind::Boolean) {
                    for (const auto code : rule.values) {
                        EXPECT_TRUE(code == "0" || code == "1") << s.type << "." << f.key << ": " << code;
                    }
                    continue;
                }
                ASSERT_EQ(other->kind, core::FieldKind::Choice);
                for (const auto code : rule.values) {
                    EXPECT_TRUE(other->list.empty() ? std::string(other->options).find(code) != std::string::npos
                                                    : test::lists()->list(other->list).contains(code))
                        << s.type << "." << f.key << ": " << code;
                }
            }
            if (!f.notBefore.empty()) {
                EXPECT_NE(s.field(f.notBefore), nullptr) << s.type << "." << f.key;
            }
        }
    }
    for (const char* rank : {"sergeant", "inspector", "superintendent"}) {
        EXPECT_TRUE(test::lists()->list("police-ranks").contains(rank)) << rank;
    }
}

TEST_F(RecordRepositoryTest, decisionRoundTripsAndIsImmutable)
{
    const auto d = add("decision", {{"decided_at", "2026-02-01T10:00:00Z"},
                                    {"decision", "Arrest the suspect at the earliest opportunity."},
                                    {"rationale", "Forensic window and safeguarding (fictional)."},
                                    {"alternatives", "Voluntary interview: rejected because of risk."},
                                    {"decided_by", "DS Fictional"}});
    const auto stored = ws->records().find(spec("decision"), d.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->get("decision"), "Arrest the suspect at the earliest opportunity.");
    EXPECT_EQ(stored->get("decided_at"), "2026-02-01T10:00:00Z");
    EXPECT_EQ(stored->caseId, theCase.id);
    try {
        ws->records().update(spec("decision"), d.id, {{"decision", "changed"}});
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Immutable);
    }
    EXPECT_THROW(ws->records().remove(spec("decision"), d.id), core::Error);
    // A correction supersedes; both stay visible.
    add("decision", {{"decided_at", "2026-02-02T09:00:00Z"},
                     {"decision", "Invite the suspect to a voluntary interview instead."},
                     {"rationale", "New information (fictional)."},
                     {"decided_by", "DS Fictional"},
                     {"supersedes_id", id(d.id)}});
    EXPECT_EQ(rows("decisions"), 2);
    EXPECT_EQ(rejectedField("decision", {{"decided_at", "2026-02-03T09:00:00Z"},
                                         {"decision", "Another correction of the same entry."},
                                         {"rationale", "r"},
                                         {"decided_by", "DS Fictional"},
                                         {"supersedes_id", id(d.id)}}),
              "supersedes_id");
}

TEST_F(RecordRepositoryTest, requiredFieldsAreNamedAndNothingIsWritten)
{
    EXPECT_EQ(rejectedField("decision", {{"decided_at", "2026-02-01T10:00:00Z"}, {"decided_by", "DS F"}}), "decision");
    EXPECT_EQ(rejectedField("exhibit", {{"description", "A fictional item"}}), "reference");
    EXPECT_EQ(rejectedField("review", {{"reviewed_at", "2026-02-01T10:00:00Z"},
                                       {"reviewer_name", "DI Fictional"},
                                       {"reviewer_rank", "inspector"}}),
              "scope");
    EXPECT_EQ(rows("decisions"), 0);
    EXPECT_EQ(rows("exhibits"), 0);
    EXPECT_EQ(rows("reviews"), 0);
}

TEST_F(RecordRepositoryTest, unknownCodesAndBadDatesAreRejected)
{
    auto device = validDevice();
    device["device_type"] = "typewriter";
    EXPECT_EQ(rejectedField("device", device), "device_type");
    device = validDevice();
    device["data_to"] = "2025-12-31"; // before data_from
    EXPECT_EQ(rejectedField("device", device), "data_to");
    device = validDevice();
    device["s37_notice_date"] = "2026-02-30";
    EXPECT_EQ(rejectedField("device", device), "s37_notice_date");
    EXPECT_EQ(rejectedField("timeline_event", {{"occurred", "between|2020-05-01|2019-05-01"}, {"title", "t"}}),
              "occurred");
    EXPECT_EQ(rejectedField("review", {{"reviewed_at", "2999-01-01T10:00:00Z"},
                                       {"reviewer_name", "DI Fictional"},
                                       {"reviewer_rank", "inspector"},
                                       {"scope", "s"}}),
              "reviewed_at");
    EXPECT_EQ(rejectedField("exhibit", {{"reference", "EX/1"}, {"description", "d"}, {"colour", "red"}}), "colour");
    EXPECT_EQ(rows("devices"), 0);
}

TEST_F(RecordRepositoryTest, victimDeviceNeedsLineOfEnquiryAndProportionality)
{
    auto device = validDevice();
    device.erase("proportionality");
    EXPECT_EQ(rejectedField("device", device), "proportionality");
    device = validDevice();
    device["owner_role"] = "witness";
    device["person_id"] = id(witness.id);
    device.erase("line_of_enquiry");
    EXPECT_EQ(rejectedField("device", device), "line_of_enquiry");
    // A suspect's device: the s.37 notice and proportionality text are not demanded.
    EXPECT_EQ(rejectedField("device", {{"owner_role", "suspect"},
                                       {"person_id", id(suspect.id)},
                                       {"device_type", "mobile-phone"},
                                       {"legal_basis", "pace-s19"}}),
              "");
    device = validDevice();
    device.erase("s37_notice_date");
    EXPECT_EQ(rejectedField("device", device), "s37_notice_date");
    const auto stored = add("device", validDevice());
    EXPECT_EQ(stored.get("swap_given"), "0"); // default
}

TEST_F(RecordRepositoryTest, personLinksMustBeInTheCaseWithTheRightRole)
{
    const auto otherCase = ws->cases().add(test::caseDraft("FICT/R2/26"));
    core::PersonDraft p;
    p.caseId = otherCase.id;
    p.givenName = "Other";
    p.role = core::PersonRole::Suspect;
    const auto stranger = ws->people().add(p);
    EXPECT_EQ(
        rejectedField("relationship",
                      {{"victim_id", id(victim.id)}, {"suspect_id", id(stranger.id)}, {"category", "ex-partner"}}),
        "suspect_id");
    EXPECT_EQ(
        rejectedField("relationship",
                      {{"victim_id", id(witness.id)}, {"suspect_id", id(suspect.id)}, {"category", "ex-partner"}}),
        "victim_id");
    const auto r = add("relationship", {{"victim_id", id(victim.id)},
                                        {"suspect_id", id(suspect.id)},
                                        {"category", "ex-partner"},
                                        {"description", "Together two years; separated in 2025 (fictional)."}});
    EXPECT_EQ(r.get("category"), "ex-partner");
}

TEST_F(RecordRepositoryTest, bailPeriodIsDerivedAndExtensionsNeedTheRightRank)
{
    // Issue 14: counted from the arrest (PACE s.47ZB(4)(a)), not from the release recorded as the start.
    const auto bail = add("bail", {{"suspect_id", id(suspect.id)},
                                   {"kind", "bail"},
                                   {"arrested_on", "2025-11-29"},
                                   {"start_date", "2025-11-30"},
                                   {"conditions", "Not to contact the victim (fictional)."},
                                   {"victim_views_sought", "1"}});
    EXPECT_EQ(bail.get("abp_end"), "2026-02-28"); // bail start 30 November: no 30 February, so the end of February
    EXPECT_EQ(rejectedField("bail_extension",
                            {{"extension", "extension-1"},
                             {"new_end", "2026-05-28"},
                             {"authorised_by", "PS Fictional"},
                             {"authorised_rank", "sergeant"},
                             {"authorised_on", "2026-02-20"}},
                            bail.id),
              "authorised_rank");
    add("bail_extension",
        {{"extension", "extension-1"},
         {"new_end", "2026-05-28"},
         {"authorised_by", "Insp Fictional"},
         {"authorised_rank", "inspector"},
         {"authorised_on", "2026-02-20"}},
        bail.id);
    EXPECT_EQ(rejectedField("bail_extension",
                            {{"extension", "extension-2"},
                             {"new_end", "2026-08-28"},
                             {"authorised_by", "Insp Fictional"},
                             {"authorised_rank", "chief-inspector"},
                             {"authorised_on", "2026-05-20"}},
                            bail.id),
              "authorised_rank");
    // s.47ZF(4)(a): the court's extension follows a superintendent's s.47ZDA extension on the same bail record.
    const Values court{{"extension", "court"},
                       {"new_end", "2026-11-28"},
                       {"authorised_by", "Magistrates (fictional)"},
                       {"authorised_on", "2026-08-20"}};
    EXPECT_EQ(rejectedField("bail_extension", court, bail.id), "extension");
    add("bail_extension",
        {{"extension", "extension-2"},
         {"new_end", "2026-08-28"},
         {"authorised_by", "Supt Fictional"},
         {"authorised_rank", "superintendent"},
         {"authorised_on", "2026-05-20"}},
        bail.id);
    add("bail_extension", court, bail.id);
    EXPECT_EQ(ws->records().list(spec("bail_extension"), bail.id).size(), 3u);
    EXPECT_EQ(
        rejectedField(
            "bail",
            {{"suspect_id", id(suspect.id)}, {"kind", "rui"}, {"start_date", "2026-01-01"}, {"abp_end", "2026-04-01"}}),
        "abp_end");
}

TEST_F(RecordRepositoryTest, bailPeriodIsCountedFromTheDayAfterTheArrest)
{
    const auto bail = [&](const char* arrested, const char* released) {
        return add(
            "bail",
            {{"suspect_id", id(suspect.id)}, {"kind", "bail"}, {"arrested_on", arrested}, {"start_date", released}});
    };
    EXPECT_EQ(bail("2026-04-30", "2026-04-30").get("abp_end"), "2026-07-31"); // released on the day of arrest
    EXPECT_EQ(bail("2026-04-30", "2026-05-01").get("abp_end"), "2026-07-31"); // released the day after: same end
    EXPECT_EQ(bail("2026-01-31", "2026-01-31").get("abp_end"), "2026-04-30");
    // A changed arrest date moves the end; an entered end never overrides the count from the arrest.
    auto b = bail("2026-03-10", "2026-03-10");
    EXPECT_EQ(b.get("abp_end"), "2026-06-10");
    ws->records().update(spec("bail"), b.id,
                         {{"suspect_id", id(suspect.id)},
                          {"kind", "bail"},
                          {"arrested_on", "2026-03-09"},
                          {"start_date", "2026-03-10"},
                          {"victim_views_sought", "0"},
                          {"abp_end", "2026-12-31"}});
    EXPECT_EQ(ws->records().find(spec("bail"), b.id)->get("abp_end"), "2026-06-09");
    // Pre-charge bail needs the arrest date; released under investigation does not, and has no period.
    EXPECT_EQ(rejectedField("bail", {{"suspect_id", id(suspect.id)}, {"kind", "bail"}, {"start_date", "2026-03-10"}}),
              "arrested_on");
    EXPECT_EQ(rejectedField("bail", {{"suspect_id", id(suspect.id)},
                                     {"kind", "bail"},
                                     {"arrested_on", "2026-03-11"},
                                     {"start_date", "2026-03-10"}}),
              "start_date"); // released before the arrest
    EXPECT_TRUE(add("bail", {{"suspect_id", id(suspect.id)}, {"kind", "rui"}, {"start_date", "2026-03-10"}})
                    .get("abp_end")
                    .empty());
}

TEST_F(RecordRepositoryTest, exceptionallyComplexExtensionNeedsTheDesignationAndAnAssistantChiefConstable)
{
    const auto bail = add("bail", {{"suspect_id", id(suspect.id)},
                                   {"kind", "bail"},
                                   {"arrested_on", "2025-01-09"},
                                   {"start_date", "2025-01-09"}});
    // s.47ZE(1): the exceptionally complex route follows a superintendent's s.47ZDA extension (issue 14 follow-up),
    // which follows an inspector's s.47ZD extension. The ordinary route needs no designation.
    add("bail_extension",
        {{"extension", "extension-1"},
         {"new_end", "2025-07-09"},
         {"authorised_by", "Insp Fictional"},
         {"authorised_rank", "inspector"},
         {"authorised_on", "2025-04-01"}},
        bail.id);
    add("bail_extension",
        {{"extension", "extension-2"},
         {"new_end", "2025-10-09"},
         {"authorised_by", "Supt Fictional"},
         {"authorised_rank", "superintendent"},
         {"authorised_on", "2025-07-01"}},
        bail.id);
    const Values designated{{"extension", "designated-12"},     {"new_end", "2026-01-09"},
                            {"authorised_by", "ACC Fictional"}, {"authorised_rank", "assistant-chief-constable"},
                            {"authorised_on", "2025-10-01"},    {"designated_on", "2025-09-20"}};
    auto without = designated;
    without.erase("designated_on");
    EXPECT_EQ(rejectedField("bail_extension", without, bail.id), "designated_on");
    auto superintendent = designated;
    superintendent["authorised_rank"] = "chief-superintendent";
    EXPECT_EQ(rejectedField("bail_extension", superintendent, bail.id), "authorised_rank");
    auto commander = designated;
    commander["authorised_rank"] = "commander";
    add("bail_extension", commander, bail.id); // PACE s.47ZE(9): commander or assistant chief constable
    add("bail_extension", designated, bail.id);
    auto court = designated;
    court["extension"] = "court-designated-18";
    court.erase("authorised_rank");
    court.erase("designated_on");
    EXPECT_EQ(rejectedField("bail_extension", court, bail.id), "designated_on");
}

// Issue 14 follow-up: an extension's new end is no later than its step's months allow, counted like the bail
// period itself from the bail start date (the day after the arrest), checked against the bail record it extends.
TEST_F(RecordRepositoryTest, bailExtensionNewEndIsNoLaterThanItsStepAllows)
{
    const auto bail = add("bail", {{"suspect_id", id(suspect.id)},
                                   {"kind", "bail"},
                                   {"arrested_on", "2026-04-30"},
                                   {"start_date", "2026-04-30"}});
    Values first{{"extension", "extension-1"},
                 {"new_end", "2026-11-01"},
                 {"authorised_by", "Insp Fictional"},
                 {"authorised_rank", "inspector"},
                 {"authorised_on", "2026-07-20"}};
    // Bail start 1 May: 6 months beginning with it end on 31 October.
    EXPECT_EQ(rejectedField("bail_extension", first, bail.id), "new_end");
    first["new_end"] = "2026-10-31";
    const auto extension = add("bail_extension", first, bail.id);
    first["new_end"] = "2026-10-20"; // earlier than allowed is the officer's choice
    ws->records().update(spec("bail_extension"), extension.id, first);
    // Changing it later is checked against the same bail record.
    first["new_end"] = "2026-11-01";
    try {
        ws->records().update(spec("bail_extension"), extension.id, first);
        ADD_FAILURE() << "a later end than the step allows was accepted";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "new_end");
    }
    Values second{{"extension", "extension-2"},
                  {"new_end", "2027-02-01"},
                  {"authorised_by", "Supt Fictional"},
                  {"authorised_rank", "superintendent"},
                  {"authorised_on", "2026-10-20"}};
    EXPECT_EQ(rejectedField("bail_extension", second, bail.id), "new_end"); // 9 months end on 31 January
    second["new_end"] = "2027-01-31";
    add("bail_extension", second, bail.id);

    // Where it does not apply: released under investigation has no arrest date to count from, and a form
    // checking values without the bail record (parent 0) cannot count either.
    const auto rui = add("bail", {{"suspect_id", id(suspect.id)}, {"kind", "rui"}, {"start_date", "2026-04-30"}});
    first["new_end"] = "2027-06-30";
    EXPECT_EQ(rejectedField("bail_extension", first, rui.id), "");
    EXPECT_NO_THROW(ws->records().validate(spec("bail_extension"), theCase.id, first));
}

// Issue 14 follow-up, PACE s.47ZE(1) and s.47ZF(1)(c): the exceptionally complex extension to 12 months follows a
// superintendent's extension (s.47ZDA) on the same bail record, and the court's extension to 18 months follows it;
// the ordinary steps are ordered the same way (s.47ZDA after s.47ZD, s.47ZF(4)(a) after s.47ZDA).
TEST_F(RecordRepositoryTest, exceptionallyComplexStepsFollowTheEarlierExtensionOnTheSameBail)
{
    const auto newBail = [&] {
        return add("bail", {{"suspect_id", id(suspect.id)},
                            {"kind", "bail"},
                            {"arrested_on", "2025-01-09"},
                            {"start_date", "2025-01-09"}});
    };
    const Values inspector{{"extension", "extension-1"},
                           {"new_end", "2025-07-09"},
                           {"authorised_by", "Insp Fictional"},
                           {"authorised_rank", "inspector"},
                           {"authorised_on", "2025-04-01"}};
    const auto bail = newBail();
    const auto other = newBail();
    add("bail_extension", inspector, bail.id);
    add("bail_extension", inspector, other.id);
    const Values superintendent{{"extension", "extension-2"},
                                {"new_end", "2025-10-09"},
                                {"authorised_by", "Supt Fictional"},
                                {"authorised_rank", "superintendent"},
                                {"authorised_on", "2025-07-01"}};
    const Values designated{{"extension", "designated-12"},     {"new_end", "2026-01-09"},
                            {"authorised_by", "ACC Fictional"}, {"authorised_rank", "assistant-chief-constable"},
                            {"authorised_on", "2025-10-01"},    {"designated_on", "2025-09-20"}};
    const Values court{{"extension", "court-designated-18"},
                       {"new_end", "2026-07-09"},
                       {"authorised_by", "Magistrates (fictional)"},
                       {"authorised_on", "2025-12-20"},
                       {"designated_on", "2025-09-20"}};
    // Without the s.47ZDA extension on this bail record (one on another bail record does not count).
    add("bail_extension", superintendent, other.id);
    EXPECT_EQ(rejectedField("bail_extension", designated, bail.id), "extension");
    // Authorised after the exceptionally complex one would be: still not earlier.
    auto late = superintendent;
    late["authorised_on"] = "2025-10-02";
    add("bail_extension", late, bail.id);
    EXPECT_EQ(rejectedField("bail_extension", designated, bail.id), "extension");
    // The court's 18 months need the exceptionally complex extension first.
    EXPECT_EQ(rejectedField("bail_extension", court, bail.id), "extension");
    add("bail_extension", superintendent, bail.id);
    add("bail_extension", designated, bail.id);
    add("bail_extension", court, bail.id);
    // The ordinary steps follow each other too (s.47ZDA after s.47ZD; s.47ZF(4)(a), the court's 12 months, after
    // s.47ZDA); only the first extension needs none recorded before it.
    const auto fresh = newBail();
    EXPECT_EQ(rejectedField("bail_extension", superintendent, fresh.id), "extension");
    add("bail_extension", inspector, fresh.id);
    const Values magistrates{{"extension", "court"},
                             {"new_end", "2026-01-08"},
                             {"authorised_by", "Magistrates (fictional)"},
                             {"authorised_on", "2025-09-30"}};
    EXPECT_EQ(rejectedField("bail_extension", magistrates, fresh.id), "extension");
    add("bail_extension", superintendent, fresh.id);
    add("bail_extension", magistrates, fresh.id);
}

TEST_F(RecordRepositoryTest, timeAwaitingACpsDecisionIsRecordedUnderTheBail)
{
    const auto bail = add("bail", {{"suspect_id", id(suspect.id)},
                                   {"kind", "bail"},
                                   {"arrested_on", "2026-01-05"},
                                   {"start_date", "2026-01-05"}});
    const auto open = add("bail_pause", {{"from_date", "2026-02-01"}, {"sent_to_cps_on", "2026-01-31"}}, bail.id);
    EXPECT_TRUE(open.get("to_date").empty());
    EXPECT_EQ(rejectedField("bail_pause", {{"from_date", "2026-02-10"}, {"to_date", "2026-02-01"}}, bail.id),
              "to_date");
    EXPECT_EQ(rejectedField("bail_pause", {{"from_date", "2026-02-01"}, {"to_date", "2026-02-20"}}, bail.id), "note");
    add("bail_pause", {{"from_date", "2026-02-01"}, {"to_date", "2026-02-20"}, {"decision_notified_on", "2026-02-20"}},
        bail.id);
}

TEST_F(RecordRepositoryTest, ordersAndNoticesNeedServiceTheRightRankAndABreachAction)
{
    const Values dvpn{{"order_type", "dvpn"},
                      {"subject_id", id(suspect.id)},
                      {"protected_id", id(victim.id)},
                      {"authorised_by", "Supt Fictional"},
                      {"authorised_rank", "superintendent"},
                      {"served_at", "2026-04-02T11:00:00Z"}};
    auto unserved = dvpn;
    unserved.erase("served_at");
    EXPECT_EQ(rejectedField("order", unserved, 0), "served_at");
    auto inspector = dvpn;
    inspector["authorised_rank"] = "inspector"; // a DVPN needs a superintendent (CSA 2010 s.24)
    EXPECT_EQ(rejectedField("order", inspector, 0), "authorised_rank");
    auto dapn = inspector;
    dapn["order_type"] = "dapn"; // a DAPN: an inspector is enough (DA Act 2021 s.22)
    add("order", dapn);
    auto againstVictim = dvpn;
    againstVictim["subject_id"] = id(victim.id);
    EXPECT_EQ(rejectedField("order", againstVictim, 0), "subject_id");
    auto early = dvpn;
    early["hearing_at"] = "2026-04-01T09:00:00Z";
    EXPECT_EQ(rejectedField("order", early, 0), "hearing_at");
    auto breached = dvpn;
    breached["breached_at"] = "2026-04-03T20:00:00Z";
    EXPECT_EQ(rejectedField("order", breached, 0), "breach_action");
    breached["breach_action"] = "Arrested for the breach (fictional).";
    const auto notice = add("order", breached);
    EXPECT_EQ(notice.get("breached_at"), "2026-04-03T20:00:00Z");
    // An order made by a court: no service time or rank needed, an expiry after the day it was made.
    const Values sro{{"order_type", "sro"}, {"subject_id", id(suspect.id)}, {"made_on", "2026-03-01"}};
    add("order", sro);
    auto expiresEarly = sro;
    expiresEarly["expires_on"] = "2026-02-01";
    EXPECT_EQ(rejectedField("order", expiresEarly, 0), "expires_on");
    auto breachBefore = sro;
    breachBefore["breached_at"] = "2026-02-01T10:00:00Z";
    breachBefore["breach_action"] = "Reported (fictional).";
    EXPECT_EQ(rejectedField("order", breachBefore, 0), "breached_at");
    EXPECT_EQ(ws->records().list(spec("order"), theCase.id).size(), 3u);
}

TEST_F(RecordRepositoryTest, exhibitReferencesAreUniqueInACaseAndMovementsFollowTheExhibit)
{
    const auto ex = add("exhibit", {{"reference", "FIC/1"}, {"description", "Fictional clothing item"}});
    EXPECT_EQ(rejectedField("exhibit", {{"reference", "fic/1"}, {"description", "Another"}}), "reference");
    // Updating the exhibit itself keeps its own reference.
    ws->records().update(spec("exhibit"), ex.id, {{"reference", "FIC/1"}, {"description", "Fictional clothing"}});
    add("exhibit_movement",
        {{"moved_at", "2026-01-05T12:00:00Z"},
         {"from_location", "Scene"},
         {"to_location", "Property store"},
         {"moved_by", "PC Fictional"}},
        ex.id);
    const auto movements = ws->records().list(spec("exhibit_movement"), ex.id);
    ASSERT_EQ(movements.size(), 1u);
    EXPECT_EQ(movements.front().caseId, theCase.id);
    ws->records().remove(spec("exhibit"), ex.id);
    EXPECT_TRUE(ws->records().list(spec("exhibit_movement"), ex.id).empty());
    const auto audit = ws->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
}

TEST_F(RecordRepositoryTest, signalsFireOncePerCommittedChangeOnly)
{
    std::vector<core::ChangeKind> kinds;
    ws->records().changed.connect([&](const core::RecordRepository::Event& e) { kinds.push_back(e.kind); });
    const auto t = add("timeline_event", {{"occurred", "month|2019-05-01|2019-05-31"}, {"title", "First contact"}});
    rejectedField("timeline_event", {{"title", "no date"}});
    ws->records().update(spec("timeline_event"), t.id,
                         {{"occurred", "month|2019-05-01|2019-05-31"}, {"title", "First contact online"}});
    ws->records().remove(spec("timeline_event"), t.id);
    EXPECT_EQ(kinds, (std::vector<core::ChangeKind>{core::ChangeKind::Added, core::ChangeKind::Updated,
                                                    core::ChangeKind::Removed}));
}

TEST_F(RecordRepositoryTest, removingACaseAuditsEveryRecordItTakes)
{
    const auto ex = add("exhibit", {{"reference", "FIC/2"}, {"description", "Fictional item"}});
    add("exhibit_movement",
        {{"moved_at", "2026-01-05T12:00:00Z"},
         {"from_location", "Scene"},
         {"to_location", "Store"},
         {"moved_by", "PC Fictional"}},
        ex.id);
    add("relationship", {{"victim_id", id(victim.id)}, {"suspect_id", id(suspect.id)}, {"category", "stranger"}});
    add("device", validDevice());
    ws->cases().remove(theCase.id);
    const auto audit = ws->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
    EXPECT_EQ(audit.records, 0u);
    EXPECT_TRUE(ws->search("Fictional").empty());
}

TEST_F(RecordRepositoryTest, aLinkedPersonCannotBeRemovedSilently)
{
    add("relationship", {{"victim_id", id(victim.id)}, {"suspect_id", id(suspect.id)}, {"category", "stranger"}});
    try {
        ws->people().remove(suspect.id);
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Conflict);
    }
    EXPECT_TRUE(ws->people().find(suspect.id).has_value());
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(RecordRepositoryTest, searchFindsCasesPeopleAndRecordTextInStep)
{
    add("decision", {{"decided_at", "2026-02-01T10:00:00Z"},
                     {"decision", "Seek CCTV from the Larkwhistle car park"},
                     {"rationale", "Corroboration of the route (fictional)."},
                     {"decided_by", "DS Fictional"}});
    const auto t = add("timeline_event", {{"occurred", "day|2026-01-02|2026-01-02"},
                                          {"title", "Taxi journey"},
                                          {"details", "Driver recalls Larkwhistle (fictional)."}});
    auto hits = ws->search("larkwhist");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].caseId, theCase.id);
    EXPECT_NE(hits[0].snippet.find("[Larkwhistle]"), std::string::npos) << hits[0].snippet;
    EXPECT_EQ(ws->search("Vivian Example").size(), 1u);
    EXPECT_EQ(ws->search("FICT/R1/26").front().entity, "case");
    ws->records().update(spec("timeline_event"), t.id, {{"occurred", "day|2026-01-02|2026-01-02"}, {"title", "Taxi"}});
    EXPECT_EQ(ws->search("larkwhistle").size(), 1u);
    EXPECT_TRUE(ws->search("\"*)(").empty()); // punctuation alone: no query, no error
    EXPECT_TRUE(ws->search("").empty());
}

} // namespace
