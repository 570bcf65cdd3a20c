// SPDX-License-Identifier: GPL-3.0-or-later
// Classroom training in the window (issue 17): the pack chooser lists the shipped packs and refuses a file that is
// not a pack by name; the create dialog in its exercise form makes a TRAINING workspace that runs the exercise; the
// debrief shows a trainee's credibility-focused choices with their learning points and saves the file once; the class
// debrief ranks what the room missed and names a file that is not a debrief; Reset starts the exercise afresh.
// Fictional data only (a shipped pack).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QListWidgetItem>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/training/Debrief.h"
#include "core/training/DebriefFile.h"
#include "core/training/Exercise.h"
#include "core/training/PackLoader.h"
#include "support/TestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/session/UnlockDialog.h"
#include "ui/today/NewInformationPanel.h"
#include "ui/training/AttachmentDialog.h"
#include "ui/training/ClassDebriefDialog.h"
#include "ui/training/DebriefChart.h"
#include "ui/training/DebriefDialog.h"
#include "ui/training/ExercisePackDialog.h"
#include "ui/training/SavePackDialog.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PathChooser.h"
#include "ui/widgets/PlainFileDestination.h"

namespace wb::ui::test {
namespace {

namespace fs = std::filesystem;
namespace training = core::training;

std::string shippedPack(const std::string& name)
{
    std::ifstream in(fs::path(WB_RESOURCES_DIR) / "training" / "packs" / (name + ".json"));
    std::ostringstream all;
    all << in.rdbuf();
    return all.str();
}

class TrainingDialogsTest : public ::testing::Test
{
protected:
    TempDir dir;
    Catalogues cats = catalogues();
    std::string text = shippedPack("stranger-night-out");
    training::ScenarioPack pack = training::loadPack(text, cats);

    std::unique_ptr<core::Workspace> exercise(const std::string& name, const std::string& trainee)
    {
        auto options = wb::test::fastOptions();
        options.training = true;
        options.owner = {trainee, ""};
        auto ws =
            core::Workspace::create(dir / name, core::Workspace::deriveForCreate(wb::test::Passphrase, options.kdf),
                                    options, cats.offences, cats.lists);
        training::startExercise(*ws, pack, text, cats);
        return ws;
    }

    /// A trainee who asks for the victim's counselling notes and leaves three days without a referral.
    void credibilityFocused(core::Workspace& ws)
    {
        const auto caseId = ws.cases().list().at(0).id;
        std::int64_t victim = 0;
        for (const auto& p : ws.people().listForCase(caseId)) {
            if (p.role == core::PersonRole::Victim) {
                victim = p.id;
            }
        }
        ws.records().add(core::recordSpec(core::recordtype::kTpmRequest), caseId,
                         {{"person_id", std::to_string(victim)},
                          {"tpm_type", "counselling"},
                          {"holder", "Fictional Counselling Service"},
                          {"line_of_enquiry", "Whether she said anything different"},
                          {"proportionality", "All of them"}});
        ws.advanceScenarioTime(std::chrono::hours(80));
    }

    CaseContext contextOf(core::Workspace& ws)
    {
        CaseContext context;
        context.workspace = &ws;
        context.caseId = ws.cases().list().at(0).id;
        context.catalogues = &cats;
        return context;
    }
};

TEST_F(TrainingDialogsTest, ThePackChooserListsTheShippedPacksAndRefusesAFileThatIsNotAPack)
{
    ExercisePackDialog dialog(cats);
    ASSERT_EQ(dialog.list()->count(), 4);
    for (int row = 0; row < dialog.list()->count(); ++row) {
        EXPECT_TRUE(dialog.list()->item(row)->flags() & Qt::ItemIsEnabled) << row;
    }
    ASSERT_NE(dialog.pack(), nullptr);
    EXPECT_TRUE(dialog.nextButton()->isEnabled());
    EXPECT_TRUE(dialog.details()->text().contains(QString::fromStdString(dialog.pack()->scenarioCase.crimeReference)));
    EXPECT_FALSE(dialog.packText().empty());

    const fs::path notAPack = dir / "notes.json";
    std::ofstream(notAPack) << R"({"format": 1, "id": "x"})";
    EXPECT_FALSE(dialog.addPackFile(QString::fromStdString(notAPack.string())));
    EXPECT_TRUE(dialog.message()->text().contains(QStringLiteral("notes.json is not a scenario pack")))
        << dialog.message()->text().toStdString();
    EXPECT_EQ(dialog.list()->count(), 4);

    const fs::path copy = dir / "my-pack.json";
    std::ofstream(copy) << text;
    EXPECT_TRUE(dialog.addPackFile(QString::fromStdString(copy.string())));
    EXPECT_EQ(dialog.list()->count(), 5);
    EXPECT_EQ(dialog.pack()->id, pack.id);
}

TEST_F(TrainingDialogsTest, TheCreateDialogInItsExerciseFormMakesATrainingWorkspaceThatRunsTheExercise)
{
    UnlockDialog dialog(UnlockDialog::Mode::Create, cats);
    dialog.setKdfParams(wb::test::fastOptions().kdf);
    dialog.setExercise(QString::fromStdString(pack.title),
                       [this](core::Workspace& ws) { training::startExercise(ws, pack, text, cats); });
    auto* training = dialog.findChild<QCheckBox*>(QStringLiteral("trainingCheckBox"));
    ASSERT_NE(training, nullptr);
    EXPECT_TRUE(training->isChecked());
    EXPECT_FALSE(training->isEnabled()) << "an exercise is always TRAINING";
    dialog.findChild<QLineEdit*>(QStringLiteral("ownerNameLineEdit"))->setText(QStringLiteral("PC Trainee Example"));
    dialog.setWorkspacePath(QString::fromStdString((dir / "exercise.rwb").string()));
    dialog.findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit"))
        ->setText(QStringLiteral("classroom river lantern 42"));
    dialog.findChild<QLineEdit*>(QStringLiteral("confirmPassphraseLineEdit"))
        ->setText(QStringLiteral("classroom river lantern 42"));
    auto* start = dialog.findChild<QPushButton*>(QStringLiteral("createButton"));
    ASSERT_TRUE(start->isEnabled());
    EXPECT_TRUE(start->text().contains(QStringLiteral("Start e&xercise")));
    start->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; }, 30000));
    auto ws = dialog.takeWorkspace();
    ASSERT_NE(ws, nullptr);
    EXPECT_TRUE(ws->info().training);
    EXPECT_EQ(ws->info().owner.displayName, "PC Trainee Example");
    const auto state = training::exerciseState(*ws);
    ASSERT_TRUE(state.has_value());
    EXPECT_EQ(state->trainee, "PC Trainee Example");
    EXPECT_EQ(ws->cases().list().at(0).reference, pack.scenarioCase.crimeReference);
}

