// SPDX-License-Identifier: GPL-3.0-or-later
// Finding 2 of issue 12: the passphrase of an EXISTING workspace can be changed, through core and
// the CLI, on empty and generated workspaces and on every past schema's fixture; afterwards the old
// passphrase fails, the new one opens, and every row, the audit chain and the file's integrity are
// intact. A change that fails leaves the old file byte for byte as it was, and usable.
#include <gtest/gtest.h>

#include <sodium.h>

#include "core/Error.h"
#include "core/demo/Generator.h"
#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "support/CliRunner.h"
#include "support/FixturePassphrase.h"
#include "support/TestSupport.h"

using namespace wb;
using core::ErrorCode;
namespace fs = std::filesystem;

namespace {

constexpr const char* NewPassphrase = "a changed fictional passphrase, 9 herons";

/// A digest of every row of every table (the key-derivation note in meta aside, which is meant to
/// change), and the number of rows: equal digests mean equal content.
std::pair<std::string, std::int64_t> contentDigest(core::Workspace& ws)
{
    auto& db = ws.connectionForImport();
    std::vector<std::string> tables;
    {
        core::store::Statement list(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                        "'sqlite_%' ORDER BY name");
        while (list.step()) {
            tables.push_back(list.columnText(0));
        }
    }
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    std::int64_t rows = 0;
    for (const auto& table : tables) {
        // The change rewrites the `kdf` setting for its new header: an audited change, so the entry
        // about it and the chain head it moves are left out too.
        const std::string where = table == "meta"        ? " WHERE key NOT IN ('kdf', 'audit_head')"
                                  : table == "audit_log" ? " WHERE NOT (entity = 'meta' AND entity_uuid = 'kdf')"
                                                         : "";
        core::store::Statement select(db, "SELECT * FROM \"" + table + "\"" + where + " ORDER BY 1, rowid");
        while (select.step()) {
            ++rows;
            for (int c = 0; c < select.columnCount(); ++c) {
                const std::string value = select.isNull(c) ? std::string("\x01null") : select.columnText(c);
                const std::string cell = table + "\x1f" + std::to_string(c) + "\x1f" + value + "\x1e";
                crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(cell.data()), cell.size());
            }
        }
    }
    unsigned char digest[32];
    crypto_generichash_final(&state, digest, sizeof digest);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return {hex, rows};
}

void expectOnlyTheNewPassphraseOpens(const fs::path& file, const std::pair<std::string, std::int64_t>& before)
{
    auto reopened = test::openWorkspace(file, NewPassphrase);
    EXPECT_EQ(reopened->integrityCheck(), "ok");
    const auto audit = reopened->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
    const auto after = contentDigest(*reopened);
    EXPECT_EQ(after.second, before.second);
    EXPECT_EQ(after.first, before.first);
    for (const auto& entry : fs::directory_iterator(file.parent_path())) {
        EXPECT_EQ(entry.path().string().find(".partial"), std::string::npos) << entry.path();
    }
}

/// A workspace to change: empty, generated, or a copy of a past schema's fixture.
struct Subject {
    std::string name;
    std::function<void(const fs::path&)> make;
    std::string passphrase;
};

std::vector<Subject> subjects()
{
    std::vector<Subject> out;
    out.push_back({"empty", [](const fs::path& file) { test::createWorkspace(file); }, test::Passphrase});
    out.push_back({"generated300",
                   [](const fs::path& file) {
                       auto ws = test::createWorkspace(file);
                       core::GeneratorOptions options;
                       options.cases = test::envInt("WB_PASSPHRASE_CHANGE_CASES", 300);
                       options.shape = core::GeneratorShape{4, 6, 4, 3, 4, 1, 1};
                       core::generateWorkspace(*ws, options);
                   },
                   test::Passphrase});
    for (int v = 1; v < core::schema::currentSchemaVersion(); ++v) {
        out.push_back({"schemaV" + std::to_string(v),
                       [v](const fs::path& file) {
                           fs::copy_file(fs::path(WB_TEST_DATA_DIR) / ("schema-v" + std::to_string(v) + ".rwb"), file);
                       },
                       test::FixturePassphrase});
    }
    return out;
}

class PassphraseChangeTest : public ::testing::TestWithParam<Subject>
{
protected:
    test::TempDir dir;
    fs::path file = dir / "subject.rwb";
};

TEST_P(PassphraseChangeTest, throughCoreOnAnExistingWorkspace)
{
    GetParam().make(file);
    const std::string old = GetParam().passphrase;
    std::pair<std::string, std::int64_t> before;
    {
        auto ws = test::openWorkspace(file, old); // existing: opened, never created in this process
        before = contentDigest(*ws);
        ws->changePassphrase(old, NewPassphrase);
        EXPECT_FALSE(ws->isLocked());
        EXPECT_EQ(contentDigest(*ws), before);
    }
    try {
        (void)core::Workspace::deriveForOpen(file, old);
        ADD_FAILURE() << "the old passphrase still opens the workspace";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::WrongPassphrase) << e.what();
    }
    expectOnlyTheNewPassphraseOpens(file, before);
}

