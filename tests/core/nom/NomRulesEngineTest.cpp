// SPDX-License-Identifier: GPL-3.0-or-later
// The rules engine: ordering, deadlines and expiry, diff, a typical case, and a property test for determinism and
// independence from catalogue order.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/RulesEngine.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::nom;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path NomDir = std::filesystem::path(WB_RESOURCES_DIR) / "nom";
const Instant Now = *parseIsoUtc("2026-03-10T12:00:00Z");

const ReferenceList& stages()
{
    return wb::test::lists()->list("journey-stages");
}

const QuestionCatalogue& questions()
{
    return *wb::test::questions(); // the shipped file, loaded once for every test
}

const EnquiryCatalogue& enquiries()
{
    return *wb::test::enquiries();
}

std::vector<std::string> ids(const std::vector<Proposal>& proposals)
{
    std::vector<std::string> out;
    for (const auto& p : proposals) {
        out.push_back(p.enquiryId);
    }
    return out;
}

std::ptrdiff_t indexOf(const std::vector<Proposal>& proposals, const std::string& id)
{
    const auto it =
        std::find_if(proposals.begin(), proposals.end(), [&](const Proposal& p) { return p.enquiryId == id; });
    return it == proposals.end() ? -1 : it - proposals.begin();
}

/// Everything observable about a proposal list, for equality checks (the enquiry pointers differ between copies).
std::string fingerprint(const std::vector<Proposal>& proposals)
{
    std::string out;
    for (const auto& p : proposals) {
        out += p.enquiryId + (p.due ? "@" + toIsoUtc(*p.due) : "") + (p.expired ? "!" : "") + "{";
        for (const auto& r : p.reasons) {
            out += r.fact + "=" + r.text + ";";
        }
        out += "}\n";
    }
    return out;
}

/// Checks the documented order: suspect-focused first; then open deadlines (soonest first), no deadline (by
/// priority), expired (most recently closed first); then id.
void expectDocumentedOrder(const std::vector<Proposal>& proposals)
{
    for (std::size_t i = 1; i < proposals.size(); ++i) {
        const auto& a = proposals[i - 1];
        const auto& b = proposals[i];
        const int tierA = a.enquiry->principle == Principle::SuspectFocused ? 0 : 1;
        const int tierB = b.enquiry->principle == Principle::SuspectFocused ? 0 : 1;
        ASSERT_LE(tierA, tierB) << a.enquiryId << " before " << b.enquiryId;
        if (tierA != tierB) {
            continue;
        }
        const auto bucket = [](const Proposal& p) { return !p.due ? 1 : (p.expired ? 2 : 0); };
        ASSERT_LE(bucket(a), bucket(b)) << a.enquiryId << " before " << b.enquiryId;
        if (bucket(a) != bucket(b)) {
            continue;
        }
        if (bucket(a) == 0 && *a.due != *b.due) {
            ASSERT_LT(*a.due, *b.due) << a.enquiryId << " before " << b.enquiryId;
        } else if (bucket(a) == 1 && a.enquiry->priority != b.enquiry->priority) {
            ASSERT_LT(a.enquiry->priority, b.enquiry->priority) << a.enquiryId << " before " << b.enquiryId;
        } else if (bucket(a) == 2 && *a.due != *b.due) {
            ASSERT_GT(*a.due, *b.due) << a.enquiryId << " before " << b.enquiryId;
        } else {
            ASSERT_LT(a.enquiryId, b.enquiryId);
        }
    }
}

/// A fictional case: a known suspect, an ex-partner, reported the morning after.
Facts typicalCase()
{
    return {
        {"relationship.category", std::string("ex-partner")},
        {"relationship.ongoingContact", true},
        {"victim.wantsInvestigation", std::string("investigation")},
        {"victim.safetyConcerns", true},
        {"suspect.known", true},
        {"suspect.identifiedHow", std::string("named-by-victim")},
        {"suspect.accessToVictim", true},
        {"suspect.digitalContact", true},
        {"suspect.digitalChannels", TextList{"calls-texts", "messaging-apps"}},
        {"suspect.contactSinceOffence", true},
        {"offence.lastContactAt", Now - 14h},
        {"offence.period", DateRange{Now - 15h, Now - 14h}},
        {"offence.location", std::string("victims-home")},
        {"offence.acts", TextList{"vaginal"}},
    };
}

