// SPDX-License-Identifier: GPL-3.0-or-later
// rasso-workbench-cli: administration and verification without the GUI (no Qt).
// Passphrases come from a file descriptor or the terminal, never from arguments.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <sodium.h>

#include "app/DataDir.h"
#include "app/cli/Passphrase.h"
#include "app/cli/TerminalText.h"
#include "core/Error.h"
#include "core/Workspace.h"
#include "core/deadlines/DeadlineService.h"
#include "core/demo/DemoData.h"
#include "core/demo/Generator.h"
#include "core/io/CaseBundle.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "core/schema/Migrations.h"
#include "core/security/PassphrasePolicy.h"
#include "core/security/ProcessHardening.h"

namespace {

using namespace wb;

constexpr const char* Usage = R"(Usage: rasso-workbench-cli COMMAND [OPTIONS]

Commands:
  create PATH --owner NAME [--staff NUMBER] [--training] [--demo]
              [--kdf-ops N] [--kdf-mem-exp E]     create a new encrypted workspace
  info PATH                                       owner, versions, schema, key-derivation settings
  cases PATH                                      list the cases (reference, offence, status, reported)
  verify PATH [--against FILE | --anchor SEQ:HASH]
                                                  check the file's integrity, its audit chain, every
                                                  record and setting against it, and the derived search
                                                  index and due list; print the chain's anchor. With
                                                  --against, also check that the history still holds the
                                                  anchor of FILE (an earlier backup or bundle); with
                                                  --anchor, one noted from an earlier verify. Read-only:
                                                  changes neither the file nor its log
  repair PATH                                     rebuild the derived search index and due list (never
                                                  changes records, settings or the audit log)
  change-passphrase PATH [--new-passphrase-fd FD] [--kdf-ops N] [--kdf-mem-exp E]
                                                  re-encrypt under a new passphrase (and KDF settings)
  backup PATH TARGET                              write a verified encrypted backup (same passphrase)
  restore BACKUP TARGET                           restore a backup into a new workspace file
  export PATH TARGET --case REF [--case REF …]     hand cases over in a bundle with its own passphrase
  import PATH BUNDLE [--accept UUID …] [--accept-all]
                                                  merge a bundle's cases by UUID (conflicts reported);
                                                  records for cases already here are listed and added
                                                  only with --accept UUID (or --accept-all)
  generate PATH --cases N [--seed S] [--kdf-ops N] [--kdf-mem-exp E]
                                                  create a TRAINING workspace of N synthetic, fictional
                                                  cases (about 100 records each; same seed, same data)
  kdf-time [--kdf-ops N] [--kdf-mem-exp E]        time one key derivation on this machine
  version                                         print the version
  self-check                                      check that core dumps and ptrace are off for this
                                                  program (exit 1 if not)

Options:
  --passphrase-fd FD   read the passphrase (first line) from file descriptor FD;
                       without it the passphrase is asked for on the terminal
  --bundle-passphrase-fd FD   the same for a bundle's passphrase (export, import)
  --accept UUID        import: add this record proposed for a case already here (repeatable)
  --accept-all         import: add every record proposed for cases already here
  --against-passphrase-fd FD  the same for the passphrase of verify's --against FILE
  --kdf-ops N          Argon2id passes (1-10); default 3
  --kdf-mem-exp E      Argon2id memory = 8 MiB * 2^E (0-7, at most 1 GiB); default 6 = 512 MiB

Exit status: 0 success, 1 the operation failed (the message says why), 2 usage error.
)";

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::vector<std::string> cases;   ///< every --case value, in order
    std::vector<std::string> accepts; ///< every --accept value, in order
    bool has(const std::string& name) const { return options.count(name) != 0; }
};

std::optional<int> intOption(const Args& args, const std::string& name)
{
    const auto it = args.options.find(name);
    if (it == args.options.end()) {
        return std::nullopt;
    }
    try {
        std::size_t used = 0;
        const int value = std::stoi(it->second, &used);
        if (used != it->second.size()) {
            throw std::invalid_argument(name);
        }
        return value;
    } catch (const std::exception&) {
        throw std::invalid_argument("--" + name + " needs a whole number");
    }
}

