// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: a writer process is killed with SIGKILL at random moments while it
// saves; after each kill the workspace must open, pass integrity and audit checks,
// and hold every save the writer had been told was committed.
//
// The same for the CLI's whole-file operations (create, backup, restore, change-passphrase,
// bundle import): killed at a random moment, each must leave the old state or the new one,
// never a broken file at a final path.
//
// CI runs 200 cycles of saves and WB_CRASH_OPERATION_CYCLES (default 8) of each operation.
// Soak mode: tests/soak/crash-soak.sh, or WB_CRASH_CYCLES=1000 (or more) and, optionally,
// WB_CRASH_SEED=N to repeat a run:
//   WB_CRASH_CYCLES=1000 build/ci/bin/wb_core_tests --gtest_filter='CrashSafety*'
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/io/CaseBundle.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

/// The writer: realistic saves in a loop, one acknowledgement line per commit.
[[noreturn]] void writer(const fs::path& file, int ackFd, unsigned seed)
{
    try {
        auto ws = test::openWorkspace(file);
        std::mt19937 rng(seed);
        const auto ack = [&](const std::string& line) {
            const std::string text = line + "\n";
            if (::write(ackFd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
                ::_exit(3);
            }
        };
        ack("ready");
        for (int i = 0;; ++i) {
            const auto c = ws->cases().add(test::caseDraft("CRASH/" + std::to_string(seed) + "/" + std::to_string(i)));
            ack("case " + c.uuid);
            core::PersonDraft p;
            p.caseId = c.id;
            p.givenName = "Crash";
            p.familyName = "Testperson" + std::to_string(i);
            ack("person " + ws->people().add(p).uuid);
            const auto d = ws->records().add(core::recordSpec("decision"), c.id,
                                             {{"decided_at", "2026-01-01T10:00:00Z"},
                                              {"decision", "Fictional decision " + std::to_string(i)},
                                              {"rationale", "Fictional rationale"},
                                              {"decided_by", "DS Fictional"}});
            ack("record " + d.uuid);
            if (rng() % 4 == 0) {
                auto edited = c;
                edited.status = core::CaseStatus::Closed;
                ws->cases().update(edited);
                ack("closed " + c.uuid);
            }
        }
    } catch (...) {
        ::_exit(2);
    }
}

TEST(CrashSafety, killedWriterLosesNoAcknowledgedSaveAndLeavesNoHalfWrite)
{
    const int cycles = test::envInt("WB_CRASH_CYCLES", 200);
    const unsigned seed = static_cast<unsigned>(test::envInt("WB_CRASH_SEED", 20261129));
    std::mt19937 rng(seed);
    test::TempDir dir;
    const fs::path file = dir / "crash.rwb";
    {
        test::createWorkspace(file);
    }

    std::set<std::string> cases;
    std::set<std::string> closed;
    std::size_t acknowledged = 0;
    int killedMidWrite = 0;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(fds[0]);
            writer(file, fds[1], seed + static_cast<unsigned>(cycle));
        }
        ::close(fds[1]);
        // Wait until the writer is open, then let it write for a random while.
        std::string buffer;
        char chunk[4096];
        while (buffer.find("ready\n") == std::string::npos) {
            const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
            if (n <= 0) {
                break;
            }
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
        ::usleep(static_cast<useconds_t>(1000 + rng() % 40000));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "cycle " << cycle << ": the writer stopped by itself (exit "
                                         << (WIFEXITED(status) ? WEXITSTATUS(status) : -1) << ")";
        killedMidWrite += WTERMSIG(status) == SIGKILL ? 1 : 0;
        ssize_t n = 0;
        while ((n = ::read(fds[0], chunk, sizeof chunk)) > 0) {
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
        ::close(fds[0]);
        std::size_t start = 0;
        while (true) {
            const auto end = buffer.find('\n', start);
            if (end == std::string::npos) {
                break; // a line cut by the kill was never a complete acknowledgement
            }
            const std::string line = buffer.substr(start, end - start);
            start = end + 1;
            if (line.rfind("case ", 0) == 0) {
                cases.insert(line.substr(5));
            } else if (line.rfind("closed ", 0) == 0) {
                closed.insert(line.substr(7));
            }
            acknowledged += line == "ready" ? 0 : 1;
        }

        // Reopen as the officer would, and check everything.
        auto ws = test::openWorkspace(file);
        ASSERT_EQ(ws->integrityCheck(), "ok") << "cycle " << cycle;
        const auto audit = ws->verifyAudit();
        ASSERT_TRUE(audit.ok()) << "cycle " << cycle << ": " << audit.problems.front();
        std::set<std::string> stored;
        for (const auto& c : ws->cases().list()) {
            stored.insert(c.uuid);
            if (closed.count(c.uuid) != 0) {
                ASSERT_EQ(c.status, core::CaseStatus::Closed) << "cycle " << cycle << ": a committed update was lost";
            }
        }
        for (const auto& uuid : cases) {
            ASSERT_EQ(stored.count(uuid), 1u) << "cycle " << cycle << ": an acknowledged case is missing";
        }
    }
    std::cout << "[ crash    ] saves: " << cycles << " kill cycles (" << killedMidWrite << " by SIGKILL), "
              << acknowledged << " saves acknowledged (" << cases.size() << " cases), 0 saves lost, 0 broken files\n";
}

// --- the CLI's whole-file operations, killed --------------------------------------------------

constexpr const char* OtherPassphrase = "another fictional passphrase 9 harbours";
constexpr const char* BundlePassphrase = "a fictional bundle passphrase 4 meadows";

/// Starts the CLI with `arguments`; descriptors 3 and 4 read the two passphrase files.
pid_t startCli(const std::vector<std::string>& arguments, const fs::path& pass3, const fs::path& pass4)
{
    const pid_t child = ::fork();
    if (child != 0) {
        return child;
    }
    const int null = ::open("/dev/null", O_WRONLY);
    const int three = ::open(pass3.c_str(), O_RDONLY);
    const int four = ::open(pass4.c_str(), O_RDONLY);
    if (null < 0 || three < 0 || four < 0 || ::dup2(null, 1) < 0 || ::dup2(null, 2) < 0 || ::dup2(three, 3) < 0 ||
        ::dup2(four, 4) < 0) {
        ::_exit(120);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(WB_CLI_PATH));
    for (const auto& a : arguments) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    ::execv(WB_CLI_PATH, argv.data());
    ::_exit(121);
}

/// Runs the CLI to the end; returns its exit code and how long it took.
std::pair<int, double>
runCliToEnd(const std::vector<std::string>& arguments, const fs::path& pass3, const fs::path& pass4)
{
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = startCli(arguments, pass3, pass4);
    int status = 0;
    ::waitpid(child, &status, 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, seconds};
}

/// Opens `file` with the passphrase and checks it thoroughly; returns its case count, or
/// nullopt with `why` set when it does not open or does not verify.
std::optional<int> openAndVerify(const fs::path& file, const char* passphrase, std::string& why)
{
    try {
        auto ws = test::openWorkspace(file, passphrase);
        if (const auto integrity = ws->integrityCheck(); integrity != "ok") {
            why = "integrity: " + integrity;
            return std::nullopt;
        }
        if (const auto audit = ws->verifyAudit(); !audit.ok()) {
            why = "audit: " + audit.problems.front();
            return std::nullopt;
        }
        return static_cast<int>(ws->cases().count());
    } catch (const core::Error& e) {
        why = std::string(core::toString(e.code())) + ": " + e.what();
        return std::nullopt;
    }
}

void removeWithSidecars(const fs::path& file)
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::remove(file.string() + suffix, ec);
    }
}