TEST(NomRulesEngineTest, aTypicalKnownSuspectCaseStartsWithTheSuspect)
{
    const auto facts = typicalCase();
    ASSERT_NO_THROW(questions().validateFacts(facts));
    const auto proposals = propose(enquiries(), facts, Now);
    ASSERT_GE(proposals.size(), 20U);
    for (std::size_t i = 0; i < 10; ++i) {
        EXPECT_EQ(proposals[i].enquiry->principle, Principle::SuspectFocused) << i << " " << proposals[i].enquiryId;
    }
    expectDocumentedOrder(proposals);
    // The open suspect-focused forensic window (penile swabs, 72 hours) is the most urgent suspect-focused entry.
    EXPECT_EQ(proposals.front().enquiryId, "FOR-009");
    ASSERT_TRUE(proposals.front().due.has_value());
    EXPECT_EQ(*proposals.front().due, Now - 14h + 72h);
    EXPECT_FALSE(proposals.front().expired);

    const auto consent = indexOf(proposals, "SUS-DUR-001");
    ASSERT_GE(consent, 0);
    EXPECT_EQ(proposals[static_cast<std::size_t>(consent)].reasons,
              (std::vector<Reason>{{"suspect.known", "Suspect's identity known: yes"}}));
    // Victim-centred steps are proposed too, after the suspect-focused ones; the open SARC window leads them.
    const auto sarc = indexOf(proposals, "VIC-002");
    const auto isva = indexOf(proposals, "VIC-001");
    ASSERT_GE(sarc, 0);
    ASSERT_GE(isva, 0);
    EXPECT_LT(sarc, isva);
    EXPECT_EQ(*proposals[static_cast<std::size_t>(sarc)].due, Now - 14h + 168h);
    EXPECT_EQ(indexOf(proposals, "INT-007"), -1) << "the suspect is known: no identification enquiry";
    // Intrusive entries proposed for this case carry the flag the UI needs.
    const auto download = indexOf(proposals, "DF-002");
    ASSERT_GE(download, 0);
    EXPECT_TRUE(proposals[static_cast<std::size_t>(download)].enquiry->intrudesOnVictimPrivacy);
}

TEST(NomRulesEngineTest, anUnknownSuspectCaseStartsWithIdentification)
{
    Facts facts{{"suspect.known", false},
                {"offence.location", std::string("licensed-premises")},
                {"offence.cctvPossible", true}};
    const auto proposals = propose(enquiries(), facts, Now);
    ASSERT_FALSE(proposals.empty());
    EXPECT_EQ(proposals.front().enquiry->principle, Principle::SuspectFocused);
    EXPECT_GE(indexOf(proposals, "INT-007"), 0);
    EXPECT_EQ(indexOf(proposals, "SUS-DUR-001"), -1);
}

TEST(NomRulesEngineTest, deadlinesAreCountedFromTheStartFactAndExpireAfterTheWindow)
{
    const auto sarcWith = [](Instant lastContact, Instant now) {
        const auto proposals = propose(enquiries(), Facts{{"offence.lastContactAt", lastContact}}, now);
        const auto i = indexOf(proposals, "VIC-002");
        EXPECT_GE(i, 0);
        return proposals.at(static_cast<std::size_t>(i));
    };
    const Instant contact = Now - 100h;
    auto p = sarcWith(contact, contact + 168h);
    ASSERT_TRUE(p.due.has_value());
    EXPECT_EQ(*p.due, contact + 168h);
    EXPECT_FALSE(p.expired) << "at the closing instant the window is still open";
    p = sarcWith(contact, contact + 168h + 1s);
    EXPECT_TRUE(p.expired) << "one second later it has closed, and the entry is still proposed";
    EXPECT_EQ(*p.due, contact + 168h);

    // Without the start fact there is no due instant (the entry itself may still apply).
    const auto noStart = propose(enquiries(), Facts{{"offence.clothingKept", true}}, Now);
    const auto clothing = indexOf(noStart, "FOR-005");
    ASSERT_GE(clothing, 0);
    EXPECT_FALSE(noStart[static_cast<std::size_t>(clothing)].due.has_value());
    EXPECT_FALSE(noStart[static_cast<std::size_t>(clothing)].expired);
}

