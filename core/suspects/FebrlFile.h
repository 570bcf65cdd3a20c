// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching (issue 16): a file in the FEBRL record-linkage format (tests/data/febrl/README.md), read
// into rows and written into a workspace as persons, so that the engine can be measured on labelled data
// (`match-eval` loads it into a temporary workspace). The data is synthetic: no real person is in these files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core {
class Workspace;
} // namespace wb::core

namespace wb::core::suspects {

/// One record of the file, its values trimmed, as written (empty where the file has nothing).
struct FebrlRow {
    std::size_t line = 0; ///< 1-based line in the file (the header is line 1)
    std::string recordId; ///< rec-N-org or rec-N-dup-K (core/matching/Evaluation.h)
    std::string givenName;
    std::string surname;
    std::string streetNumber;
    std::string address1;
    std::string address2;
    std::string suburb;
    std::string postcode;
    std::string state;
    std::string dateOfBirth; ///< YYYYMMDD as written, possibly not a real date
    std::string socSecId;
};

class FebrlFile
{
public:
    /// The first line every file must have exactly.
    static constexpr std::string_view Header = "rec_id, given_name, surname, street_number, address_1, address_2, "
                                               "suburb, postcode, state, date_of_birth, soc_sec_id";

    /// Reads the format: values separated by ", ", the header above, then one record a line (blank lines are
    /// skipped, a trailing carriage return is ignored). Throws Error(Validation) whose field names the line
    /// ("line 7") for a wrong header, a wrong number of values, a record id not of the FEBRL form or one used twice.
    static FebrlFile parse(std::istream& in);
    /// The same from a file; Error(FileNotFound) or Error(Io) when it cannot be read.
    static FebrlFile read(const std::filesystem::path& path);

    const std::vector<FebrlRow>& rows() const noexcept { return m_rows; }

    /// "street_number address_1, address_2, suburb, state postcode", leaving out what is empty ("" when all is).
    static std::string address(const FebrlRow& row);
    /// The date of birth as "YYYY-MM-DD"; std::nullopt when empty or not a real calendar date.
    static std::optional<std::string> dateOfBirth(const FebrlRow& row);

    /// What writing the rows into a workspace did.
    struct Loaded {
        std::vector<std::int64_t> personIds; ///< the person written for each row, in rows() order
        std::size_t invalidDates = 0;        ///< dates of birth left out: not a real date, or after today
        std::size_t unnamed = 0;             ///< rows with neither name, written with the family name "Unknown"
    };
    /// Writes every row as a suspect in a case of their own (reference "FEBRL/" + record id, offence `offence`),
    /// with the address and soc_sec_id as identifiers of kinds "address" and "police-id", through the use cases
    /// (core::cases::create, core::people::add, core::people::addIdentifier) in one transaction: all rows or none.
    /// Throws what they throw (Error(Conflict, "reference") when a record was loaded before).
    Loaded writeTo(Workspace& workspace, const std::string& offence = "SOA2003-s1") const;

private:
    std::vector<FebrlRow> m_rows;
};

} // namespace wb::core::suspects
