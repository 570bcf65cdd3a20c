// SPDX-License-Identifier: GPL-3.0-or-later
// The investigator's journey checklists: the shipped file, the loader's named errors and evaluation on a
// fictional case, both by hand and through a workspace.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "core/Error.h"
#include "core/journey/LoadCaseState.h"
#include "core/nom/JourneyChecklists.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::nom;
using namespace wb::test;

namespace {

/// A checklist file with every journey stage: stage-01 gets `stage01Items`, the others one reminder each.
std::string file(const std::string& stage01Items, const std::string& extraStages = {})
{
    std::string stages = R"({"stage": "stage-01", "items": [)" + stage01Items + "]}";
    for (const auto& stage : lists()->list("journey-stages").items()) {
        if (stage.code != "stage-01") {
            stages += R"(, {"stage": ")" + stage.code + R"(", "items": [{"id": "r-)" + stage.code +
                      R"(", "text": "T", "source": "S", "confirmed": false}]})";
        }
    }
    return R"({"kind": "nom-journey-checklists", "format": 1, "version": "t", "source": "s", "stages": [)" + stages +
           extraStages + "]}";
}

std::string item(const std::string& id, const std::string& doneWhen = {})
{
    return R"({"id": ")" + id + R"(", "text": "Do it", "source": "S [D]", "confirmed": false)" +
           (doneWhen.empty() ? std::string() : R"(, "doneWhen": )" + doneWhen) + "}";
}

std::string errorFor(const std::string& json)
{
    try {
        JourneyChecklists::fromJson(json, *lists(), *questions(), "j.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error";
    return {};
}

JourneyChecklists load(const std::string& json)
{
    return JourneyChecklists::fromJson(json, *lists(), *questions(), "j.json");
}

bool doneAt(const JourneyChecklists& c, const std::string& stage, const std::string& id, const CaseState& state)
{
    for (const auto& r : c.evaluate(stage, state)) {
        if (r.item->id == id) {
            return r.state == ItemState::Done;
        }
    }
    ADD_FAILURE() << "no item " << id;
    return false;
}

} // namespace

TEST(JourneyChecklistTest, shippedFileHasAChecklistForEveryStageInJourneyOrder)
{
    const auto& c = *journeyChecklists();
    EXPECT_FALSE(c.version().empty());
    const auto& stages = lists()->list("journey-stages").items();
    ASSERT_EQ(c.stages().size(), stages.size());
    std::size_t tracked = 0;
    std::size_t total = 0;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        EXPECT_EQ(c.stages()[i].stage, stages[i].code);
        EXPECT_FALSE(c.stages()[i].items.empty()) << stages[i].code;
        for (const auto& item : c.stages()[i].items) {
            ++total;
            tracked += item.doneWhen ? 1 : 0;
            EXPECT_NE(item.source.find('['), std::string::npos) << item.id << ": source carries the brief's tag";
            // Confirmed only where the source has a [C] tag.
            if (item.confirmed) {
                EXPECT_NE(item.source.find("[C"), std::string::npos) << item.id;
            }
        }
    }
    // Most items are computed from the case, so "what is outstanding" means something.
    EXPECT_GT(tracked * 4, total * 3) << tracked << " of " << total;
    // Items ticked by an accepted line of enquiry name entries the enquiry catalogue has.
    std::function<void(const DoneWhen&)> checkEnquiryIds = [&](const DoneWhen& d) {
        if (const auto it = d.where.find("catalogue_id"); it != d.where.end()) {
            for (const auto& id : it->second) {
                EXPECT_NE(enquiries()->find(id), nullptr) << id;
            }
        }
        for (const auto& a : d.any) {
            checkEnquiryIds(a);
        }
    };
    for (const auto& stage : c.stages()) {
        for (const auto& item : stage.items) {
            if (item.doneWhen) {
                checkEnquiryIds(*item.doneWhen);
            }
        }
    }
    const auto types = c.recordTypes();
    EXPECT_NE(std::find(types.begin(), types.end(), "isva_referral"), types.end());
}