/// Every file in `folder` that is not one of `known`, nor a sidecar of one: what a killed
/// operation left behind besides its final path. Removed, and counted.
int sweepLeftovers(const fs::path& folder, const std::set<std::string>& known)
{
    int left = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        bool keep = false;
        for (const auto& k : known) {
            keep = keep || name == k || name == k + "-wal";
        }
        if (!keep) {
            std::error_code ec;
            fs::remove_all(entry.path(), ec);
            ++left;
        }
    }
    return left;
}

struct OperationTally {
    int kills = 0;     ///< killed before it finished
    int completed = 0; ///< finished before the kill
    int newState = 0;  ///< afterwards: the operation's result in place
    int oldState = 0;  ///< afterwards: as before the operation
    int leftovers = 0; ///< stray files beside (never at) a final path, swept
};

class CrashOperations : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path pass = dir / "pass.txt";
    fs::path other = dir / "other.txt";
    fs::path bundlePass = dir / "bundle-pass.txt";
    fs::path pristine = dir / "pristine.rwb";
    fs::path bundle = dir / "cases.rwbundle";
    int cycles = test::envInt("WB_CRASH_OPERATION_CYCLES", 8);
    std::mt19937 rng{static_cast<unsigned>(test::envInt("WB_CRASH_SEED", 20261129))};
    static constexpr int PristineCases = 30;

    void SetUp() override
    {
        for (const auto& [path, text] : {std::pair{pass, test::Passphrase}, std::pair{other, OtherPassphrase},
                                         std::pair{bundlePass, BundlePassphrase}}) {
            const std::string line = std::string(text) + "\n";
            test::writeBytes(path, std::vector<unsigned char>(line.begin(), line.end()));
        }
        auto ws = test::createWorkspace(pristine);
        std::vector<std::int64_t> exported;
        for (int i = 0; i < PristineCases; ++i) {
            const auto c = ws->cases().add(test::caseDraft("KILL/" + std::to_string(i) + "/26"));
            core::PersonDraft p;
            p.caseId = c.id;
            p.givenName = "Killed";
            p.familyName = "Operation" + std::to_string(i);
            ws->people().add(p);
        }
        // The bundle carries cases this workspace does not have: an import adds them or nothing.
        const fs::path donor = dir / "donor.rwb";
        {
            auto source = test::createWorkspace(donor);
            for (int i = 0; i < 20; ++i) {
                exported.push_back(source->cases().add(test::caseDraft("BUNDLE/" + std::to_string(i) + "/26")).id);
            }
            core::bundle::exportCases(*source, exported, bundle, BundlePassphrase, core::store::KdfParams::minimum());
        }
        removeWithSidecars(donor);
    }

    /// Kills a run of `arguments` at a random moment within about its natural duration.
    /// Returns true when the kill landed before the CLI finished.
    bool runAndKill(const std::vector<std::string>& arguments, double duration, const fs::path& pass4)
    {
        const pid_t child = startCli(arguments, pass, pass4);
        const auto delay =
            static_cast<useconds_t>(std::uniform_real_distribution<double>(0.0, 1.1)(rng) * duration * 1e6);
        ::usleep(delay);
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }

    double measure(const std::vector<std::string>& arguments, const fs::path& pass4)
    {
        const auto [code, seconds] = runCliToEnd(arguments, pass, pass4);
        EXPECT_EQ(code, 0) << "the un-killed run must succeed";
        return seconds;
    }

    void report(const char* what, const OperationTally& t)
    {
        std::cout << "[ crash    ] " << what << ": " << cycles << " runs, " << t.kills << " killed mid-way, "
                  << t.completed << " finished; afterwards " << t.oldState << " old state, " << t.newState
                  << " new state, 0 broken; " << t.leftovers << " stray files beside a final path\n";
    }
};