TEST(NomRulesEngineTest, openWindowsComeFirstAndClosedOnesLastWithinATier)
{
    // Anal window (3 days) closed, vaginal window (7 days) open: 5 days after last contact.
    Facts facts{{"offence.lastContactAt", Now - 120h},
                {"offence.acts", TextList{"vaginal", "anal"}},
                {"victim.needs", TextList{"interpreter"}}};
    auto proposals = propose(enquiries(), facts, Now);
    expectDocumentedOrder(proposals);
    const auto vaginal = indexOf(proposals, "FOR-001");
    const auto anal = indexOf(proposals, "FOR-002");
    const auto interpreter = indexOf(proposals, "VIC-006");
    ASSERT_GE(vaginal, 0);
    ASSERT_GE(anal, 0);
    ASSERT_GE(interpreter, 0);
    EXPECT_FALSE(proposals[static_cast<std::size_t>(vaginal)].expired);
    EXPECT_TRUE(proposals[static_cast<std::size_t>(anal)].expired);
    EXPECT_LT(vaginal, interpreter) << "an open window before entries without a deadline";
    EXPECT_LT(interpreter, anal) << "entries without a deadline before a closed window";

    // Ten days on both are closed: the most recently closed (vaginal, 7 days) comes before the anal one (3 days).
    facts["offence.lastContactAt"] = Now - 240h;
    proposals = propose(enquiries(), facts, Now);
    expectDocumentedOrder(proposals);
    EXPECT_LT(indexOf(proposals, "FOR-001"), indexOf(proposals, "FOR-002"));
    EXPECT_LT(indexOf(proposals, "VIC-006"), indexOf(proposals, "FOR-001"));
}

TEST(NomRulesEngineTest, withoutADeadlinePriorityOrdersTheTierBeforeTheId)
{
    // Issue 14: entries without a deadline were ordered by id. Now evidence that can be lost leads, then
    // investigative value. Three fictional suspect-focused entries and one victim-centred one.
    const auto entry = [](std::string id, Principle principle, Priority priority) {
        Enquiry e;
        e.id = std::move(id);
        e.principle = principle;
        e.priority = priority;
        e.when = Condition::always();
        return e;
    };
    const std::vector<Enquiry> entries{
        entry("AAA-001", Principle::SuspectFocused, Priority::Standard),
        entry("BBB-001", Principle::SuspectFocused, Priority::HighValue),
        entry("CCC-001", Principle::SuspectFocused, Priority::EvidenceAtRisk),
        entry("AAA-002", Principle::VictimCentred, Priority::EvidenceAtRisk),
        entry("DDD-001", Principle::SuspectFocused, Priority::HighValue),
    };
    const auto proposals = propose(std::span<const Enquiry>(entries), Facts{}, Now);
    EXPECT_EQ(ids(proposals), (std::vector<std::string>{"CCC-001", "BBB-001", "DDD-001", "AAA-001", "AAA-002"}))
        << "suspect-focused first whatever the priority; within a tier by priority, then by id";

    // An open deadline still leads whatever the priority; a closed one still comes after the undated ones.
    auto windowed = entries;
    windowed[0].deadline = DeadlineRule{"offence.lastContactAt", 72h, "three days", "test", false};
    windowed[1].deadline = DeadlineRule{"offence.lastContactAt", 24h, "one day", "test", false};
    const auto timed = propose(std::span<const Enquiry>(windowed), Facts{{"offence.lastContactAt", Now - 48h}}, Now);
    EXPECT_EQ(ids(timed), (std::vector<std::string>{"AAA-001", "CCC-001", "DDD-001", "BBB-001", "AAA-002"}));
}

