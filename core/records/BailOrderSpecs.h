// SPDX-License-Identifier: GPL-3.0-or-later
// The bail and order specs: pre-charge bail and RUI, bail extensions and pauses, RUI reviews, orders and notices
// (listed in order by RecordSpecs.cpp).
#pragma once

#include "core/records/RecordSpec.h"

namespace wb::core::specs {

RecordSpec bailSpec();
RecordSpec bailExtensionSpec();
RecordSpec bailPauseSpec();
RecordSpec ruiReviewSpec();
RecordSpec orderSpec();

} // namespace wb::core::specs