TEST_P(PassphraseChangeTest, throughTheCli)
{
    GetParam().make(file);
    const std::string old = GetParam().passphrase;
    const fs::path oldFile = dir / "old.txt";
    const fs::path newFile = dir / "new.txt";
    test::writePassphraseFile(oldFile, old);
    test::writePassphraseFile(newFile, NewPassphrase);
    std::pair<std::string, std::int64_t> before;
    {
        auto ws = test::openWorkspace(file, old); // migrates an old fixture first, as the CLI will
        before = contentDigest(*ws);
    }
    // A relative path, as officers type it (the report had it fail with relative and absolute ones).
    const fs::path here = fs::current_path();
    fs::current_path(dir.path());
    const auto changed =
        test::runCli("change-passphrase subject.rwb", oldFile, "--new-passphrase-fd 4 4<'" + newFile.string() + "'");
    fs::current_path(here);
    ASSERT_EQ(changed.exitCode, 0) << changed.output;
    EXPECT_NE(changed.output.find("passphrase changed"), std::string::npos) << changed.output;
    const auto withOld = test::runCli("info " + test::quoted(file), oldFile);
    EXPECT_EQ(withOld.exitCode, 1) << withOld.output;
    EXPECT_NE(withOld.output.find("WrongPassphrase"), std::string::npos) << withOld.output;
    const auto verify = test::runCli("verify " + test::quoted(file), newFile);
    EXPECT_EQ(verify.exitCode, 0) << verify.output;
    expectOnlyTheNewPassphraseOpens(file, before);
}

INSTANTIATE_TEST_SUITE_P(Workspaces,
                         PassphraseChangeTest,
                         ::testing::ValuesIn(subjects()),
                         [](const ::testing::TestParamInfo<Subject>& p) { return p.param.name; });

TEST(PassphraseChangeFailureTest, aChangeThatFailsPartWayLeavesTheOldFileAsItWas)
{
    test::TempDir dir;
    const fs::path file = dir / "full.rwb";
    {
        auto ws = test::createWorkspace(file);
        core::GeneratorOptions options;
        options.cases = 40;
        core::generateWorkspace(*ws, options);
    }
    {
        test::openWorkspace(file);
    } // settled: the log copied in and removed
    const auto hash = test::fileHash(file);
    const auto size = fs::file_size(file);
    const fs::path oldFile = dir / "old.txt";
    const fs::path newFile = dir / "new.txt";
    test::writePassphraseFile(oldFile, test::Passphrase);
    test::writePassphraseFile(newFile, NewPassphrase);
    // The re-encrypted copy cannot grow past a quarter of the workspace: writing it fails (EFBIG).
    const std::string blocks = std::to_string(size / 4 / 512);
    const std::string command = "sh -c \"trap '' XFSZ; ulimit -f " + blocks + "; exec '" + WB_CLI_PATH +
                                "' change-passphrase '" + file.string() +
                                "' --passphrase-fd 3 --new-passphrase-fd 4\" 3<'" + oldFile.string() + "' 4<'" +
                                newFile.string() + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[512];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        output.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    ASSERT_TRUE(WIFEXITED(status)) << output;
    EXPECT_EQ(WEXITSTATUS(status), 1) << output;
    EXPECT_EQ(test::fileHash(file), hash);
    EXPECT_FALSE(fs::exists(file.string() + "-wal"));
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().string().find(".partial"), std::string::npos) << entry.path();
    }
    auto ws = test::openWorkspace(file);
    EXPECT_EQ(ws->cases().count(), 40);
    EXPECT_EQ(ws->integrityCheck(), "ok");
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST(PassphraseChangeFailureTest, wrongOrEmptyInputChangesNothing)
{
    test::TempDir dir;
    const fs::path file = dir / "w.rwb";
    {
        test::createWorkspace(file)->cases().add(test::caseDraft("FICT/P1/26"));
    }
    auto ws = test::openWorkspace(file);
    const auto hash = test::fileHash(file);
    for (const auto& [old, fresh, code] : std::vector<std::tuple<std::string, std::string, ErrorCode>>{
             {"not the passphrase", NewPassphrase, ErrorCode::WrongPassphrase},
             {test::Passphrase, "", ErrorCode::Validation}}) {
        try {
            ws->changePassphrase(old, fresh);
            ADD_FAILURE() << "the change went ahead";
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), code) << e.what();
        }
        EXPECT_FALSE(ws->isLocked());
        EXPECT_EQ(ws->cases().count(), 1);
    }
    ws.reset();
    EXPECT_EQ(test::fileHash(file), hash);
    EXPECT_NO_THROW(test::openWorkspace(file));
}

} // namespace
