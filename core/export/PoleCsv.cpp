// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/PoleCsv.h"

#include "core/Error.h"
#include "core/export/CsvWriter.h"
#include "core/export/RecordedDate.h"

namespace wb::core::exports {

namespace {

std::string precisionText(const ApproxDate& date)
{
    return std::string(toString(date.precision));
}

/// date, time, date_as_recorded, date_precision, date_from, date_to
void appendDate(std::vector<std::string>& row, const ApproxDate& date)
{
    const auto single = singleDate(date);
    row.push_back(single.date);
    row.push_back(single.time);
    row.push_back(date.precision == ApproxDate::Precision::Unknown ? std::string() : asRecorded(date));
    row.push_back(date.precision == ApproxDate::Precision::Unknown ? std::string() : precisionText(date));
    row.push_back(date.from);
    row.push_back(date.to);
}

} // namespace

const std::vector<std::string>& poleEntityColumns()
{
    static const std::vector<std::string> columns = {"entity_id", "pole_class",       "entity_type",    "label",
                                                     "role",      "date_of_birth",    "description",    "date",
                                                     "time",      "date_as_recorded", "date_precision", "date_from",
                                                     "date_to",   "case_reference",   "source_record",  "spec_version"};
    return columns;
}

const std::vector<std::string>& poleLinkColumns()
{
    static const std::vector<std::string> columns = {
        "link_id",   "entity1_id",     "entity1_class",         "entity1_type",        "entity1_label",  "entity1_role",
        "link_type", "entity2_id",     "entity2_class",         "entity2_type",        "entity2_label",  "entity2_role",
        "link_date", "link_time",      "link_date_as_recorded", "link_date_precision", "link_date_from", "link_date_to",
        "link_note", "case_reference", "source_record",         "spec_version"};
    return columns;
}

PoleCsv toCsv(const PoleView& view)
{
    CsvWriter entities(poleEntityColumns());
    for (const auto& e : view.entities) {
        std::vector<std::string> row = {
            e.id, std::string(toString(e.poleClass)), e.type, e.label, e.role, e.dateOfBirth, e.description};
        appendDate(row, e.date);
        row.insert(row.end(), {view.caseReference, e.sourceUuid, PoleCsvVersion});
        entities.addRow(row);
    }
    CsvWriter links(poleLinkColumns());
    std::size_t n = 0;
    for (const auto& l : view.links) {
        const auto* from = view.find(l.fromId);
        const auto* to = view.find(l.toId);
        if (from == nullptr || to == nullptr) {
            throw Error(ErrorCode::Storage, "a link of the POLE view names an entity it does not hold");
        }
        std::vector<std::string> row = {"link:" + std::to_string(++n),
                                        from->id,
                                        std::string(toString(from->poleClass)),
                                        from->type,
                                        from->label,
                                        from->role,
                                        l.type,
                                        to->id,
                                        std::string(toString(to->poleClass)),
                                        to->type,
                                        to->label,
                                        to->role};
        appendDate(row, l.date);
        row.insert(row.end(), {l.note, view.caseReference, l.sourceUuid, PoleCsvVersion});
        links.addRow(row);
    }
    return PoleCsv{entities.text(), links.text(), entities.rows(), links.rows()};
}

} // namespace wb::core::exports
