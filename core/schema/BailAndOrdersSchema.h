// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::schema {

/// Issue 14 (bail and orders): the arrest date of a bail record (the bail period counts from the day
/// after it), the designation date of an exceptionally complex case's extension, the periods on bail
/// awaiting a CPS charging decision (PACE s.37(7)(a), outside the time limits by s.47ZL), and the
/// orders and notices of a case (DVPN/DVPO, DAPN/DAPO, SRO, SHPO, SPO, non-molestation, bail
/// conditions), each with the due-list triggers. One migration's SQL (core/schema/Migrations.cpp).
extern const std::string_view BailAndOrdersSchema;

} // namespace wb::core::schema
