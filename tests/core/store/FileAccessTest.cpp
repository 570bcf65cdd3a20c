// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12's smaller faults: a workspace, its log and a backup are private (0600) whatever the
// umask, and create and backup are atomic (written beside, synced, renamed): killed at any moment,
// they leave no file at the final path or a complete one.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/demo/Generator.h"
#include "core/store/FileAccess.h"
#include "support/CliRunner.h"
#include "support/TestSupport.h"

using namespace wb;
using core::ErrorCode;
namespace fs = std::filesystem;

namespace {

unsigned modeOf(const fs::path& path)
{
    struct stat st {
    };
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
}

/// Sets the umask for the life of a test, as a desktop session commonly has it (022).
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_old(::umask(mask))
    {
    }
    ~Umask() { ::umask(m_old); }
    Umask(const Umask&) = delete;
    Umask& operator=(const Umask&) = delete;

private:
    mode_t m_old;
};

TEST(FileAccessTest, workspaceLogAndBackupAre0600UnderUmask022)
{
    const Umask mask(022);
    test::TempDir dir;
    const fs::path file = dir / "private.rwb";
    auto ws = test::createWorkspace(file);
    ws->cases().add(test::caseDraft("FICT/M1/26")); // a save: the log now exists
    EXPECT_EQ(modeOf(file), 0600u);
    ASSERT_TRUE(fs::exists(file.string() + "-wal"));
    EXPECT_EQ(modeOf(file.string() + "-wal"), 0600u);
    ws->backupTo(dir / "backup.rwb");
    EXPECT_EQ(modeOf(dir / "backup.rwb"), 0600u);
    ws->changePassphrase(test::Passphrase, "another fictional passphrase 3 owls");
    EXPECT_EQ(modeOf(file), 0600u);
    ws.reset();
    auto restored = core::Workspace::restore(dir / "backup.rwb", dir / "restored.rwb",
                                             core::Workspace::deriveForOpen(dir / "backup.rwb", test::Passphrase),
                                             test::offences(), test::lists());
    EXPECT_EQ(modeOf(dir / "restored.rwb"), 0600u);
}

TEST(FileAccessTest, createPrivateFileRefusesAnExistingFileOrLink)
{
    const Umask mask(0);
    test::TempDir dir;
    core::store::files::createPrivateFile(dir / "a");
    EXPECT_EQ(modeOf(dir / "a"), 0600u);
    EXPECT_EQ(fs::file_size(dir / "a"), 0u);
    fs::create_symlink(dir / "elsewhere", dir / "link");
    for (const char* name : {"a", "link"}) {
        try {
            core::store::files::createPrivateFile(dir / name);
            ADD_FAILURE() << name;
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::AlreadyExists) << e.what();
        }
    }
    EXPECT_FALSE(fs::exists(dir / "elsewhere"));
}

TEST(FileAccessTest, renameNoReplaceNeverOverwrites)
{
    test::TempDir dir;
    test::writeBytes(dir / "from", {1});
    test::writeBytes(dir / "to", {2});
    try {
        core::store::files::renameNoReplace(dir / "from", dir / "to");
        ADD_FAILURE() << "overwrote";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::AlreadyExists);
    }
    EXPECT_EQ(test::readBytes(dir / "to"), std::vector<unsigned char>{2});
    core::store::files::renameNoReplace(dir / "from", dir / "new");
    EXPECT_EQ(test::readBytes(dir / "new"), std::vector<unsigned char>{1});
    EXPECT_FALSE(fs::exists(dir / "from"));
}

