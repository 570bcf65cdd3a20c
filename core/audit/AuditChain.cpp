// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/AuditChain.h"

#include <algorithm>

#include <fmt/format.h>
#include <sodium.h>

#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::audit::detail {

namespace {

constexpr std::string_view Domain = "rasso-workbench audit v1";

/// Length-prefixed concatenation: unambiguous for any bytes.
class Encoder
{
public:
    Encoder() { crypto_generichash_init(&m_state, nullptr, 0, Hash{}.size()); }
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
    Hash finish()
    {
        Hash out{};
        crypto_generichash_final(&m_state, out.data(), out.size());
        return out;
    }

private:
    crypto_generichash_state m_state{};
};

bool isAuditedRecordTable(std::string_view table)
{
    const auto& tables = auditedTables();
    return std::find(tables.begin(), tables.end(), table) != tables.end();
}

} // namespace

std::vector<unsigned char> toBytes(const Hash& h)
{
    return {h.begin(), h.end()};
}

std::string hex(const std::vector<unsigned char>& bytes)
{
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
    out.pop_back();
    return out;
}

bool isAudited(std::string_view table)
{
    return table == MetaEntity || isAuditedRecordTable(table);
}

Hash rowHash(const store::Statement& row)
{
    Encoder enc;
    enc.add(Domain);
    for (int i = 0; i < row.columnCount(); ++i) {
        enc.add(row.columnName(i));
        switch (row.columnType(i)) {
        case store::Statement::Type::Null: enc.add("N"); break;
        case store::Statement::Type::Integer:
            enc.add("I");
            enc.add(std::to_string(row.columnInt64(i)));
            break;
        case store::Statement::Type::Real:
            enc.add("R");
            enc.add(fmt::format("{:.17g}", row.columnDouble(i)));
            break;
        case store::Statement::Type::Text:
            enc.add("T");
            enc.add(row.columnText(i));
            break;
        case store::Statement::Type::Blob:
            enc.add("B");
            enc.add(row.columnBlob(i));
            break;
        }
    }
    return enc.finish();
}

std::optional<Hash> currentRowHash(store::Database& db, std::string_view table, std::string_view uuid)
{
    store::Statement select(db, table == MetaEntity ? std::string("SELECT * FROM meta WHERE key = :uuid")
                                                    : "SELECT * FROM " + std::string(table) + " WHERE uuid = :uuid");
    select.bind(":uuid", uuid);
    if (!select.step()) {
        return std::nullopt;
    }
    return rowHash(select);
}

Hash chainHash(const Stored& e)
{
    Encoder enc;
    enc.add(Domain);
    enc.add(std::to_string(e.id));
    enc.add(e.at);
    enc.add(e.actor);
    enc.add(e.entity);
    enc.add(e.uuid);
    enc.add(e.action);
    enc.add(e.changes);
    enc.add(e.rowHash);
    enc.add(e.prevHash);
    return enc.finish();
}

Stored readStored(const store::Statement& row)
{
    return Stored{row.columnInt64(0), row.columnText(1), row.columnText(2), row.columnText(3), row.columnText(4),
                  row.columnText(5),  row.columnText(6), row.columnBlob(7), row.columnBlob(8), row.columnBlob(9)};
}

std::optional<Action> actionFromString(std::string_view text)
{
    for (auto a : {Action::Create, Action::Update, Action::Delete, Action::Baseline}) {
        if (toString(a) == text) {
            return a;
        }
    }
    return std::nullopt;
}

} // namespace wb::core::audit::detail
