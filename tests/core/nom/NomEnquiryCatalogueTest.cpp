// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped enquiry catalogue (size, coverage, provenance, privacy flags) and the loader's errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "core/Error.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::nom;

namespace {

const ReferenceList& stages()
{
    return wb::test::lists()->list("journey-stages");
}

const QuestionCatalogue& shippedQuestions()
{
    static const auto catalogue =
        QuestionCatalogue::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "nom" / "context-questions.json");
    return catalogue;
}

const EnquiryCatalogue& shipped()
{
    static const auto catalogue = EnquiryCatalogue::fromFile(
        std::filesystem::path(WB_RESOURCES_DIR) / "nom" / "enquiries.json", shippedQuestions(), stages());
    return catalogue;
}

// ------------------------------------------------------------------------------------------ shipped catalogue

TEST(NomEnquiryCatalogueTest, shippedCatalogueLoadsWithAtLeastEightyEntries)
{
    const auto& c = shipped();
    EXPECT_FALSE(c.version().empty());
    EXPECT_GE(c.entries().size(), 80U);
    for (const auto& e : c.entries()) {
        EXPECT_FALSE(e.why.empty()) << e.id;
        EXPECT_FALSE(e.basis.empty()) << e.id;
        EXPECT_NE(e.source.find("§"), std::string::npos)
            << e.id << ": the source should name a section of the brief (or say it is a design choice)";
        EXPECT_FALSE(e.when.isAlways()) << e.id << ": every shipped entry is conditional, so it can be tested";
        EXPECT_EQ(c.find(e.id), &e);
    }
    EXPECT_EQ(c.find("NOPE-001"), nullptr);
}

TEST(NomEnquiryCatalogueTest, everyCategoryInTheIssueIsCovered)
{
    std::map<EnquiryCategory, int> counts;
    for (const auto& e : shipped().entries()) {
        ++counts[e.category];
    }
    for (const auto category :
         {EnquiryCategory::SuspectBehaviourBefore, EnquiryCategory::SuspectBehaviourDuring,
          EnquiryCategory::SuspectBehaviourAfter, EnquiryCategory::TargetingVulnerability,
          EnquiryCategory::PriorReportsIntelligence, EnquiryCategory::RepeatSuspect, EnquiryCategory::SuspectDigital,
          EnquiryCategory::WitnessesAssociates, EnquiryCategory::ForensicScene, EnquiryCategory::ArrestInterview,
          EnquiryCategory::Disruption, EnquiryCategory::VictimCentred, EnquiryCategory::DigitalForensics}) {
        EXPECT_GE(counts[category], 3) << toString(category);
    }
}

