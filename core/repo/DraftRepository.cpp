// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/DraftRepository.h"

#include <string>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "core/Error.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core {

namespace {

/// Overwrites text that held typed personal details before it is freed.
void wipe(std::string& text) noexcept
{
    if (!text.empty()) {
        sodium_memzero(text.data(), text.size());
    }
    text.clear();
}

std::string toJson(const WindowDraft& window)
{
    nlohmann::json forms = nlohmann::json::array();
    for (const FormDraft& form : window.forms) {
        forms.push_back({{"tab", form.tab},
                         {"form", form.form},
                         {"record", form.recordId},
                         {"parent", form.parentId},
                         {"fields", form.fields}});
    }
    const nlohmann::json state{{"format", 1}, {"tab", window.currentTab}, {"forms", std::move(forms)}};
    return state.dump();
}

WindowDraft fromJson(std::int64_t caseId, const std::string& text)
{
    WindowDraft window;
    window.caseId = caseId;
    try {
        const auto state = nlohmann::json::parse(text);
        if (state.at("format").get<int>() != 1) {
            throw Error(ErrorCode::Storage, "a kept draft is in a format this version cannot read");
        }
        window.currentTab = state.at("tab").get<std::string>();
        for (const auto& form : state.at("forms")) {
            window.forms.push_back({form.at("tab").get<std::string>(), form.at("form").get<std::string>(),
                                    form.at("record").get<std::int64_t>(), form.at("parent").get<std::int64_t>(),
                                    form.at("fields").get<std::map<std::string, std::string>>()});
        }
    } catch (const nlohmann::json::exception& e) {
        // Not e.what(): a parse error quotes the text it read, which may be a typed name.
        throw Error(ErrorCode::Storage, "a kept draft cannot be read (JSON error " + std::to_string(e.id) + ")");
    }
    return window;
}

} // namespace

DraftRepository::DraftRepository(const Connection& connection)
    : m_connection(connection)
{
}

void DraftRepository::replaceAll(const std::vector<WindowDraft>& windows)
{
    store::Database& db = m_connection.db();
    store::WriteScope tx(db);
    store::Statement(db, "DELETE FROM drafts").run();
    for (const WindowDraft& window : windows) {
        std::string state = toJson(window);
        store::Statement insert(db, "INSERT INTO drafts (case_id, state) VALUES (:case, :state)");
        insert.bind(":case", window.caseId).bind(":state", state).run();
        wipe(state);
    }
    tx.commit();
}

std::vector<WindowDraft> DraftRepository::list() const
{
    std::vector<WindowDraft> windows;
    store::Statement select(m_connection.db(), "SELECT case_id, state FROM drafts ORDER BY id");
    while (select.step()) {
        std::string state = select.columnText(1);
        windows.push_back(fromJson(select.columnInt64(0), state));
        wipe(state);
    }
    return windows;
}

void DraftRepository::clear()
{
    store::Database& db = m_connection.db();
    store::WriteScope tx(db);
    store::Statement(db, "DELETE FROM drafts").run();
    tx.commit();
}

} // namespace wb::core
