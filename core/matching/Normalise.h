// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: every value brought to one form before it is compared (issue 16). Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wb::core::matching {

/// A name for comparing: lower case, accents folded to their base letter (é→e, ß→ss, ø→o), punctuation and
/// apostrophes removed ("O'Brien"→"obrien"), hyphens and runs of spaces turned into one space, trimmed.
std::string normaliseName(std::string_view name);

/// A phone number in one form: digits only, a UK number with its leading 0 ("07700900123"); "+44 7700 900123",
/// "0044 7700 900123" and "(07700) 900 123" all give "07700900123". Another country's "+NN…" keeps "00NN…".
/// Empty when fewer than 6 digits remain (not a number).
std::string normalisePhone(std::string_view phone);

/// An email address trimmed and lower-cased; "@googlemail.com" becomes "@gmail.com". Empty without an "@".
std::string normaliseEmail(std::string_view email);

/// An online handle without a leading "@", trimmed and lower-cased.
std::string normaliseHandle(std::string_view handle);

/// A vehicle registration without spaces or hyphens, upper-case ("ab12 cde" → "AB12CDE").
std::string normaliseVehicle(std::string_view registration);

/// A police identifier (PNC id, CRO number, …) without spaces, slashes or hyphens, upper-case.
std::string normalisePoliceId(std::string_view id);

/// A postcode found in an address. For a UK postcode, outward ("SW1A") and inward ("1AA") codes; for another
/// country's (a last token of 3 to 8 letters and digits holding a digit, e.g. "4011"), the whole code in
/// `outward` and an empty `inward`: compared only exactly.
struct Postcode {
    std::string outward;
    std::string inward;
    bool uk = false;
    std::string whole() const { return inward.empty() ? outward : outward + inward; }
};

/// The postcode in free-text address, if any: the last UK postcode in it, else the fallback above.
std::optional<Postcode> findPostcode(std::string_view address);

/// An address for comparing: normalised like a name, with its postcode (when found) removed.
std::string normaliseAddress(std::string_view address);

} // namespace wb::core::matching
