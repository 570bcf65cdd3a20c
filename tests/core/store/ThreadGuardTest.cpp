// SPDX-License-Identifier: GPL-3.0-or-later
// One connection used from two threads at once is caught, in every build, and does no harm.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "core/Error.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/ThreadGuard.h"
#include "core/store/Transaction.h"
#include "support/TestSupport.h"

using namespace wb;
using core::store::Database;
using core::store::Statement;
using core::store::Transaction;

namespace {

class ThreadGuardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = std::make_unique<Database>(dir / "guard.db", Database::OpenMode::CreateNew);
        db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    }

    /// Runs a statement on this thread and returns the error it raised, if any.
    std::optional<core::Error> useFromHere(const std::function<void()>& use)
    {
        try {
            use();
        } catch (const core::Error& error) {
            return error;
        }
        return std::nullopt;
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
};

TEST_F(ThreadGuardTest, aSecondThreadDuringAnotherThreadsTransactionIsRefusedAndTheHolderCarriesOn)
{
    std::promise<void> begun;
    std::promise<void> tried;
    std::thread holder([&] {
        Transaction transaction(*db);
        Statement(*db, "INSERT INTO t (name) VALUES ('first')").run();
        begun.set_value();
        tried.get_future().wait();
        Statement(*db, "INSERT INTO t (name) VALUES ('second')").run();
        transaction.commit();
    });
    begun.get_future().wait();
    for (const auto& use : std::vector<std::function<void()>>{
             [&] { db->exec("INSERT INTO t (name) VALUES ('intruder')"); },
             [&] { Statement(*db, "SELECT count(*) FROM t"); },
             [&] { (void)db->queryInt("SELECT count(*) FROM t"); },
             [&] { Transaction other(*db); },
         }) {
        const auto error = useFromHere(use);
        ASSERT_TRUE(error.has_value()) << "overlapping use went unnoticed";
        EXPECT_EQ(error->code(), core::ErrorCode::Storage);
        EXPECT_NE(std::string(error->what()).find("two threads at once"), std::string::npos) << error->what();
    }
    tried.set_value();
    holder.join();
    // The holder's transaction committed whole; the intruder wrote nothing.
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM t"), 2);
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM t WHERE name = 'intruder'"), 0);
    EXPECT_FALSE(db->threadGuard().held());
}

TEST_F(ThreadGuardTest, aSecondThreadWhileAStatementStepsIsRefused)
{
    std::atomic<bool> done{false};
    std::thread stepper([&] {
        // One step that takes a while: a recursive count to a large number.
        Statement slow(*db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000) "
                            "SELECT count(*) FROM c");
        const bool row = slow.step();
        done = true;
        EXPECT_TRUE(row);
        EXPECT_EQ(slow.columnInt64(0), 5000000);
    });
    while (!db->threadGuard().held() && !done) {
        std::this_thread::yield();
    }
    if (!done) {
        const auto error = useFromHere([&] { (void)db->queryInt("SELECT 1"); });
        // The count may just have finished between the check and the query; then nothing overlapped.
        if (!done) {
            ASSERT_TRUE(error.has_value());
            EXPECT_EQ(error->code(), core::ErrorCode::Storage);
        }
    }
    stepper.join();
    EXPECT_EQ(db->queryInt("SELECT 1"), 1);
}

TEST_F(ThreadGuardTest, takingTurnsFromSeveralThreadsIsFine)
{
    for (int i = 0; i < 3; ++i) {
        std::thread([&] {
            Transaction transaction(*db);
            Statement(*db, "INSERT INTO t (name) VALUES ('turn')").run();
            transaction.commit();
        }).join();
        Statement(*db, "INSERT INTO t (name) VALUES ('gui')").run();
    }
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM t"), 6);
    {
        // A failed commit or a rollback frees the guard as well.
        Transaction abandoned(*db);
        Statement(*db, "INSERT INTO t (name) VALUES ('dropped')").run();
    }
    std::thread([&] { EXPECT_EQ(db->queryInt("SELECT count(*) FROM t"), 6); }).join();
}

} // namespace