TEST(JourneyChecklistTest, badFilesAreRefusedWithErrorsNamingStageItemAndField)
{
    auto expectError = [](const std::string& json, const std::string& fragment) {
        const std::string message = errorFor(json);
        EXPECT_NE(message.find(fragment), std::string::npos) << "got: " << message << "\nwanted: " << fragment;
    };
    expectError("{", "j.json: not valid JSON");
    expectError(R"({"kind": "x", "format": 1, "version": "t", "source": "s", "stages": []})", "'kind'");
    // A stage missing: every journey stage needs a checklist.
    std::string missing = file(item("a"));
    missing.replace(missing.find("stage-15"), 8, "stage-01");
    expectError(missing, "stage stage-01: 'stage' appears twice");
    expectError(file(item("a"), R"(, {"stage": "stage-99", "items": [{"id": "z", "text": "T", "source": "S",
                "confirmed": false}]})"),
                "stage stage-99: 'stage' is not a code");
    {
        const std::string all = file(item("a"));
        const auto at = all.find(R"(, {"stage": "stage-15")");
        std::string without = all.substr(0, at) + "]}";
        expectError(without, "stage stage-15: has no checklist");
    }
    expectError(file(item("a") + "," + item("a")), "stage stage-01: item a: 'id' is a duplicate");
    expectError(file(item("Bad_Id")), "item Bad_Id: 'id' must be");
    expectError(file(R"({"id": "a", "source": "S", "confirmed": false})"), "item a: 'text' must be a non-empty");
    expectError(file(R"({"id": "a", "text": "T", "confirmed": false})"), "item a: 'source' must be a non-empty");
    expectError(file(R"({"id": "a", "text": "T", "source": "S", "confirmed": "yes"})"), "item a: 'confirmed'");
    expectError(file(R"({"id": "a", "text": "T", "source": "S", "confirmed": false, "sourse": "x"})"), "sourse");
    expectError(file(item("a", R"({"recordType": "nonsense"})")),
                "stage stage-01: item a: 'doneWhen.recordType' is not a record type");
    expectError(file(item("a", R"({"recordType": "contact", "where": {"colour": "red"}})")),
                "item a: 'doneWhen.where.colour' is not a field of record type contact");
    expectError(file(item("a", R"({"recordType": "contact", "where": {"purpose": "gossip"}})")),
                "item a: 'doneWhen.where.purpose' is not a code of the reference list contact-purposes");
    expectError(file(item("a", R"({"recordType": "isva_referral", "where": {"accepted": "maybe"}})")),
                "'doneWhen.where.accepted' is not an option of isva_referral.accepted");
    expectError(file(item("a", R"({"recordType": "bail", "where": {"victim_views_sought": "true"}})")),
                "'doneWhen.where.victim_views_sought' must be \"1\"");
    expectError(file(item("a", R"({"recordType": "contact", "where": {"contacted_at": "x"}})")),
                "'doneWhen.where.contacted_at' names a field that 'where' cannot compare");
    expectError(file(item("a", R"({"recordType": "contact", "where": {"purpose": []}})")),
                "'doneWhen.where.purpose' must be a string or a non-empty list");
    expectError(file(item("a", R"({"fact": "suspect.nonsense"})")),
                "item a: 'doneWhen.fact' must name a question of the context catalogue");
    expectError(file(item("a", R"({"caseField": "reference"})")), "item a: 'doneWhen.caseField' must be one of");
    expectError(file(item("a", R"({"person": "bystander"})")), "item a: 'doneWhen.person' must be victim");
    expectError(file(item("a", R"({"any": [{"fact": "suspect.known"}]})")),
                "item a: 'doneWhen.any' must be a list of two or more");
    expectError(file(item("a", R"({"any": [{"fact": "suspect.known"}, {"caseField": "x"}]})")),
                "item a: 'doneWhen.any[1].caseField'");
    expectError(file(item("a", R"({"facts": "suspect.known"})")), "item a: 'doneWhen' has an unknown key \"facts\"");
    expectError(file(item("a", R"({"fact": "suspect.known", "person": "victim"})")), "must have exactly one of");
    expectError(file(item("a", R"([])")), "item a: 'doneWhen' must be an object");
}

