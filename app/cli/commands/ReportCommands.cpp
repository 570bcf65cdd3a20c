// SPDX-License-Identifier: GPL-3.0-or-later
// report: writes one report of a case as a PDF, atomically, and audits the export. The only command that uses Qt:
// it makes its own QGuiApplication (the offscreen platform unless QT_QPA_PLATFORM says otherwise).
#include "app/cli/commands/ReportCommands.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <QByteArray>
#include <QGuiApplication>
#include <QString>

#include "app/DataDir.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Options.h"
#include "app/cli/TerminalText.h"
#include "app/cli/UsageError.h"
#include "app/cli/WorkspaceAccess.h"
#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/export/ExportFile.h"
#include "core/reports/CaseSummary.h"
#include "core/reports/ProtectiveMarking.h"
#include "core/reports/ReportKind.h"
#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportRenderer.h"

namespace wb::app::cli {

namespace {

namespace fs = std::filesystem;

struct ReportArgs {
    std::string kind;
    std::string path;
    std::optional<std::string> caseReference;
    std::string out;
    std::string marking;
    std::optional<int> passphraseFd;
};

/// A QGuiApplication for this command only, when the process has none: offscreen unless the caller chose a
/// platform, so that the command runs without a display.
std::unique_ptr<QGuiApplication> guiApplication()
{
    if (QCoreApplication::instance() != nullptr) {
        return nullptr;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    }
    // Without a desktop session Qt says that XDG_RUNTIME_DIR is unset and which folder it uses instead: nothing an
    // officer can act on, and it is not this command's to say. Every other message passes on as before.
    static const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
            if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))) {
                return;
            }
            if (previous != nullptr) {
                previous(type, context, message);
            }
        });
    static int argc = 1;
    static char name[] = "rasso-workbench-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

/// "case-summary, plan, …, review-pack or today": every kind, in the order menus list them.
std::string kindList()
{
    // A victim letter is chosen (victim, event, wording) and logged as a contact in the workbench's Victim tab.
    std::vector<core::reports::ReportKind> kinds;
    for (const auto kind : core::reports::allReportKinds()) {
        if (kind != core::reports::ReportKind::VictimLetter) {
            kinds.push_back(kind);
        }
    }
    std::string out;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        out += i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ";
        out += core::reports::toString(kinds[i]);
    }
    return out;
}

int writeReport(const ReportArgs& args)
{
    const auto kind = core::reports::reportKindFromString(args.kind);
    if (kind == core::reports::ReportKind::VictimLetter) {
        throw UsageError("a victim letter is written in the workbench (Victim tab, Write a letter…), where the "
                         "victim, the event and the letter are chosen and the letter is logged as a contact");
    }
    if (!kind) {
        throw UsageError("unknown report '" + args.kind + "': choose " + kindList());
    }
    const bool ofOneCase = core::reports::isCaseReport(*kind);
    if (ofOneCase && !args.caseReference) {
        throw UsageError("the " + args.kind + " report is of one case: give its crime reference with --case REF");
    }
    if (!ofOneCase && args.caseReference) {
        throw UsageError("the " + args.kind + " report covers every open case: leave out --case");
    }
    const fs::path out(args.out);
    std::error_code ec;
    if (fs::exists(out, ec)) {
        throw core::Error(core::ErrorCode::AlreadyExists,
                          "a file already exists at the report path; it will not be overwritten", "out");
    }
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    auto ws = openWorkspace(args.path, args.passphraseFd, catalogues);
    const std::int64_t caseId = ofOneCase ? core::reports::caseByReference(*ws, *args.caseReference).id : 0;
    const auto app = guiApplication();

    ui::reports::ReportOptions options;
    options.marking = QString::fromStdString(args.marking);
    const auto now = ws->clock().now();
    auto report = ui::reports::ReportBuilder::build(
        *ws, {*catalogues.enquiries, *catalogues.questions, catalogues.deadlines.get()}, *kind, caseId, options, now);
    const auto furniture = ui::reports::ReportBuilder::furniture(*ws, report, options, now);

    // Rendered in memory, then written beside its destination, synced and renamed into place with its audit entry
    // (exports::writeAudited, as every export): no partial copy stays, and none leaves unaudited.
    const auto pdf = ui::reports::ReportRenderer::writePdf(report, furniture);
    core::exports::writeAudited(*ws, core::reports::exportAuditKind(*kind), caseId, {{out, pdf.bytes.toStdString()}});
    const int pages = pdf.pages;
    fmt::print("report written: {} ({} page{})\n", terminalSafe(args.out), pages, pages == 1 ? "" : "s");
    return 0;
}

