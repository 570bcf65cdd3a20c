// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/MatchModel.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/json/JsonReader.h"
#include "core/matching/MatchCodes.h"
#include "core/matching/Normalise.h"

namespace wb::core::matching {

namespace {

constexpr std::string_view kKind = "match-model";
constexpr double kSumTolerance = 0.01;

std::size_t indexOf(Field field)
{
    return static_cast<std::size_t>(field);
}

const nlohmann::json&
requireObject(const nlohmann::json& doc, const char* field, std::string_view origin, const std::string& where)
{
    const auto* value = json::findValue(doc, field);
    if (value == nullptr || !value->is_object()) {
        json::fail(origin, where + ": '" + field + "' must be an object");
    }
    return *value;
}

/// A number strictly between 0 and 1.
double
requireProbability(const nlohmann::json& object, const char* field, std::string_view origin, const std::string& where)
{
    const auto* value = json::findValue(object, field);
    if (value == nullptr || !value->is_number()) {
        json::fail(origin, where + ": '" + field + "' must be a number between 0 and 1");
    }
    const double number = value->get<double>();
    if (!(number > 0.0 && number < 1.0)) {
        json::fail(origin, where + ": '" + field + "' must be a number between 0 and 1 (exclusive)");
    }
    return number;
}

std::vector<LevelParameters>
readLevels(const nlohmann::json& fieldObject, Field field, std::string_view origin, const std::string& where)
{
    const auto& levels = json::requireNonEmptyArray(fieldObject, "levels", origin, where);
    std::vector<LevelParameters> out;
    double mSum = 0.0;
    double uSum = 0.0;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const auto& item = levels[i];
        const std::string at = where + ": levels[" + std::to_string(i) + "]";
        if (!item.is_object()) {
            json::fail(origin, at + ": must be an object");
        }
        json::rejectUnknownKeys(item, {"level", "m", "u", "source"}, origin, at);
        const std::string code = json::requireString(item, "level", origin, at);
        const auto level = levelFromCode(code);
        const auto allowed = levelsOf(field);
        if (!level || std::find(allowed.begin(), allowed.end(), *level) == allowed.end()) {
            json::fail(origin, at + ": level '" + code + "' is not one this field's comparison can give");
        }
        for (const auto& seen : out) {
            if (seen.level == *level) {
                json::fail(origin, at + ": level '" + code + "' is given twice");
            }
        }
        LevelParameters p;
        p.level = *level;
        p.m = requireProbability(item, "m", origin, at);
        p.u = requireProbability(item, "u", origin, at);
        p.source = json::requireString(item, "source", origin, at);
        mSum += p.m;
        uSum += p.u;
        out.push_back(std::move(p));
    }
    for (const Level level : levelsOf(field)) {
        const bool present =
            std::any_of(out.begin(), out.end(), [&](const LevelParameters& p) { return p.level == level; });
        if (!present) {
            json::fail(origin, where + ": level '" + std::string(levelCode(level)) + "' is missing");
        }
    }
    if (std::fabs(mSum - 1.0) > kSumTolerance) {
        json::fail(origin, where + ": the levels' m must sum to 1 (they sum to " + std::to_string(mSum) + ")");
    }
    if (std::fabs(uSum - 1.0) > kSumTolerance) {
        json::fail(origin, where + ": the levels' u must sum to 1 (they sum to " + std::to_string(uSum) + ")");
    }
    return out;
}

} // namespace

MatchModel MatchModel::load(const std::filesystem::path& file)
{
    return fromJson(json::readTextFile(file), file.string());
}

