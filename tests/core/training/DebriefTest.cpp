// SPDX-License-Identifier: GPL-3.0-or-later
// The debrief of a classroom exercise (issue 17), played headless: each shipped pack twice, once by a suspect-focused
// trainee who follows the model lines and meets each deadline as Today shows it, once by a trainee who makes the
// pack's credibility-focused choices and lets the deadlines run. The debrief must score the first in full with
// nothing flagged, and flag every credibility-focused choice of the second with its learning point. The debrief file
// reads back as written, and the class debrief ranks what the room missed. Fictional data only (the shipped packs).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/deadlines/DeadlineService.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/training/Debrief.h"
#include "core/training/DebriefFile.h"
#include "core/training/Exercise.h"
#include "core/training/PackLoader.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
namespace fs = std::filesystem;
namespace training = core::training;
using namespace std::chrono_literals;

namespace {

const Catalogues& catalogues()
{
    static const auto loaded = Catalogues::loadFrom(WB_RESOURCES_DIR);
    return loaded;
}

std::string packText(const std::string& name)
{
    std::ifstream in(fs::path(WB_RESOURCES_DIR) / "training" / "packs" / (name + ".json"), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

training::PackAttachments packAttachments(const training::ScenarioPack& pack)
{
    return training::readPackAttachments(pack, fs::path(WB_RESOURCES_DIR) / "training" / "packs");
}

/// Plays one trainee through an exercise.
class Trainee
{
public:
    Trainee(Workspace& ws, const training::ScenarioPack& pack)
        : m_ws(ws)
        , m_pack(pack)
    {
        m_caseId = ws.cases().list().at(0).id;
        m_victim = firstWithRole(PersonRole::Victim);
    }

    /// The first person of the case in `role`; 0 when there is none yet (a suspect still to be identified).
    std::int64_t firstWithRole(PersonRole role) const
    {
        for (const auto& person : m_ws.people().listForCase(m_caseId)) {
            if (person.role == role) {
                return person.id;
            }
        }
        return 0;
    }

    Instant now() const { return m_ws.clock().now(); }
    std::string nowText() const { return toIsoUtc(now()); }
    std::string today() const { return plan::londonDate(now()); }
    bool modelDeadline(std::string_view rule) const
    {
        return std::any_of(m_pack.model.deadlines.begin(), m_pack.model.deadlines.end(),
                           [&](const training::ModelDeadline& d) { return d.rule == rule; });
    }

    void accept(const std::string& enquiryId)
    {
        const auto* entry = catalogues().enquiries->find(enquiryId);
        ASSERT_NE(entry, nullptr) << enquiryId;
        plan::AcceptRequest request;
        request.enquiryId = enquiryId;
        if (entry->intrudesOnVictimPrivacy) {
            request.lineOfEnquiry = "The specific line of enquiry this material answers";
            request.necessityProportionality = "Necessary for that line; limited to the period it concerns";
            request.lessIntrusiveOptions = "Asked the victim first; nothing less intrusive answers it";
        }
        plan::accept(m_ws, m_caseId, *catalogues().enquiries, *catalogues().questions, request, now());
    }

    void event(const std::string& kind)
    {
        Values values{{"kind", kind}, {"occurred_at", nowText()}};
        if (const auto suspect = firstWithRole(PersonRole::Suspect);
            suspect != 0 && (kind == "arrest" || kind == "interview-under-caution")) {
            values["suspect_id"] = std::to_string(suspect);
        }
        m_ws.records().add(recordSpec(recordtype::kCaseEvent), m_caseId, values);
        training::releaseDue(m_ws, catalogues());
    }

    void contact(const std::string& purpose, const std::string& explains = {})
    {
        Values values{{"victim_id", std::to_string(m_victim)},
                      {"contacted_at", nowText()},
                      {"method", "phone"},
                      {"purpose", purpose},
                      {"by_whom", "Trainee"},
                      {"explained", "Told her what happened and what comes next"}};
        if (!explains.empty()) {
            values["explained_events"] = explains;
        }
        m_ws.records().add(recordSpec(recordtype::kContact), m_caseId, values);
    }

    /// Does what Today asks for each model deadline that is open now.
    void meetOpenDeadlines()
    {
        for (const auto& item : catalogues().deadlines->forCase(m_ws, m_caseId, now())) {
            if (item.metAt || !modelDeadline(item.ruleId)) {
                continue;
            }
            using deadlines::DueKind;
            switch (item.kind) {
            case DueKind::VictimUpdate: contact("event-notification", item.triggerUuid); break;
            case DueKind::AgreedUpdate:
                if (item.due <= now() + 24h) {
                    contact("routine-update");
                }
                break;
            case DueKind::SupportReferral:
                m_ws.records().add(
                    recordSpec(recordtype::kIsvaReferral), m_caseId,
                    {{"victim_id", std::to_string(m_victim)}, {"offered_on", today()}, {"accepted", "yes"}});
                break;
            case DueKind::SupervisoryReview:
                m_ws.records().add(recordSpec(recordtype::kReview), m_caseId,
                                   {{"reviewed_at", nowText()},
                                    {"reviewer_name", "DS Fictional"},
                                    {"reviewer_rank", "sergeant"},
                                    {"scope", "Initial actions, forensic windows, ISVA offer"}});
                break;
            case DueKind::ForensicWindow: {
                std::int64_t enquiry = item.action.recordId;
                if (enquiry == 0) {
                    accept(item.action.preset.at("catalogue_id"));
                    enquiry = trackedId(item);
                }
                plan::updateEnquiry(m_ws, enquiry, {{"status", "done"}, {"result", "Samples taken at the SARC"}});
                break;
            }
            case DueKind::CpsEarlyAdvice: event("early-advice-received"); break;
            default: break; // a bail period's end is months away; nothing else is a model deadline here
            }
        }
    }

    /// Plays the suspect-focused trainee: every model line accepted at once, the victim referred and reviewed early,
    /// arrest and interview on the first day, and every deadline met as it comes, for a fortnight of scenario time.
    void playSuspectFocused()
    {
        training::releaseDue(m_ws, catalogues());
        for (const auto& line : m_pack.model.lines) {
            accept(line.enquiry);
        }
        if (modelDeadline("agreed-update")) {
            m_ws.records().add(recordSpec(recordtype::kContactPlan), m_caseId,
                               {{"victim_id", std::to_string(m_victim)},
                                {"agreed_on", today()},
                                {"frequency_days", "7"},
                                {"method", "phone"},
                                {"through_whom", "direct"},
                                {"recorded_by", "Trainee"}});
        }
        if (modelDeadline("cps-early-advice")) {
            event("early-advice-requested");
        }
        meetOpenDeadlines();
        m_ws.advanceScenarioTime(2h);
        event("arrest");
        meetOpenDeadlines();
        m_ws.advanceScenarioTime(3h);
        event("interview-under-caution");
        meetOpenDeadlines();
        if (modelDeadline("right6-bail-granted")) {
            m_ws.records().add(recordSpec(recordtype::kBail), m_caseId,
                               {{"suspect_id", std::to_string(firstWithRole(PersonRole::Suspect))},
                                {"kind", "bail"},
                                {"arrested_on", today()},
                                {"start_date", today()},
                                {"conditions", "Not to contact the victim"}});
            training::releaseDue(m_ws, catalogues());
            meetOpenDeadlines();
        }
        for (int day = 0; day < 15; ++day) {
            m_ws.advanceScenarioTime(24h);
            training::releaseDue(m_ws, catalogues());
            meetOpenDeadlines();
        }
        releaseTrainerInjects();
        meetOpenDeadlines();
    }

    /// Plays the credibility-focused trainee: makes each of the pack's credibility-focused choices, follows none of
    /// the model lines, and lets a week of scenario time pass without contact.
    void playCredibilityFocused()
    {
        training::releaseDue(m_ws, catalogues());
        for (const auto& error : m_pack.model.errors) {
            const auto& match = error.match;
            if (!match.enquiry.empty()) {
                accept(match.enquiry);
                continue;
            }
            Values values = match.equals;
            if (match.recordType == recordtype::kDevice) {
                values["device_type"] = "mobile-phone";
                values["legal_basis"] = "pcsc2022-s37";
                values["s37_notice_date"] = today();
                values["person_id"] = std::to_string(m_victim);
                values["line_of_enquiry"] = "To see what she is like";
                values["proportionality"] = "Everything on it";
            } else if (match.recordType == recordtype::kTpmRequest) {
                values["person_id"] = std::to_string(m_victim);
                values["holder"] = "Fictional Services";
                values["line_of_enquiry"] = "Whether she has said anything different before";
                values["proportionality"] = "All records";
            }
            m_ws.records().add(recordSpec(match.recordType), m_caseId, values);
            training::releaseDue(m_ws, catalogues());
        }
        for (int day = 0; day < 7; ++day) {
            m_ws.advanceScenarioTime(24h);
            training::releaseDue(m_ws, catalogues());
        }
        releaseTrainerInjects();
    }

private:
    std::int64_t trackedId(const deadlines::DueItem& item)
    {
        for (const auto& again : catalogues().deadlines->forCase(m_ws, m_caseId, now())) {
            if (again.key() == item.key()) {
                return again.action.recordId;
            }
        }
        return 0;
    }

    void releaseTrainerInjects()
    {
        for (const auto& inject : m_pack.injects) {
            if (inject.release.by == training::ReleaseBy::Trainer) {
                training::releaseByCode(m_ws, catalogues(), training::releaseCode(m_pack, inject.id));
            }
        }
    }

    Workspace& m_ws;
    const training::ScenarioPack& m_pack;
    std::int64_t m_caseId = 0;
    std::int64_t m_victim = 0;
};

class DebriefTest : public ::testing::TestWithParam<std::string>
{
protected:
    test::TempDir dir;
    std::string text = packText(GetParam());
    training::ScenarioPack pack = training::loadPack(text, catalogues());

    std::unique_ptr<Workspace> startExercise(const std::string& name, const std::string& trainee)
    {
        auto options = test::fastOptions();
        options.owner = {trainee, ""};
        options.training = true;
        auto ws = Workspace::create(dir / name, Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                                    catalogues().offences, catalogues().lists);
        training::startExercise(*ws, pack, text, catalogues(), packAttachments(pack));
        return ws;
    }
};

TEST_P(DebriefTest, scoresTheSuspectFocusedTraineeInFullAndFlagsNothing)
{
    auto ws = startExercise("good.rwb", "Trainee Good");
    Trainee trainee(*ws, pack);
    ASSERT_NO_FATAL_FAILURE(trainee.playSuspectFocused());
    const auto debrief = training::makeDebrief(*ws, catalogues());

    EXPECT_EQ(debrief.packId, pack.id);
    EXPECT_EQ(debrief.trainee, "Trainee Good");
    EXPECT_EQ(debrief.injects.size(), training::exerciseState(*ws)->released.size());
    EXPECT_GE(debrief.injects.size(), pack.injects.size() - 1) << "all but one waiting for a device recorded";
    EXPECT_EQ(debrief.linesFollowed(), static_cast<int>(pack.model.lines.size()));
    for (const auto& p : debrief.principles) {
        EXPECT_EQ(p.weightFollowed, p.weight) << core::nom::toString(p.principle);
        EXPECT_GT(p.lines, 0);
    }
    EXPECT_TRUE(debrief.flagged.empty()) << debrief.flagged.front().error;
    EXPECT_TRUE(debrief.learningPoints.empty());
    EXPECT_EQ(debrief.deadlinesWith(training::DeadlineOutcome::Missed), 0);
    EXPECT_EQ(debrief.deadlinesWith(training::DeadlineOutcome::Late), 0);
    for (const auto& d : debrief.deadlines) {
        EXPECT_FALSE(d.title.empty()) << d.rule;
        for (const auto& item : d.items) {
            EXPECT_TRUE(item.outcome == training::DeadlineOutcome::Met ||
                        item.outcome == training::DeadlineOutcome::Open ||
                        item.outcome == training::DeadlineOutcome::ClosedBeforeKnown)
                << d.rule << " " << item.title << " due " << toIsoUtc(item.due) << " met "
                << (item.metAt ? toIsoUtc(*item.metAt) : "never") << " outcome " << toString(item.outcome);
        }
    }
    EXPECT_FALSE(debrief.contacts.empty());
    if (pack.id == "stranger-night-out") {
        // The penile swabs' window closed on day 3; the suspect was named on day 4: not the trainee's to meet.
        const auto window = std::find_if(debrief.deadlines.begin(), debrief.deadlines.end(),
                                         [](const training::DeadlineResult& d) { return d.rule == "forensic-window"; });
        ASSERT_NE(window, debrief.deadlines.end());
        EXPECT_TRUE(std::any_of(window->items.begin(), window->items.end(), [](const training::DeadlineItemResult& i) {
            return i.outcome == training::DeadlineOutcome::ClosedBeforeKnown;
        }));
    }
}

TEST_P(DebriefTest, flagsEveryCredibilityFocusedChoiceWithItsLearningPoint)
{
    auto ws = startExercise("poor.rwb", "Trainee Poor");
    Trainee trainee(*ws, pack);
    ASSERT_NO_FATAL_FAILURE(trainee.playCredibilityFocused());
    const auto debrief = training::makeDebrief(*ws, catalogues());

    ASSERT_EQ(debrief.flagged.size(), pack.model.errors.size());
    for (std::size_t i = 0; i < pack.model.errors.size(); ++i) {
        const auto& error = pack.model.errors[i];
        EXPECT_EQ(debrief.flagged[i].error, error.id);
        EXPECT_FALSE(debrief.flagged[i].recordUuid.empty());
        EXPECT_EQ(debrief.flagged[i].point.id, error.learningPoint);
        EXPECT_FALSE(debrief.flagged[i].point.text.empty());
        EXPECT_FALSE(debrief.flagged[i].point.source.empty()) << "every learning point names its NOM source";
        EXPECT_TRUE(std::any_of(debrief.learningPoints.begin(), debrief.learningPoints.end(),
                                [&](const training::LearningPoint& p) { return p.id == error.learningPoint; }));
    }
    // None of the model lines followed: every principle scores nothing.
    EXPECT_EQ(debrief.linesFollowed(), 0);
    for (const auto& p : debrief.principles) {
        EXPECT_EQ(p.weightFollowed, 0);
    }
    // A week with no referral, no review and no samples: the deadlines that came due were missed.
    EXPECT_GT(debrief.deadlinesWith(training::DeadlineOutcome::Missed), 0);
    const auto referral =
        std::find_if(debrief.deadlines.begin(), debrief.deadlines.end(),
                     [](const training::DeadlineResult& d) { return d.rule == "right4-support-referral"; });
    ASSERT_NE(referral, debrief.deadlines.end());
    EXPECT_EQ(referral->outcome, training::DeadlineOutcome::Missed);
    // No arrest was recorded: the arrest's Right 6 update was never reached, not missed.
    for (const auto& d : debrief.deadlines) {
        if (d.rule == "right6-arrest") {
            EXPECT_EQ(d.outcome, training::DeadlineOutcome::NotReached);
        }
    }
}

TEST_P(DebriefTest, theFileReadsBackAsWrittenAndTheRoomSeesWhatItMissed)
{
    auto good = startExercise("good.rwb", "Trainee Good");
    {
        Trainee trainee(*good, pack);
        ASSERT_NO_FATAL_FAILURE(trainee.playSuspectFocused());
    }
    auto poor = startExercise("poor.rwb", "Trainee Poor");
    {
        Trainee trainee(*poor, pack);
        ASSERT_NO_FATAL_FAILURE(trainee.playCredibilityFocused());
    }
    const auto goodDebrief = training::makeDebrief(*good, catalogues());
    const auto poorDebrief = training::makeDebrief(*poor, catalogues());

    const std::string json = training::debriefJson(poorDebrief);
    EXPECT_EQ(json.find(test::Passphrase), std::string::npos);
    EXPECT_EQ(json.find(dir.path().string()), std::string::npos) << "no path of the laptop";
    const auto back = training::parseDebrief(json, "poor.json");
    EXPECT_EQ(training::debriefJson(back), json) << "read back as written";

    const auto room = training::classDebrief({goodDebrief, back, poorDebrief});
    EXPECT_EQ(room.trainees.size(), 3U);
    ASSERT_EQ(room.lines.size(), pack.model.lines.size());
    EXPECT_EQ(room.lines.front().missed, 2) << "missed by the two credibility-focused trainees";
    EXPECT_EQ(room.lines.front().weight, 3) << "the heaviest missed line first";
    ASSERT_EQ(room.choices.size(), pack.model.errors.size());
    EXPECT_EQ(room.choices.front().trainees, 2);
}

INSTANTIATE_TEST_SUITE_P(ShippedPacks,
                         DebriefTest,
                         ::testing::Values("stranger-night-out",
                                           "ex-partner-after-separation",
                                           "online-dating-first-meeting",
                                           "non-recent-familial"),
                         [](const auto& param) {
                             std::string name = param.param;
                             name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
                             return name;
                         });

TEST(DebriefFile, refusesWhatIsNotADebriefNamingTheField)
{
    const auto expectField = [](std::string_view json, const std::string& field) {
        try {
            training::parseDebrief(json, "class.json");
            ADD_FAILURE() << "accepted " << json;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Validation);
            EXPECT_EQ(e.field(), field == "formatVersion" ? "debriefVersion" : "debriefFile") << e.what();
            const std::string named = field == "format" ? "" : "'" + field + "'";
            if (field != "formatVersion" && !named.empty()) {
                EXPECT_NE(std::string(e.what()).find(named), std::string::npos) << e.what();
            }
            EXPECT_NE(std::string(e.what()).find("class.json"), std::string::npos);
        }
    };
    expectField("not json", "format");
    expectField(R"({"format":"rasso-workbench-case"})", "format");
    expectField(R"({"format":"rasso-workbench-debrief","formatVersion":2})", "formatVersion");
    expectField(R"({"format":"rasso-workbench-debrief","formatVersion":1,"pack":{"id":"p","version":"1"}})",
                "pack.title");
    const std::string head =
        R"({"format":"rasso-workbench-debrief","formatVersion":1,"pack":{"id":"p","version":"1","title":"t"},)"
        R"("trainee":"T","scenarioTime":"2026-03-29T00:30:00Z","injects":[],"principles":[],)";
    expectField(
        head + R"("lines":[{"enquiry":"X","title":"t","principle":"suspect-focused","weight":2,"outcome":"maybe"}]})",
        "lines[0].outcome");
    expectField(head + R"("lines":[{"enquiry":"X","title":"t","principle":"nowhere","weight":2,"outcome":"missed"}]})",
                "lines[0].principle");
}

TEST(DebriefFile, aClassDebriefTakesOneExerciseAtATime)
{
    training::Debrief a;
    a.packId = "stranger-night-out";
    a.packVersion = "1";
    training::Debrief b = a;
    b.packId = "non-recent-familial";
    try {
        training::classDebrief({a, b});
        FAIL() << "two exercises put together";
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "debriefPack");
    }
    EXPECT_THROW(training::classDebrief({}), Error);
    EXPECT_EQ(training::classDebrief({a, a}).trainees.size(), 2U);
}

} // namespace
