// SPDX-License-Identifier: GPL-3.0-or-later
// The guardrails on recording a case's outcome (issue 14): outcome 16 rests on a withdrawal record, outcomes 15 and
// 16 on a recent supervisory review, and a community resolution (outcome 8) is never recorded for rape.
#pragma once

#include <string_view>

#include "core/domain/Case.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::cases {

/// How recent a supervisory review must be to stand behind outcome 15 or 16: days before the outcome date.
inline constexpr int OutcomeReviewWindowDays = 28;

/// True for the offences of rape: rape, attempted rape and rape of a child under 13 (Sexual Offences Act 2003
/// ss.1 and 5), and rape under the Sexual Offences Act 1956 s.1 for non-recent cases.
bool isRapeOffence(std::string_view offenceCode) noexcept;

/// Checks the outcome a new case is created with: a new case has no records yet, so outcomes 15 and 16 (which need
/// a review and, for 16, a withdrawal record) are refused, and outcome 8 is refused for rape.
/// Throws Error(GuardrailRefused) naming the rule in field() (see checkOutcome).
void checkNewCaseOutcome(const CaseDraft& draft);

/// Checks the outcome of a case about to be saved, against its records, when the outcome code is new or changed
/// (`before` is the stored case). Throws Error(GuardrailRefused) with field():
///  - "outcomeCommunityResolution": outcome 8 on a case with a rape offence (primary or other);
///  - "outcomeWithdrawal": outcome 16 without a victim's current wish recorded as withdrawn;
///  - "outcomeSpokenDirectly": that withdrawal does not record whether the victim was spoken to directly;
///  - "outcomeEvidenceLed": that withdrawal does not record that an evidence-led prosecution was considered;
///  - "outcomeSupervisoryReview": outcome 15 or 16 without a signed-off supervisory review by a sergeant or above,
///    made in the OutcomeReviewWindowDays before the outcome date (for 16, not before the withdrawal record).
void checkOutcome(Workspace& workspace, const Case& edited, const Case& before);

} // namespace wb::core::cases
