// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "core/export/PoleView.h"

/// The POLE view as two CSV files, by the column spec resources/exports/pole-csv-v1.md: "entities" (one row per
/// entity, so that none without a link is lost) and "links" (one row per link: entity 1 – link – entity 2, the
/// shape i2 Analyst's Notebook's import wizard reads). UTF-8, RFC 4180, formula-safe (CsvWriter).
namespace wb::core::exports {

/// The spec's version, in the spec_version column of every row.
inline constexpr const char* PoleCsvVersion = "pole-csv/1";

/// The header rows, in column order (the spec's tables list the same names in the same order).
const std::vector<std::string>& poleEntityColumns();
const std::vector<std::string>& poleLinkColumns();

struct PoleCsv {
    std::string entities;
    std::string links;
    std::size_t entityRows = 0;
    std::size_t linkRows = 0;
};

PoleCsv toCsv(const PoleView& view);

} // namespace wb::core::exports