TEST(NomEnquiryCatalogueTest, namedStepsFromTheIssueArePresent)
{
    // Each of these is named in issue 4; look for it in the titles.
    const std::vector<std::pair<std::string, std::string>> expected{
        {"ARR-003", "steps the suspect took to find out whether the victim consented"},
        {"DIS-001", "bail"},
        {"DIS-004", "Sexual Risk Order"},
        {"DIS-006", "Sexual Harm Prevention Order"},
        {"DIS-007", "Stalking Protection Order"},
        {"DIS-008", "Domestic Violence Protection Notice"},
        {"VIC-001", "ISVA"},
        {"VIC-002", "SARC"},
        {"VIC-009", "ABE"},
        {"VIC-008", "special measures"},
        {"VIC-004", "Victims' Code needs assessment"},
        {"DF-002", "Selective extraction"},
        {"DF-004", "24 hours"},
    };
    for (const auto& [id, words] : expected) {
        const auto* e = shipped().find(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_NE(e->title.find(words), std::string::npos) << id << ": " << e->title;
    }
    EXPECT_NE(shipped().find("ARR-003")->basis.find("s.1(2)"), std::string::npos);
}

TEST(NomEnquiryCatalogueTest, forensicWindowsComeFromTheBriefAndAreTaggedAsItTagsThem)
{
    // nom-brief §6.3: vaginal 7 days [S], anal 3 days [S], oral 2 days [S], skin 2 days [S], penile 3 days [U],
    // toxicology blood ~3 days / urine ~5 days [U]. Clothing has no window (§0a, issue 14: see below).
    const std::map<std::string, std::pair<long, bool>> windows{
        {"FOR-001", {168, false}}, {"FOR-002", {72, false}}, {"FOR-003", {48, false}}, {"FOR-004", {48, false}},
        {"FOR-006", {120, false}}, {"FOR-007", {72, false}}, {"FOR-009", {72, false}}, {"VIC-002", {168, false}},
    };
    for (const auto& [id, window] : windows) {
        const auto* e = shipped().find(id);
        ASSERT_NE(e, nullptr) << id;
        ASSERT_TRUE(e->deadline.has_value()) << id;
        EXPECT_EQ(e->deadline->from, "offence.lastContactAt") << id;
        EXPECT_EQ(std::chrono::duration_cast<std::chrono::hours>(e->deadline->after).count(), window.first) << id;
        EXPECT_EQ(e->deadline->confirmed, window.second) << id << ": no FFLM window is [C] in the brief";
        EXPECT_NE(e->deadline->source.find("§6.3"), std::string::npos) << id;
    }
    for (const auto* id : {"FOR-006", "FOR-007", "FOR-009"}) {
        EXPECT_NE(shipped().find(id)->deadline->source.find("[U]"), std::string::npos) << id;
    }
    for (const auto* id : {"FOR-001", "FOR-002", "FOR-003", "FOR-004"}) {
        EXPECT_NE(shipped().find(id)->deadline->source.find("[S]"), std::string::npos) << id;
    }
}

// ------------------------------------------------------------------------ issue 14: errors of fact corrected

TEST(NomEnquiryCatalogueTest, clothingIsCollectedWithoutAClosingWindow)
{
    const auto* e = shipped().find("FOR-005");
    ASSERT_NE(e, nullptr);
    EXPECT_FALSE(e->deadline.has_value()) << "clothing can yield evidence later, even after washing (§0a)";
    EXPECT_NE(e->why.find("no closing window"), std::string::npos);
    EXPECT_TRUE(shipped().find("FOR-001")->deadline.has_value()) << "swab windows stay";
}

TEST(NomEnquiryCatalogueTest, correctedEntriesStateTheLawThatGovernsThem)
{
    const auto has = [](const std::string& text, const char* needle) { return text.find(needle) != std::string::npos; };
    const auto* s28 = shipped().find("VIC-015");
    EXPECT_TRUE(has(s28->basis, "s.17(4)")) << "s.28 for intimidated adult complainants";
    EXPECT_TRUE(s28->confirmed);
    const auto* mappa = shipped().find("REP-006");
    EXPECT_FALSE(has(mappa->title, "MAPPA")) << "an unconvicted suspect is not for MAPPA";
    EXPECT_TRUE(has(mappa->why, "conviction or caution"));
    EXPECT_TRUE(has(mappa->title, "Sexual Risk Order"));
    const auto* penile = shipped().find("FOR-009");
    EXPECT_TRUE(has(penile->basis, "s.65") && has(penile->basis, "s.62(1)") && has(penile->basis, "s.62(4)"));
    EXPECT_TRUE(has(penile->title, "inspector's authority") && has(penile->title, "written consent"));
    EXPECT_FALSE(penile->deadline->confirmed) << "the penile window itself is still [U]";
    const auto* medical = shipped().find("TPM-003");
    EXPECT_FALSE(has(medical->title, "agreement")) << "third-party material rests on notice, not agreement";
    EXPECT_TRUE(has(medical->title, "notice to the victim"));
    EXPECT_TRUE(has(shipped().find("TPM-005")->title, "s.41"));
}

TEST(NomEnquiryCatalogueTest, requestsForTheVictimsInformationHaveTheirOwnPrinciple)
{
    for (const auto* id : {"TPM-001", "TPM-002", "TPM-003", "TPM-004", "TPM-005", "DF-002", "DF-003"}) {
        EXPECT_EQ(shipped().find(id)->principle, Principle::VictimInformation) << id;
    }
    for (const auto& e : shipped().entries()) {
        if (e.category == EnquiryCategory::ThirdPartyMaterial) {
            EXPECT_NE(e.principle, Principle::ContextLed) << e.id << ": third-party material is not 'context-led'";
        }
        if (e.intrudesOnVictimPrivacy) {
            EXPECT_EQ(e.principle, Principle::VictimInformation) << e.id;
        }
    }
    EXPECT_EQ(shipped().find("DF-001")->principle, Principle::DigitalForensics) << "what the victim offers";
    EXPECT_EQ(toString(Principle::VictimInformation), "victim-information");
    EXPECT_EQ(principleFromString("victim-information"), Principle::VictimInformation);
}

TEST(NomEnquiryCatalogueTest, confirmedOnlyWhereTheSourceCitesAConfirmedPoint)
{
    int confirmed = 0;
    for (const auto& e : shipped().entries()) {
        if (e.confirmed) {
            ++confirmed;
            EXPECT_NE(e.source.find("[C"), std::string::npos) << e.id << " is confirmed but cites no [C] point";
        } else {
            const bool unconfirmedTag =
                e.source.find("[S") != std::string::npos || e.source.find("[U") != std::string::npos ||
                e.source.find("[D") != std::string::npos || e.source.find("S]") != std::string::npos ||
                e.source.find("U]") != std::string::npos;
            EXPECT_TRUE(unconfirmedTag) << e.id << " is unconfirmed but its source shows no [S], [U] or [D] tag";
        }
    }
    EXPECT_GT(confirmed, 0);
    EXPECT_LT(confirmed, static_cast<int>(shipped().entries().size()));
}

TEST(NomEnquiryCatalogueTest, entriesThatIntrudeOnVictimPrivacyAreFlagged)
{
    const std::set<std::string> mustBeFlagged{"DF-002", "DF-003", "TPM-002", "TPM-003", "TPM-004", "TPM-005"};
    std::set<std::string> flagged;
    for (const auto& e : shipped().entries()) {
        if (e.intrudesOnVictimPrivacy) {
            flagged.insert(e.id);
            EXPECT_NE(e.principle, Principle::SuspectFocused) << e.id;
        }
        // Any entry about the victim's phone download or third-party records must carry the flag.
        std::string title = e.title;
        std::transform(title.begin(), title.end(), title.begin(), [](unsigned char ch) { return std::tolower(ch); });
        const bool download = title.find("download") != std::string::npos ||
                              title.find("extraction from the victim") != std::string::npos;
        const bool records = e.category == EnquiryCategory::ThirdPartyMaterial &&
                             (title.find("records") != std::string::npos || title.find("history") != std::string::npos);
        if (download || records) {
            EXPECT_TRUE(e.intrudesOnVictimPrivacy) << e.id << ": " << e.title;
        }
    }
    for (const auto& id : mustBeFlagged) {
        EXPECT_TRUE(flagged.count(id)) << id;
    }
    EXPECT_FALSE(shipped().find("DF-001")->intrudesOnVictimPrivacy) << "capturing what the victim offers is not";
    EXPECT_FALSE(shipped().find("SUS-DUR-001")->intrudesOnVictimPrivacy);
}

// ------------------------------------------------------------------------------------------ loader errors

constexpr const char* Questions = R"({
  "kind": "nom-context-questions", "format": 1, "version": "t", "source": "s",
  "questions": [
    {"id": "suspect.known", "group": "suspect", "label": "Known", "text": "?", "help": "h", "type": "yes-no",
     "source": "s", "confirmed": true},
    {"id": "offence.lastContactAt", "group": "offence", "label": "Last contact", "text": "?", "help": "h",
     "type": "instant", "source": "s", "confirmed": false},
    {"id": "relationship.category", "group": "relationship", "label": "Rel", "text": "?", "help": "h",
     "type": "choice", "options": [{"value": "ex-partner", "label": "Ex"}, {"value": "stranger", "label": "S"}],
     "source": "s", "confirmed": false}
  ]})";

