// SPDX-License-Identifier: GPL-3.0-or-later
// The Victims' Code record of one victim: every right in the list's order with its entries, and the opt-out.
#include <gtest/gtest.h>

#include <string>

#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceList.h"
#include "core/victim/VictimsCodeRecord.h"

using namespace wb::core;

namespace {

const ReferenceList& rights()
{
    static const ReferenceList list = ReferenceList::fromJson(R"({"kind": "victims-code-rights", "version": "t1",
        "source": "fictional test list", "items": [
        {"code": "r01", "label": "Right 1", "source": "fictional", "confirmed": true, "examples": "An interpreter"},
        {"code": "r04", "label": "Right 4", "source": "fictional", "confirmed": true, "examples": "A referral"},
        {"code": "r06", "label": "Right 6", "source": "fictional", "confirmed": true}]})",
                                                              "test", "victims-code-rights");
    return list;
}

Record
entry(std::int64_t id, std::int64_t victim, const std::string& code, const std::string& on, const std::string& action)
{
    Record r;
    r.spec = &recordSpec(recordtype::kVictimRight);
    r.id = id;
    r.values = {{"victim_id", std::to_string(victim)}, {"right_code", code}, {"done_on", on}, {"action", action}};
    return r;
}

TEST(VictimsCodeRecordTest, everyRightInTheListsOrderWithThisVictimsEntriesEarliestFirst)
{
    const std::vector<Record> entries{
        entry(1, 7, "r04", "2026-03-02", "Fictional: referred to the ISVA service."),
        entry(2, 7, "r01", "2026-03-05", "Fictional: interpreter booked again."),
        entry(3, 8, "r01", "2026-03-01", "Fictional: another victim's entry."),
        entry(4, 7, "r01", "2026-03-01", "Fictional: interpreter booked."),
        entry(5, 7, "r99", "2026-03-01", "Fictional: a right the list does not have."),
    };
    const auto code = victim::victimsCodeRecord(entries, rights(), 7, true);
    ASSERT_EQ(code.rights.size(), 3U);
    EXPECT_EQ(code.rights[0].code, "r01");
    EXPECT_EQ(code.rights[0].label, "Right 1");
    EXPECT_EQ(code.rights[0].examples, "An interpreter");
    ASSERT_EQ(code.rights[0].entries.size(), 2U) << "only victim 7's";
    EXPECT_EQ(code.rights[0].entries[0].id, 4) << "earliest done first";
    EXPECT_EQ(code.rights[0].entries[1].id, 2);
    ASSERT_EQ(code.rights[1].entries.size(), 1U);
    EXPECT_TRUE(code.rights[2].entries.empty()) << "a right with nothing recorded is still listed";
    EXPECT_TRUE(code.enhancedRights);
    EXPECT_FALSE(code.optOut) << "no opt-out is looked for while enhanced rights are on";
}

TEST(VictimsCodeRecordTest, anOptOutIsFoundUnderRightFourOnlyWhenEnhancedRightsAreOff)
{
    const std::vector<Record> entries{
        entry(1, 7, "r04", "2026-03-02", "Fictional: the victim OPTED OUT of enhanced rights by phone."),
        entry(2, 7, "r04", "2026-03-04", "Fictional: referred to support."),
        entry(3, 7, "r06", "2026-03-05", "Fictional: opted out of enhanced rights (recorded under the wrong right)."),
    };
    auto code = victim::victimsCodeRecord(entries, rights(), 7, false);
    EXPECT_FALSE(code.enhancedRights);
    ASSERT_TRUE(code.optOut);
    EXPECT_EQ(code.optOut->id, 1) << "only a Right 4 entry records the opt-out";

    code = victim::victimsCodeRecord({entries[1]}, rights(), 7, false);
    EXPECT_FALSE(code.optOut) << "enhanced rights off without an opt-out entry: the record is incomplete";

    const Record marked = entry(9, 7, "r04", "2026-03-06", "Hunan ddewis: fictional local words");
    EXPECT_TRUE(victim::isOptOutEntry(marked, "hunan ddewis")) << "the interface's own marker, any case";
    EXPECT_FALSE(victim::isOptOutEntry(marked));
}

} // namespace