TEST_F(TrainingDialogsTest, TheDebriefShowsEachChoiceWithItsLearningPointAndSavesTheFileOnce)
{
    auto ws = exercise("poor.rwb", "Trainee Poor");
    credibilityFocused(*ws);
    DebriefDialog dialog(training::makeDebrief(*ws, cats), contextOf(*ws));
    EXPECT_TRUE(dialog.windowTitle().contains(QStringLiteral("TRAINING")));
    EXPECT_TRUE(dialog.summary()->text().contains(QStringLiteral("followed: 0 of 16")))
        << dialog.summary()->text().toStdString();
    EXPECT_TRUE(dialog.summary()->text().contains(QStringLiteral("Credibility-focused choices to discuss: 1")));
    EXPECT_GT(dialog.lines()->topLevelItemCount(), 0) << "grouped by principle";
    EXPECT_EQ(dialog.lines()->topLevelItem(0)->child(0)->text(1), QStringLiteral("Missed"));
    const QString choices = dialog.choices()->toPlainText();
    const auto* error = [&] {
        for (const auto& e : pack.model.errors) {
            if (e.id == "counselling-notes") {
                return &e;
            }
        }
        return static_cast<const training::CredibilityError*>(nullptr);
    }();
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(choices.contains(QString::fromStdString(error->title))) << choices.toStdString();
    EXPECT_TRUE(choices.contains(QString::fromStdString(pack.model.findLearningPoint(error->learningPoint)->text)));
    EXPECT_TRUE(choices.contains(QStringLiteral("You recorded a")));
    EXPECT_FALSE(dialog.chart()->accessibleDescription().isEmpty());
    bool missedShown = false;
    for (int i = 0; i < dialog.deadlines()->topLevelItemCount(); ++i) {
        missedShown = missedShown || dialog.deadlines()->topLevelItem(i)->text(1) == QStringLiteral("Missed");
    }
    EXPECT_TRUE(missedShown) << "three days without a supervisory review";

    const QString path = QString::fromStdString((dir / "debrief.json").string());
    ASSERT_TRUE(dialog.saveTo(path)) << dialog.message()->text().toStdString();
    const auto back = training::readDebriefFile(dir / "debrief.json");
    EXPECT_EQ(back.trainee, "Trainee Poor");
    EXPECT_EQ(back.flagged.size(), 1U);
    EXPECT_FALSE(dialog.saveTo(path)) << "never over a file";
    EXPECT_FALSE(dialog.message()->text().isEmpty());
}