const QuestionCatalogue& questions()
{
    static const auto catalogue = QuestionCatalogue::fromJson(Questions, "q.json");
    return catalogue;
}

std::string entry(const std::string& id = "TST-001", const std::string& extra = {})
{
    return R"({"id": ")" + id + R"(", "title": "T", "category": "disruption", "principle": "suspect-focused",
        "context": "suspect", "stage": "stage-08", "when": {"equals": {"fact": "suspect.known", "value": true}},
        "why": "W", "basis": "B", "source": "nom-brief §5.1 [U]", "confirmed": false,
        "intrudesOnVictimPrivacy": false, "priority": "standard", "priorityReason": "R")" +
           extra + "}";
}

std::string catalogue(const std::string& entries)
{
    return R"({"kind": "nom-enquiries", "format": 1, "version": "t", "source": "s", "entries": [)" + entries + "]}";
}

std::string swapText(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

std::string errorFor(const std::string& json)
{
    try {
        EnquiryCatalogue::fromJson(json, questions(), stages(), "enquiries.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error";
    return {};
}

#define EXPECT_ERROR(json, part)                                                                                       \
    do {                                                                                                               \
        const std::string message_ = errorFor(json);                                                                   \
        EXPECT_NE(message_.find(part), std::string::npos) << message_;                                                 \
    } while (false)

TEST(NomEnquiryCatalogueTest, aMinimalEntryLoads)
{
    const auto c = EnquiryCatalogue::fromJson(
        catalogue(entry() + "," +
                  entry("TST-002", R"(, "deadline": {"from": "offence.lastContactAt", "days": 2, "label": "L",
                                      "source": "S", "confirmed": false})")),
        questions(), stages());
    ASSERT_EQ(c.entries().size(), 2U);
    EXPECT_EQ(c.entries()[1].deadline->after, std::chrono::hours{48});
    EXPECT_EQ(c.entries()[0].stage, "stage-08");
    const auto always = EnquiryCatalogue::fromJson(
        catalogue(swapText(entry(), R"({"equals": {"fact": "suspect.known", "value": true}})", R"("always")")),
        questions(), stages());
    EXPECT_TRUE(always.entries()[0].when.isAlways());
}

TEST(NomEnquiryCatalogueTest, errorsNameTheEntryAndTheField)
{
    const std::string known = R"({"equals": {"fact": "suspect.known", "value": true}})";
    EXPECT_ERROR(catalogue(swapText(entry(), known, R"({"equals": {"fact": "suspect.knwon", "value": true}})")),
                 "enquiries.json: entry TST-001: 'when.equals.fact' names an unknown fact key 'suspect.knwon'");
    EXPECT_ERROR(catalogue(swapText(entry(), known,
                                    R"({"any": [)" + known +
                                        R"(, {"in": {"fact": "relationship.category", "values": ["ex"]}}]})")),
                 "entry TST-001: 'when.any[1].in.values[0]' 'ex' is not an option");
    EXPECT_ERROR(catalogue(swapText(entry(), known, R"({"equals": {"fact": "suspect.known", "value": 1}})")),
                 "entry TST-001: 'when.equals.value' must be true or false");
    EXPECT_ERROR(catalogue(swapText(entry(), known, R"({"is": {"fact": "suspect.known", "value": true}})")),
                 "entry TST-001: 'when' has an unknown operator 'is'");
    EXPECT_ERROR(catalogue(swapText(entry(), known, R"("sometimes")")), "entry TST-001: 'when' must be");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("when": )" + known + ",", "")), "entry TST-001: 'when' is missing");
    EXPECT_ERROR(catalogue(swapText(entry(), "stage-08", "stage-16")), "entry TST-001: 'stage' 'stage-16'");
    EXPECT_ERROR(catalogue(swapText(entry(), "stage-08", "8")), "entry TST-001: 'stage'");
    EXPECT_ERROR(catalogue(entry() + "," + entry()), "entry TST-001: 'id' is a duplicate");
    EXPECT_ERROR(catalogue(entry("tst-1")), "entry tst-1: 'id' must be");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("id": "TST-001",)", "")), "entry 0: 'id' must be a non-empty string");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("why": "W")", R"("why": "")")), "entry TST-001: 'why'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("why": "W",)", "")), "entry TST-001: 'why'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("source": "nom-brief §5.1 [U]",)", "")), "entry TST-001: 'source'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("basis": "B",)", "")), "entry TST-001: 'basis'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("title": "T",)", "")), "entry TST-001: 'title'");
    EXPECT_ERROR(catalogue(swapText(entry(), "disruption", "misc")), "entry TST-001: 'category' must be one of");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("suspect-focused")", R"("suspect")")), "entry TST-001: 'principle'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("context": "suspect")", R"("context": "witness")")),
                 "entry TST-001: 'context'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("confirmed": false)", R"("confirmed": "no")")),
                 "entry TST-001: 'confirmed' must be true or false");
    EXPECT_ERROR(
        catalogue(swapText(entry(), R"("intrudesOnVictimPrivacy": false)", R"("intrudesOnVictimPrivacy": null)")),
        "entry TST-001: 'intrudesOnVictimPrivacy' must be true or false");
    EXPECT_ERROR(catalogue(entry("TST-001", R"(, "intrudes": true)")),
                 "entry TST-001: 'intrudes' is not a known field");
}

