// SPDX-License-Identifier: GPL-3.0-or-later
// A person's matching details as one short stable value: stored with every match decision, so that a pair decided
// "different people" is proposed again once either person's details change (core/suspects/Decisions).
#pragma once

#include <string>
#include <string_view>

#include "core/matching/MatchTypes.h"

namespace wb::core::matching {

/// The scheme of the fingerprints this build writes: the prefix of every fingerprint ("1:"). A later scheme gets
/// a new number, so a fingerprint written by an older one can still be told apart (and recomputed with it).
inline constexpr std::string_view FingerprintScheme = "1";

/// "1:" and 64 lower-case hex digits: a BLAKE2b-256 hash (libsodium's generic hash) of the details matching
/// compares — given and family name, date of birth, age in years, and the aliases, phones, emails, handles,
/// vehicles, addresses and police ids — each normalised so that retyping the same value does not change it
/// (white space, letter case, punctuation in names and addresses; a phone's spacing and +44/0044 prefix; a
/// handle's "@"; a registration's spaces), and each list taken as a set (order and repeats do not count).
/// Not part of it: the record's ids, case, role and the day its age was true (ageOnDate moves with every save).
/// The normalisation is this file's own and fixed for the scheme: a change to the matching model's
/// normalisation does not change stored fingerprints (which would re-propose every pair decided different).
/// Encoding: the domain string "rasso-workbench person fingerprint v1", then per detail its name, the number of
/// values and each value, every item preceded by its length as 8 bytes big-endian. Deterministic, Qt-free; the hash is
/// of personal data and is stored only inside the encrypted workspace.
std::string fingerprint(const PersonRecord& record);

} // namespace wb::core::matching