TEST_F(CrashOperations, killedCreateLeavesNoFileOrAWorkingOne)
{
    const fs::path target = dir / "created.rwb";
    const std::vector<std::string> args{"create", target.string(), "--owner", "DC Fictional Tester", "--kdf-ops",
                                        "1",      "--kdf-mem-exp", "0",       "--passphrase-fd",     "3"};
    const double duration = measure(args, pass);
    OperationTally t;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        removeWithSidecars(target);
        (runAndKill(args, duration, pass) ? t.kills : t.completed)++;
        if (fs::exists(target)) {
            std::string why;
            ASSERT_TRUE(openAndVerify(target, test::Passphrase, why)) << "cycle " << cycle << ": " << why;
            ++t.newState;
        } else {
            ++t.oldState;
        }
        t.leftovers += sweepLeftovers(
            dir.path(), {"pass.txt", "other.txt", "bundle-pass.txt", "pristine.rwb", "cases.rwbundle", "created.rwb"});
    }
    report("create", t);
}

TEST_F(CrashOperations, killedBackupLeavesTheWorkspaceWholeAndNoBrokenBackup)
{
    const fs::path file = dir / "work.rwb";
    const fs::path target = dir / "backup.rwb";
    fs::copy_file(pristine, file);
    const std::vector<std::string> args{"backup", file.string(), target.string(), "--passphrase-fd", "3"};
    const double duration = measure(args, pass);
    OperationTally t;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        removeWithSidecars(target);
        (runAndKill(args, duration, pass) ? t.kills : t.completed)++;
        std::string why;
        ASSERT_EQ(openAndVerify(file, test::Passphrase, why), std::optional<int>(PristineCases))
            << "cycle " << cycle << ": the workspace itself: " << why;
        if (fs::exists(target)) {
            ASSERT_EQ(openAndVerify(target, test::Passphrase, why), std::optional<int>(PristineCases))
                << "cycle " << cycle << ": the backup: " << why;
            ++t.newState;
        } else {
            ++t.oldState;
        }
        t.leftovers += sweepLeftovers(dir.path(), {"pass.txt", "other.txt", "bundle-pass.txt", "pristine.rwb",
                                                   "cases.rwbundle", "work.rwb", "backup.rwb"});
    }
    report("backup", t);
}

