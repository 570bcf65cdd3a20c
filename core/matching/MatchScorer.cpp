// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/MatchScorer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "core/matching/MatchCodes.h"
#include "core/matching/Normalise.h"
#include "core/matching/Similarity.h"

namespace wb::core::matching {

namespace {

bool shareAny(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    // both sorted and unique (PreparedRecord)
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i == *j) {
            return true;
        }
        if (*i < *j) {
            ++i;
        } else {
            ++j;
        }
    }
    return false;
}

Level compareExact(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    if (a.empty() || b.empty()) {
        return Level::NotCompared;
    }
    return shareAny(a, b) ? Level::Exact : Level::Different;
}

const std::string& namePart(const PreparedRecord& p, Field field)
{
    return field == Field::GivenName ? p.given : p.family;
}
const std::string& namePart(const NameParts& p, Field field)
{
    return field == Field::GivenName ? p.given : p.family;
}
const std::string& codePart(const PreparedRecord& p, Field field)
{
    return field == Field::GivenName ? p.givenCode : p.familyCode;
}

bool aliasCarries(const PreparedRecord& withAliases, const std::string& otherValue, Field field)
{
    return std::any_of(withAliases.aliases.begin(), withAliases.aliases.end(), [&](const NameParts& alias) {
        const std::string& part = namePart(alias, field);
        return !part.empty() && part == otherValue;
    });
}

/// The age a person born on `birth` had on `on`.
int ageOn(const BirthDate& birth, const BirthDate& on)
{
    int age = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) {
        --age;
    }
    return age;
}

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) {
            out += ", ";
        }
        out += v;
    }
    return out;
}

void recordedValues(Field field, const PersonRecord& r, std::string& out)
{
    switch (field) {
    case Field::FamilyName: out = r.familyName; break;
    case Field::GivenName: out = r.givenName; break;
    case Field::BirthDate:
        if (r.dateOfBirth) {
            out = *r.dateOfBirth;
        } else if (r.ageYears) {
            out = "age " + std::to_string(*r.ageYears);
        }
        break;
    case Field::Phone: out = joined(r.phones); break;
    case Field::Email: out = joined(r.emails); break;
    case Field::Handle: out = joined(r.handles); break;
    case Field::Vehicle: out = joined(r.vehicles); break;
    case Field::Address: out = joined(r.addresses); break;
    case Field::Postcode: {
        std::vector<std::string> codes;
        for (const auto& address : r.addresses) {
            if (const auto code = findPostcode(address)) {
                codes.push_back(code->inward.empty() ? code->outward : code->outward + " " + code->inward);
            }
        }
        out = joined(codes);
        break;
    }
    case Field::PoliceId: out = joined(r.policeIds); break;
    }
}

} // namespace

MatchScorer::MatchScorer(const MatchModel& model, const TermFrequencies* frequencies)
    : MatchScorer(model, frequencies, model.priorWeight())
{
}

MatchScorer::MatchScorer(const MatchModel& model, const TermFrequencies* frequencies, double priorWeight)
    : m_model(model)
    , m_frequencies(frequencies)
    , m_priorWeight(priorWeight)
{
}

double MatchScorer::probability(double totalWeight) noexcept
{
    return 1.0 / (1.0 + std::exp2(-totalWeight));
}

