// SPDX-License-Identifier: GPL-3.0-or-later
// A case with a record of every type, for the export tests of core and the command line and the report tests.
// Fictional data only (phones from Ofcom's drama range).
#pragma once

#include <string>

#include "core/records/RecordTypes.h"
#include "support/CaseRecordsFixture.h"

namespace wb::test {

/// The fixture's case with a record of every type, an approximate offence date, identifiers that need quoting or
/// the formula guard, and a phone shared by the suspect and the witness.
class EveryRecordTypeFixture : public CaseRecordsFixture
{
protected:
    core::Record timeline;
    core::Record device;
    core::Record exhibit;

    void SetUp() override
    {
        CaseRecordsFixture::SetUp();
        auto c = theCase;
        c.offenceDate = core::ApproxDate::month("2026-03");
        c.locationType = "victims-home";
        c.locationDescription = "Flat 2, 1 Fictional Row, Exampleton";
        theCase = ws->cases().update(c);

        using namespace core::recordtype;
        const auto v = id(victim.id);
        const auto s = id(suspect.id);
        add(kIdentifier, {{"kind", "phone"}, {"value", "07700 900123"}, {"note", "his own phone, \"work\""}},
            suspect.id);
        add(kIdentifier, {{"kind", "phone"}, {"value", "07700900123"}}, witness.id);
        add(kIdentifier, {{"kind", "phone"}, {"value", "+44 7700 900456"}}, victim.id);
        add(kIdentifier, {{"kind", "email"}, {"value", "sid@example.org"}}, suspect.id);
        add(kIdentifier, {{"kind", "handle"}, {"value", "@sid_fictional"}}, suspect.id);
        add(kIdentifier, {{"kind", "vehicle"}, {"value", "FX26 ABC"}}, suspect.id);
        add(kIdentifier, {{"kind", "address"}, {"value", "3 Example Street, Exampleton, ZZ99 9ZZ"}}, suspect.id);
        add(kIdentifier, {{"kind", "alias"}, {"value", "Sid"}}, suspect.id);
        add(kIdentifier, {{"kind", "police-id"}, {"value", "PNC 00/000000X (fictional)"}}, suspect.id);
        add(kRelationship, {{"victim_id", v}, {"suspect_id", s}, {"category", "ex-partner"}});
        add(kDecision, {{"decided_at", "2026-03-20T10:00:00Z"},
                        {"decision", "Arrest (fictional)"},
                        {"rationale", "Fictional rationale"},
                        {"decided_by", "DS Example (fictional)"}});
        device = add(kDevice, {{"owner_role", "suspect"},
                               {"person_id", s},
                               {"device_type", "mobile-phone"},
                               {"legal_basis", "pace-s19"},
                               {"description", "Black phone, cracked screen"}});
        exhibit = add(kExhibit, {{"reference", "EX/1"},
                                 {"description", "Bedding, seized (fictional)"},
                                 {"seized_at", "2026-03-15T09:30:00Z"}});
        add(kExhibitMovement,
            {{"moved_at", "2026-03-16T10:00:00Z"},
             {"from_location", "Store A"},
             {"to_location", "Lab B"},
             {"moved_by", "PC Example"}},
            exhibit.id);
        timeline = add(kTimelineEvent, {{"occurred", "between|2026-03-01|2026-03-10"},
                                        {"title", "Messages, \"sorry\", sent"},
                                        {"links", suspect.uuid + "," + device.uuid}});
        add(kTpmRequest, {{"person_id", v},
                          {"tpm_type", "medical"},
                          {"holder", "Fictional GP surgery"},
                          {"line_of_enquiry", "Fictional line"},
                          {"proportionality", "Fictional proportionality"}});
        add(kUnusedMaterial, {{"description", "First account notes (fictional)"},
                              {"relevant_date", "2026-03-15"},
                              {"location", "Case file"},
                              {"sensitivity", "not-sensitive"}});
        const auto bail = add(
            kBail, {{"suspect_id", s}, {"kind", "bail"}, {"arrested_on", "2026-03-20"}, {"start_date", "2026-03-21"}});
        add(kBailExtension,
            {{"extension", "extension-1"},
             {"new_end", "2026-09-20"},
             {"authorised_by", "Insp Fictional"},
             {"authorised_rank", "inspector"},
             {"authorised_on", "2026-06-10"}},
            bail.id);
        add(kBailPause, {{"from_date", "2026-04-01"}, {"sent_to_cps_on", "2026-03-31"}}, bail.id);
        const auto rui = add(kBail, {{"suspect_id", s}, {"kind", "rui"}, {"start_date", "2026-03-22"}});
        add(kRuiReview, {{"due_on", "2026-06-22"}}, rui.id);
        add(kReview, {{"reviewed_at", "2026-03-25T12:00:00Z"},
                      {"reviewer_name", "DS Fictional"},
                      {"reviewer_rank", "sergeant"},
                      {"scope", "Fictional review"}});
        add(kEnquiry, {{"title", "Fictional enquiry"},
                       {"principle", "suspect-focused"},
                       {"owner", "DC Example"},
                       {"accepted_at", "2026-03-18T10:00:00Z"},
                       {"accepted_by", "DC Example"}});
        add(kPlanSnapshot,
            {{"taken_at", "2026-03-18T11:00:00Z"}, {"taken_by", "DC Example"}, {"catalogue_version", "1"}});
        add(kCaseEvent, {{"kind", "arrest"}, {"occurred_at", "2026-03-20T21:30:00Z"}, {"suspect_id", s}});
        add(kContactPlan,
            {{"victim_id", v}, {"agreed_on", "2026-03-16"}, {"method", "phone"}, {"recorded_by", "DC Example"}});
        add(kContact, {{"victim_id", v},
                       {"contacted_at", "2026-03-17T10:00:00Z"},
                       {"method", "phone"},
                       {"purpose", "routine-update"},
                       {"by_whom", "DC Example"}});
        add(kVictimRight,
            {{"victim_id", v}, {"right_code", "r01"}, {"action", "Fictional action"}, {"done_on", "2026-03-16"}});
        add(kIsvaReferral, {{"victim_id", v}, {"offered_on", "2026-03-16"}});
        add(kVictimWish, {{"victim_id", v},
                          {"recorded_at", "2026-03-16T10:00:00Z"},
                          {"wish", "full"},
                          {"recorded_by", "DC Example"}});
        add(kOrder, {{"order_type", "sro"}, {"subject_id", s}, {"protected_id", v}, {"made_on", "2026-04-02"}});
    }
};

} // namespace wb::test
