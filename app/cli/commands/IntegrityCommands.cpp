// SPDX-License-Identifier: GPL-3.0-or-later
// verify and repair: is the file whole, is its history unchanged, and rebuilding what is derived.
#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "app/DataDir.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Options.h"
#include "app/cli/Passphrase.h"
#include "app/cli/TerminalText.h"
#include "app/cli/UsageError.h"
#include "app/cli/WorkspaceAccess.h"
#include "app/cli/commands/Commands.h"
#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/deadlines/DeadlineService.h"
#include "core/io/CaseBundle.h"
#include "core/schema/Migrations.h"

namespace wb::app::cli {

namespace {

struct VerifyArgs {
    std::string path;
    std::optional<int> passphraseFd;
    std::optional<std::string> against;
    std::optional<int> againstPassphraseFd;
    std::optional<std::string> anchor;
};

/// The anchor carried by FILE: a bundle's (from its document) or a backup's (its own chain head).
core::audit::Anchor anchorOfFile(const std::string& file, std::optional<int> passphraseFd)
{
    const auto passphrase = app::readPassphrase(passphraseFd, "Passphrase of the --against file: ");
    std::array<char, 6> magic{};
    {
        std::FILE* in = std::fopen(file.c_str(), "rb");
        if (in == nullptr) {
            throw core::Error(core::ErrorCode::FileNotFound, "the file given with --against cannot be read");
        }
        const auto got = std::fread(magic.data(), 1, magic.size(), in);
        std::fclose(in);
        if (got != magic.size()) {
            throw core::Error(core::ErrorCode::NotAWorkspace, "the file given with --against is neither a backup nor a "
                                                              "bundle");
        }
    }
    if (std::string_view(magic.data(), magic.size()) == "RWBNDL") {
        const auto anchor = core::bundle::anchorOf(file, passphrase.view());
        if (!anchor) {
            throw core::Error(core::ErrorCode::NotFound, "the bundle carries no audit anchor: it was written before "
                                                         "bundles carried one");
        }
        return *anchor;
    }
    return core::Workspace::anchorOfFile(file, core::Workspace::deriveForOpen(file, passphrase.view()));
}

/// An anchor as noted by hand: "SEQ:HASH" or as printed, "seq SEQ · head HASH" (64 hex digits).
core::audit::Anchor parseAnchor(std::string text)
{
    for (const std::string_view noise : {"seq", "·", "head", ":"}) {
        for (auto at = text.find(noise); at != std::string::npos; at = text.find(noise)) {
            text.replace(at, noise.size(), " ");
        }
    }
    std::istringstream in(text);
    long long sequence = -1;
    std::string head;
    std::string rest;
    in >> sequence >> head;
    const bool hex = head.size() == 64 && std::all_of(head.begin(), head.end(), [](char c) {
                         return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                     });
    if (!in || sequence < 1 || !hex || (in >> rest)) {
        throw UsageError("--anchor needs SEQ:HASH (the sequence number and the 64-digit head verify printed)");
    }
    std::transform(head.begin(), head.end(), head.begin(),
                   [](char c) { return c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c; });
    return core::audit::Anchor{sequence, head};
}

int verify(const VerifyArgs& args)
{
    if (args.against && args.anchor) {
        throw UsageError("verify takes --against FILE or --anchor SEQ:HASH, not both");
    }
    if (args.againstPassphraseFd && !args.against) {
        throw UsageError("--against-passphrase-fd is the passphrase of --against FILE, which is missing");
    }
    std::optional<core::audit::Anchor> against;
    if (args.anchor) {
        against = parseAnchor(*args.anchor);
    }
    // Read-only: verify judges the file and its write-ahead log as they are, and changes neither.
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    const auto passphrase = app::readPassphrase(args.passphraseFd, "Passphrase: ");
    auto ws = core::Workspace::openForVerify(args.path, core::Workspace::deriveForOpen(args.path, passphrase.view()),
                                             catalogues.offences, catalogues.lists);
    if (args.against) {
        against = anchorOfFile(*args.against, args.againstPassphraseFd);
    }
    const int schema = ws->info().schemaVersion;
    const bool older = schema < core::schema::currentSchemaVersion();
    if (older) {
        fmt::print("schema: {} is older than this build's {}; checked as it is, not upgraded\n", schema,
                   core::schema::currentSchemaVersion());
    }
    const std::string integrity = ws->integrityCheck();
    fmt::print("integrity: {}\n", terminalSafe(integrity));
    core::audit::Report audit;
    try {
        audit = ws->verifyAudit(against);
        if (!older) { // an older file's due list is rebuilt when it is next opened for work
            for (auto& problem : catalogues.deadlines->verifyStored(*ws)) {
                audit.problems.push_back(std::move(problem));
            }
        }
    } catch (const core::Error& e) {
        if (!older || e.code() != core::ErrorCode::Storage) {
            throw;
        }
        // An older schema may lack the audit tables, or some the checks read: check what exists.
        fmt::print("audit chain: not checked in this older schema ({})\n", terminalSafe(e.what()));
        return integrity == "ok" ? 0 : 1;
    }
    if (audit.ok()) {
        fmt::print("audit chain: ok ({} entries, {} records, {} settings)\n", audit.entries, audit.records,
                   audit.metaKeys);
    } else {
        fmt::print("audit chain: {} problem(s) in {} entries, {} records, {} settings\n", audit.problems.size(),
                   audit.entries, audit.records, audit.metaKeys);
        for (const auto& problem : audit.problems) {
            fmt::print("  - {}\n", terminalSafe(problem));
        }
    }
    // Noted outside the file, the anchor lets a later `verify --against` show whether this history was rewritten.
    fmt::print("anchor: {}\n", core::audit::formatAnchor(audit.head));
    if (against) {
        fmt::print("against {}: {}\n", core::audit::formatAnchor(*against),
                   audit.ok() ? "the history still holds it" : "see the problems above");
    }
    return integrity == "ok" && audit.ok() ? 0 : 1;
}

struct RepairArgs {
    std::string path;
    std::optional<int> passphraseFd;
};

int repair(const RepairArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    auto ws = openWorkspace(args.path, args.passphraseFd, catalogues);
    const auto& deadlines = *catalogues.deadlines;
    const std::size_t entries = ws->rebuildSearchIndex();
    const std::size_t cases = deadlines.rebuildStored(*ws);
    fmt::print("rebuilt the search index ({} entries) and the due list ({} cases)\n", entries, cases);
    auto audit = ws->verifyAudit();
    for (auto& problem : deadlines.verifyStored(*ws)) {
        audit.problems.push_back(std::move(problem));
    }
    if (audit.ok()) {
        fmt::print("verify: ok\n");
        return 0;
    }
    // What remains concerns records, settings or the log itself: repair never changes those.
    fmt::print("verify: {} problem(s) remain; repair does not change records, settings or the audit log. "
               "Restore a backup (restore BACKUP TARGET) that verifies, and re-enter what came after it.\n",
               audit.problems.size());
    for (const auto& problem : audit.problems) {
        fmt::print("  - {}\n", problem);
    }
    return 1;
}

} // namespace

void addIntegrityCommands(CommandLine& cli)
{
    cli.beginGroup("Checking and repairing");
    {
        auto args = std::make_shared<VerifyArgs>();
        auto& command = cli.add(
            "verify", "check integrity, audit chain and derived data; print the anchor (read-only)",
            [args] { return verify(*args); },
            "Checks the file's integrity, its audit chain, every record and setting against the chain, and\n"
            "the derived search index and due list, then prints the chain's anchor (note it outside the\n"
            "file). With --against, also checks that the history still holds the anchor of FILE (an\n"
            "earlier backup or bundle); with --anchor, one noted from an earlier verify. Read-only: changes\n"
            "neither the file nor its log. Exit status 1 when anything is wrong.");
        addFile(command, "PATH", args->path, "the workspace file");
        addPassphraseFd(command, args->passphraseFd);
        command
            .add_option("--against", args->against,
                        "also check that the history still holds the anchor of FILE (a backup or bundle)")
            ->type_name("FILE");
        addFd(command, "--against-passphrase-fd", args->againstPassphraseFd,
              "read the passphrase of the --against FILE from descriptor FD");
        command.add_option("--anchor", args->anchor, "the same for an anchor noted by hand (as printed, or SEQ:HASH)")
            ->type_name("SEQ:HASH");
    }
    {
        auto args = std::make_shared<RepairArgs>();
        auto& command = cli.add(
            "repair", "rebuild the derived search index and due list, then verify", [args] { return repair(*args); },
            "Never changes records, settings or the audit log: what verify still finds after\n"
            "the rebuild needs a backup that verifies (restore BACKUP TARGET).");
        addFile(command, "PATH", args->path, "the workspace file");
        addPassphraseFd(command, args->passphraseFd);
    }
}

} // namespace wb::app::cli
