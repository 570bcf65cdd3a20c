// SPDX-License-Identifier: GPL-3.0-or-later
// The RAII layer over SQLCipher: statements, transactions, savepoints, after-commit callbacks.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/store/Database.h"
#include "core/store/Savepoint.h"
#include "core/store/SecureBuffer.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"
#include "support/TestSupport.h"

using namespace wb;
using core::store::Database;
using core::store::Savepoint;
using core::store::Statement;
using core::store::Transaction;

namespace {

class StoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = std::make_unique<Database>(dir / "store.db", Database::OpenMode::CreateNew);
        db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, note TEXT)");
    }
    std::int64_t rows() { return db->queryInt("SELECT count(*) FROM t"); }

    test::TempDir dir;
    std::unique_ptr<Database> db;
};

TEST_F(StoreTest, linkedLibraryIsSqlCipher)
{
    EXPECT_FALSE(db->cipherVersion().empty());
}

TEST_F(StoreTest, namedBindsAndTypedColumns)
{
    Statement insert(*db, "INSERT INTO t (name, score, note) VALUES (:name, :score, :note)");
    insert.bind(":name", "alpha").bind(":score", 2.5).bind(":note", std::optional<std::string>()).run();
    Statement select(*db, "SELECT id, name, score, note FROM t");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnInt64(0), db->lastInsertRowId());
    EXPECT_EQ(select.columnText(1), "alpha");
    EXPECT_DOUBLE_EQ(select.columnDouble(2), 2.5);
    EXPECT_TRUE(select.isNull(3));
    EXPECT_EQ(select.columnOptionalText(3), std::nullopt);
    EXPECT_FALSE(select.step());
}

TEST_F(StoreTest, unknownParameterNameIsAnError)
{
    Statement insert(*db, "INSERT INTO t (name) VALUES (:name)");
    EXPECT_THROW(insert.bind(":nmae", "x"), core::Error);
}

TEST_F(StoreTest, syntaxErrorThrowsStorageError)
{
    try {
        db->exec("SELEKT 1");
        FAIL() << "expected an exception";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Storage);
    }
}

TEST_F(StoreTest, uniqueViolationMapsToConflict)
{
    db->exec("INSERT INTO t (name) VALUES ('same')");
    try {
        db->exec("INSERT INTO t (name) VALUES ('same')");
        FAIL() << "expected an exception";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Conflict);
    }
}

TEST_F(StoreTest, transactionRollsBackWhenNotCommitted)
{
    {
        Transaction tx(*db);
        db->exec("INSERT INTO t (name) VALUES ('gone')");
        EXPECT_EQ(rows(), 1);
    }
    EXPECT_EQ(rows(), 0);
}

TEST_F(StoreTest, transactionRollsBackWhenAnExceptionLeavesTheScope)
{
    try {
        Transaction tx(*db);
        db->exec("INSERT INTO t (name) VALUES ('gone')");
        throw std::runtime_error("failure mid-save");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(rows(), 0);
    EXPECT_FALSE(db->inTransaction());
}

TEST_F(StoreTest, transactionsDoNotNest)
{
    Transaction tx(*db);
    EXPECT_THROW(Transaction inner(*db), core::Error);
}

TEST_F(StoreTest, afterCommitRunsOnlyAfterCommit)
{
    int calls = 0;
    {
        Transaction tx(*db);
        db->exec("INSERT INTO t (name) VALUES ('kept')");
        db->afterCommit([&] {
            ++calls;
            EXPECT_FALSE(db->inTransaction());
            EXPECT_EQ(rows(), 1);
        });
        EXPECT_EQ(calls, 0);
        tx.commit();
    }
    EXPECT_EQ(calls, 1);
}

TEST_F(StoreTest, afterCommitIsDroppedOnRollback)
{
    int calls = 0;
    {
        Transaction tx(*db);
        db->afterCommit([&] { ++calls; });
    }
    {
        Transaction tx(*db);
        tx.commit();
    }
    EXPECT_EQ(calls, 0);
}

TEST_F(StoreTest, savepointRollbackKeepsOuterWorkAndDropsInnerCallbacks)
{
    std::vector<std::string> fired;
    {
        Transaction tx(*db);
        db->exec("INSERT INTO t (name) VALUES ('outer')");
        db->afterCommit([&] { fired.push_back("outer"); });
        {
            Savepoint sp(*db, "inner");
            db->exec("INSERT INTO t (name) VALUES ('inner')");
            db->afterCommit([&] { fired.push_back("inner"); });
        }
        {
            Savepoint sp(*db, "second");
            db->exec("INSERT INTO t (name) VALUES ('second')");
            db->afterCommit([&] { fired.push_back("second"); });
            sp.release();
        }
        EXPECT_TRUE(fired.empty());
        tx.commit();
    }
    EXPECT_EQ(fired, (std::vector<std::string>{"outer", "second"}));
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM t WHERE name = 'inner'"), 0);
    EXPECT_EQ(rows(), 2);
}

TEST_F(StoreTest, savepointNamesAreChecked)
{
    EXPECT_THROW(Savepoint sp(*db, "x; DROP TABLE t"), core::Error);
    EXPECT_EQ(rows(), 0);
}

TEST(SecureBufferTest, wipeEmptiesAndMoveTransfers)
{
    auto a = core::store::SecureBuffer::fromBytes("key material");
    EXPECT_EQ(a.view(), "key material");
    core::store::SecureBuffer b = std::move(a);
    EXPECT_TRUE(a.empty());
    EXPECT_EQ(b.view(), "key material");
    b.wipe();
    EXPECT_TRUE(b.empty());
    EXPECT_EQ(b.data(), nullptr);
}

} // namespace
