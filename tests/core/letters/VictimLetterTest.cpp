// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a victim letter from the case, and logging it as a contact when sent. Fictional data.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "core/Error.h"
#include "core/catalogues/Catalogues.h"
#include "core/letters/VictimLetter.h"
#include "core/reports/ReportCaseFixture.h"
#include "core/victim/RightToReview.h"
#include "support/ManualClock.h"

using namespace wb;
using namespace wb::core;
using namespace wb::core::letters;

namespace {

const std::vector<LetterTemplate>& shipped()
{
    static const auto all = loadLetters(std::filesystem::path(WB_RESOURCES_DIR) / "letters");
    return all;
}

const LetterTemplate& letter(const std::string& occasion)
{
    const auto it =
        std::find_if(shipped().begin(), shipped().end(), [&](const auto& l) { return l.occasion == occasion; });
    EXPECT_NE(it, shipped().end()) << occasion;
    return *it;
}

class VictimLetterTest : public test::ReportCaseFixture
{
protected:
    std::shared_ptr<test::ManualClock> clock =
        std::make_shared<test::ManualClock>(test::ManualClock::at(2026, 11, 30, 10));
    Person victim;
    Person suspect;

    void SetUp() override
    {
        ReportCaseFixture::SetUp();
        ws->setClock(clock);
        for (const auto& p : ws->people().listForCase(theCase.id)) {
            if (p.role == PersonRole::Victim) {
                victim = p;
            } else if (p.role == PersonRole::Suspect) {
                suspect = p;
            }
        }
    }

    Record add(std::string_view type, std::int64_t parent, const Values& values)
    {
        return ws->records().add(recordSpec(type), parent, values);
    }
    Record caseEvent(const std::string& kind, const std::string& at)
    {
        return add(recordtype::kCaseEvent, theCase.id, {{"kind", kind}, {"occurred_at", at}});
    }
    Record bailRecord(const std::string& kind)
    {
        Values v{{"suspect_id", std::to_string(suspect.id)}, {"kind", kind}, {"start_date", "2026-11-02"}};
        if (kind == "bail") {
            v["arrested_on"] = "2026-11-01";
        }
        return add(recordtype::kBail, theCase.id, v);
    }
};

TEST_F(VictimLetterTest, listsTheEventsALetterTellsOfNewestFirstAndTheLettersForEach)
{
    const Record arrest = caseEvent("arrest", "2026-11-01T09:00:00Z");
    caseEvent("hearing-notice-received", "2026-11-20T09:00:00Z"); // no letter tells of it
    const Record bail = bailRecord("bail");
    const Record nfa = caseEvent("no-further-action", "2026-11-25T15:00:00Z");
    const auto events = eventsForLetters(*ws, theCase.id, victim.id, shipped());
    ASSERT_EQ(events.size(), 3U);
    EXPECT_EQ(events[0].id, nfa.id);
    EXPECT_EQ(events[1].id, bail.id);
    EXPECT_EQ(events[2].id, arrest.id);
    const auto forBail = lettersAbout(shipped(), bail);
    ASSERT_EQ(forBail.size(), 1U);
    EXPECT_EQ(forBail[0]->occasion, "released-on-bail");
    EXPECT_EQ(eventDate(arrest), "01/11/2026");
    EXPECT_EQ(eventDate(bail), "02/11/2026");
}

TEST_F(VictimLetterTest, aNoFurtherActionLetterGivesTheReviewWindowAndIsLoggedAsVrrInformation)
{
    const Record nfa = caseEvent("no-further-action", "2026-11-25T15:00:00Z");
    const auto written = writeLetter(*ws, theCase.id, victim.id, letter("no-further-action"), nfa, clock->now());
    std::string all;
    for (const auto& p : written.paragraphs) {
        all += p + "\n";
    }
    EXPECT_NE(all.find("Dear Vivian Example,"), std::string::npos) << all;
    EXPECT_NE(all.find(Reference), std::string::npos);
    EXPECT_NE(all.find("On 25/11/2026 we decided"), std::string::npos) << all;
    EXPECT_NE(all.find("ask by 28/02/2027"), std::string::npos) << "three months from 30 November: 28 February\n"
                                                                << all;
    EXPECT_NE(all.find("DC Fictional Tester"), std::string::npos);
    EXPECT_EQ(all.find("{{"), std::string::npos);

    const Record contact = recordLetterSent(*ws, theCase.id, written, clock->now());
    EXPECT_EQ(contact.get("method"), "letter");
    EXPECT_EQ(contact.get("purpose"), "vrr-information");
    EXPECT_EQ(contact.get("victim_id"), std::to_string(victim.id));
    EXPECT_NE(contact.get("explained").find("no-further-action, version"), std::string::npos);
    EXPECT_TRUE(victim::rightToReviewEligibility(ws->records(), theCase.id, victim.id).informationGivenAt)
        << "the letter meets the VRR information";
}

TEST_F(VictimLetterTest, aBailLetterGivesTheCurrentEndAndRecordsTheEventItExplained)
{
    const Record bail = bailRecord("bail");
    const auto first = writeLetter(*ws, theCase.id, victim.id, letter("released-on-bail"), bail, clock->now());
    std::string text;
    for (const auto& p : first.paragraphs) {
        text += p;
    }
    EXPECT_NE(text.find("until 01/02/2027"), std::string::npos) << "3 months beginning with 2 November\n" << text;
    add(recordtype::kBailExtension, bail.id,
        {{"extension", "extension-1"},
         {"new_end", "2027-05-01"},
         {"authorised_by", "Insp Fictional"},
         {"authorised_rank", "inspector"},
         {"authorised_on", "2026-11-29"}});
    const auto extended = writeLetter(*ws, theCase.id, victim.id, letter("released-on-bail"), bail, clock->now());
    text.clear();
    for (const auto& p : extended.paragraphs) {
        text += p;
    }
    EXPECT_NE(text.find("until 01/05/2027"), std::string::npos) << text;
    const Record contact = recordLetterSent(*ws, theCase.id, extended, clock->now());
    EXPECT_EQ(contact.get("purpose"), "event-notification");
    EXPECT_EQ(contact.get("explained_events"), bail.uuid);
}

TEST_F(VictimLetterTest, refusesTheWrongPersonTheWrongEventAndAMissingEndWithoutWriting)
{
    const Record arrest = caseEvent("arrest", "2026-11-01T09:00:00Z");
    try {
        writeLetter(*ws, theCase.id, suspect.id, letter("arrest"), arrest, clock->now());
        FAIL() << "a letter was written to the suspect";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
        EXPECT_EQ(e.field(), "victim");
    }
    try {
        writeLetter(*ws, theCase.id, victim.id, letter("charged"), arrest, clock->now());
        FAIL() << "a charge letter was written about an arrest";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "event");
    }
    const Record rui = bailRecord("rui");
    try {
        // A template that asks for a bail end of a release under investigation, which has none.
        LetterTemplate asking = letter("released-under-investigation");
        asking.paragraphs.push_back("Ends {{bail.endDate}}.");
        writeLetter(*ws, theCase.id, victim.id, asking, rui, clock->now());
        FAIL() << "a letter was written without its bail end";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "bail.endDate");
    }
}

} // namespace