struct MarkingArgs {
    std::string path;
    std::optional<std::string> set;
    std::optional<int> passphraseFd;
};

int marking(const MarkingArgs& args)
{
    auto ws = openWorkspace(args.path, args.passphraseFd);
    if (args.set) {
        core::reports::setProtectiveMarking(*ws, *args.set);
    }
    fmt::print("protective marking: {}\n", terminalSafe(core::reports::protectiveMarking(*ws)));
    return 0;
}

} // namespace

void addReportCommands(CommandLine& cli)
{
    cli.beginGroup("Reports");
    auto args = std::make_shared<ReportArgs>();
    auto& command = cli.add(
        "report", "write a report of one case, or the Today list, as a PDF marked on every page; audited",
        [args] { return writeReport(*args); },
        "KIND is case-summary, plan (the investigation plan), decision-log, chronology (the\n"
        "timeline's events, dates as precisely as recorded), victim-contact (contact plans, contacts\n"
        "and the Victims' Code record of each victim), review-pack (for the supervisor: what awaits\n"
        "review, deadlines, what changed since the last review) or the draft disclosure schedules\n"
        "mg6c (non-sensitive unused material; a sensitive item is never on it), mg6d (sensitive unused\n"
        "material) and mg6e (the disclosure officer's report), each of the case named by --case;\n"
        "or today (everything due and overdue across every open case, without --case). Every page carries the\n"
        "protective marking (the workspace's, OFFICIAL-SENSITIVE unless set with the marking command;\n"
        "--marking chooses another for one printout), the crime reference,\n"
        "\"Page x of y\" and who printed it when; a training workspace's pages say TRAINING. The file is\n"
        "written whole or not at all and never overwrites one already there. The audit log records who\n"
        "wrote which report of which case, when, and to which folder. Only in builds with the user\n"
        "interface: the report is drawn with Qt.");
    command.add_option("KIND", args->kind, kindList())->required();
    addFile(command, "PATH", args->path, "the workspace file");
    command.add_option("--case", args->caseReference, "the crime reference of the case (not for today)")
        ->type_name("REF");
    command.add_option("--out", args->out, "the PDF file to write (must not exist)")->required()->type_name("FILE");
    command
        .add_option("--marking", args->marking,
                    "the protective marking for this printout (default: the workspace's, see marking)")
        ->type_name("TEXT");
    addPassphraseFd(command, args->passphraseFd);
    {
        auto margs = std::make_shared<MarkingArgs>();
        auto& markingCommand = cli.add(
            "marking", "show, or set with --set, the protective marking every report of the workspace prints",
            [margs] { return marking(*margs); },
            "The marking is kept in the workspace (encrypted; every change audited). Without one set,\n"
            "reports print OFFICIAL-SENSITIVE. --set '' returns to that default. One line, at most 80\n"
            "characters.");
        addFile(markingCommand, "PATH", margs->path, "the workspace file");
        markingCommand.add_option("--set", margs->set, "the force's marking, e.g. 'OFFICIAL-SENSITIVE'")
            ->type_name("TEXT");
        addPassphraseFd(markingCommand, margs->passphraseFd);
    }
}

} // namespace wb::app::cli