TEST(JourneyChecklistTest, evaluatesEachKindOfConditionOnAFictionalCase)
{
    const auto c = load(file(item("rec", R"({"recordType": "contact", "where": {"purpose": ["needs-assessment",
                                                   "support-referral"]}})") +
                             "," + item("any-rec", R"({"recordType": "isva_referral"})") + "," +
                             item("fact", R"({"fact": "suspect.known"})") + "," +
                             item("case", R"({"caseField": "report_channel"})") + "," +
                             item("person", R"({"person": "suspect"})") + "," +
                             item("either", R"({"any": [{"fact": "victim.wantsInvestigation"},
                                                        {"recordType": "victim_wish"}]})") +
                             "," + item("reminder")));
    CaseState state;
    auto outstandingIds = [&] {
        std::vector<std::string> ids;
        for (const auto* i : c.outstanding("stage-01", state)) {
            ids.push_back(i->id);
        }
        return ids;
    };
    EXPECT_EQ(outstandingIds(), (std::vector<std::string>{"rec", "any-rec", "fact", "case", "person", "either"}));
    const auto results = c.evaluate("stage-01", state);
    ASSERT_EQ(results.size(), 7U);
    EXPECT_EQ(results.back().state, ItemState::Reminder);

    state.records["contact"].push_back({{"purpose", "routine-update"}});
    EXPECT_FALSE(doneAt(c, "stage-01", "rec", state)) << "a contact for another purpose does not count";
    state.records["contact"].push_back({{"purpose", "support-referral"}});
    EXPECT_TRUE(doneAt(c, "stage-01", "rec", state));
    state.records["isva_referral"].push_back({{"accepted", "undecided"}});
    EXPECT_TRUE(doneAt(c, "stage-01", "any-rec", state));
    state.facts["suspect.known"] = false;
    EXPECT_TRUE(doneAt(c, "stage-01", "fact", state)) << "answered, whatever the answer";
    state.record.reportChannel = "";
    EXPECT_FALSE(doneAt(c, "stage-01", "case", state)) << "an empty value is not filled in";
    state.record.reportChannel = "victim-in-person";
    EXPECT_TRUE(doneAt(c, "stage-01", "case", state));
    state.people.push_back(PersonRole::Victim);
    EXPECT_FALSE(doneAt(c, "stage-01", "person", state));
    state.people.push_back(PersonRole::Suspect);
    EXPECT_TRUE(doneAt(c, "stage-01", "person", state));
    state.records["victim_wish"].push_back({{"wish", "full"}});
    EXPECT_TRUE(doneAt(c, "stage-01", "either", state));
    EXPECT_TRUE(outstandingIds().empty());
    EXPECT_TRUE(c.evaluate("stage-99", state).empty());
}

// Issue 14 follow-up: an item that waits on a question the case is not asked (whether the victim lives with a
// suspect who is a stranger) is neither done nor outstanding: it does not apply.
TEST(JourneyChecklistTest, anItemWaitingOnAQuestionNotAskedForTheCaseDoesNotApply)
{
    const auto c = load(file(item("household", R"({"fact": "relationship.sharedHousehold"})") + "," +
                             item("either", R"({"any": [{"fact": "relationship.sharedHousehold"},
                                                        {"recordType": "victim_wish"}]})")));
    auto stateOf = [&](const std::string& id, const CaseState& state) {
        for (const auto& r : c.evaluate("stage-01", state)) {
            if (r.item->id == id) {
                return r.state;
            }
        }
        ADD_FAILURE() << id << " not evaluated";
        return ItemState::Reminder;
    };
    CaseState state;
    EXPECT_EQ(stateOf("household", state), ItemState::Outstanding) << "the relationship not yet known: asked";
    state.facts["relationship.category"] = std::string("ex-partner");
    EXPECT_EQ(stateOf("household", state), ItemState::Outstanding);
    state.facts["relationship.category"] = std::string("stranger");
    EXPECT_EQ(stateOf("household", state), ItemState::NotAsked);
    EXPECT_EQ(stateOf("either", state), ItemState::Outstanding) << "a wish recorded would still tick it";
    EXPECT_TRUE(c.outstanding("stage-01", state).size() == 1U && c.outstanding("stage-01", state)[0]->id == "either");
    state.facts["relationship.sharedHousehold"] = false; // answered before the relationship was corrected
    EXPECT_EQ(stateOf("household", state), ItemState::Done);
}

