// SPDX-License-Identifier: GPL-3.0-or-later
// A forger with the passphrase, for the tests of issue 12 finding 7.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::test {

/// A forger with the passphrase, written from the published format (not from AuditLog.cpp's
/// code): recomputes state hashes, renumbers entries and rebuilds the chain and its stored head,
/// exactly what finding 7 of issue 12 did. Plain verify cannot tell; an anchor can.
namespace forger {

using Hash = std::array<unsigned char, 32>;
constexpr std::string_view Domain = "rasso-workbench audit v1";

class Encoder
{
public:
    Encoder() { crypto_generichash_init(&m_state, nullptr, 0, 32); }
    void add(std::string_view bytes)
    {
        unsigned char length[8];
        auto n = static_cast<std::uint64_t>(bytes.size());
        for (int i = 7; i >= 0; --i) {
            length[i] = static_cast<unsigned char>(n & 0xFF);
            n >>= 8;
        }
        crypto_generichash_update(&m_state, length, sizeof length);
        crypto_generichash_update(&m_state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    }
    void add(const std::vector<unsigned char>& bytes)
    {
        add(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    }
    std::vector<unsigned char> finish()
    {
        Hash out{};
        crypto_generichash_final(&m_state, out.data(), out.size());
        return {out.begin(), out.end()};
    }

private:
    crypto_generichash_state m_state{};
};

inline std::vector<unsigned char>
rowHash(wb::core::store::Database& db, const std::string& table, const std::string& uuid)
{
    wb::core::store::Statement row(db, "SELECT * FROM " + table + " WHERE uuid = :uuid");
    row.bind(":uuid", uuid);
    EXPECT_TRUE(row.step());
    Encoder enc;
    enc.add(Domain);
    for (int i = 0; i < row.columnCount(); ++i) {
        enc.add(row.columnName(i));
        switch (row.columnType(i)) {
        case wb::core::store::Statement::Type::Null: enc.add("N"); break;
        case wb::core::store::Statement::Type::Integer:
            enc.add("I");
            enc.add(std::to_string(row.columnInt64(i)));
            break;
        case wb::core::store::Statement::Type::Real:
            enc.add("R");
            enc.add(fmt::format("{:.17g}", row.columnDouble(i)));
            break;
        case wb::core::store::Statement::Type::Text:
            enc.add("T");
            enc.add(row.columnText(i));
            break;
        case wb::core::store::Statement::Type::Blob:
            enc.add("B");
            enc.add(row.columnBlob(i));
            break;
        }
    }
    return enc.finish();
}

/// Makes the last entry about a record vouch for the record as it now stands.
inline void restate(wb::core::store::Database& db, const std::string& table, const std::string& uuid)
{
    wb::core::store::Statement update(db, "UPDATE audit_log SET row_hash = :hash WHERE id = (SELECT max(id) FROM "
                                          "audit_log WHERE entity = :table AND entity_uuid = :uuid)");
    update.bindBlob(":hash", rowHash(db, table, uuid)).bind(":table", table).bind(":uuid", uuid).run();
}

/// Renumbers the entries 1…n in their order and recomputes every link, hash and the stored head.
inline void rechain(wb::core::store::Database& db)
{
    std::vector<std::int64_t> ids;
    {
        wb::core::store::Statement select(db, "SELECT id FROM audit_log ORDER BY id");
        while (select.step()) {
            ids.push_back(select.columnInt64(0));
        }
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        wb::core::store::Statement move(db, "UPDATE audit_log SET id = :to WHERE id = :from");
        move.bind(":to", -static_cast<std::int64_t>(i + 1)).bind(":from", ids[i]).run();
    }
    db.exec("UPDATE audit_log SET id = -id");
    std::vector<unsigned char> previous(32, 0);
    wb::core::store::Statement select(db, "SELECT id, at, actor, entity, entity_uuid, action, changes, row_hash FROM "
                                          "audit_log ORDER BY id");
    std::vector<std::pair<std::int64_t, std::vector<unsigned char>>> hashes;
    while (select.step()) {
        Encoder enc;
        enc.add(Domain);
        enc.add(std::to_string(select.columnInt64(0)));
        for (int column = 1; column <= 6; ++column) {
            enc.add(select.columnText(column));
        }
        enc.add(select.columnBlob(7));
        enc.add(previous);
        auto hash = enc.finish();
        hashes.emplace_back(select.columnInt64(0), previous);
        previous = hash;
        hashes.back().second.insert(hashes.back().second.end(), hash.begin(), hash.end()); // prev ‖ hash
    }
    for (const auto& [id, both] : hashes) {
        wb::core::store::Statement update(db, "UPDATE audit_log SET prev_hash = :prev, hash = :hash WHERE id = :id");
        update.bindBlob(":prev", std::vector<unsigned char>(both.begin(), both.begin() + 32))
            .bindBlob(":hash", std::vector<unsigned char>(both.begin() + 32, both.end()))
            .bind(":id", id)
            .run();
    }
    db.exec("UPDATE meta SET value = (SELECT id || ':' || lower(hex(hash)) FROM audit_log ORDER BY id DESC LIMIT 1) "
            "WHERE key = 'audit_head'");
}

} // namespace forger

} // namespace wb::test