Level MatchScorer::compare(Field field, const PreparedRecord& pa, const PreparedRecord& pb, double* similarity) const
{
    switch (field) {
    case Field::FamilyName:
    case Field::GivenName: {
        const std::string& a = namePart(pa, field);
        const std::string& b = namePart(pb, field);
        if (a.empty() || b.empty()) {
            return Level::NotCompared;
        }
        if (a == b) {
            return Level::Exact;
        }
        if (!pa.given.empty() && !pa.family.empty() && pa.given == pb.family && pa.family == pb.given) {
            return Level::Swapped;
        }
        if (aliasCarries(pa, b, field) || aliasCarries(pb, a, field)) {
            return Level::Alias;
        }
        const double jw = jaroWinkler(a, b);
        if (jw >= m_model.jaroWinklerHigh()) {
            if (similarity != nullptr) {
                *similarity = jw;
            }
            return Level::SimilarHigh;
        }
        const std::string& codeA = codePart(pa, field);
        if (!codeA.empty() && codeA == codePart(pb, field)) {
            return Level::Phonetic;
        }
        if (jw >= m_model.jaroWinklerMedium()) {
            if (similarity != nullptr) {
                *similarity = jw;
            }
            return Level::SimilarMedium;
        }
        // A nickname (Bill and William): a short or familiar form of the same name, its own level (nothing was
        // recorded as an alias), where the names are not already similar (Chris and Christine stay a Jaro–Winkler
        // level).
        if (field == Field::GivenName && m_model.areNicknames(a, b)) {
            return Level::Nickname;
        }
        if (field == Field::GivenName &&
            ((a.size() == 1 && b.front() == a.front()) || (b.size() == 1 && a.front() == b.front()))) {
            return Level::Initial;
        }
        return Level::Different;
    }
    case Field::BirthDate: {
        if (pa.birthDate && pb.birthDate) {
            const BirthDate& a = *pa.birthDate;
            const BirthDate& b = *pb.birthDate;
            if (a.days == b.days) {
                return Level::Exact;
            }
            if (a.year == b.year && a.month == b.day && a.day == b.month) {
                return Level::DayMonthSwapped;
            }
            return std::labs(a.days - b.days) <= 366 ? Level::WithinAYear : Level::Different;
        }
        const auto ageFits = [](const PreparedRecord& dated, const PreparedRecord& aged) -> std::optional<bool> {
            if (!dated.birthDate || !aged.ageYears || !aged.ageOn) {
                return std::nullopt;
            }
            return std::abs(ageOn(*dated.birthDate, *aged.ageOn) - *aged.ageYears) <= 1;
        };
        std::optional<bool> fits = ageFits(pa, pb);
        if (!fits) {
            fits = ageFits(pb, pa);
        }
        if (!fits && !pa.birthDate && !pb.birthDate && pa.ageYears && pa.ageOn && pb.ageYears && pb.ageOn) {
            fits = std::abs((pa.ageOn->year - *pa.ageYears) - (pb.ageOn->year - *pb.ageYears)) <= 1;
        }
        if (!fits) {
            return Level::NotCompared;
        }
        return *fits ? Level::AgeConsistent : Level::Different;
    }
    case Field::Phone: return compareExact(pa.phones, pb.phones);
    case Field::Email: return compareExact(pa.emails, pb.emails);
    case Field::Handle: return compareExact(pa.handles, pb.handles);
    case Field::Vehicle: return compareExact(pa.vehicles, pb.vehicles);
    case Field::PoliceId: return compareExact(pa.policeIds, pb.policeIds);
    case Field::Address: {
        if (pa.addresses.empty() || pb.addresses.empty()) {
            return Level::NotCompared;
        }
        if (shareAny(pa.addresses, pb.addresses)) {
            return Level::Exact;
        }
        double best = 0.0;
        for (const auto& a : pa.addresses) {
            for (const auto& b : pb.addresses) {
                best = std::max(best, jaroWinkler(a, b));
            }
        }
        if (best >= m_model.jaroWinklerHigh()) {
            if (similarity != nullptr) {
                *similarity = best;
            }
            return Level::SimilarHigh;
        }
        return Level::Different;
    }
    case Field::Postcode: {
        if (pa.postcodes.empty() || pb.postcodes.empty()) {
            return Level::NotCompared;
        }
        bool sameArea = false;
        for (const auto& a : pa.postcodes) {
            for (const auto& b : pb.postcodes) {
                if (a.whole() == b.whole()) {
                    return Level::Exact;
                }
                sameArea = sameArea || (a.uk && b.uk && a.outward == b.outward);
            }
        }
        return sameArea ? Level::SameArea : Level::Different;
    }
    }
    return Level::NotCompared;
}

double MatchScorer::weightOf(Field field, Level level, const PreparedRecord& pa, double* tfAdjustment) const
{
    const double base = m_model.weight(field, level);
    if (tfAdjustment != nullptr) {
        *tfAdjustment = 0.0;
    }
    if (level != Level::Exact || m_frequencies == nullptr || !m_model.termFrequencyFor(field) ||
        m_frequencies->values(field) < m_model.termFrequencyMinimumValues()) {
        return base;
    }
    const double frequency = m_frequencies->frequency(field, namePart(pa, field));
    if (frequency <= 0.0) {
        return base;
    }
    const double u = std::max(frequency, m_model.termFrequencyMinimumU());
    const double adjusted = std::log2(m_model.parameters(field, level).m / u);
    if (tfAdjustment != nullptr) {
        *tfAdjustment = adjusted - base;
    }
    return adjusted;
}