Args parse(int argc, char** argv)
{
    static const std::map<std::string, bool> Known{{"owner", true},
                                                   {"staff", true},
                                                   {"training", false},
                                                   {"demo", false},
                                                   {"kdf-ops", true},
                                                   {"kdf-mem-exp", true},
                                                   {"passphrase-fd", true},
                                                   {"new-passphrase-fd", true},
                                                   {"bundle-passphrase-fd", true},
                                                   {"case", true},
                                                   {"cases", true},
                                                   {"seed", true},
                                                   {"accept", true},
                                                   {"accept-all", false},
                                                   {"against", true},
                                                   {"against-passphrase-fd", true},
                                                   {"anchor", true}};
    Args args;
    if (argc < 2) {
        throw std::invalid_argument("no command given");
    }
    args.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string word = argv[i];
        if (word.rfind("--", 0) == 0) {
            const std::string name = word.substr(2);
            const auto known = Known.find(name);
            if (known == Known.end()) {
                throw std::invalid_argument("unknown option " + word);
            }
            if (known->second) {
                if (i + 1 >= argc) {
                    throw std::invalid_argument(word + " needs a value");
                }
                args.options[name] = argv[++i];
                if (name == "case") {
                    args.cases.push_back(args.options[name]);
                }
                if (name == "accept") {
                    args.accepts.push_back(args.options[name]);
                }
            } else {
                args.options[name] = "1";
            }
        } else {
            args.positional.push_back(word);
        }
    }
    return args;
}

core::store::KdfParams kdfFrom(const Args& args)
{
    auto params = core::store::KdfParams::defaults();
    if (auto ops = intOption(args, "kdf-ops")) {
        params.opsLimit = static_cast<unsigned>(*ops);
    }
    if (auto mem = intOption(args, "kdf-mem-exp")) {
        params.memExponent = static_cast<unsigned>(*mem);
    }
    params.validate();
    return params;
}

struct Catalogues {
    std::shared_ptr<const core::OffenceCatalogue> offences;
    std::shared_ptr<const core::ReferenceData> lists;
};

Catalogues loadCatalogues()
{
    return {std::make_shared<const core::OffenceCatalogue>(core::OffenceCatalogue::fromFile(app::offencesFile())),
            std::make_shared<const core::ReferenceData>(core::ReferenceData::load(app::referenceDir()))};
}

const std::string& requirePath(const Args& args)
{
    if (args.positional.size() != 1) {
        throw std::invalid_argument(args.command + " needs exactly one workspace PATH");
    }
    return args.positional.front();
}

/// Tells the officer, on stderr, when opening upgraded the file to the current format (or could not).
const std::unique_ptr<core::Workspace>& noteUpgrade(const std::unique_ptr<core::Workspace>& ws)
{
    const auto& upgrade = ws->formatUpgrade();
    if (upgrade.fromFormat == 0) {
        return ws;
    }
    if (upgrade.done) {
        fmt::print(stderr,
                   "note: the workspace file was upgraded from format {} to format {} (4 KiB pages); the same "
                   "passphrase opens it, and older backups still open\n",
                   upgrade.fromFormat, upgrade.toFormat);
    } else {
        fmt::print(stderr, "note: the workspace file could not be upgraded to format {} and is used as it is: {}\n",
                   upgrade.toFormat, upgrade.problem);
    }
    return ws;
}

std::unique_ptr<core::Workspace> openWorkspace(const Args& args)
{
    const auto& path = requirePath(args);
    auto catalogues = loadCatalogues();
    const auto passphrase = app::readPassphrase(intOption(args, "passphrase-fd"), "Passphrase: ");
    auto key = core::Workspace::deriveForOpen(path, passphrase.view());
    auto ws = core::Workspace::open(path, std::move(key), catalogues.offences, catalogues.lists);
    noteUpgrade(ws);
    return ws;
}

