// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/Generator.h"

#include <array>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/LondonTime.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/reference/ReferenceData.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

namespace wb::core {

namespace {

using namespace std::chrono;

constexpr const char* Actor = "Synthetic data generator";

// Invented name parts: combined, they give about 1,200 surnames that belong to nobody.
constexpr std::array<const char*, 40> SurnameStart{
    "Bram", "Tol",  "Quen", "Fard", "Wix",  "Hollo", "Mirr", "Penn", "Dask", "Yarl",  "Corv",  "Ebb",  "Grell", "Ivel",
    "Jost", "Kell", "Lurr", "Morn", "Nesk", "Orv",   "Prax", "Rusk", "Savv", "Thorn", "Ulv",   "Vesk", "Wend",  "Zell",
    "Ambr", "Bly",  "Cadd", "Drom", "Elv",  "Fenn",  "Gorr", "Hask", "Indr", "Jarr",  "Krell", "Lomm"};
constexpr std::array<const char*, 30> SurnameEnd{
    "wick",  "eson",  "ridge", "amore", "sby",  "ington", "ock",    "ell", "ford", "ley",
    "ham",   "stead", "wood",  "gate",  "well", "combe",  "thorpe", "by",  "more", "den",
    "field", "hurst", "croft", "worth", "ton",  "bury",   "holm",   "low", "mere", "shaw"};
constexpr std::array<const char*, 24> GivenNames{"Alex",   "Sam",     "Jordan",  "Morgan", "Casey",   "Riley",
                                                 "Taylor", "Jamie",   "Charlie", "Drew",   "Robin",   "Avery",
                                                 "Quinn",  "Rowan",   "Skyler",  "Harper", "Emerson", "Finley",
                                                 "Hayden", "Kendall", "Logan",   "Parker", "Reese",   "Sage"};
constexpr std::array<const char*, 12> Plants{"Larkspur", "Foxglove", "Hawthorn", "Yarrow",   "Sorrel", "Tansy",
                                             "Bracken",  "Clover",   "Heather",  "Primrose", "Teasel", "Vetch"};

class Gen
{
public:
    explicit Gen(std::uint64_t seed)
        : m_rng(seed)
    {
    }

    int upTo(int n) { return static_cast<int>(m_rng() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return upTo(100) < percent; }
    template <typename Container> const auto& pick(const Container& c)
    {
        return c[static_cast<std::size_t>(upTo(static_cast<int>(c.size())))];
    }

    /// A version-4-shaped UUID drawn from the generator, so the same seed gives the same ids.
    std::string uuid()
    {
        const std::uint64_t a = m_rng();
        const std::uint64_t b = m_rng();
        std::string hex = fmt::format("{:016x}{:016x}", a, b);
        hex[12] = '4';
        hex[16] = "89ab"[b & 3];
        return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
               hex.substr(20, 12);
    }

private:
    std::mt19937_64 m_rng;
};

std::string day(Instant at)
{
    return toIsoUtc(at).substr(0, 10);
}

std::vector<std::string> codes(const ReferenceData& lists, std::string_view kind)
{
    std::vector<std::string> out;
    for (const auto& item : lists.list(kind).items()) {
        out.push_back(item.code);
    }
    if (out.empty()) {
        throw Error(ErrorCode::ReferenceData, "the reference list " + std::string(kind) + " is empty");
    }
    return out;
}

struct Codes {
    std::vector<std::string> offences;
    std::vector<std::string> stages, locations, channels, relationships, methods, purposes, deviceTypes, rights,
        eventKinds;