TEST(NomEnquiryCatalogueTest, priorityAndItsReasonAreRequiredAndRead)
{
    const auto risk =
        swapText(swapText(entry("TST-002"), R"("priority": "standard")", R"("priority": "evidence-at-risk")"),
                 R"("priorityReason": "R")", R"("priorityReason": "CCTV is overwritten")");
    const auto c = EnquiryCatalogue::fromJson(catalogue(entry() + "," + risk), questions(), stages());
    EXPECT_EQ(c.entries()[0].priority, Priority::Standard);
    EXPECT_EQ(c.entries()[0].priorityReason, "R");
    EXPECT_EQ(c.entries()[1].priority, Priority::EvidenceAtRisk);
    EXPECT_EQ(c.entries()[1].priorityReason, "CCTV is overwritten");
    EXPECT_EQ(toString(Priority::HighValue), "high-value");
    EXPECT_EQ(priorityFromString("high-value"), Priority::HighValue);
    EXPECT_EQ(priorityFromString("urgent"), std::nullopt);
    EXPECT_ERROR(catalogue(swapText(entry(), R"("priority": "standard")", R"("priority": "urgent")")),
                 "entry TST-001: 'priority' must be one of evidence-at-risk, high-value, standard");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("priorityReason": "R")", R"("priorityReason": 3)")),
                 "entry TST-001: 'priorityReason'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"(, "priority": "standard")", "")), "entry TST-001: 'priority'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"(, "priorityReason": "R")", "")), "entry TST-001: 'priorityReason'");
    EXPECT_ERROR(catalogue(swapText(entry(), R"("priorityReason": "R")", R"("priorityReason": "")")),
                 "entry TST-001: 'priorityReason'");
}

