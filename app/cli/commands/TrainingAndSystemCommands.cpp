// SPDX-License-Identifier: GPL-3.0-or-later
// generate (a TRAINING workspace of synthetic cases), kdf-time and self-check (this machine, this process).
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
#include "app/cli/commands/Commands.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/demo/Generator.h"
#include "core/security/ProcessHardening.h"

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
        auto kdf = std::make_shared<KdfOptions>();
        auto& command = cli.add("kdf-time", "time one key derivation on this machine", [kdf] { return kdfTime(*kdf); });
        kdf->addTo(command);
    }
    cli.add("self-check", "check that core dumps and ptrace attach are off for this program (exit 1 if not)",
            [] { return selfCheck(); });
}

} // namespace wb::app::cli
