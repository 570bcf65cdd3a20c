// SPDX-License-Identifier: GPL-3.0-or-later
// match-eval (the repeat-suspect matching measured on a labelled FEBRL file) and match-estimate (the model's
// u-probabilities fitted to a workspace's own people), issue 16.
#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <signal.h>
#include <sodium.h>

#include "app/DataDir.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Options.h"
#include "app/cli/TerminalText.h"
#include "app/cli/UsageError.h"
#include "app/cli/WorkspaceAccess.h"
#include "app/cli/commands/Commands.h"
#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/domain/Time.h"
#include "core/matching/CandidateIndex.h"
#include "core/matching/Estimation.h"
#include "core/matching/Evaluation.h"
#include "core/matching/MatchCodes.h"
#include "core/matching/MatchModel.h"
#include "core/store/FileAccess.h"
#include "core/store/KeyDerivation.h"
#include "core/store/SecureBuffer.h"
#include "core/suspects/FebrlFile.h"

namespace wb::app::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// The shipped model (resources/matching, installed under the data folder), or the file given with --model.
fs::path modelFile(const std::string& given)
{
    return given.empty() ? app::dataDir() / "matching" / "match-model.json" : fs::path(given);
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// --- interruption: Ctrl-C during match-eval still removes the temporary workspace ---------------------------------

volatile std::sig_atomic_t interrupted = 0;

void noteInterruption(int /*signal*/)
{
    interrupted = 1;
}

/// While alive, SIGINT, SIGTERM and SIGHUP only set a flag, which the command checks between stages and during
/// the scan; it then stops by throwing, so that the temporary workspace is closed and removed on the way out.
class InterruptionGuard
{
public:
    InterruptionGuard()
    {
        interrupted = 0;
        struct sigaction note = {};
        note.sa_handler = noteInterruption;
        sigemptyset(&note.sa_mask);
        for (std::size_t i = 0; i < Signals.size(); ++i) {
            ::sigaction(Signals[i], &note, &previous_[i]);
        }
    }
    ~InterruptionGuard()
    {
        for (std::size_t i = 0; i < Signals.size(); ++i) {
            ::sigaction(Signals[i], &previous_[i], nullptr);
        }
    }
    InterruptionGuard(const InterruptionGuard&) = delete;
    InterruptionGuard& operator=(const InterruptionGuard&) = delete;

    static void check()
    {
        if (interrupted != 0) {
            throw std::runtime_error("interrupted; the temporary workspace was removed");
        }
    }

private:
    static constexpr std::array<int, 3> Signals{SIGINT, SIGTERM, SIGHUP};
    std::array<struct sigaction, 3> previous_{};
};

/// A folder of its own under the system's temporary folder (mkdtemp: mode 0700, a fresh name), removed with all it
/// holds when this goes out of scope, whether the command succeeded or failed.
class TemporaryFolder
{
public:
    TemporaryFolder()
    {
        std::error_code ec;
        fs::path base = fs::temp_directory_path(ec);
        if (ec) {
            base = "/tmp";
        }
        std::string pattern = (base / "rasso-match-eval-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw core::Error(core::ErrorCode::Io, "no temporary folder could be made for the evaluation workspace");
        }
        path_ = pattern;
    }
    ~TemporaryFolder()
    {
        std::error_code ec;
        fs::remove_all(path_, ec);
        if (ec) { // said, not thrown: a destructor may run while another error is on its way out
            std::fprintf(stderr, "warning: the temporary folder %s could not be removed: %s\n",
                         terminalSafe(path_.string()).c_str(), ec.message().c_str());
        }
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    const fs::path& path() const noexcept { return path_; }

private:
    fs::path path_;
};

/// A passphrase nobody knows (32 random bytes, hex): the temporary workspace is encrypted like any other, and a
/// copy left behind by a killed process could not be opened.
core::store::SecureBuffer randomPassphrase()
{
    core::store::ensureSodium();
    core::store::SecureBuffer bytes(32);
    randombytes_buf(bytes.data(), bytes.size());
    core::store::SecureBuffer hex(2 * bytes.size() + 1);
    sodium_bin2hex(reinterpret_cast<char*>(hex.data()), hex.size(), bytes.data(), bytes.size());
    return core::store::SecureBuffer::fromBytes(hex.view().substr(0, 2 * bytes.size()));
}

// --- match-eval ------------------------------------------------------------------------------------------------------

struct EvalArgs {
    std::string file;
    std::string model;
    bool list = false;
};

struct Stage {
    const char* name;
    double seconds;
};

/// The pairs of record ids that are the same person (the truth), each as (smaller row, larger row).
std::vector<std::pair<std::size_t, std::size_t>> truePairs(const std::vector<core::suspects::FebrlRow>& rows)
{
    std::map<std::string, std::vector<std::size_t>> byEntity;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        byEntity[core::matching::Evaluation::entityOf(rows[i].recordId).value_or(rows[i].recordId)].push_back(i);
    }
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (const auto& [entity, members] : byEntity) {
        for (std::size_t a = 0; a < members.size(); ++a) {
            for (std::size_t b = a + 1; b < members.size(); ++b) {
                pairs.emplace_back(members[a], members[b]);
            }
        }
    }
    return pairs;
}

int matchEval(const EvalArgs& args)
{
    InterruptionGuard guard;
    std::vector<Stage> stages;
    const auto begun = Clock::now();
    auto start = begun;
    const auto febrl = core::suspects::FebrlFile::read(args.file);
    const auto& rows = febrl.rows();
    const auto model = core::matching::MatchModel::load(modelFile(args.model));
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    stages.push_back({"read", secondsSince(start)});
    InterruptionGuard::check();

    std::vector<std::pair<std::size_t, std::size_t>> predictedRows; // row indices, in the scan's order
    std::vector<double> probabilities;
    core::suspects::FebrlFile::Loaded loaded;
    std::size_t candidatePairs = 0;
    {
        const TemporaryFolder folder; // declared before the workspace: removed after it is closed
        start = Clock::now();
        core::CreateOptions create;
        create.owner.displayName = "match-eval";
        create.training = true;
        create.kdf = core::store::KdfParams::minimum(); // a throw-away file under a passphrase nobody knows
        std::unique_ptr<core::Workspace> ws;
        {
            const auto passphrase = randomPassphrase();
            ws = core::Workspace::create(folder.path() / "evaluation.rwb",
                                         core::Workspace::deriveForCreate(passphrase.view(), create.kdf), create,
                                         catalogues.offences, catalogues.lists);
        }
        loaded = febrl.writeTo(*ws);
        stages.push_back({"load into a temporary workspace", secondsSince(start)});
        InterruptionGuard::check();

        start = Clock::now();
        auto records = ws->personRecords().all();
        stages.push_back({"read persons", secondsSince(start)});
        InterruptionGuard::check();

        std::unordered_map<std::int64_t, std::size_t> rowOfPerson;
        for (std::size_t i = 0; i < loaded.personIds.size(); ++i) {
            rowOfPerson.emplace(loaded.personIds[i], i);
        }
        start = Clock::now();
        const core::matching::CandidateIndex index(model, std::move(records));
        stages.push_back({"index", secondsSince(start)});
        InterruptionGuard::check();

        start = Clock::now();
        candidatePairs = index.allCandidatePairs().size();
        stages.push_back({"blocking alone (for the count of candidate pairs)", secondsSince(start)});
        InterruptionGuard::check();

        start = Clock::now();
        const auto matches = index.allMatches([](std::size_t, std::size_t) { return interrupted == 0; });
        InterruptionGuard::check();
        for (const auto& match : matches) {
            const auto a = rowOfPerson.find(index.records()[match.first].personId);
            const auto b = rowOfPerson.find(index.records()[match.second].personId);
            if (a == rowOfPerson.end() || b == rowOfPerson.end()) {
                throw core::Error(core::ErrorCode::Storage, "a person of the temporary workspace is not from the file");
            }
            predictedRows.emplace_back(std::min(a->second, b->second), std::max(a->second, b->second));
            probabilities.push_back(match.score.probability);
        }
        stages.push_back({"blocking and scoring", secondsSince(start)});
    } // the workspace is closed and its folder removed here

    start = Clock::now();
    std::vector<std::string> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) {
        ids.push_back(row.recordId);
    }
    const core::matching::Evaluation truth(ids);
    std::vector<std::pair<std::string, std::string>> predicted;
    predicted.reserve(predictedRows.size());
    for (const auto& [a, b] : predictedRows) {
        predicted.emplace_back(rows[a].recordId, rows[b].recordId);
    }
    const auto metrics = truth.score(predicted);
    stages.push_back({"evaluate", secondsSince(start)});

    if (args.list) {
        for (std::size_t i = 0; i < predicted.size(); ++i) {
            const bool same = truth.isSamePerson(predicted[i].first, predicted[i].second);
            fmt::print("found  {}  {}  {:.4f}  {}\n", terminalSafe(predicted[i].first),
                       terminalSafe(predicted[i].second), probabilities[i], same ? "same person" : "different people");
        }
        const std::set<std::pair<std::size_t, std::size_t>> found(predictedRows.begin(), predictedRows.end());
        for (const auto& pair : truePairs(rows)) {
            if (found.count(pair) == 0) {
                fmt::print("missed  {}  {}\n", terminalSafe(rows[pair.first].recordId),
                           terminalSafe(rows[pair.second].recordId));
            }
        }
    }
    fmt::print("file: {}\n", terminalSafe(args.file));
    fmt::print("records: {} (dates of birth left out, not real or after today: {})\n", rows.size(),
               loaded.invalidDates);
    fmt::print("model: {} (threshold {})\n", terminalSafe(model.version()), model.threshold());
    fmt::print("candidate pairs (blocking): {}\n", candidatePairs);
    fmt::print("pairs found: {}\n", metrics.predictedPairs);
    fmt::print("true pairs: {}\n", metrics.truePairs);
    fmt::print("pairs found that are true: {}\n", metrics.truePositives);
    fmt::print("precision: {:.4f}\nrecall: {:.4f}\nF1: {:.4f}\n", metrics.precision, metrics.recall, metrics.f1);
    for (const auto& stage : stages) {
        fmt::print("time, {}: {:.3f} s\n", stage.name, stage.seconds);
    }
    fmt::print("time, total: {:.3f} s\n", secondsSince(begun));
    return 0;
}