double MatchScorer::totalWeight(const PreparedRecord& pa, const PreparedRecord& pb) const
{
    double total = m_priorWeight;
    for (const Field field : allFields()) {
        total += weightOf(field, compare(field, pa, pb), pa, nullptr);
    }
    return total;
}

MatchScorer::NameBounds MatchScorer::nameBounds(const PreparedRecord& pa) const
{
    const auto bound = [&](Field field) {
        double best = 0.0;
        for (const Level level : levelsOf(field)) {
            const double w = level == Level::Exact ? weightOf(field, level, pa, nullptr) : m_model.weight(field, level);
            best = std::max(best, w);
        }
        return best;
    };
    return NameBounds{bound(Field::FamilyName), bound(Field::GivenName)};
}

std::optional<double>
MatchScorer::weightIfReaches(const PreparedRecord& pa, const PreparedRecord& pb, double floor) const
{
    return weightIfReaches(pa, pb, floor, nameBounds(pa));
}

std::optional<double> MatchScorer::weightIfReaches(const PreparedRecord& pa,
                                                   const PreparedRecord& pb,
                                                   double floor,
                                                   const NameBounds& boundsOfA) const
{
    // Cheapest first; the addresses' Jaro–Winkler over every pair of addresses last.
    static constexpr std::array<Field, 10> kOrder{Field::BirthDate, Field::Phone,    Field::Email,    Field::Handle,
                                                  Field::Vehicle,   Field::PoliceId, Field::Postcode, Field::FamilyName,
                                                  Field::GivenName, Field::Address};
    // Sums in a different order differ in the last bits: stop only when short by more than that.
    constexpr double kMargin = 1e-9;
    // A field one side has not recorded can only be NotCompared: weight 0, not compared at all.
    const unsigned both = pa.recorded & pb.recorded;
    const auto comparable = [both](std::size_t at) { return (both & (1U << at)) != 0; };
    std::array<double, 10> weights{};
    std::array<double, 10> caps{};
    double remaining = 0.0;
    for (const Field field : kOrder) {
        const auto at = static_cast<std::size_t>(field);
        if (comparable(at)) {
            caps[at] = field == Field::FamilyName  ? boundsOfA.family
                       : field == Field::GivenName ? boundsOfA.given
                                                   : m_model.maxWeight(field);
            remaining += caps[at];
        }
    }
    double running = m_priorWeight;
    for (const Field field : kOrder) {
        const auto at = static_cast<std::size_t>(field);
        if (!comparable(at)) {
            continue;
        }
        weights[at] = weightOf(field, compare(field, pa, pb), pa, nullptr);
        running += weights[at];
        remaining -= caps[at];
        if (running + remaining < floor - kMargin) {
            return std::nullopt;
        }
    }
    double total = m_priorWeight; // in Field order, as totalWeight() sums
    for (const double w : weights) {
        total += w;
    }
    return total;
}

MatchScore MatchScorer::score(const PersonRecord& a, const PersonRecord& b) const
{
    return score(a, PreparedRecord::from(a), b, PreparedRecord::from(b));
}

MatchScore MatchScorer::score(const PersonRecord& a,
                              const PreparedRecord& pa,
                              const PersonRecord& b,
                              const PreparedRecord& pb) const
{
    MatchScore result;
    result.priorWeight = m_priorWeight;
    result.totalWeight = result.priorWeight;
    for (const Field field : allFields()) {
        Contribution c;
        c.field = field;
        double similarity = 0.0;
        c.level = compare(field, pa, pb, &similarity);
        if (c.level == Level::SimilarHigh || c.level == Level::SimilarMedium) {
            c.similarity = similarity;
        }
        c.weight = weightOf(field, c.level, pa, &c.termFrequencyAdjustment);
        recordedValues(field, a, c.valueA);
        recordedValues(field, b, c.valueB);
        result.totalWeight += c.weight;
        result.contributions.push_back(std::move(c));
    }
    result.probability = probability(result.totalWeight);
    return result;
}

} // namespace wb::core::matching