MatchModel MatchModel::fromJson(std::string_view text, std::string_view origin)
{
    const nlohmann::json doc = json::parseTopLevel(text, origin);
    json::rejectUnknownKeys(doc,
                            {"kind", "format", "version", "description", "prior", "threshold", "similarity",
                             "termFrequency", "blocking", "fields", "nicknames"},
                            origin, "top level");
    MatchModel model;
    model.m_version = json::checkHeader(doc, origin, kKind);
    model.m_description = json::requireString(doc, "description", origin, "top level");

    const auto& prior = requireObject(doc, "prior", origin, "top level");
    json::rejectUnknownKeys(prior, {"probabilityTwoRecordsMatch", "forRecords", "source"}, origin, "prior");
    model.m_prior = requireProbability(prior, "probabilityTwoRecordsMatch", origin, "prior");
    if (json::findValue(prior, "forRecords") != nullptr) {
        model.m_priorRecords =
            static_cast<std::size_t>(json::requireWholeNumber(prior, "forRecords", 2, 100'000'000, origin, "prior"));
    }
    model.m_priorSource = json::requireString(prior, "source", origin, "prior");

    const auto& threshold = requireObject(doc, "threshold", origin, "top level");
    json::rejectUnknownKeys(threshold, {"probability", "source"}, origin, "threshold");
    model.m_threshold = requireProbability(threshold, "probability", origin, "threshold");
    model.m_thresholdSource = json::requireString(threshold, "source", origin, "threshold");

    const auto& similarity = requireObject(doc, "similarity", origin, "top level");
    json::rejectUnknownKeys(similarity, {"jaroWinklerHigh", "jaroWinklerMedium", "source"}, origin, "similarity");
    model.m_jwHigh = requireProbability(similarity, "jaroWinklerHigh", origin, "similarity");
    model.m_jwMedium = requireProbability(similarity, "jaroWinklerMedium", origin, "similarity");
    model.m_similaritySource = json::requireString(similarity, "source", origin, "similarity");
    if (model.m_jwMedium >= model.m_jwHigh) {
        json::fail(origin, "similarity: 'jaroWinklerMedium' must be below 'jaroWinklerHigh'");
    }

    const auto& tf = requireObject(doc, "termFrequency", origin, "top level");
    json::rejectUnknownKeys(tf, {"fields", "minimumU", "minimumValues", "source"}, origin, "termFrequency");
    for (const auto& code : json::requireCodeList(tf, "fields", origin, "termFrequency")) {
        const auto field = fieldFromCode(code);
        if (!field || (*field != Field::FamilyName && *field != Field::GivenName)) {
            json::fail(origin, "termFrequency: 'fields': '" + code + "' is not a name field (familyName, givenName)");
        }
        model.m_tfFields.push_back(*field);
    }
    model.m_tfMinimumU = requireProbability(tf, "minimumU", origin, "termFrequency");
    model.m_tfMinimumValues =
        static_cast<std::size_t>(json::requireWholeNumber(tf, "minimumValues", 1, 10'000'000, origin, "termFrequency"));
    model.m_tfSource = json::requireString(tf, "source", origin, "termFrequency");

    const auto& blocking = requireObject(doc, "blocking", origin, "top level");
    json::rejectUnknownKeys(blocking, {"maxBlockSize", "splitBlockSize", "source"}, origin, "blocking");
    model.m_maxBlockSize =
        static_cast<std::size_t>(json::requireWholeNumber(blocking, "maxBlockSize", 2, 1'000'000, origin, "blocking"));
    model.m_splitBlockSize = model.m_maxBlockSize;
    if (json::findValue(blocking, "splitBlockSize") != nullptr) {
        // At least 2 and at most maxBlockSize: a split block is never smaller than a pair, and a block above the cap
        // is not used at all.
        model.m_splitBlockSize = static_cast<std::size_t>(json::requireWholeNumber(
            blocking, "splitBlockSize", 2, static_cast<int>(model.m_maxBlockSize), origin, "blocking"));
    }
    model.m_blockingSource = json::requireString(blocking, "source", origin, "blocking");

    const auto& fields = json::requireNonEmptyArray(doc, "fields", origin, "top level");
    std::array<bool, 10> seen{};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto& item = fields[i];
        const std::string at = "fields[" + std::to_string(i) + "]";
        if (!item.is_object()) {
            json::fail(origin, at + ": must be an object");
        }
        json::rejectUnknownKeys(item, {"field", "levels"}, origin, at);
        const std::string code = json::requireString(item, "field", origin, at);
        const auto field = fieldFromCode(code);
        if (!field) {
            json::fail(origin, at + ": unknown field '" + code + "'");
        }
        if (seen[indexOf(*field)]) {
            json::fail(origin, at + ": field '" + code + "' is given twice");
        }
        seen[indexOf(*field)] = true;
        model.m_fields[indexOf(*field)] = readLevels(item, *field, origin, at + " (" + code + ")");
    }
    for (const Field field : allFields()) {
        if (!seen[indexOf(field)]) {
            json::fail(origin, "fields: field '" + std::string(fieldCode(field)) + "' is missing");
        }
    }
    if (json::findValue(doc, "nicknames") != nullptr) {
        model.readNicknames(requireObject(doc, "nicknames", origin, "top level"), origin);
    }
    model.computeWeights();
    return model;
}

