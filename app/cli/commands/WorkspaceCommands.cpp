// SPDX-License-Identifier: GPL-3.0-or-later
// create, info, cases, change-passphrase: a workspace's life and what it holds.
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
#include "app/cli/WorkspaceAccess.h"
#include "app/cli/commands/Commands.h"
#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/demo/DemoData.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/schema/Migrations.h"
#include "core/security/PassphrasePolicy.h"

namespace wb::app::cli {

namespace {

struct CreateArgs {
    std::string path;
    std::string owner;
    std::string staff;
    bool training = false;
    bool demo = false;
    KdfOptions kdf;
    std::optional<int> passphraseFd;
};

int create(const CreateArgs& args)
{
    core::CreateOptions options;
    options.owner.displayName = args.owner;
    options.owner.staffNumber = args.staff;
    options.training = args.training;
    options.kdf = args.kdf.params();
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    const auto passphrase = readNewPassphrase(
        args.passphraseFd, "New passphrase: ", "Repeat passphrase: ", "the two passphrases differ", "passphrase");
    core::security::PassphrasePolicy::check(passphrase.view(),
                                            options.training ? core::security::PassphraseUse::TrainingWorkspace
                                                             : core::security::PassphraseUse::LiveWorkspace,
                                            {options.owner.displayName, options.owner.staffNumber});
    auto key = core::Workspace::deriveForCreate(passphrase.view(), options.kdf);
    auto ws = core::Workspace::create(args.path, std::move(key), options, catalogues.offences, catalogues.lists);
    std::size_t demo = 0;
    if (args.demo) {
        demo = core::addDemoCases(*ws, catalogues.questions.get());
    }
    fmt::print("created workspace {} (schema {}{})\n", terminalSafe(args.path), core::schema::currentSchemaVersion(),
               demo ? fmt::format(", {} fictional demo cases", demo) : std::string());
    return 0;
}

struct OpenArgs {
    std::string path;
    std::optional<int> passphraseFd;
};

int info(const OpenArgs& args)
{
    auto ws = openWorkspace(args.path, args.passphraseFd);
    const auto i = ws->info();
    fmt::print("owner:            {} ({})\n", terminalSafe(i.owner.displayName), terminalSafe(i.owner.staffNumber));
    fmt::print("training:         {}\n", i.training ? "yes (TRAINING workspace)" : "no");
    fmt::print("created:          {} by version {}\n", core::toIsoUtc(i.createdAt), terminalSafe(i.createdByVersion));
    fmt::print("last written by:  version {}\n", terminalSafe(i.lastWrittenByVersion));
    fmt::print("schema:           {} (this build: {})\n", i.schemaVersion, core::schema::currentSchemaVersion());
    fmt::print("key derivation:   Argon2id, {} passes, {} MiB\n", i.kdf.opsLimit, i.kdf.memLimitBytes() >> 20);
    fmt::print("SQLCipher:        {}\n", i.cipherVersion);
    fmt::print("cases:            {}\n", ws->cases().count());
    return 0;
}

int cases(const OpenArgs& args)
{
    auto ws = openWorkspace(args.path, args.passphraseFd);
    for (const auto& c : ws->cases().list()) {
        const auto* offence = ws->offences().find(c.primaryOffence);
        fmt::print("{}\t{}\t{}\t{}\t{}\n", terminalSafe(c.reference), terminalSafe(c.operationName.value_or("-")),
                   terminalSafe(offence ? offence->title : c.primaryOffence), core::toString(c.status),
                   core::toIsoUtc(c.reportedAt));
    }
    return 0;
}

struct ChangeArgs {
    std::string path;
    std::optional<int> passphraseFd;
    std::optional<int> newPassphraseFd;
    KdfOptions kdf;
};

int changePassphrase(const ChangeArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    const auto old = app::readPassphrase(args.passphraseFd, "Current passphrase: ");
    const auto fresh = readNewPassphrase(args.newPassphraseFd, "New passphrase: ", "Repeat new passphrase: ",
                                         "the two new passphrases differ", "newPassphrase");
    auto ws = core::Workspace::open(args.path, core::Workspace::deriveForOpen(args.path, old.view()),
                                    catalogues.offences, catalogues.lists);
    noteUpgrade(*ws);
    ws->changePassphrase(old.view(), fresh.view(), args.kdf.given() ? std::optional(args.kdf.params()) : std::nullopt);
    fmt::print("passphrase changed\n");
    return 0;
}

void addOpen(CommandLine& cli, const std::string& name, const std::string& summary, int (*run)(const OpenArgs&))
{
    auto args = std::make_shared<OpenArgs>();
    auto& command = cli.add(name, summary, [args, run] { return run(*args); });
    addFile(command, "PATH", args->path, "the workspace file");
    addPassphraseFd(command, args->passphraseFd);
}

} // namespace

void addWorkspaceCommands(CommandLine& cli)
{
    cli.beginGroup("Workspaces");
    {
        auto args = std::make_shared<CreateArgs>();
        auto& command = cli.add("create", "create a new encrypted workspace", [args] { return create(*args); });
        addFile(command, "PATH", args->path, "the new workspace file (must not exist)");
        command.add_option("--owner", args->owner, "the officer the workspace belongs to")
            ->required()
            ->type_name("NAME");
        command.add_option("--staff", args->staff, "the owner's staff number")->type_name("NUMBER");
        command.add_flag("--training", args->training, "a TRAINING workspace (fictional data only)");
        command.add_flag("--demo", args->demo, "add a few fictional demo cases");
        args->kdf.addTo(command);
        addFd(command, "--passphrase-fd", args->passphraseFd,
              "read the new passphrase (first line) from descriptor FD; without it the terminal is asked twice");
    }
    addOpen(cli, "info", "owner, versions, schema, key-derivation settings", &info);
    addOpen(cli, "cases", "list the cases (reference, operation, offence, status, reported)", &cases);
    {
        auto args = std::make_shared<ChangeArgs>();
        auto& command = cli.add("change-passphrase", "re-encrypt under a new passphrase (and key-derivation settings)",
                                [args] { return changePassphrase(*args); });
        addFile(command, "PATH", args->path, "the workspace file");
        addFd(command, "--passphrase-fd", args->passphraseFd,
              "read the current passphrase (first line) from descriptor FD; without it the terminal is asked");
        addFd(command, "--new-passphrase-fd", args->newPassphraseFd,
              "read the new passphrase from descriptor FD; without it the terminal is asked twice");
        args->kdf.addTo(command);
    }
}

} // namespace wb::app::cli