/// Starts the CLI with `arguments`, the passphrase file on descriptor 3, output discarded.
pid_t startCli(const std::vector<std::string>& arguments, const fs::path& passphraseFile)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(passphraseFile.c_str(), O_RDONLY);
        ::dup2(fd, 3);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        std::vector<char*> argv;
        std::string cli = WB_CLI_PATH;
        argv.push_back(cli.data());
        std::vector<std::string> copy = arguments;
        for (auto& a : copy) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(cli.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

/// Runs the CLI to completion and returns how long it took.
std::chrono::milliseconds timeCli(const std::vector<std::string>& arguments, const fs::path& passphraseFile)
{
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = startCli(arguments, passphraseFile);
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

/// Kills the CLI at a random moment between `from` and `to` after its start; returns true when it
/// was killed (not finished).
bool killAtRandom(const std::vector<std::string>& arguments,
                  const fs::path& passphraseFile,
                  std::chrono::milliseconds from,
                  std::chrono::milliseconds to,
                  std::mt19937& random)
{
    const pid_t pid = startCli(arguments, passphraseFile);
    std::uniform_int_distribution<long> delay(from.count(), std::max<long>(from.count() + 1, to.count()));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
}

/// No file at `path`, or one that opens with the passphrase and passes its checks.
void expectAbsentOrComplete(const fs::path& path, int cases)
{
    if (!fs::exists(path)) {
        return;
    }
    auto ws = test::openWorkspace(path);
    EXPECT_EQ(ws->integrityCheck(), "ok");
    EXPECT_TRUE(ws->verifyAudit().ok());
    EXPECT_EQ(ws->cases().count(), cases);
}

TEST(FileAccessTest, aKilledCreateLeavesNoWorkspaceOrAWholeOne)
{
    test::TempDir dir;
    const fs::path pass = dir / "pass.txt";
    test::writePassphraseFile(pass, test::Passphrase);
    const auto args = [&](const fs::path& file) {
        return std::vector<std::string>{"create", file.string(),   "--owner", "DC Fictional Tester", "--kdf-ops",
                                        "1",      "--kdf-mem-exp", "0",       "--passphrase-fd",     "3"};
    };
    const auto took = timeCli(args(dir / "timed.rwb"), pass);
    std::mt19937 random(std::random_device{}());
    int killed = 0;
    const int rounds = test::envInt("WB_KILL_ROUNDS", 8);
    for (int i = 0; i < rounds; ++i) {
        const fs::path file = dir / ("killed-" + std::to_string(i) + ".rwb");
        killed += killAtRandom(args(file), pass, std::chrono::milliseconds(0), took, random) ? 1 : 0;
        expectAbsentOrComplete(file, 0);
    }
    EXPECT_GT(killed, 0) << "no round was killed before it finished";
}

TEST(FileAccessTest, aKilledBackupLeavesNoBackupOrAWholeOne)
{
    test::TempDir dir;
    const fs::path pass = dir / "pass.txt";
    test::writePassphraseFile(pass, test::Passphrase);
    const fs::path file = dir / "source.rwb";
    {
        auto ws = test::createWorkspace(file);
        core::GeneratorOptions options;
        options.cases = 30;
        core::generateWorkspace(*ws, options);
    }
    // Kill it while it writes: after the start-up and key derivation an `info` also pays for.
    const auto opened = timeCli({"info", file.string(), "--passphrase-fd", "3"}, pass);
    const auto took = timeCli({"backup", file.string(), (dir / "timed.rwb").string(), "--passphrase-fd", "3"}, pass);
    std::mt19937 random(std::random_device{}());
    int killed = 0;
    const int rounds = test::envInt("WB_KILL_ROUNDS", 8);
    for (int i = 0; i < rounds; ++i) {
        const fs::path backup = dir / ("backup-" + std::to_string(i) + ".rwb");
        const std::vector<std::string> args{"backup", file.string(), backup.string(), "--passphrase-fd", "3"};
        killed += killAtRandom(args, pass, opened * 3 / 4, took, random) ? 1 : 0;
        expectAbsentOrComplete(backup, 30);
        expectAbsentOrComplete(file, 30);
    }
    EXPECT_GT(killed, 0) << "no round was killed before it finished";
}

} // namespace

namespace {

/// A workspace held by a static object, closed while the program exits.
std::unique_ptr<core::Workspace>& heldAtExit()
{
    static std::unique_ptr<core::Workspace> workspace;
    return workspace;
}

} // namespace

// The register of files this process holds outlives every static that may still hold a
// connection at exit (a benchmark keeps its open workspaces in one): closing one then wrote into
// the register after it was destroyed, and the heap was corrupted (found as an abort at the end
// of the save benchmarks; AddressSanitizer reports it as a use after free).
TEST(FileAccessAtExitTest, aWorkspaceClosedDuringExitFindsTheRegisterStillThere)
{
    test::TempDir dir;
    const auto file = dir / "held-at-exit.rwb";
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        heldAtExit(); // constructed before the register: destroyed after it, as in the benchmark
        heldAtExit() = test::createWorkspace(file);
        std::exit(0); // runs the static destructors
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status)) << "the child died of signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0);
}