void MatchModel::readNicknames(const nlohmann::json& object, std::string_view origin)
{
    json::rejectUnknownKeys(object, {"groups", "source"}, origin, "nicknames");
    m_nicknameSource = json::requireString(object, "source", origin, "nicknames");
    const auto& groups = json::requireNonEmptyArray(object, "groups", origin, "nicknames");
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::string at = "nicknames: groups[" + std::to_string(g) + "]";
        if (!groups[g].is_array() || groups[g].size() < 2) {
            json::fail(origin, at + ": must be a list of at least two names, the formal name first");
        }
        std::vector<std::string> names;
        for (std::size_t i = 0; i < groups[g].size(); ++i) {
            const auto& item = groups[g][i];
            const std::string where = at + "[" + std::to_string(i) + "]";
            if (!item.is_string()) {
                json::fail(origin, where + ": must be a name");
            }
            const auto name = item.get<std::string>();
            if (name.empty() || normaliseName(name) != name || name.find(' ') != std::string::npos) {
                json::fail(origin, where + ": '" + name +
                                       "' must be one name written as the engine normalises it "
                                       "(lower case, no accents or punctuation)");
            }
            if (std::find(names.begin(), names.end(), name) != names.end()) {
                json::fail(origin, where + ": '" + name + "' is given twice in the group");
            }
            names.push_back(name);
        }
        for (const auto& name : names) {
            m_nicknameIndex[name].push_back(m_nicknameGroups.size());
        }
        m_nicknameGroups.push_back(std::move(names));
    }
}

void MatchModel::computeWeights()
{
    for (const Field field : allFields()) {
        double best = 0.0;
        for (const auto& p : m_fields[indexOf(field)]) {
            const double w = std::log2(p.m / p.u);
            m_weights[indexOf(field)][static_cast<std::size_t>(p.level)] = w;
            best = std::max(best, w);
            if (p.level == Level::Exact && termFrequencyFor(field)) {
                best = std::max(best, std::log2(p.m / m_tfMinimumU));
            }
        }
        m_maxWeights[indexOf(field)] = best;
    }
}

