// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/suspects/FebrlFile.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <istream>
#include <unordered_set>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/CaseDetails.h"
#include "core/domain/Text.h"
#include "core/matching/Evaluation.h"
#include "core/people/People.h"
#include "core/store/WriteScope.h"

namespace wb::core::suspects {

namespace {

constexpr std::size_t FieldCount = 11;

Error badLine(std::size_t line, const std::string& problem)
{
    const std::string where = "line " + std::to_string(line);
    return Error(ErrorCode::Validation, where + ": " + problem, where);
}

std::vector<std::string> split(std::string_view text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find(", ", start);
        if (at == std::string_view::npos) {
            out.push_back(trimmed(std::string(text.substr(start))));
            return out;
        }
        out.push_back(trimmed(std::string(text.substr(start, at - start))));
        start = at + 2;
    }
}

bool allDigits(std::string_view text)
{
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

std::string joined(const std::vector<std::string>& parts, const char* separator)
{
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) {
            continue;
        }
        if (!out.empty()) {
            out += separator;
        }
        out += part;
    }
    return out;
}

} // namespace

FebrlFile FebrlFile::parse(std::istream& in)
{
    FebrlFile file;
    std::unordered_set<std::string> seen;
    std::string text;
    std::size_t line = 0;
    while (std::getline(in, text)) {
        ++line;
        if (!text.empty() && text.back() == '\r') {
            text.pop_back();
        }
        if (line == 1) {
            if (text != Header) {
                throw badLine(line, "the header is not the FEBRL header (rec_id, given_name, surname, ...)");
            }
            continue;
        }
        if (trimmed(text).empty()) {
            continue;
        }
        const auto values = split(text);
        if (values.size() != FieldCount) {
            throw badLine(line, "expected " + std::to_string(FieldCount) + " values separated by \", \", found " +
                                    std::to_string(values.size()));
        }
        if (!matching::Evaluation::entityOf(values[0])) {
            throw badLine(line, "the record id is not of the form rec-N-org or rec-N-dup-K");
        }
        if (!seen.insert(values[0]).second) {
            throw badLine(line, "the record id " + values[0] + " was used on an earlier line");
        }
        file.m_rows.push_back(FebrlRow{line, values[0], values[1], values[2], values[3], values[4], values[5],
                                       values[6], values[7], values[8], values[9], values[10]});
    }
    if (line == 0) {
        throw badLine(1, "the file is empty: the FEBRL header is missing");
    }
    return file;
}

FebrlFile FebrlFile::read(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw Error(ErrorCode::FileNotFound, "the FEBRL file does not exist");
    }
    std::ifstream in(path);
    if (!in) {
        throw Error(ErrorCode::Io, "the FEBRL file cannot be read");
    }
    auto file = parse(in);
    if (in.bad()) {
        throw Error(ErrorCode::Io, "reading the FEBRL file failed");
    }
    return file;
}

std::string FebrlFile::address(const FebrlRow& row)
{
    return joined({joined({row.streetNumber, row.address1}, " "), row.address2, row.suburb,
                   joined({row.state, row.postcode}, " ")},
                  ", ");
}

std::optional<std::string> FebrlFile::dateOfBirth(const FebrlRow& row)
{
    const std::string& d = row.dateOfBirth;
    if (d.size() != 8 || !allDigits(d)) {
        return std::nullopt;
    }
    const int y = std::stoi(d.substr(0, 4));
    const auto m = static_cast<unsigned>(std::stoi(d.substr(4, 2)));
    const auto day = static_cast<unsigned>(std::stoi(d.substr(6, 2)));
    if (!std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}}.ok()) {
        return std::nullopt;
    }
    return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

FebrlFile::Loaded FebrlFile::writeTo(Workspace& workspace, const std::string& offence) const
{
    Loaded loaded;
    loaded.personIds.reserve(m_rows.size());
    const std::string today = toIsoUtc(workspace.clock().now()).substr(0, 10);
    store::WriteScope tx(workspace.connectionForImport());
    for (const auto& row : m_rows) {
        CaseDraft caseDraft;
        caseDraft.reference = "FEBRL/" + row.recordId;
        caseDraft.primaryOffence = offence;
        caseDraft.reportedAt = workspace.clock().now();
        const Case created = cases::create(workspace, caseDraft);

        PersonDraft person;
        person.caseId = created.id;
        person.role = PersonRole::Suspect;
        person.givenName = row.givenName;
        person.familyName = row.surname;
        if (person.givenName.empty() && person.familyName.empty()) {
            person.familyName = "Unknown"; // the workbench's word for a person whose name is not known
            ++loaded.unnamed;
        }
        person.dateOfBirth = dateOfBirth(row);
        if (person.dateOfBirth && *person.dateOfBirth > today) {
            person.dateOfBirth.reset();
        }
        if (!person.dateOfBirth && !row.dateOfBirth.empty()) {
            ++loaded.invalidDates;
        }
        const Person added = people::add(workspace.people(), person);
        if (const auto where = address(row); !where.empty()) {
            people::addIdentifier(workspace, added.id, {"address", where, {}});
        }
        if (!row.socSecId.empty()) {
            people::addIdentifier(workspace, added.id, {"police-id", row.socSecId, {}});
        }
        loaded.personIds.push_back(added.id);
    }
    tx.commit();
    return loaded;
}

} // namespace wb::core::suspects