TEST(NomRulesEngineTest, shippedPrioritiesPutEvidenceAtRiskFirstAmongUndatedSuspectLines)
{
    auto facts = typicalCase();
    facts.erase("offence.lastContactAt");
    facts.erase("offence.period");
    const auto proposals = propose(enquiries(), facts, Now);
    expectDocumentedOrder(proposals);
    ASSERT_FALSE(proposals.empty());
    EXPECT_EQ(proposals.front().enquiry->priority, Priority::EvidenceAtRisk) << proposals.front().enquiryId;
    EXPECT_LT(indexOf(proposals, "DIG-SUS-001"), indexOf(proposals, "SUS-DUR-001"))
        << "the suspect's phone (data can be deleted) before the consent questions (high value)";
    EXPECT_LT(indexOf(proposals, "SUS-DUR-001"), indexOf(proposals, "ARR-005")) << "high value before standard";
    // An ex-partner case as first reported: no enquiry into the victim's private life among the first twenty.
    for (std::size_t i = 0; i < std::min<std::size_t>(20, proposals.size()); ++i) {
        EXPECT_FALSE(proposals[i].enquiry->intrudesOnVictimPrivacy) << i << " " << proposals[i].enquiryId;
    }
}

TEST(NomRulesEngineTest, proposalsCarryTheirReasons)
{
    const auto proposals = propose(enquiries(), typicalCase(), Now);
    for (const auto& p : proposals) {
        EXPECT_FALSE(p.reasons.empty()) << p.enquiryId;
        for (const auto& r : p.reasons) {
            EXPECT_FALSE(r.text.empty()) << p.enquiryId;
        }
    }
    const auto i = indexOf(proposals, "DIS-008");
    ASSERT_GE(i, 0);
    const auto& dvpn = proposals[static_cast<std::size_t>(i)].reasons;
    ASSERT_EQ(dvpn.size(), 4U);
    EXPECT_EQ(dvpn[1].text, "Relationship to the suspect: Ex-partner or ex-spouse");
}

TEST(NomRulesEngineTest, diffReportsWhatIsNewWhatNoLongerAppliesAndWhatChanged)
{
    Facts before{{"suspect.known", false}, {"offence.lastContactAt", Now - 10h}};
    Facts after{{"suspect.known", true}, {"offence.lastContactAt", Now - 30h}};
    const auto p1 = propose(enquiries(), before, Now);
    const auto p2 = propose(enquiries(), after, Now);
    const auto d = diff(p1, p2);
    const auto has = [](const std::vector<Proposal>& list, const std::string& id) {
        return std::any_of(list.begin(), list.end(), [&](const Proposal& p) { return p.enquiryId == id; });
    };
    EXPECT_TRUE(has(d.added, "SUS-DUR-001"));
    EXPECT_TRUE(has(d.added, "INT-001"));
    EXPECT_TRUE(has(d.removed, "INT-007"));
    EXPECT_TRUE(has(d.changed, "VIC-002")) << "the SARC window's due instant moved";
    EXPECT_FALSE(has(d.changed, "VIC-001")) << "the ISVA offer did not change";
    EXPECT_FALSE(has(d.added, "VIC-001"));
    EXPECT_FALSE(has(d.removed, "VIC-001"));
    EXPECT_EQ(d.added.size() + (p1.size() - d.removed.size()), p2.size());
    EXPECT_TRUE(std::is_sorted(d.added.begin(), d.added.end(), proposalBefore));

    const auto none = diff(p2, propose(enquiries(), after, Now));
    EXPECT_TRUE(none.added.empty());
    EXPECT_TRUE(none.removed.empty());
    EXPECT_TRUE(none.changed.empty());

    // Time passing alone can close a window: that is a change too.
    const auto later = diff(p2, propose(enquiries(), after, Now + 200h));
    EXPECT_TRUE(has(later.changed, "VIC-002"));
}

// ------------------------------------------------------------------------------------------ property test