TEST_F(CrashOperations, killedRestoreLeavesTheBackupAloneAndNoBrokenWorkspace)
{
    const fs::path target = dir / "restored.rwb";
    const auto hash = test::fileHash(pristine);
    const std::vector<std::string> args{"restore", pristine.string(), target.string(), "--passphrase-fd", "3"};
    const double duration = measure(args, pass);
    OperationTally t;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        removeWithSidecars(target);
        (runAndKill(args, duration, pass) ? t.kills : t.completed)++;
        ASSERT_EQ(test::fileHash(pristine), hash) << "cycle " << cycle << ": restore wrote to the backup";
        if (fs::exists(target)) {
            std::string why;
            ASSERT_EQ(openAndVerify(target, test::Passphrase, why), std::optional<int>(PristineCases))
                << "cycle " << cycle << ": " << why;
            ++t.newState;
        } else {
            ++t.oldState;
        }
        t.leftovers += sweepLeftovers(
            dir.path(), {"pass.txt", "other.txt", "bundle-pass.txt", "pristine.rwb", "cases.rwbundle", "restored.rwb"});
    }
    report("restore", t);
}

TEST_F(CrashOperations, killedPassphraseChangeLeavesOneOfTheTwoPassphrasesWorking)
{
    const fs::path file = dir / "rekeyed.rwb";
    fs::copy_file(pristine, file);
    // Each run changes from the passphrase that opens the file now to the other one.
    bool current = true; // true: test::Passphrase opens it
    const auto args = [&] {
        return std::vector<std::string>{
            "change-passphrase", file.string(), "--passphrase-fd", "3", "--new-passphrase-fd", "4"};
    };
    const auto [code, duration] = current ? runCliToEnd(args(), pass, other) : runCliToEnd(args(), other, pass);
    ASSERT_EQ(code, 0) << "an un-killed passphrase change must succeed";
    current = false;
    OperationTally t;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        const fs::path& from = current ? pass : other;
        const fs::path& to = current ? other : pass;
        const pid_t child = startCli(args(), from, to);
        ::usleep(static_cast<useconds_t>(std::uniform_real_distribution<double>(0.0, 1.1)(rng) * duration * 1e6));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        (WIFSIGNALED(status) ? t.kills : t.completed)++;
        std::string whyOld;
        std::string whyNew;
        const char* oldText = current ? test::Passphrase : OtherPassphrase;
        const char* newText = current ? OtherPassphrase : test::Passphrase;
        if (openAndVerify(file, newText, whyNew) == std::optional<int>(PristineCases)) {
            ++t.newState;
            current = !current;
        } else {
            ASSERT_EQ(openAndVerify(file, oldText, whyOld), std::optional<int>(PristineCases))
                << "cycle " << cycle << ": neither passphrase opens a whole workspace: new: " << whyNew
                << "; old: " << whyOld;
            ++t.oldState;
        }
        t.leftovers += sweepLeftovers(
            dir.path(), {"pass.txt", "other.txt", "bundle-pass.txt", "pristine.rwb", "cases.rwbundle", "rekeyed.rwb"});
    }
    report("change-passphrase", t);
}

TEST_F(CrashOperations, killedImportAddsEverythingOrNothing)
{
    const fs::path file = dir / "importing.rwb";
    fs::copy_file(pristine, file);
    const std::vector<std::string> args{
        "import", file.string(), bundle.string(), "--passphrase-fd", "3", "--bundle-passphrase-fd", "4"};
    const double duration = measure(args, bundlePass);
    OperationTally t;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        removeWithSidecars(file);
        fs::copy_file(pristine, file);
        (runAndKill(args, duration, bundlePass) ? t.kills : t.completed)++;
        std::string why;
        const auto count = openAndVerify(file, test::Passphrase, why);
        ASSERT_TRUE(count) << "cycle " << cycle << ": " << why;
        ASSERT_TRUE(*count == PristineCases || *count == PristineCases + 20)
            << "cycle " << cycle << ": " << *count << " cases: an import was half done";
        (*count == PristineCases ? t.oldState : t.newState)++;
        t.leftovers += sweepLeftovers(dir.path(), {"pass.txt", "other.txt", "bundle-pass.txt", "pristine.rwb",
                                                   "cases.rwbundle", "importing.rwb"});
    }
    report("import", t);
}

} // namespace
