// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/GuardrailSchema.h"

namespace wb::core::schema {

// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
constexpr std::string_view GuardrailSchema = R"sql(
-- A third-party material request is an intrusive enquiry: reviewed by a supervisor like a tracked one.
-- Requests recorded before this version have no review ('pending'), so a request not yet sent needs one.
ALTER TABLE tpm_requests ADD COLUMN supervisor_review TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE tpm_requests ADD COLUMN supervisor_name TEXT;
ALTER TABLE tpm_requests ADD COLUMN supervisor_rank TEXT;
ALTER TABLE tpm_requests ADD COLUMN supervisor_reviewed_at TEXT;
-- Before outcome 16: whether evidence-led prosecution (without the victim's support) was considered, and why.
ALTER TABLE victim_wishes ADD COLUMN evidence_led_considered TEXT;
ALTER TABLE victim_wishes ADD COLUMN evidence_led_rationale TEXT;
)sql";

} // namespace wb::core::schema