FactValue randomValue(const Question& q, std::mt19937& rng)
{
    const auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const auto someInstant = [&] {
        return Now - std::chrono::seconds(std::uniform_int_distribution<long>(-3600, 3600L * 24 * 800)(rng));
    };
    switch (q.type) {
    case AnswerType::YesNo: return pick(2) == 0;
    case AnswerType::Choice: return q.options[pick(q.options.size())].value;
    case AnswerType::MultiChoice: {
        TextList list;
        for (const auto& o : q.options) {
            if (pick(3) == 0) {
                list.push_back(o.value);
            }
        }
        return list;
    }
    case AnswerType::Text: return std::string("fictional text");
    case AnswerType::Number: {
        const double lo = q.min.value_or(0);
        const double hi = std::min(q.max.value_or(100), lo + 100);
        return static_cast<double>(std::uniform_int_distribution<int>(static_cast<int>(lo), static_cast<int>(hi))(rng));
    }
    case AnswerType::Instant: return someInstant();
    case AnswerType::DateRange: {
        const auto to = someInstant();
        return DateRange{to - std::chrono::hours(pick(2000)), to};
    }
    }
    return false;
}

Facts randomFacts(std::mt19937& rng)
{
    Facts facts;
    for (const auto& q : questions().questions()) {
        if (std::uniform_int_distribution<int>(0, 9)(rng) < 6) {
            facts.emplace(q.id, randomValue(q, rng));
        }
    }
    return facts;
}

TEST(NomRulesEngineTest, propertyDeterministicAndIndependentOfCatalogueOrder)
{
    std::mt19937 rng(20260310U); // fixed seed: a failure is reproducible
    std::vector<Enquiry> shuffled(enquiries().entries().begin(), enquiries().entries().end());
    std::size_t totalProposals = 0;
    for (int round = 0; round < 300; ++round) {
        const Facts facts = randomFacts(rng);
        ASSERT_NO_THROW(questions().validateFacts(facts)) << "round " << round;
        const Instant now = Now + std::chrono::hours(std::uniform_int_distribution<int>(-48, 48)(rng));

        const auto first = propose(enquiries(), facts, now);
        const auto again = propose(enquiries(), facts, now);
        ASSERT_EQ(fingerprint(first), fingerprint(again)) << "round " << round;

        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        const auto fromShuffled = propose(std::span<const Enquiry>(shuffled), facts, now);
        ASSERT_EQ(fingerprint(first), fingerprint(fromShuffled)) << "round " << round;

        expectDocumentedOrder(first);
        for (const auto& p : first) {
            ASSERT_TRUE(p.enquiry->when.holds(facts, now)) << p.enquiryId;
            ASSERT_EQ(p.enquiry->id, p.enquiryId);
        }
        // Nothing that applies is left out.
        std::size_t applicable = 0;
        for (const auto& e : enquiries().entries()) {
            applicable += e.when.holds(facts, now) ? 1 : 0;
        }
        ASSERT_EQ(applicable, first.size()) << "round " << round;
        totalProposals += first.size();
    }
    EXPECT_GT(totalProposals, 300U * 10) << "the random fact sets should make many entries apply";
}

TEST(NomRulesEngineTest, aCatalogueFileInReverseOrderProposesTheSame)
{
    std::ifstream in(NomDir / "enquiries.json");
    std::stringstream text;
    text << in.rdbuf();
    auto doc = nlohmann::json::parse(text.str());
    auto& entries = doc.at("entries");
    std::reverse(entries.begin(), entries.end());
    const auto reversed = EnquiryCatalogue::fromJson(doc.dump(), questions(), stages(), "reversed.json");
    ASSERT_EQ(reversed.entries().front().id, enquiries().entries().back().id);
    std::mt19937 rng(7U);
    for (int round = 0; round < 50; ++round) {
        const Facts facts = round == 0 ? typicalCase() : randomFacts(rng);
        ASSERT_EQ(fingerprint(propose(enquiries(), facts, Now)), fingerprint(propose(reversed, facts, Now)))
            << "round " << round;
    }
}

TEST(NomRulesEngineTest, noFactsProposesOnlyWhatAppliesToEveryCase)
{
    const auto proposals = propose(enquiries(), Facts{}, Now);
    // With nothing recorded yet, only the steps owed to every victim apply (ISVA offer, needs assessment, updates).
    EXPECT_EQ(ids(proposals), (std::vector<std::string>{"VIC-001", "VIC-004", "VIC-005"}));
    EXPECT_TRUE(propose(std::span<const Enquiry>(), typicalCase(), Now).empty());
}

} // namespace