int create(const Args& args)
{
    const auto& path = requirePath(args);
    if (!args.has("owner")) {
        throw std::invalid_argument("create needs --owner NAME");
    }
    core::CreateOptions options;
    options.owner.displayName = args.options.at("owner");
    options.owner.staffNumber = args.has("staff") ? args.options.at("staff") : "";
    options.training = args.has("training");
    options.kdf = kdfFrom(args);
    auto catalogues = loadCatalogues();
    const auto fd = intOption(args, "passphrase-fd");
    const auto passphrase = app::readPassphrase(fd, "New passphrase: ");
    if (!fd) {
        const auto again = app::readPassphrase(std::nullopt, "Repeat passphrase: ");
        if (again.view() != passphrase.view()) {
            throw core::Error(core::ErrorCode::Validation, "the two passphrases differ", "passphrase");
        }
    }
    core::security::PassphrasePolicy::check(passphrase.view(),
                                            options.training ? core::security::PassphraseUse::TrainingWorkspace
                                                             : core::security::PassphraseUse::LiveWorkspace,
                                            {options.owner.displayName, options.owner.staffNumber});
    auto key = core::Workspace::deriveForCreate(passphrase.view(), options.kdf);
    auto ws = core::Workspace::create(path, std::move(key), options, catalogues.offences, catalogues.lists);
    std::size_t demo = 0;
    if (args.has("demo")) {
        demo = core::addDemoCases(*ws);
    }
    fmt::print("created workspace {} (schema {}{})\n", app::terminalSafe(path), core::schema::currentSchemaVersion(),
               demo ? fmt::format(", {} fictional demo cases", demo) : std::string());
    return 0;
}

int info(const Args& args)
{
    auto ws = openWorkspace(args);
    const auto i = ws->info();
    fmt::print("owner:            {} ({})\n", app::terminalSafe(i.owner.displayName),
               app::terminalSafe(i.owner.staffNumber));
    fmt::print("training:         {}\n", i.training ? "yes (TRAINING workspace)" : "no");
    fmt::print("created:          {} by version {}\n", core::toIsoUtc(i.createdAt),
               app::terminalSafe(i.createdByVersion));
    fmt::print("last written by:  version {}\n", app::terminalSafe(i.lastWrittenByVersion));
    fmt::print("schema:           {} (this build: {})\n", i.schemaVersion, core::schema::currentSchemaVersion());
    fmt::print("key derivation:   Argon2id, {} passes, {} MiB\n", i.kdf.opsLimit, i.kdf.memLimitBytes() >> 20);
    fmt::print("SQLCipher:        {}\n", i.cipherVersion);
    fmt::print("cases:            {}\n", ws->cases().count());
    return 0;
}

int cases(const Args& args)
{
    auto ws = openWorkspace(args);
    for (const auto& c : ws->cases().list()) {
        const auto* offence = ws->offences().find(c.primaryOffence);
        fmt::print("{}\t{}\t{}\t{}\t{}\n", app::terminalSafe(c.reference),
                   app::terminalSafe(c.operationName.value_or("-")),
                   app::terminalSafe(offence ? offence->title : c.primaryOffence), core::toString(c.status),
                   core::toIsoUtc(c.reportedAt));
    }
    return 0;
}

/// The due list's rules, bank holidays and catalogues, as the GUI loads them.
core::deadlines::DeadlineService loadDeadlines()
{
    const auto lists = std::make_shared<const core::ReferenceData>(core::ReferenceData::load(app::referenceDir()));
    const auto questions = std::make_shared<const core::nom::QuestionCatalogue>(
        core::nom::QuestionCatalogue::fromFile(app::nomDir() / "context-questions.json"));
    const auto enquiries = std::make_shared<const core::nom::EnquiryCatalogue>(core::nom::EnquiryCatalogue::fromFile(
        app::nomDir() / "enquiries.json", *questions, lists->list("journey-stages")));
    return core::deadlines::DeadlineService::load(app::nomDir() / "deadline-rules.json",
                                                  app::referenceDir() / "bank-holidays-england-wales.json", enquiries,
                                                  questions);
}

