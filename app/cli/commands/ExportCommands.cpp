// SPDX-License-Identifier: GPL-3.0-or-later
// export-pole and export-case-json: plain files that leave the encrypted workspace, written atomically and audited.
#include "app/cli/commands/ExportCommands.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "app/cli/CommandLine.h"
#include "app/cli/Options.h"
#include "app/cli/TerminalText.h"
#include "app/cli/WorkspaceAccess.h"
#include "core/Error.h"
#include "core/Workspace.h"
#include "core/export/CaseJson.h"
#include "core/export/ExportFile.h"
#include "core/export/PoleCsv.h"
#include "core/export/PoleView.h"

namespace wb::app::cli {

namespace {

constexpr const char* PlainFileWarning =
    "These files are plain text, not encrypted, and hold personal data: keep them on an approved system,\n"
    "out of synced or shared folders, and delete them when the analysis is done.\n";

std::int64_t caseId(core::Workspace& ws, const std::string& reference)
{
    for (const auto& c : ws.cases().list()) {
        if (c.reference == reference) {
            return c.id;
        }
    }
    throw core::Error(core::ErrorCode::NotFound, "no case with reference " + reference, "case");
}

struct PoleArgs {
    std::string path;
    std::string reference;
    std::string links;
    std::string entities;
    std::optional<int> passphraseFd;
};

int exportPole(const PoleArgs& args)
{
    auto ws = openWorkspace(args.path, args.passphraseFd);
    const auto id = caseId(*ws, args.reference);
    const auto csv = core::exports::toCsv(core::exports::buildPoleView(*ws, id));
    core::exports::writeAudited(*ws, "pole-csv", id, {{args.links, csv.links}, {args.entities, csv.entities}});
    fmt::print("{} link(s) written to {}\n", csv.linkRows, terminalSafe(args.links));
    fmt::print("{} entit{} written to {}\n", csv.entityRows, csv.entityRows == 1 ? "y" : "ies",
               terminalSafe(args.entities));
    fmt::print("columns: {} (README, \"Exports for analysts\")\n", core::exports::PoleCsvVersion);
    fmt::print(stderr, "{}", PlainFileWarning);
    return 0;
}

struct JsonArgs {
    std::string path;
    std::string reference;
    std::string out;
    std::optional<int> passphraseFd;
};

int exportCaseJson(const JsonArgs& args)
{
    auto ws = openWorkspace(args.path, args.passphraseFd);
    const auto id = caseId(*ws, args.reference);
    core::exports::writeAudited(*ws, "case-json", id, {{args.out, core::exports::caseToJson(*ws, id)}});
    fmt::print("case {} written to {} (schema version {})\n", terminalSafe(args.reference), terminalSafe(args.out),
               core::exports::CaseJsonSchemaVersion);
    fmt::print(stderr, "{}", PlainFileWarning);
    return 0;
}

void addCase(CLI::App& command, std::string& into)
{
    command.add_option("--case", into, "the reference of the case to export")->required()->type_name("REF");
}

} // namespace

void addExportCommands(CommandLine& cli)
{
    cli.beginGroup("Exports for analysts");
    {
        auto args = std::make_shared<PoleArgs>();
        auto& command = cli.add(
            "export-pole", "a case's persons, objects, locations, events and links as CSV (i2, spreadsheets)",
            [args] { return exportPole(*args); },
            "Writes two CSV files by the column spec pole-csv/1 (resources/exports/pole-csv-v1.md):\n"
            "--out, one row per link, and --entities, one row per entity (linked or not).\n"
            "Neither may exist. Each export is recorded in the audit log with the folder it went to.");
        addFile(command, "PATH", args->path, "the workspace file");
        addCase(command, args->reference);
        command.add_option("--out", args->links, "the links CSV file to write")->required()->type_name("FILE.csv");
        command.add_option("--entities", args->entities, "the entities CSV file to write")
            ->required()
            ->type_name("FILE.csv");
        addPassphraseFd(command, args->passphraseFd);
    }
    {
        auto args = std::make_shared<JsonArgs>();
        auto& command = cli.add(
            "export-case-json", "one case as JSON for a force records system (versioned schema)",
            [args] { return exportCaseJson(*args); },
            "Writes the case, its people and every record by the schema\n"
            "resources/exports/case-export-v1.schema.json. The file must not exist. The export is\n"
            "recorded in the audit log with the folder it went to.");
        addFile(command, "PATH", args->path, "the workspace file");
        addCase(command, args->reference);
        command.add_option("--out", args->out, "the JSON file to write")->required()->type_name("FILE.json");
        addPassphraseFd(command, args->passphraseFd);
    }
}

} // namespace wb::app::cli
