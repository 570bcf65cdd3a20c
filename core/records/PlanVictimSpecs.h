// SPDX-License-Identifier: GPL-3.0-or-later
// The plan and victim specs: lines of enquiry and plan snapshots (issue 4), case events, contact plans, contacts,
// Victims' Code rights, ISVA referrals and the victim's wishes (issue 5) (listed in order by RecordSpecs.cpp).
#pragma once

#include "core/records/RecordSpec.h"

namespace wb::core::specs {

RecordSpec enquirySpec();
RecordSpec planSnapshotSpec();
RecordSpec caseEventSpec();
RecordSpec contactPlanSpec();
RecordSpec contactSpec();
RecordSpec victimRightSpec();
RecordSpec isvaReferralSpec();
RecordSpec victimWishSpec();

} // namespace wb::core::specs