    explicit Codes(const Workspace& ws)
    {
        for (const char* code : {"SOA2003-s1", "SOA2003-s2", "SOA2003-s3", "SOA2003-s4"}) {
            if (ws.offences().find(code) != nullptr) {
                offences.emplace_back(code);
            }
        }
        if (offences.empty()) {
            for (const auto& offence : ws.offences().offences()) {
                offences.push_back(offence.code);
            }
        }
        stages = codes(ws.lists(), "journey-stages");
        locations = codes(ws.lists(), "location-types");
        channels = codes(ws.lists(), "report-channels");
        relationships = codes(ws.lists(), "relationship-types");
        methods = codes(ws.lists(), "contact-methods");
        purposes = codes(ws.lists(), "contact-purposes");
        deviceTypes = codes(ws.lists(), "device-types");
        rights = codes(ws.lists(), "victims-code-rights");
        eventKinds = {"arrest", "interview-under-caution"};
        std::erase(methods, std::string("other")); // "other" needs a description
    }
};

/// A closed generated case's outcome, drawn with weights in the range the brief reports for rape (nom-brief §6.10
/// and §7.2: outcome 16 around 33-48% [S], evidential difficulties with the victim's support the other main
/// ending, charges a small share): 16 45%, 15 43%, charged 12% [D]. Generated cases always name their suspects, so
/// the outcomes for an unidentified suspect (14, 18) are not drawn.
const char* closedOutcome(Gen& gen)
{
    const int draw = gen.upTo(100);
    return draw < 45 ? "16" : draw < 88 ? "15" : "1";
}

Record record(std::string_view type, std::int64_t parentId, std::string uuid, Values values, Instant at)
{
    Record r;
    r.spec = &recordSpec(type);
    r.parentId = parentId;
    r.uuid = std::move(uuid);
    r.values = std::move(values);
    r.createdAt = at;
    r.updatedAt = at;
    return r;
}

} // namespace

GeneratorReport generateWorkspace(Workspace& ws, const GeneratorOptions& options)
{
    if (options.cases < 0 || options.batch < 1) {
        throw Error(ErrorCode::Validation, "the number of cases and the batch size must be positive", "cases");
    }
    if (options.anchor > ws.clock().now()) {
        throw Error(ErrorCode::Validation, "the generator's anchor instant is in the future", "anchor");
    }
    const Codes c(ws);
    const GeneratorShape& shape = options.shape;
    Gen gen(options.seed);
    GeneratorReport report;
    auto& db = ws.connectionForImport();
    const std::string owner = "DC Generated Example";

    for (int done = 0; done < options.cases;) {
        store::Transaction tx(db);
        const int end = std::min(options.cases, done + options.batch);
        for (; done < end; ++done) {
            // Spread over about three years before the anchor; newer cases more often open.
            const int daysAgo = 2 + gen.upTo(3 * 365);
            const Instant reported = options.anchor - days(daysAgo) - hours(gen.upTo(24));
            const auto at = [&](int hoursAfter) {
                const Instant t = reported + hours(hoursAfter);
                return t < options.anchor ? t : options.anchor - minutes(1);
            };
            Case kase;
            kase.uuid = gen.uuid();
            // The year in the reference is the year of the report (UK date), as forces write it.
            kase.reference =
                fmt::format("GEN/{:06}/{:02}", done + 1, static_cast<int>(london::date(reported).year()) % 100);
            if (gen.chance(60)) {
                kase.operationName = fmt::format("Operation {} {}", gen.pick(Plants), done + 1);
            }
            kase.primaryOffence = gen.pick(c.offences);
            kase.reportedAt = reported;
            kase.status = daysAgo > 400 && gen.chance(70) ? CaseStatus::Closed : CaseStatus::Open;
            const std::string offenceDay = day(reported - days(gen.upTo(30)));
            kase.offenceDate = ApproxDate::day(offenceDay);
            kase.locationType = gen.pick(c.locations);
            kase.reportChannel = gen.pick(c.channels);
            kase.journeyStage = gen.pick(c.stages);
            // Closed cases end in varied outcomes (issue 14: withdrawal is not the normal ending), each with the
            // records its guardrails need (core/cases/OutcomeGuards.h), written below.
            const char* outcome = kase.status == CaseStatus::Closed ? closedOutcome(gen) : nullptr;
            if (outcome != nullptr) {
                kase.outcomeCode = outcome;
                kase.outcomeDate = day(at(24 * 300));
                kase.outcomeReason = "Synthetic outcome for a generated case.";
            }
            kase.createdAt = reported;
            kase.updatedAt = reported;
            const Case stored = ws.cases().import(kase, Actor);
            ++report.cases;

            std::vector<Person> people;
            for (int i = 0; i < shape.people; ++i) {
                Person p;
                p.uuid = gen.uuid();
                p.caseId = stored.id;
                p.role = i == 0 ? PersonRole::Victim : i <= 2 ? PersonRole::Suspect : PersonRole::Witness;
                p.givenName = gen.pick(GivenNames);
                p.familyName = std::string(gen.pick(SurnameStart)) + gen.pick(SurnameEnd);
                if (gen.chance(80)) {
                    p.dateOfBirth =
                        fmt::format("{:04}-{:02}-{:02}", 1950 + gen.upTo(55), 1 + gen.upTo(12), 1 + gen.upTo(28));
                }
                p.createdAt = reported;
                p.updatedAt = reported;
                people.push_back(ws.people().import(p, Actor));
                ++report.people;
                ws.records().import(
                    record("identifier", people.back().id, gen.uuid(),
                           {{"kind", "phone"}, {"value", fmt::format("07700 900{:03}", gen.upTo(1000))}}, reported),
                    Actor);
                ++report.records;
            }
            const auto id = [](std::int64_t v) { return std::to_string(v); };
            const std::string victim = id(people.at(0).id);
            const auto add = [&](std::string_view type, Values values, Instant when) {
                ws.records().import(record(type, stored.id, gen.uuid(), std::move(values), when), Actor);
                ++report.records;
            };

            if (shape.people > 1) {
                add("relationship",
                    {{"victim_id", victim},
                     {"suspect_id", id(people.at(1).id)},
                     {"category", gen.pick(c.relationships)}},
                    reported);
            }
            add("contact_plan",
                {{"victim_id", victim},
                 {"agreed_on", day(at(2))},
                 {"frequency_days", std::to_string(7 + 7 * gen.upTo(4))},
                 {"method", gen.pick(c.methods)},
                 {"through_whom", "direct"},
                 {"recorded_by", owner}},
                at(2));
            for (int i = 0; i < shape.contacts; ++i) {
                const Instant when = at(2 + i * (24 * 5 + gen.upTo(48)));
                add("contact",
                    {{"victim_id", victim},
                     {"contacted_at", toIsoUtc(when)},
                     {"method", gen.pick(c.methods)},
                     {"purpose", gen.pick(c.purposes)},
                     {"by_whom", owner},
                     {"explained", fmt::format("Synthetic update {} on the progress of the investigation.", i + 1)}},
                    when);
            }
            for (int i = 0; i < shape.enquiries; ++i) {
                const int state = gen.upTo(4);
                const char* status = state == 0   ? "planned"
                                     : state == 1 ? "in_progress"
                                     : state == 2 ? "done"
                                                  : "not_possible";
                Values v{{"title", fmt::format("Synthetic line of enquiry {}", i + 1)},
                         {"principle", i % 3 == 0 ? "victim-centred" : "suspect-focused"},
                         {"owner", owner},
                         {"due_on", day(reported + days(7 + gen.upTo(90)))},
                         {"status", status},
                         {"accepted_at", toIsoUtc(at(3 + i))},
                         {"accepted_by", owner}};
                if (state >= 2) {
                    v["result"] = "Synthetic result.";
                }
                add("enquiry", std::move(v), at(3 + i));
            }
            for (int i = 0; i < shape.decisions; ++i) {
                add("decision",
                    {{"decided_at", toIsoUtc(at(4 + 24 * i))},
                     {"decision", fmt::format("Synthetic decision {}", i + 1)},
                     {"rationale", "Synthetic rationale for a generated case."},
                     {"decided_by", owner}},
                    at(4 + 24 * i));
            }
            for (int i = 0; i < shape.timelineEvents; ++i) {
                const std::string d = day(reported - days(shape.timelineEvents - i));
                add("timeline_event",
                    {{"occurred", "day|" + d + "|" + d}, {"title", fmt::format("Synthetic event {}", i + 1)}},
                    reported);
            }
            for (int i = 0; i < shape.exhibits; ++i) {
                add("exhibit",
                    {{"reference", fmt::format("GEN-{}-{}", done + 1, i + 1)},
                     {"description", "Synthetic exhibit."},
                     {"seized_at", toIsoUtc(at(5 + i))}},
                    at(5 + i));
            }
            for (int i = 0; i < shape.devices; ++i) {
                add("device",
                    {{"owner_role", "suspect"},
                     {"person_id", id(people.at(std::min<std::size_t>(1, people.size() - 1)).id)},
                     {"device_type", gen.pick(c.deviceTypes)},
                     {"legal_basis", "pace-s19"},
                     {"seized_at", toIsoUtc(at(6 + i))}},
                    at(6 + i));
            }
            if (shape.people > 1) {
                add("case_event",
                    {{"kind", "arrest"}, {"occurred_at", toIsoUtc(at(20))}, {"suspect_id", id(people.at(1).id)}},
                    at(20));
            }
            add("victim_right",
                {{"victim_id", victim},
                 {"right_code", c.rights.at(2)},
                 {"action", "Synthetic written acknowledgement."},
                 {"done_on", day(at(1))}},
                at(1));
            add("victim_wish",
                {{"victim_id", victim}, {"recorded_at", toIsoUtc(at(1))}, {"wish", "full"}, {"recorded_by", owner}},
                at(1));
            if (outcome != nullptr && std::string_view(outcome) == "16") {
                add("victim_wish",
                    {{"victim_id", victim},
                     {"recorded_at", toIsoUtc(at(24 * 280))},
                     {"wish", "withdrawn"},
                     {"reason", "delay"},
                     {"spoken_directly", "yes"},
                     {"evidence_led_considered", "yes"},
                     {"evidence_led_rationale", "Synthetic: no evidence independent of the victim's account."},
                     {"recorded_by", owner}},
                    at(24 * 280));
            }
            if (outcome != nullptr && (std::string_view(outcome) == "15" || std::string_view(outcome) == "16")) {
                add("review",
                    {{"reviewed_at", toIsoUtc(at(24 * 290))},
                     {"reviewer_name", "DS Generated Example"},
                     {"reviewer_rank", "sergeant"},
                     {"scope", "Synthetic review before the outcome."},
                     {"signed_off", "1"}},
                    at(24 * 290));
            }
        }
        tx.commit();
        if (options.progress) {
            options.progress(done, options.cases);
        }
    }
    return report;
}

} // namespace wb::core