TEST(JourneyChecklistTest, shippedChecklistTicksAsAFictionalCaseProgresses)
{
    TempDir dir;
    auto ws = createWorkspace(dir / "journey.rasso");
    const auto record = ws->cases().add(caseDraft("FICT/0101/26"));
    const auto& c = *journeyChecklists();
    auto isOutstanding = [&](const std::string& stage, const std::string& id) {
        const auto state = loadCaseState(*ws, record.id, *questions(), c);
        const auto items = c.outstanding(stage, state);
        return std::any_of(items.begin(), items.end(), [&](const ChecklistItem* i) { return i->id == id; });
    };
    EXPECT_TRUE(isOutstanding("stage-05", "s05-isva"));
    EXPECT_TRUE(isOutstanding("stage-06", "s06-suspect-known"));

    PersonDraft victim;
    victim.caseId = record.id;
    victim.role = PersonRole::Victim;
    victim.givenName = "Alex";
    victim.familyName = "Fictional";
    const auto person = ws->people().add(victim);
    ws->records().add(recordSpec("isva_referral"), record.id,
                      {{"victim_id", std::to_string(person.id)}, {"offered_on", "2026-01-05"}});
    EXPECT_FALSE(isOutstanding("stage-05", "s05-isva"));
    EXPECT_TRUE(isOutstanding("stage-05", "s05-needs-assessment"));

    ws->context().answer(record.id, "suspect.known", FactValue{true}, *questions());
    EXPECT_FALSE(isOutstanding("stage-06", "s06-suspect-known"));
    // Withdrawn ("not known") it is outstanding again.
    ws->context().answer(record.id, "suspect.known", std::nullopt, *questions());
    EXPECT_TRUE(isOutstanding("stage-06", "s06-suspect-known"));
    EXPECT_THROW(loadCaseState(*ws, record.id + 100, *questions(), c), Error);
}

TEST(JourneyChecklistTest, theAccountItemAsksForTheInterviewNotASecondAccount)
{
    // Issue 14: s07-account recorded a second, paraphrased account on the timeline; the ABE interview's line of
    // enquiry, marked done with its details, is what ticks it now.
    TempDir dir;
    auto ws = createWorkspace(dir / "journey.rasso");
    const auto record = ws->cases().add(caseDraft("FICT/0102/26"));
    const auto& c = *journeyChecklists();
    auto isOutstanding = [&] {
        const auto state = loadCaseState(*ws, record.id, *questions(), c);
        const auto items = c.outstanding("stage-07", state);
        return std::any_of(items.begin(), items.end(), [](const ChecklistItem* i) { return i->id == "s07-account"; });
    };
    EXPECT_TRUE(isOutstanding());
    ws->records().add(recordSpec("timeline_event"), record.id,
                      {{"occurred", "day|2026-01-03|2026-01-03"}, {"title", "Fictional account written up"}});
    EXPECT_TRUE(isOutstanding()) << "a timeline entry is not the interview";
    Values values{{"title", "Plan the victim's ABE interview"},
                  {"catalogue_id", "VIC-009"},
                  {"principle", "victim-centred"},
                  {"owner", "DC Fictional"},
                  {"accepted_at", "2026-01-04T10:00:00Z"},
                  {"accepted_by", "DC Fictional"}};
    ws->records().add(recordSpec("enquiry"), record.id, values);
    EXPECT_TRUE(isOutstanding()) << "planned, not yet held";
    values["status"] = "done";
    values["result"] = "ABE interview held 6 January at the suite; DC Fictional; recording exhibit FICT-1";
    ws->records().add(recordSpec("enquiry"), record.id, values);
    EXPECT_FALSE(isOutstanding());
}