// --- match-estimate --------------------------------------------------------------------------------------------------

struct EstimateArgs {
    std::string path;
    std::string out;
    std::string model;
    std::size_t pairs = 100000;
    std::uint64_t seed = 1;
    std::optional<int> passphraseFd;
};

/// The model's JSON with its version marked as fitted here ("<version>+u-<date>"), so that a file written by this
/// command is never mistaken for the shipped one.
std::string withFittedVersion(const std::string& json, const std::string& version, core::Instant fittedAt)
{
    const std::string was = "\"version\": \"" + version + "\"";
    const auto at = json.find(was);
    if (at == std::string::npos || json.find(was, at + 1) != std::string::npos) {
        throw core::Error(core::ErrorCode::ReferenceData, "the fitted model's version could not be marked");
    }
    const std::string today = core::toIsoUtc(fittedAt).substr(0, 10);
    std::string out = json;
    out.replace(at, was.size(), "\"version\": \"" + version + "+u-" + today + "\"");
    return out;
}

int matchEstimate(const EstimateArgs& args)
{
    if (args.pairs < 1) {
        throw UsageError("match-estimate needs --pairs N (a whole number from 1)");
    }
    if (fs::exists(args.out) || fs::is_symlink(args.out)) {
        throw core::Error(core::ErrorCode::AlreadyExists,
                          "a file already exists at " + args.out + "; it will not be overwritten");
    }
    const auto model = core::matching::MatchModel::load(modelFile(args.model));
    std::vector<core::matching::PersonRecord> records;
    core::Instant fittedAt{};
    {
        auto ws = openWorkspace(args.path, args.passphraseFd);
        records = ws->personRecords().all();
        fittedAt = ws->clock().now();
    }
    const auto estimate = core::matching::estimateU(model, records, args.pairs, args.seed);
    fmt::print("persons: {}\nrandom pairs compared: {} (seed {})\n", records.size(), estimate.pairsSampled, args.seed);
    for (const auto field : core::matching::allFields()) {
        const auto f = static_cast<std::size_t>(field);
        fmt::print("{}: {} ({} pairs with a value on both sides)\n", core::matching::fieldCode(field),
                   estimate.estimated[f] ? "u estimated" : "default kept", estimate.compared[f]);
    }
    const std::string json = withFittedVersion(estimate.model.toJson(), model.version(), fittedAt);
    // Written beside the target, checked by reading it back as the workbench will, then renamed into place.
    const fs::path partial = core::store::files::partialNameFor(args.out);
    try {
        {
            std::ofstream out(partial, std::ios::binary | std::ios::trunc);
            out << json;
            out.close();
            if (!out) {
                throw core::Error(core::ErrorCode::Io, "the model file could not be written");
            }
        }
        const auto written = core::matching::MatchModel::load(partial);
        core::store::files::syncFile(partial);
        core::store::files::renameNoReplace(partial, args.out);
        fmt::print("model written: {} (version {})\n", terminalSafe(args.out), terminalSafe(written.version()));
    } catch (...) {
        std::error_code ec;
        fs::remove(partial, ec);
        throw;
    }
    return 0;
}

} // namespace

