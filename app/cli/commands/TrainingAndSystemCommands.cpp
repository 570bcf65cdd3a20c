// SPDX-License-Identifier: GPL-3.0-or-later
// generate (a TRAINING workspace of synthetic cases), pack validate (a scenario pack for classroom training), kdf-time
// and self-check (this machine, this process).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

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
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/demo/Generator.h"
#include "core/domain/LondonTime.h"
#include "core/security/ProcessHardening.h"
#include "core/training/PackLoader.h"

namespace wb::app::cli {

namespace {

struct GenerateArgs {
    std::string path;
    int cases = 0;
    std::uint64_t seed = core::GeneratorOptions().seed;
    KdfOptions kdf;
    std::optional<int> passphraseFd;
};

int generate(const GenerateArgs& args)
{
    if (args.cases < 1) {
        throw UsageError("generate needs --cases N (a whole number from 1)");
    }
    core::GeneratorOptions options;
    options.cases = args.cases;
    options.seed = args.seed;
    core::CreateOptions create;
    create.owner.displayName = "DC Generated Example";
    create.owner.staffNumber = "GEN0001";
    create.training = true;
    create.kdf = args.kdf.params();
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    const auto passphrase = app::readPassphrase(args.passphraseFd, "New passphrase: ");
    auto ws = core::Workspace::create(args.path, core::Workspace::deriveForCreate(passphrase.view(), create.kdf),
                                      create, catalogues.offences, catalogues.lists);
    const auto start = std::chrono::steady_clock::now();
    int lastPercent = -1;
    options.progress = [&](int done, int total) {
        const int percent = done * 100 / total;
        if (percent != lastPercent) {
            fmt::print(stderr, "\rgenerating… {}%", percent);
            lastPercent = percent;
        }
    };
    const auto report = core::generateWorkspace(*ws, options);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print(stderr, "\n");
    fmt::print("generated {} cases, {} people, {} records in {:.1f} s (seed {}): {}\n", report.cases, report.people,
               report.records, seconds, options.seed, terminalSafe(args.path));
    return 0;
}

struct PackArgs {
    std::string action;
    std::string path;
};

/// "14/03/2026 04:20 GMT": the pack's start as a wall clock in London shows it.
std::string londonText(core::Instant instant)
{
    const auto local = core::london::toLondon(instant);
    const auto minutes = local.timeOfDay.count() / 60;
    return fmt::format("{:02}/{:02}/{:04} {:02}:{:02} {}", static_cast<unsigned>(local.date.day()),
                       static_cast<unsigned>(local.date.month()), static_cast<int>(local.date.year()), minutes / 60,
                       minutes % 60, local.summerTime ? "BST" : "GMT");
}

/// pack validate FILE: OK and a summary, or every problem with the field it is about (exit 1).
int packValidate(const PackArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    const auto check = core::training::checkPackFile(args.path, catalogues);
    if (!check.pack) {
        fmt::print("{}: not a valid scenario pack ({} problem{}):\n", terminalSafe(args.path), check.problems.size(),
                   check.problems.size() == 1 ? "" : "s");
        for (const auto& problem : check.problems) {
            fmt::print("  {}: {}\n", problem.field.empty() ? std::string("(file)") : terminalSafe(problem.field),
                       terminalSafe(problem.message));
        }
        return 1;
    }
    const auto& pack = *check.pack;
    int byTrainer = 0;
    int byTime = 0;
    int byAction = 0;
    for (const auto& inject : pack.injects) {
        byTrainer += inject.release.by == core::training::ReleaseBy::Trainer ? 1 : 0;
        byTime += inject.release.by == core::training::ReleaseBy::Time ? 1 : 0;
        byAction += inject.release.by == core::training::ReleaseBy::Action ? 1 : 0;
    }
    fmt::print("OK: {} version {}: {}\n", terminalSafe(pack.id), terminalSafe(pack.version), terminalSafe(pack.title));
    fmt::print("  starts {} (Europe/London); {} people at first report\n", londonText(pack.startsAt),
               pack.scenarioCase.people.size());
    fmt::print("  {} injects: {} released by the trainer, {} at a scenario time, {} on a trainee's action\n",
               pack.injects.size(), byTrainer, byTime, byAction);
    fmt::print(
        "  model answers: {} lines of enquiry, {} deadlines, {} credibility-focused errors, {} learning points\n",
        pack.model.lines.size(), pack.model.deadlines.size(), pack.model.errors.size(),
        pack.model.learningPoints.size());
    return 0;
}

struct ScenarioTimeArgs {
    std::string path;
    std::optional<std::string> set;
    std::optional<int> advanceHours;
    std::optional<int> passphraseFd;
};

/// scenario-time PATH [--set ISO | --advance-hours N]: a training workspace's clock, shown, set or moved on.
int scenarioTime(const ScenarioTimeArgs& args)
{
    if (args.set && args.advanceHours) {
        throw UsageError("give --set or --advance-hours, not both");
    }
    std::optional<core::Instant> setTo;
    if (args.set) {
        setTo = core::parseIsoUtc(*args.set);
        if (!setTo) {
            throw UsageError("--set takes a UTC time written as 2026-03-28T19:00:00Z");
        }
    }
    auto ws = openWorkspace(args.path, args.passphraseFd);
    if (setTo) {
        ws->setScenarioTime(*setTo);
    } else if (args.advanceHours) {
        ws->advanceScenarioTime(std::chrono::hours(*args.advanceHours));
    }
    if (!ws->onScenarioTime()) {
        fmt::print("real time: {} (not a training workspace on scenario time)\n", londonText(ws->clock().now()));
        return 0;
    }
    fmt::print("scenario time: {}\n", londonText(ws->clock().now()));
    return 0;
}

int kdfTime(const KdfOptions& kdf)
{
    const auto params = kdf.params();
    const auto start = std::chrono::steady_clock::now();
    auto km = core::Workspace::deriveForCreate("timing only, not a real passphrase", params);
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("Argon2id {} passes, {} MiB: {:.3f} s\n", params.opsLimit, params.memLimitBytes() >> 20, elapsed);
    return 0;
}

int selfCheck()
{
    const auto status = core::security::status();
    fmt::print("dumpable: {}\ncore dump size limit: {}\nfreed heap overwritten: {}\n", status.dumpable ? "yes" : "no",
               status.coreLimitZero ? "0" : "not 0", status.heapPerturbed ? "yes" : "no");
    return !status.dumpable && status.coreLimitZero ? 0 : 1;
}

} // namespace

void addTrainingAndSystemCommands(CommandLine& cli)
{
    cli.beginGroup("Training and this machine");
    {
        auto args = std::make_shared<GenerateArgs>();
        auto& command = cli.add(
            "generate", "create a TRAINING workspace of N synthetic, fictional cases",
            [args] { return generate(*args); },
            "About 100 invented records a case (people, contacts, enquiries, decisions,\n"
            "timeline, exhibits, devices); the same seed always gives the same data.");
        addFile(command, "PATH", args->path, "the new workspace file (must not exist)");
        command.add_option("--cases", args->cases, "how many cases (from 1)")
            ->required()
            ->type_name("N")
            ->transform(wholeNumber());
        command.add_option("--seed", args->seed, "the random seed")->type_name("S")->transform(wholeNumber());
        args->kdf.addTo(command);
        addFd(command, "--passphrase-fd", args->passphraseFd,
              "read the new passphrase (first line) from descriptor FD; without it the terminal is asked");
    }
    {
        auto args = std::make_shared<PackArgs>();
        auto& command = cli.add(
            "pack", "check a scenario pack for classroom training: pack validate FILE",
            [args] { return packValidate(*args); },
            "validate: reads the pack and checks every field and every id it names against the\n"
            "catalogues (offences, context questions, lines of enquiry, deadline rules, record types).\n"
            "Prints OK and a summary, or each problem with the field it is about (exit 1).\n"
            "The format is described in resources/training/README.md.");
        command.add_option("ACTION", args->action, "what to do with the pack: validate")
            ->required()
            ->check(CLI::IsMember({"validate"}))
            ->type_name("");
        addFile(command, "FILE", args->path, "the pack (a .json file)");
    }
    {
        auto args = std::make_shared<ScenarioTimeArgs>();
        auto& command = cli.add(
            "scenario-time", "show, set or move on a training workspace's scenario time",
            [args] { return scenarioTime(*args); },
            "A training workspace runs on the exercise's clock: from the time set, then with real time,\n"
            "so forensic windows, Right 6 deadlines and bail periods fall due as in a real case. The\n"
            "trainee's window moves it on with +1 hour and +1 day. A live workspace always runs on real\n"
            "time (setting it is refused). Prints the time in Europe/London.");
        addFile(command, "PATH", args->path, "the training workspace");
        command.add_option("--set", args->set, "the scenario's now, in UTC: 2026-03-28T19:00:00Z")->type_name("TIME");
        command.add_option("--advance-hours", args->advanceHours, "move it on by N hours (1 to 744)")
            ->type_name("N")
            ->check(CLI::Range(1, 744));
        addPassphraseFd(command, args->passphraseFd);
    }
    {
        auto kdf = std::make_shared<KdfOptions>();
        auto& command = cli.add("kdf-time", "time one key derivation on this machine", [kdf] { return kdfTime(*kdf); });
        kdf->addTo(command);
    }
    cli.add("self-check", "check that core dumps and ptrace attach are off for this program (exit 1 if not)",
            [] { return selfCheck(); });
}

} // namespace wb::app::cli
