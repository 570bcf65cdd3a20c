// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/DerivedFacts.h"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "core/Error.h"
#include "core/domain/LondonTime.h"
#include "core/nom/QuestionCatalogue.h"

namespace wb::core::nom {

namespace {

using std::chrono::year_month_day;

std::optional<year_month_day> parseDay(std::string_view text)
{
    if (!isValidIsoDate(text)) {
        return std::nullopt;
    }
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    std::from_chars(text.data(), text.data() + 4, y);
    std::from_chars(text.data() + 5, text.data() + 7, m);
    std::from_chars(text.data() + 8, text.data() + 10, d);
    const year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    return ymd.ok() ? std::optional(ymd) : std::nullopt;
}

/// Whole years from `born` to `on`; std::nullopt when `on` is before `born`.
std::optional<int> ageOn(const year_month_day& born, const year_month_day& on)
{
    int years = static_cast<int>(on.year()) - static_cast<int>(born.year());
    if (on.month() < born.month() || (on.month() == born.month() && on.day() < born.day())) {
        --years;
    }
    return years < 0 ? std::nullopt : std::optional(years);
}

/// A person's age at `on`: from the date of birth, else (when `recordedAgeAllowed`) the age recorded.
std::optional<int> ageOf(const CaseRecordFacts::PersonFacts& person, const year_month_day& on, bool recordedAgeAllowed)
{
    if (person.dateOfBirth) {
        if (const auto born = parseDay(*person.dateOfBirth)) {
            return ageOn(*born, on);
        }
    }
    if (recordedAgeAllowed && person.ageYears) {
        return *person.ageYears;
    }
    return std::nullopt;
}

/// The youngest age among the people (a child among them is the one the safeguarding lines are for).
std::optional<int> youngest(const std::vector<CaseRecordFacts::PersonFacts>& people,
                            const year_month_day& on,
                            bool recordedAgeAllowed,
                            bool namedOnly)
{
    std::optional<int> out;
    for (const auto& p : people) {
        if (namedOnly && !p.named) {
            continue;
        }
        if (const auto age = ageOf(p, on, recordedAgeAllowed)) {
            out = out ? std::min(*out, *age) : *age;
        }
    }
    return out;
}

/// The first day the offence could have happened, London date.
std::optional<year_month_day> offenceStart(const ApproxDate& date)
{
    if (date.precision == ApproxDate::Precision::Unknown) {
        return std::nullopt;
    }
    if (date.precision == ApproxDate::Precision::Exact) {
        const auto at = parseIsoUtc(date.from);
        return at ? std::optional(london::date(*at)) : std::nullopt;
    }
    return parseDay(date.from);
}

std::optional<DateRange> offenceRange(const ApproxDate& date)
{
    switch (date.precision) {
    case ApproxDate::Precision::Unknown: return std::nullopt;
    case ApproxDate::Precision::Exact: {
        const auto at = parseIsoUtc(date.from);
        return at ? std::optional(DateRange{*at, *at}) : std::nullopt;
    }
    case ApproxDate::Precision::Day:
    case ApproxDate::Precision::Month:
    case ApproxDate::Precision::Year:
    case ApproxDate::Precision::Between: {
        const auto from = parseDay(date.from);
        const auto to = parseDay(date.to);
        if (!from || !to) {
            return std::nullopt;
        }
        const auto dayAfter = year_month_day{std::chrono::sys_days{*to} + std::chrono::days{1}};
        return DateRange{london::midnight(*from), london::midnight(dayAfter) - std::chrono::seconds{1}};
    }
    }
    return std::nullopt;
}

std::optional<std::string> latestOpenBail(const std::vector<CaseRecordFacts::Bail>& bails)
{
    const CaseRecordFacts::Bail* latest = nullptr;
    for (const auto& b : bails) {
        if (!b.ended && (latest == nullptr || b.startDate > latest->startDate)) {
            latest = &b;
        }
    }
    if (latest == nullptr) {
        return std::nullopt;
    }
    if (latest->kind == "bail") {
        return std::string("on-bail");
    }
    if (latest->kind == "rui") {
        return std::string("released-under-investigation");
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(RecordSource source) noexcept
{
    switch (source) {
    case RecordSource::People: return "people";
    case RecordSource::Relationships: return "relationships";
    case RecordSource::Overview: return "overview";
    case RecordSource::IsvaReferrals: return "isva-referrals";
    case RecordSource::Bail: return "bail";
    }
    return "unknown";
}

DerivedFacts deriveFacts(const CaseRecordFacts& records, const QuestionCatalogue& questions, Instant now)
{
    DerivedFacts out;
    const auto put = [&](std::string_view key, FactValue value, RecordSource source) {
        if (questions.find(key) == nullptr) {
            return; // the loaded catalogue does not ask it: not a fact of this catalogue
        }
        try {
            questions.validateAnswer(key, value);
        } catch (const Error&) {
            return; // a value the question does not accept (an option it no longer offers, an age out of range)
        }
        out.insert_or_assign(std::string(key), DerivedFact{std::move(value), source});
    };
    const year_month_day today = london::date(now);

    if (!records.relationshipCategories.empty()) {
        const auto& first = records.relationshipCategories.front();
        const bool same = std::all_of(records.relationshipCategories.begin(), records.relationshipCategories.end(),
                                      [&first](const std::string& c) { return c == first; });
        if (same) {
            put("relationship.category", first, RecordSource::Relationships);
        }
    }

    const bool namedSuspect = std::any_of(records.suspects.begin(), records.suspects.end(),
                                          [](const CaseRecordFacts::PersonFacts& p) { return p.named; });
    if (namedSuspect) {
        put("suspect.known", true, RecordSource::People);
        if (const auto age = youngest(records.suspects, today, true, true)) {
            put("suspect.under18", *age < 18, RecordSource::People);
        }
    }
    if (records.linkedSuspectCases > 0) {
        put("suspect.linkedRassoReports", static_cast<double>(records.linkedSuspectCases), RecordSource::People);
    }
    if (std::any_of(records.suspects.begin(), records.suspects.end(),
                    [](const CaseRecordFacts::PersonFacts& p) { return p.interpreterNeeded; })) {
        put("suspect.interpreterNeeded", true, RecordSource::People);
    }
    if (const auto status = latestOpenBail(records.bails)) {
        put("suspect.status", *status, RecordSource::Bail);
    }

    if (const auto age = youngest(records.victims, today, true, false)) {
        put("victim.age", static_cast<double>(*age), RecordSource::People);
    }
    if (const auto start = offenceStart(records.offenceDate)) {
        if (const auto age = youngest(records.victims, *start, false, false)) {
            put("victim.ageAtOffence", static_cast<double>(*age), RecordSource::People);
        }
    }
    if (const auto range = offenceRange(records.offenceDate)) {
        put("offence.period", *range, RecordSource::Overview);
    }

    if (std::find(records.isvaAccepted.begin(), records.isvaAccepted.end(), "yes") != records.isvaAccepted.end()) {
        put("victim.supportedByIsva", true, RecordSource::IsvaReferrals);
    }
    return out;
}

MergedFacts mergeFacts(const CurrentAnswers& answers, const DerivedFacts& derived)
{
    MergedFacts merged;
    for (const auto& [key, fact] : derived) {
        merged.facts.insert_or_assign(key, fact.value);
        merged.provenance.insert_or_assign(key, FactProvenance{FactOrigin::Record, fact, {}});
    }
    for (const auto& [key, answer] : answers) {
        const auto fromRecord = derived.find(key);
        if (answer.overrideReason) {
            merged.facts.insert_or_assign(key, answer.value);
            std::optional<DerivedFact> d;
            if (fromRecord != derived.end()) {
                d = fromRecord->second;
            }
            merged.provenance.insert_or_assign(key, FactProvenance{FactOrigin::Override, d, *answer.overrideReason});
        } else if (fromRecord == derived.end()) {
            merged.facts.insert_or_assign(key, answer.value);
            merged.provenance.insert_or_assign(key, FactProvenance{FactOrigin::Answer, std::nullopt, {}});
        }
        // else: the record's value stands (precedence 2 over 3)
    }
    return merged;
}

} // namespace wb::core::nom