std::string MatchModel::toJson() const
{
    nlohmann::json doc;
    doc["kind"] = kKind;
    doc["format"] = 1;
    doc["version"] = m_version;
    doc["description"] = m_description;
    doc["prior"] = {{"probabilityTwoRecordsMatch", m_prior}, {"source", m_priorSource}};
    if (m_priorRecords != 0) {
        doc["prior"]["forRecords"] = m_priorRecords;
    }
    doc["threshold"] = {{"probability", m_threshold}, {"source", m_thresholdSource}};
    doc["similarity"] = {
        {"jaroWinklerHigh", m_jwHigh}, {"jaroWinklerMedium", m_jwMedium}, {"source", m_similaritySource}};
    nlohmann::json tfFields = nlohmann::json::array();
    for (const Field field : m_tfFields) {
        tfFields.push_back(fieldCode(field));
    }
    doc["termFrequency"] = {
        {"fields", tfFields}, {"minimumU", m_tfMinimumU}, {"minimumValues", m_tfMinimumValues}, {"source", m_tfSource}};
    doc["blocking"] = {{"maxBlockSize", m_maxBlockSize}, {"source", m_blockingSource}};
    if (m_splitBlockSize != m_maxBlockSize) {
        doc["blocking"]["splitBlockSize"] = m_splitBlockSize;
    }
    nlohmann::json fields = nlohmann::json::array();
    for (const Field field : allFields()) {
        nlohmann::json levels = nlohmann::json::array();
        for (const auto& p : m_fields[indexOf(field)]) {
            levels.push_back({{"level", levelCode(p.level)}, {"m", p.m}, {"u", p.u}, {"source", p.source}});
        }
        fields.push_back({{"field", fieldCode(field)}, {"levels", levels}});
    }
    doc["fields"] = fields;
    if (!m_nicknameGroups.empty()) {
        doc["nicknames"] = {{"groups", m_nicknameGroups}, {"source", m_nicknameSource}};
    }
    return doc.dump(2) + "\n";
}

double MatchModel::priorWeight() const noexcept
{
    return std::log2(m_prior / (1.0 - m_prior));
}

double MatchModel::priorProbabilityFor(std::size_t records) const noexcept
{
    if (m_priorRecords == 0 || records <= m_priorRecords) {
        return m_prior;
    }
    return m_prior * static_cast<double>(m_priorRecords - 1) / static_cast<double>(records - 1);
}

double MatchModel::priorWeightFor(std::size_t records) const noexcept
{
    const double prior = priorProbabilityFor(records);
    return std::log2(prior / (1.0 - prior));
}

bool MatchModel::areNicknames(const std::string& a, const std::string& b) const
{
    const auto ia = m_nicknameIndex.find(a);
    if (ia == m_nicknameIndex.end()) {
        return false;
    }
    const auto ib = m_nicknameIndex.find(b);
    if (ib == m_nicknameIndex.end()) {
        return false;
    }
    return std::find_first_of(ia->second.begin(), ia->second.end(), ib->second.begin(), ib->second.end()) !=
           ia->second.end();
}

std::vector<std::string> MatchModel::formalNamesOf(const std::string& name) const
{
    std::vector<std::string> out;
    if (const auto it = m_nicknameIndex.find(name); it != m_nicknameIndex.end()) {
        for (const std::size_t g : it->second) {
            out.push_back(m_nicknameGroups[g].front());
        }
    }
    return out;
}

bool MatchModel::termFrequencyFor(Field field) const noexcept
{
    return std::find(m_tfFields.begin(), m_tfFields.end(), field) != m_tfFields.end();
}

const LevelParameters& MatchModel::parameters(Field field, Level level) const
{
    for (const auto& p : m_fields[indexOf(field)]) {
        if (p.level == level) {
            return p;
        }
    }
    throw Error(ErrorCode::ReferenceData, "match model: field '" + std::string(fieldCode(field)) + "' has no level '" +
                                              std::string(levelCode(level)) + "'");
}

double MatchModel::weight(Field field, Level level) const
{
    if (level == Level::NotCompared) {
        return 0.0;
    }
    const double w = m_weights[indexOf(field)][static_cast<std::size_t>(level)];
    if (w == 0.0) {
        (void)parameters(field, level); // throws when the field does not use the level
    }
    return w;
}

void MatchModel::setU(Field field, Level level, double u, const std::string& source)
{
    for (auto& p : m_fields[indexOf(field)]) {
        if (p.level == level) {
            p.u = u;
            p.source = source;
            computeWeights();
            return;
        }
    }
    throw Error(ErrorCode::ReferenceData, "match model: field '" + std::string(fieldCode(field)) + "' has no level '" +
                                              std::string(levelCode(level)) + "'");
}

} // namespace wb::core::matching
