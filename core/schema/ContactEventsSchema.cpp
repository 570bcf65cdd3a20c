// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/ContactEventsSchema.h"

namespace wb::core::schema {

const std::string_view ContactEventsSchema = R"sql(
-- A contact "telling the victim about an event" records WHICH events it explained (Victims' Code Right 6):
-- the uuids of the case events and bail records, comma-separated (the contact record's field
-- explained_events). It meets the Right 6 items of those events only.
ALTER TABLE contacts ADD COLUMN explained_events TEXT;
-- Contacts recorded before this migration could not say which events they explained: they keep meeting
-- the Right 6 items of the events before them, as they did (resources/nom/DEADLINES.md). Not a field of the
-- record: set here once, 0 for every contact recorded after.
ALTER TABLE contacts ADD COLUMN events_unrecorded INTEGER NOT NULL DEFAULT 0;
UPDATE contacts SET events_unrecorded = 1;
)sql";

} // namespace wb::core::schema