/// The anchor carried by FILE: a bundle's (from its document) or a backup's (its own chain head).
core::audit::Anchor anchorOfFile(const Args& args, const std::string& file)
{
    const auto passphrase =
        app::readPassphrase(intOption(args, "against-passphrase-fd"), "Passphrase of the --against file: ");
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
        throw std::invalid_argument("--anchor needs SEQ:HASH (the sequence number and the 64-digit head verify "
                                    "printed)");
    }
    std::transform(head.begin(), head.end(), head.begin(),
                   [](char c) { return c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c; });
    return core::audit::Anchor{sequence, head};
}

int verify(const Args& args)
{
    if (args.has("against") && args.has("anchor")) {
        throw std::invalid_argument("verify takes --against FILE or --anchor SEQ:HASH, not both");
    }
    std::optional<core::audit::Anchor> against;
    if (args.has("anchor")) {
        against = parseAnchor(args.options.at("anchor"));
    }
    // Read-only: verify judges the file and its write-ahead log as they are, and changes neither.
    const auto& path = requirePath(args);
    auto catalogues = loadCatalogues();
    const auto passphrase = app::readPassphrase(intOption(args, "passphrase-fd"), "Passphrase: ");
    auto ws = core::Workspace::openForVerify(path, core::Workspace::deriveForOpen(path, passphrase.view()),
                                             catalogues.offences, catalogues.lists);
    if (args.has("against")) {
        against = anchorOfFile(args, args.options.at("against"));
    }
    const int schema = ws->info().schemaVersion;
    const bool older = schema < core::schema::currentSchemaVersion();
    if (older) {
        fmt::print("schema: {} is older than this build's {}; checked as it is, not upgraded\n", schema,
                   core::schema::currentSchemaVersion());
    }
    const std::string integrity = ws->integrityCheck();
    fmt::print("integrity: {}\n", app::terminalSafe(integrity));
    core::audit::Report audit;
    try {
        audit = ws->verifyAudit(against);
        if (!older) { // an older file's due list is rebuilt when it is next opened for work
            for (auto& problem : loadDeadlines().verifyStored(*ws)) {
                audit.problems.push_back(std::move(problem));
            }
        }
    } catch (const core::Error& e) {
        if (!older || e.code() != core::ErrorCode::Storage) {
            throw;
        }
        // An older schema may lack the audit tables, or some the checks read: check what exists.
        fmt::print("audit chain: not checked in this older schema ({})\n", app::terminalSafe(e.what()));
        return integrity == "ok" ? 0 : 1;
    }
    if (audit.ok()) {
        fmt::print("audit chain: ok ({} entries, {} records, {} settings)\n", audit.entries, audit.records,
                   audit.metaKeys);
    } else {
        fmt::print("audit chain: {} problem(s) in {} entries, {} records, {} settings\n", audit.problems.size(),
                   audit.entries, audit.records, audit.metaKeys);
        for (const auto& problem : audit.problems) {
            fmt::print("  - {}\n", app::terminalSafe(problem));
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

int repair(const Args& args)
{
    auto ws = openWorkspace(args);
    const auto deadlines = loadDeadlines();
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

int changePassphrase(const Args& args)
{
    const auto& path = requirePath(args);
    auto catalogues = loadCatalogues();
    const auto oldFd = intOption(args, "passphrase-fd");
    const auto newFd = intOption(args, "new-passphrase-fd");
    const auto old = app::readPassphrase(oldFd, "Current passphrase: ");
    const auto fresh = app::readPassphrase(newFd, "New passphrase: ");
    if (!newFd) {
        const auto again = app::readPassphrase(std::nullopt, "Repeat new passphrase: ");
        if (again.view() != fresh.view()) {
            throw core::Error(core::ErrorCode::Validation, "the two new passphrases differ", "newPassphrase");
        }
    }
    auto ws = core::Workspace::open(path, core::Workspace::deriveForOpen(path, old.view()), catalogues.offences,
                                    catalogues.lists);
    noteUpgrade(ws);
    const bool newParams = args.has("kdf-ops") || args.has("kdf-mem-exp");
    ws->changePassphrase(old.view(), fresh.view(), newParams ? std::optional(kdfFrom(args)) : std::nullopt);
    fmt::print("passphrase changed\n");
    return 0;
}

int backup(const Args& args)
{
    if (args.positional.size() != 2) {
        throw std::invalid_argument("backup needs the workspace PATH and a TARGET file");
    }
    Args one = args;
    one.positional.resize(1);
    auto ws = openWorkspace(one);
    int lastPercent = -1;
    const auto anchor = ws->backupTo(args.positional[1], [&](int done, int total) {
        const int percent = total > 0 ? done * 100 / total : 100;
        if (percent / 10 != lastPercent / 10) {
            fmt::print(stderr, "\rcopying… {}%", percent);
            lastPercent = percent;
        }
    });
    fmt::print(stderr, "\n");
    fmt::print("backup written and verified: {}\n", app::terminalSafe(args.positional[1]));
    fmt::print("anchor: {}\n", core::audit::formatAnchor(anchor));
    return 0;
}

int restore(const Args& args)
{
    if (args.positional.size() != 2) {
        throw std::invalid_argument("restore needs the BACKUP file and a new TARGET file");
    }
    auto catalogues = loadCatalogues();
    const auto passphrase = app::readPassphrase(intOption(args, "passphrase-fd"), "Backup passphrase: ");
    auto key = core::Workspace::deriveForOpen(args.positional[0], passphrase.view());
    auto ws = core::Workspace::restore(args.positional[0], args.positional[1], std::move(key), catalogues.offences,
                                       catalogues.lists);
    noteUpgrade(ws);
    fmt::print("restored {} cases into {}\n", ws->cases().count(), app::terminalSafe(args.positional[1]));
    return 0;
}

int exportBundle(const Args& args)
{
    if (args.positional.size() != 2 || args.cases.empty()) {
        throw std::invalid_argument("export needs the workspace PATH, a TARGET file and at least one --case REF");
    }
    Args one = args;
    one.positional.resize(1);
    auto ws = openWorkspace(one);
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
    const auto fd = intOption(args, "bundle-passphrase-fd");
    const auto passphrase = app::readPassphrase(fd, "Bundle passphrase (give it to the recipient separately): ");
    if (!fd) {
        const auto again = app::readPassphrase(std::nullopt, "Repeat bundle passphrase: ");
        if (again.view() != passphrase.view()) {
            throw core::Error(core::ErrorCode::Validation, "the two passphrases differ", "passphrase");
        }
    }
    core::security::PassphrasePolicy::check(passphrase.view(), core::security::PassphraseUse::Bundle);
    const auto anchor = ws->auditAnchor(); // what the bundle carries
    core::bundle::exportCases(*ws, ids, args.positional[1], passphrase.view());
    fmt::print("{} case(s) written to {}\n", ids.size(), app::terminalSafe(args.positional[1]));
    fmt::print("anchor: {}\n", core::audit::formatAnchor(anchor));
    return 0;
}

/// The decrypted bundle document, wiped when it goes.
struct WipedText {
    std::string text;
    ~WipedText() { sodium_memzero(text.data(), text.size()); }
};

int importBundle(const Args& args)
{
    if (args.positional.size() != 2) {
        throw std::invalid_argument("import needs the workspace PATH and the BUNDLE file");
    }
    Args one = args;
    one.positional.resize(1);
    auto ws = openWorkspace(one);
    const auto bytes = core::bundle::readBundleFile(args.positional[1]);
    const auto passphrase = app::readPassphrase(intOption(args, "bundle-passphrase-fd"), "Bundle passphrase: ");
    const WipedText document{core::bundle::decrypt(bytes, passphrase.view())};
    const auto plan = core::bundle::planImport(*ws, document.text);
    // Records for cases already here are never merged silently: only those named.
    std::set<std::string> accepted(args.accepts.begin(), args.accepts.end());
    if (args.has("accept-all")) {
        for (const auto& item : plan.proposed) {
            accepted.insert(item.uuid);
        }
    }
    const auto report = core::bundle::applyImport(*ws, document.text, plan, accepted);
    fmt::print("bundle exported by (as the bundle claims; not verified): {}\n",
               app::terminalSafe(plan.claimedExportedBy));
    fmt::print("imported: {} case(s), {} people, {} record(s); {} already here unchanged\n", report.casesAdded,
               report.peopleAdded, report.recordsAdded, report.unchanged);
    for (const auto& conflict : report.conflicts) {
        fmt::print("conflict: {}\n", app::terminalSafe(conflict));
    }
    for (const auto& item : plan.proposed) {
        fmt::print("{}: case {}: {} {} (created {}{}{})\n", accepted.count(item.uuid) != 0 ? "accepted" : "not added",
                   app::terminalSafe(item.caseReference), app::terminalSafe(item.type), item.uuid,
                   core::toIsoUtc(item.createdAt), item.summary.empty() ? "" : "; ", app::terminalSafe(item.summary));
    }
    if (report.rejected > 0) {
        fmt::print("{} record(s) for cases already in this workspace were not added: check them, then import again "
                   "with --accept UUID for each one to add (or --accept-all)\n",
                   report.rejected);
    }
    return 0;
}

int generate(const Args& args)
{
    const auto& path = requirePath(args);
    const auto count = intOption(args, "cases");
    if (!count || *count < 1) {
        throw std::invalid_argument("generate needs --cases N (a whole number from 1)");
    }
    core::GeneratorOptions options;
    options.cases = *count;
    if (args.has("seed")) {
        try {
            std::size_t used = 0;
            options.seed = std::stoull(args.options.at("seed"), &used);
            if (used != args.options.at("seed").size()) {
                throw std::invalid_argument("seed");
            }
        } catch (const std::exception&) {
            throw std::invalid_argument("--seed needs a whole number");
        }
    }
    core::CreateOptions create;
    create.owner.displayName = "DC Generated Example";
    create.owner.staffNumber = "GEN0001";
    create.training = true;
    create.kdf = kdfFrom(args);
    auto catalogues = loadCatalogues();
    const auto passphrase = app::readPassphrase(intOption(args, "passphrase-fd"), "New passphrase: ");
    auto ws = core::Workspace::create(path, core::Workspace::deriveForCreate(passphrase.view(), create.kdf), create,
                                      catalogues.offences, catalogues.lists);
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
               report.records, seconds, options.seed, app::terminalSafe(path));
    return 0;
}

int kdfTime(const Args& args)
{
    const auto params = kdfFrom(args);
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

int main(int argc, char** argv)
{
    // Before anything reads a passphrase or a key: no core dumps, no ptrace attach.
    core::security::hardenProcess();
    try {
        const Args args = parse(argc, argv);
        if (args.command == "create") {
            return create(args);
        }
        if (args.command == "self-check") {
            return selfCheck();
        }
        if (args.command == "info") {
            return info(args);
        }
        if (args.command == "cases") {
            return cases(args);
        }
        if (args.command == "verify") {
            return verify(args);
        }
        if (args.command == "repair") {
            return repair(args);
        }
        if (args.command == "change-passphrase") {
            return changePassphrase(args);
        }
        if (args.command == "backup") {
            return backup(args);
        }
        if (args.command == "restore") {
            return restore(args);
        }
        if (args.command == "export") {
            return exportBundle(args);
        }
        if (args.command == "import") {
            return importBundle(args);
        }
        if (args.command == "generate") {
            return generate(args);
        }
        if (args.command == "kdf-time") {
            return kdfTime(args);
        }
        if (args.command == "version" || args.command == "--version") {
            fmt::print("rasso-workbench-cli {}\n", WB_VERSION);
            return 0;
        }
        if (args.command == "help" || args.command == "--help" || args.command == "-h") {
            std::fputs(Usage, stdout);
            return 0;
        }
        throw std::invalid_argument("unknown command " + args.command);
    } catch (const std::invalid_argument& e) {
        fmt::print(stderr, "rasso-workbench-cli: {}\n\n{}", app::terminalSafe(e.what()), Usage);
        return 2;
    } catch (const core::Error& e) {
        fmt::print(stderr, "rasso-workbench-cli: {} ({})\n", app::terminalSafe(e.what()), core::toString(e.code()));
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "rasso-workbench-cli: {}\n", app::terminalSafe(e.what()));
        return 1;
    }
}
