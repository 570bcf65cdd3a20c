// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: a writer process is killed with SIGKILL at random moments while it
// saves; after each kill the workspace must open, pass integrity and audit checks,
// and hold every save the writer had been told was committed.
//
// CI runs 200 cycles. Soak mode: WB_CRASH_CYCLES=1000 (or more) and, optionally,
// WB_CRASH_SEED=N to repeat a run:
//   WB_CRASH_CYCLES=1000 build/ci/bin/wb_core_tests --gtest_filter='CrashSafety*'
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

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
    { test::createWorkspace(file); }

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
    std::cout << "[ crash    ] " << cycles << " kills (" << killedMidWrite << " by SIGKILL), " << acknowledged
              << " acknowledged saves, " << cases.size() << " cases: none lost, none half-written\n";
}

} // namespace
