// SPDX-License-Identifier: GPL-3.0-or-later
// Classroom exercises (issue 17): exercise start (a trainee's TRAINING workspace from a scenario pack), exercise
// status, exercise release (what is due, or an inject by the trainer's release code), and pack codes (the codes the
// trainer reads out); exercise debrief (the trainee's debrief against the model answers, and the file the trainer
// collects) and class debrief (what the room missed, from several such files).
#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "app/DataDir.h"
#include "app/cli/CommandLine.h"
#include "app/cli/KdfOptions.h"
#include "app/cli/Options.h"
#include "app/cli/Passphrase.h"
#include "app/cli/TerminalText.h"
#include "app/cli/UsageError.h"
#include "app/cli/WorkspaceAccess.h"
#include "app/cli/commands/Commands.h"
#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/export/ExportFile.h"
#include "core/reports/CaseSummary.h"
#include "core/security/PassphrasePolicy.h"
#include "core/training/Debrief.h"
#include "core/training/DebriefFile.h"
#include "core/training/Exercise.h"
#include "core/training/PackFromCase.h"
#include "core/training/PackLoader.h"

namespace wb::app::cli {

namespace {

namespace training = core::training;

/// The pack's text and the pack, checked against the catalogues: Error(Validation) naming the first problem.
std::pair<std::string, training::ScenarioPack> readPack(const std::string& path, const core::Catalogues& catalogues)
{
    std::string text = training::readPackFile(path);
    const auto check = training::checkPack(text, catalogues);
    if (!check.pack) {
        const auto& first = check.problems.front();
        throw core::Error(core::ErrorCode::Validation,
                          "not a valid scenario pack (" + first.field + ": " + first.message +
                              "); rasso-workbench-cli pack validate lists every problem",
                          "pack");
    }
    return {std::move(text), *check.pack};
}

struct StartArgs {
    std::string pack;
    std::string path;
    std::string trainee;
    KdfOptions kdf;
    std::optional<int> passphraseFd;
};

int start(const StartArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    const auto [text, pack] = readPack(args.pack, catalogues);
    const auto attachments = training::readPackAttachments(pack, std::filesystem::path(args.pack).parent_path());
    core::CreateOptions options;
    options.owner.displayName = args.trainee;
    options.training = true;
    options.kdf = args.kdf.params();
    const auto passphrase = readNewPassphrase(
        args.passphraseFd, "New passphrase: ", "Repeat passphrase: ", "the two passphrases differ", "passphrase");
    core::security::PassphrasePolicy::check(passphrase.view(), core::security::PassphraseUse::TrainingWorkspace,
                                            {options.owner.displayName, options.owner.staffNumber});
    auto ws = core::Workspace::create(args.path, core::Workspace::deriveForCreate(passphrase.view(), options.kdf),
                                      options, catalogues.offences, catalogues.lists);
    const auto state = training::startExercise(*ws, pack, text, catalogues, attachments);
    fmt::print("exercise started: {} (version {}) for {} in {}\n", terminalSafe(pack.title), terminalSafe(pack.version),
               terminalSafe(state.trainee), terminalSafe(args.path));
    fmt::print("case {}; {} injects to come\n", terminalSafe(pack.scenarioCase.crimeReference), pack.injects.size());
    return 0;
}

struct OpenArgs {
    std::string path;
    std::optional<std::string> code;
    std::optional<int> passphraseFd;
};

int status(const OpenArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    auto ws = openWorkspace(args.path, args.passphraseFd, catalogues);
    const auto state = training::exerciseState(*ws);
    if (!state) {
        fmt::print("{} runs no exercise\n", terminalSafe(args.path));
        return 1;
    }
    const auto pack = training::exercisePack(*ws, catalogues);
    fmt::print("{} (version {}), trainee {}\n", terminalSafe(pack.title), terminalSafe(pack.version),
               terminalSafe(state->trainee));
    for (const auto& inject : pack.injects) {
        fmt::print("  {} {}: {}\n", state->isReleased(inject.id) ? "released" : "to come ", terminalSafe(inject.id),
                   terminalSafe(inject.title));
    }
    return 0;
}

int release(const OpenArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    auto ws = openWorkspace(args.path, args.passphraseFd, catalogues);
    if (args.code) {
        const auto result = training::releaseByCode(*ws, catalogues, *args.code);
        fmt::print("{}: {}\n", result.alreadyReleased ? "already released" : "released",
                   terminalSafe(result.inject.title));
    }
    for (const auto& inject : training::releaseDue(*ws, catalogues)) {
        fmt::print("released (due): {}\n", terminalSafe(inject.title));
    }
    return 0;
}

struct CodesArgs {
    std::string pack;
};

int codes(const CodesArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    const auto [text, pack] = readPack(args.pack, catalogues);
    fmt::print("{} (version {}): release codes for the trainer\n", terminalSafe(pack.title),
               terminalSafe(pack.version));
    for (const auto& inject : pack.injects) {
        fmt::print("  {}  {} ({})\n", training::releaseCode(pack, inject.id), terminalSafe(inject.title),
                   training::toString(inject.release.by));
    }
    return 0;
}

struct DebriefArgs {
    std::string path;
    std::optional<std::string> out;
    std::optional<int> passphraseFd;
};

int percent(int part, int whole)
{
    return whole == 0 ? 0 : (part * 100 + whole / 2) / whole;
}

int debrief(const DebriefArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    auto ws = openWorkspace(args.path, args.passphraseFd, catalogues);
    const auto d = training::makeDebrief(*ws, catalogues);
    fmt::print("TRAINING debrief: {} (version {}), trainee {}, scenario time {}\n", terminalSafe(d.packTitle),
               terminalSafe(d.packVersion), terminalSafe(d.trainee), core::toIsoUtc(d.scenarioTime));
    fmt::print("model lines followed: {} of {}\n", d.linesFollowed(), d.lines.size());
    for (const auto& p : d.principles) {
        fmt::print("  {}: {} of {} lines, {}% of their weight\n", core::nom::toString(p.principle), p.followed, p.lines,
                   percent(p.weightFollowed, p.weight));
    }
    for (const auto& l : d.lines) {
        if (l.outcome != training::LineOutcome::Followed) {
            fmt::print("  {} {} (weight {}): {}\n", training::toString(l.outcome), terminalSafe(l.enquiry), l.weight,
                       terminalSafe(l.title));
        }
    }
    fmt::print("deadlines:\n");
    for (const auto& dl : d.deadlines) {
        fmt::print("  {}: {}\n", training::toString(dl.outcome), terminalSafe(dl.title));
    }
    fmt::print("credibility-focused choices: {}\n", d.flagged.size());
    for (const auto& f : d.flagged) {
        fmt::print("  {}\n    learning point: {} ({})\n", terminalSafe(f.title), terminalSafe(f.point.text),
                   terminalSafe(f.point.source));
    }
    if (args.out) {
        core::exports::writeAudited(*ws, "training-debrief", 0, {{*args.out, training::debriefJson(d)}});
        fmt::print("debrief file written: {}\n", terminalSafe(*args.out));
    }
    return 0;
}

struct ClassArgs {
    std::vector<std::string> files;
};

int classDebrief(const ClassArgs& args)
{
    std::vector<training::Debrief> debriefs;
    for (const auto& file : args.files) {
        debriefs.push_back(training::readDebriefFile(file));
    }
    const auto room = training::classDebrief(debriefs);
    fmt::print("TRAINING class debrief: {} (version {}), {} trainees\n", terminalSafe(room.packTitle),
               terminalSafe(room.packVersion), room.trainees.size());
    for (const auto& t : room.totals) {
        fmt::print("  {}: {}% of the weight followed\n", core::nom::toString(t.principle),
                   percent(t.weightFollowed, t.weight));
    }
    fmt::print("lines the room missed most:\n");
    for (const auto& l : room.lines) {
        if (l.missed + l.declined == 0) {
            continue;
        }
        fmt::print("  missed by {}, declined by {}: {} {} (weight {})\n", l.missed, l.declined, terminalSafe(l.enquiry),
                   terminalSafe(l.title), l.weight);
    }
    fmt::print("credibility-focused choices made:\n");
    for (const auto& c : room.choices) {
        fmt::print("  by {}: {}\n", c.trainees, terminalSafe(c.title));
    }
    fmt::print("model deadlines missed: {}, met late: {}\n", room.deadlinesMissed, room.deadlinesLate);
    return 0;
}

struct FromCaseArgs {
    std::string path;
    std::string reference;
    std::string id;
    std::string out;
    std::optional<int> passphraseFd;
};

int packFromCase(const FromCaseArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    auto ws = openWorkspace(args.path, args.passphraseFd, catalogues);
    const auto theCase = core::reports::caseByReference(*ws, args.reference);
    const auto saved = training::packFromCase(*ws, theCase.id, args.id, catalogues);
    const std::string& text = saved.json;
    std::vector<core::exports::ExportFile> files{{args.out, text}};
    for (const auto& [file, content] : saved.attachments) {
        files.push_back(
            {std::filesystem::path(args.out).parent_path() / file, content}); // beside it, as packs keep them
    }
    core::exports::writeAudited(*ws, "scenario-pack", theCase.id, files);
    const auto check = training::checkPack(text, catalogues);
    fmt::print("scenario pack written: {}\n", terminalSafe(args.out));
    if (check.pack) {
        fmt::print("it validates: {} injects to come, {} model lines\n", check.pack->injects.size(),
                   check.pack->model.lines.size());
    } else {
        fmt::print("still to write before it validates ({} problems; pack validate lists them), first: {}: {}\n",
                   check.problems.size(), terminalSafe(check.problems.front().field),
                   terminalSafe(check.problems.front().message));
    }
    return 0;
}

} // namespace

void addExerciseCommands(CommandLine& cli)
{
    cli.beginGroup("Classroom exercises");
    {
        auto args = std::make_shared<StartArgs>();
        auto& command = cli.add(
            "exercise-start", "start a classroom exercise: a trainee's TRAINING workspace from a scenario pack",
            [args] { return start(*args); },
            "Creates the workspace (TRAINING, owned by the trainee) with the pack's case at first report: its\n"
            "people, context answers and first account, on scenario time from the pack's start. The pack is\n"
            "kept in the workspace; its injects arrive by scenario time, by the trainee's actions, or by the\n"
            "trainer's release code (exercise-release).");
        addFile(command, "PACK", args->pack, "the scenario pack (.json)");
        addFile(command, "PATH", args->path, "the new workspace file (must not exist)");
        command.add_option("--trainee", args->trainee, "the trainee's name")->required()->type_name("NAME");
        args->kdf.addTo(command);
        addFd(command, "--passphrase-fd", args->passphraseFd,
              "read the new passphrase (first line) from descriptor FD; without it the terminal is asked twice");
    }
    {
        auto args = std::make_shared<OpenArgs>();
        auto& command = cli.add("exercise-status", "the exercise a training workspace runs, and its injects",
                                [args] { return status(*args); });
        addFile(command, "PATH", args->path, "the training workspace");
        addPassphraseFd(command, args->passphraseFd);
    }
    {
        auto args = std::make_shared<OpenArgs>();
        auto& command = cli.add(
            "exercise-release", "release the new information that is due, or one inject by its release code",
            [args] { return release(*args); },
            "With --code, the inject the trainer read out; then (and without --code) every inject whose\n"
            "scenario time has come or whose action the trainee has recorded.");
        addFile(command, "PATH", args->path, "the training workspace");
        command.add_option("--code", args->code, "the trainer's release code (six letters and digits)")
            ->type_name("CODE");
        addPassphraseFd(command, args->passphraseFd);
    }
    {
        auto args = std::make_shared<DebriefArgs>();
        auto& command = cli.add(
            "exercise-debrief", "the trainee's debrief against the pack's model answers; --out writes the file",
            [args] { return debrief(*args); },
            "Compares the plan, decisions, contacts and deadlines with the model answers: lines followed and\n"
            "missed per NOM principle, deadlines met, late or missed, and each credibility-focused choice with\n"
            "its learning point. --out writes the debrief file the trainer collects (JSON, no passphrase).");
        addFile(command, "PATH", args->path, "the training workspace");
        command.add_option("--out", args->out, "write the debrief file here (must not exist)")->type_name("FILE");
        addPassphraseFd(command, args->passphraseFd);
    }
    {
        auto args = std::make_shared<ClassArgs>();
        auto& command = cli.add("class-debrief", "what the room missed most, from the trainees' debrief files",
                                [args] { return classDebrief(*args); });
        command.add_option("FILES", args->files, "the debrief files of one exercise")->required()->type_name("FILE");
    }
    {
        auto args = std::make_shared<FromCaseArgs>();
        auto& command = cli.add(
            "pack-from-case", "save a case of a training workspace as a new scenario pack to edit",
            [args] { return packFromCase(*args); },
            "The case as it stands becomes the pack's first report (people, drama-range phones, context\n"
            "answers, the first account, timeline events, exhibits and devices), starting at scenario time\n"
            "now. For an exercise's case, the injects still to come and the model answers come with it.\n"
            "A live workspace's case is refused.");
        addFile(command, "PATH", args->path, "the training workspace");
        command.add_option("--case", args->reference, "the case's crime reference")->required()->type_name("REF");
        command.add_option("--id", args->id, "the new pack's id: lower-case letters, digits and hyphens")
            ->required()
            ->type_name("ID");
        command.add_option("--out", args->out, "the pack file to write (must not exist)")
            ->required()
            ->type_name("FILE");
        addPassphraseFd(command, args->passphraseFd);
    }
    {
        auto args = std::make_shared<CodesArgs>();
        auto& command = cli.add("pack-codes", "the release codes of a scenario pack's injects, for the trainer",
                                [args] { return codes(*args); });
        addFile(command, "PACK", args->pack, "the scenario pack (.json)");
    }
}

} // namespace wb::app::cli