void addMatchCommands(CommandLine& cli)
{
    cli.beginGroup("Repeat-suspect matching");
    {
        auto args = std::make_shared<EvalArgs>();
        auto& command = cli.add(
            "match-eval", "measure the matching on a labelled FEBRL file: pairs found, precision, recall, F1",
            [args] { return matchEval(*args); },
            "The file is loaded into a temporary workspace (encrypted under a random passphrase, in a\n"
            "folder of its own under the temporary folder, rasso-match-eval-*) that is removed afterwards,\n"
            "also when interrupted; every record is a suspect in a case of its own. The truth comes from\n"
            "the record ids (rec-N-org, rec-N-dup-K). Reads no passphrase.");
        addFile(command, "FILE", args->file, "the FEBRL-format file (tests/data/febrl/README.md)");
        command.add_flag("--list", args->list, "also print every pair found and every true pair missed");
        command.add_option("--model", args->model, "a model file to use instead of the shipped one")
            ->type_name("MODEL.json");
    }
    {
        auto args = std::make_shared<EstimateArgs>();
        auto& command = cli.add(
            "match-estimate", "fit the matching model's u-probabilities to a workspace's own people",
            [args] { return matchEstimate(*args); },
            "Random pairs of the workspace's persons, almost never the same person, show how often\n"
            "different people agree on each field; the m-probabilities and everything else are kept.\n"
            "Fields compared in fewer than 100 pairs keep their defaults. The file written holds\n"
            "probabilities and counts only, no personal data.");
        addFile(command, "PATH", args->path, "the workspace file");
        command.add_option("--out", args->out, "the model file to write (must not exist)")
            ->required()
            ->type_name("MODEL.json");
        command.add_option("--pairs", args->pairs, "how many random pairs (default 100000)")
            ->type_name("N")
            ->transform(wholeNumber());
        command.add_option("--seed", args->seed, "the random seed (default 1)")
            ->type_name("S")
            ->transform(wholeNumber());
        command.add_option("--model", args->model, "the model to start from instead of the shipped one")
            ->type_name("MODEL.json");
        addPassphraseFd(command, args->passphraseFd);
    }
}

} // namespace wb::app::cli
