// SPDX-License-Identifier: GPL-3.0-or-later
// export and import: handing cases over between workspaces in a bundle with its own passphrase.
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <sodium.h>

#include "app/cli/CommandLine.h"
#include "app/cli/Options.h"
#include "app/cli/Passphrase.h"
#include "app/cli/TerminalText.h"
#include "app/cli/WorkspaceAccess.h"
#include "app/cli/commands/Commands.h"
#include "core/Error.h"
#include "core/Workspace.h"
#include "core/io/CaseBundle.h"
#include "core/security/PassphrasePolicy.h"

namespace wb::app::cli {

namespace {

struct ExportArgs {
    std::string path;
    std::string target;
    std::vector<std::string> cases;
    std::optional<int> passphraseFd;
    std::optional<int> bundlePassphraseFd;
};

int exportBundle(const ExportArgs& args)
{
    auto ws = openWorkspace(args.path, args.passphraseFd);
    std::vector<std::int64_t> ids;
    for (const auto& reference : args.cases) {
        std::optional<std::int64_t> id;
        for (const auto& c : ws->cases().list()) {
            if (c.reference == reference) {
                id = c.id;
            }
        }
        if (!id) {
            throw core::Error(core::ErrorCode::NotFound, "no case with reference " + reference, "case");
        }
        ids.push_back(*id);
    }
    const auto passphrase =
        readNewPassphrase(args.bundlePassphraseFd, "Bundle passphrase (give it to the recipient separately): ",
                          "Repeat bundle passphrase: ", "the two passphrases differ", "passphrase");
    core::security::PassphrasePolicy::check(passphrase.view(), core::security::PassphraseUse::Bundle);
    const auto anchor = ws->auditAnchor(); // what the bundle carries
    core::bundle::exportCases(*ws, ids, args.target, passphrase.view());
    fmt::print("{} case(s) written to {}\n", ids.size(), terminalSafe(args.target));
    fmt::print("anchor: {}\n", core::audit::formatAnchor(anchor));
    return 0;
}

/// The decrypted bundle document, wiped when it goes.
struct WipedText {
    std::string text;
    ~WipedText() { sodium_memzero(text.data(), text.size()); }
};

struct ImportArgs {
    std::string path;
    std::string bundle;
    std::vector<std::string> accepts;
    bool acceptAll = false;
    std::optional<int> passphraseFd;
    std::optional<int> bundlePassphraseFd;
};

int importBundle(const ImportArgs& args)
{
    auto ws = openWorkspace(args.path, args.passphraseFd);
    const auto bytes = core::bundle::readBundleFile(args.bundle);
    const auto passphrase = app::readPassphrase(args.bundlePassphraseFd, "Bundle passphrase: ");
    const WipedText document{core::bundle::decrypt(bytes, passphrase.view())};
    const auto plan = core::bundle::planImport(*ws, document.text);
    // Records for cases already here are never merged silently: only those named.
    std::set<std::string> accepted(args.accepts.begin(), args.accepts.end());
    if (args.acceptAll) {
        for (const auto& item : plan.proposed) {
            accepted.insert(item.uuid);
        }
    }
    const auto report = core::bundle::applyImport(*ws, document.text, plan, accepted);
    fmt::print("bundle exported by (as the bundle claims; not verified): {}\n", terminalSafe(plan.claimedExportedBy));
    fmt::print("imported: {} case(s), {} people, {} record(s); {} already here unchanged\n", report.casesAdded,
               report.peopleAdded, report.recordsAdded, report.unchanged);
    if (report.decisionsAdded > 0) {
        fmt::print("repeat-suspect match decisions among the records: {}\n", report.decisionsAdded);
    }
    for (const auto& conflict : report.conflicts) {
        fmt::print("conflict: {}\n", terminalSafe(conflict));
    }
    for (const auto& item : plan.proposed) {
        fmt::print("{}: case {}: {} {} (created {}{}{})\n", accepted.count(item.uuid) != 0 ? "accepted" : "not added",
                   terminalSafe(item.caseReference), terminalSafe(item.type), item.uuid, core::toIsoUtc(item.createdAt),
                   item.summary.empty() ? "" : "; ", terminalSafe(item.summary));
    }
    if (report.rejected > 0) {
        fmt::print("{} record(s) for cases already in this workspace were not added: check them, then import again "
                   "with --accept UUID for each one to add (or --accept-all)\n",
                   report.rejected);
    }
    return 0;
}

} // namespace

void addBundleCommands(CommandLine& cli)
{
    cli.beginGroup("Backups and bundles");
    {
        auto args = std::make_shared<ExportArgs>();
        auto& command = cli.add("export", "hand cases over in a bundle with its own passphrase; prints its anchor",
                                [args] { return exportBundle(*args); });
        addFile(command, "PATH", args->path, "the workspace file");
        addFile(command, "TARGET", args->target, "the bundle file to write");
        command.add_option("--case", args->cases, "the reference of a case to hand over (repeatable)")
            ->required()
            ->expected(1)
            ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
            ->type_name("REF");
        addPassphraseFd(command, args->passphraseFd);
        addFd(command, "--bundle-passphrase-fd", args->bundlePassphraseFd,
              "read the bundle's new passphrase from descriptor FD; without it the terminal is asked twice");
    }
    {
        auto args = std::make_shared<ImportArgs>();
        auto& command = cli.add(
            "import", "merge a bundle's cases by UUID; conflicts reported, never overwritten",
            [args] { return importBundle(*args); },
            "New cases are added whole. Records the bundle brings into a case already here are\n"
            "listed (not added: case REF: TYPE UUID ...) and added only when named with --accept\n"
            "UUID (or all of them with --accept-all) in a second import.");
        addFile(command, "PATH", args->path, "the workspace file");
        addFile(command, "BUNDLE", args->bundle, "the bundle file");
        command
            .add_option("--accept", args->accepts,
                        "add this record proposed for a case already here (repeatable; as listed by import)")
            ->expected(1)
            ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
            ->type_name("UUID");
        command.add_flag("--accept-all", args->acceptAll, "add every record proposed for cases already here");
        addPassphraseFd(command, args->passphraseFd);
        addFd(command, "--bundle-passphrase-fd", args->bundlePassphraseFd,
              "read the bundle's passphrase from descriptor FD; without it the terminal is asked");
    }
}

} // namespace wb::app::cli