TEST_F(TrainingDialogsTest, TheClassDebriefRanksWhatTheRoomMissedAndNamesAFileThatIsNotADebrief)
{
    auto poor = exercise("poor.rwb", "Trainee Poor");
    credibilityFocused(*poor);
    auto other = exercise("other.rwb", "Trainee Other");
    std::ofstream(dir / "a.json") << training::debriefJson(training::makeDebrief(*poor, cats));
    std::ofstream(dir / "b.json") << training::debriefJson(training::makeDebrief(*other, cats));
    std::ofstream(dir / "c.json") << text; // a pack, not a debrief

    ClassDebriefDialog dialog;
    EXPECT_EQ(dialog.addFiles({QString::fromStdString((dir / "a.json").string()),
                               QString::fromStdString((dir / "b.json").string()),
                               QString::fromStdString((dir / "c.json").string())}),
              2);
    EXPECT_TRUE(dialog.message()->text().contains(QStringLiteral("c.json: This is not a debrief file")))
        << dialog.message()->text().toStdString();
    EXPECT_TRUE(dialog.heading()->text().contains(QStringLiteral("2 trainees")))
        << dialog.heading()->text().toStdString();
    ASSERT_EQ(dialog.lines()->topLevelItemCount(), static_cast<int>(pack.model.lines.size()));
    EXPECT_EQ(dialog.lines()->topLevelItem(0)->text(0), QStringLiteral("2"));
    EXPECT_EQ(dialog.lines()->topLevelItem(0)->text(2), QStringLiteral("3")) << "the heaviest missed line first";
    ASSERT_EQ(dialog.choices()->topLevelItemCount(), 1);
    EXPECT_EQ(dialog.choices()->topLevelItem(0)->text(0), QStringLiteral("1"));
    EXPECT_EQ(dialog.addFiles({QString::fromStdString((dir / "a.json").string())}), 0) << "each file once";
}

TEST_F(TrainingDialogsTest, ResetStartsTheExerciseAfreshAndTheDebriefButtonOpensTheDebrief)
{
    auto ws = exercise("reset.rwb", "Trainee Reset");
    credibilityFocused(*ws);
    NewInformationPanel panel(cats);
    panel.setWorkspace(ws.get(), nullptr);
    auto* debrief = panel.showDebrief();
    ASSERT_NE(debrief, nullptr);
    EXPECT_TRUE(debrief->summary()->text().contains(QStringLiteral("choices to discuss: 1")));
    debrief->close();

    const auto before = training::exerciseState(*ws)->caseUuid;
    ASSERT_TRUE(panel.resetNow()) << panel.message()->text().toStdString();
    EXPECT_NE(training::exerciseState(*ws)->caseUuid, before);
    EXPECT_TRUE(panel.message()->text().contains(QStringLiteral("starts again")));
    EXPECT_TRUE(training::makeDebrief(*ws, cats).flagged.empty()) << "the choices went with the reset";
}

TEST_F(TrainingDialogsTest, AnInjectsAttachmentsAreShownFromTheWorkspace)
{
    const std::string dating = shippedPack("online-dating-first-meeting");
    const auto datingPack = training::loadPack(dating, cats);
    auto options = wb::test::fastOptions();
    options.training = true;
    auto ws =
        core::Workspace::create(dir / "dating.rwb", core::Workspace::deriveForCreate(wb::test::Passphrase, options.kdf),
                                options, cats.offences, cats.lists);
    training::startExercise(
        *ws, datingPack, dating, cats,
        training::readPackAttachments(datingPack, fs::path(WB_RESOURCES_DIR) / "training" / "packs"));
    ws->advanceScenarioTime(std::chrono::hours(49));
    NewInformationPanel panel(cats);
    panel.setWorkspace(ws.get(), nullptr);
    panel.show();
    ASSERT_EQ(panel.list()->topLevelItemCount(), 1) << "the platform's response";
    ASSERT_EQ(panel.attachments()->count(), 2);
    EXPECT_TRUE(panel.attachments()->isVisible());
    for (int row = 0; row < 2; ++row) {
        panel.attachments()->setCurrentRow(row);
        auto* dialog = panel.viewAttachment();
        ASSERT_NE(dialog, nullptr) << panel.message()->text().toStdString();
        EXPECT_TRUE(dialog->shown()) << row;
        EXPECT_TRUE(dialog->windowTitle().contains(QStringLiteral("TRAINING")));
        dialog->close();
    }
}

TEST_F(TrainingDialogsTest, ACaseSavedAsAPackValidatesAndIsWrittenOnce)
{
    auto ws = exercise("author.rwb", "Trainer");
    SavePackDialog dialog(contextOf(*ws));
    EXPECT_EQ(dialog.idEdit()->text(), QStringLiteral("pack-train-0001-26"));
    dialog.idEdit()->setText(QStringLiteral("night-out-v2"));
    dialog.destination()->chooser()->lineEdit()->setText(QString::fromStdString((dir / "night-out-v2.json").string()));
    ASSERT_TRUE(dialog.saveNow()) << dialog.message()->text().toStdString();
    EXPECT_TRUE(dialog.message()->text().contains(QStringLiteral("It validates")))
        << dialog.message()->text().toStdString();
    std::ifstream in(dir / "night-out-v2.json");
    std::ostringstream saved;
    saved << in.rdbuf();
    EXPECT_EQ(training::loadPack(saved.str(), cats).id, "night-out-v2");
    EXPECT_FALSE(dialog.saveNow()) << "never over a file";
}

} // namespace
} // namespace wb::ui::test