TEST(NomEnquiryCatalogueTest, everyShippedEntryHasAPriorityWithAReason)
{
    std::map<Priority, int> count;
    for (const auto& e : shipped().entries()) {
        EXPECT_GE(e.priorityReason.size(), 20U) << e.id << ": the reason is shown to the officer";
        ++count[e.priority];
        if (e.intrudesOnVictimPrivacy) {
            EXPECT_EQ(e.priority, Priority::Standard) << e.id << ": an intrusive enquiry is never ranked up";
        }
    }
    EXPECT_GT(count[Priority::EvidenceAtRisk], 0);
    EXPECT_GT(count[Priority::HighValue], 0);
    EXPECT_GT(count[Priority::Standard], 0);
    for (const auto* id : {"FOR-012", "DIG-SUS-001", "DIG-SUS-003", "FOR-001"}) {
        EXPECT_EQ(shipped().find(id)->priority, Priority::EvidenceAtRisk) << id;
    }
    EXPECT_EQ(shipped().find("SUS-DUR-001")->priority, Priority::HighValue);
}

TEST(NomEnquiryCatalogueTest, badDeadlinesAreRejected)
{
    const auto withDeadline = [](const std::string& body) {
        return catalogue(entry("TST-001", R"(, "deadline": )" + body));
    };
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContact", "hours": 72, "label": "L", "source": "S",
                                 "confirmed": false})"),
                 "entry TST-001: 'deadline.from' names an unknown fact key 'offence.lastContact'");
    EXPECT_ERROR(withDeadline(R"({"from": "suspect.known", "hours": 72, "label": "L", "source": "S",
                                 "confirmed": false})"),
                 "entry TST-001: 'deadline.from' must be an instant or date-range fact");
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContactAt", "hours": 0, "label": "L", "source": "S",
                                 "confirmed": false})"),
                 "entry TST-001: 'deadline.hours' must be a positive whole number");
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContactAt", "hours": -3, "label": "L", "source": "S",
                                 "confirmed": false})"),
                 "'deadline.hours' must be a positive whole number");
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContactAt", "hours": "72", "label": "L", "source": "S",
                                 "confirmed": false})"),
                 "'deadline.hours' must be a positive whole number");
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContactAt", "label": "L", "source": "S", "confirmed": false})"),
                 "entry TST-001: 'deadline' needs exactly one of 'hours' or 'days'");
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContactAt", "hours": 72, "source": "S", "confirmed": false})"),
                 "entry TST-001: 'deadline': 'label' must be a non-empty string");
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContactAt", "hours": 72, "label": "L", "confirmed": false})"),
                 "entry TST-001: 'deadline': 'source'");
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContactAt", "hours": 72, "label": "L", "source": "S"})"),
                 "entry TST-001: 'deadline': 'confirmed'");
    EXPECT_ERROR(withDeadline(R"({"from": "offence.lastContactAt", "hours": 72, "label": "L", "source": "S",
                                 "confirmed": false, "start": "x"})"),
                 "entry TST-001: 'deadline': 'start' is not a known field");
    EXPECT_ERROR(withDeadline("72"), "entry TST-001: 'deadline' must be an object");
}

TEST(NomEnquiryCatalogueTest, topLevelErrors)
{
    EXPECT_ERROR("{", "not valid JSON");
    EXPECT_ERROR("[]", "top level must be an object");
    EXPECT_ERROR(R"({"kind": "nom-context-questions", "format": 1, "version": "t", "source": "s", "entries": []})",
                 "'kind' must be \"nom-enquiries\"");
    EXPECT_ERROR(R"({"kind": "nom-enquiries", "version": "t", "source": "s", "entries": []})", "'format' must be 1");
    EXPECT_ERROR(R"({"kind": "nom-enquiries", "format": 1, "source": "s", "entries": []})", "'version'");
    EXPECT_ERROR(catalogue(""), "'entries' must be a non-empty array");
    EXPECT_ERROR(catalogue("3"), "entry 0 must be an object");
    try {
        EnquiryCatalogue::fromFile("/nonexistent/enquiries.json", questions(), stages());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
    }
}

} // namespace
