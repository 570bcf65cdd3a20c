// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/DueIndex.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/deadlines/Calendar.h"
#include "core/deadlines/CaseEvaluation.h"
#include "core/deadlines/CollectSnapshots.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core::deadlines {

namespace {

using nlohmann::json;

constexpr std::string_view FingerprintKey = "due_index_fingerprint";

std::int64_t seconds(Instant instant)
{
    return instant.time_since_epoch().count();
}

Instant fromSeconds(std::int64_t value)
{
    return Instant(std::chrono::seconds(value));
}

std::string idList(const std::vector<std::int64_t>& ids)
{
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out += (i == 0 ? "" : ",") + std::to_string(ids[i]);
    }
    return out;
}

std::string kindList(const std::vector<DueKind>& kinds)
{
    // Kind names are our own constants, never text from outside: safe to write into the SQL.
    std::string out;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        out += (i == 0 ? "'" : ",'") + std::string(toString(kinds[i])) + "'";
    }
    return out;
}

std::optional<std::string> storedFingerprint(store::Database& db)
{
    store::Statement select(db, "SELECT value FROM meta WHERE key = :key");
    select.bind(":key", FingerprintKey);
    if (select.step()) {
        return select.columnText(0);
    }
    return std::nullopt;
}

/// Replaces the stored items of `batch` (case ids, some perhaps closed or deleted) with a fresh evaluation.
std::size_t evaluateBatch(store::Database& db, const DueIndexInputs& in, const std::vector<std::int64_t>& batch)
{
    CaseSelection selection;
    selection.caseIds = batch; // open cases only: a closed or deleted case keeps no items
    const auto snapshots = collectSnapshots(db, selection, in.questions, in.enquiries != nullptr);
    db.exec("DELETE FROM due_items WHERE case_id IN (" + idList(batch) + ")");
    store::Statement insert(db, "INSERT INTO due_items (case_id, kind, rule_id, trigger_uuid, person_id, due, "
                                "warn_from, item) VALUES (:case, :kind, :rule, :trigger, :person, :due, :warn, :item)");
    std::size_t stored = 0;
    // "now" only sets each item's state, which is not stored: any instant gives the same items.
    const Instant evaluatedAt = db.clock().now();
    for (const auto& snapshot : snapshots) {
        for (const auto& item : evaluateCase(*in.rules, *in.calendar, snapshot, evaluatedAt, in.enquiries)) {
            if (item.metAt) {
                continue;
            }
            insert.bind(":case", item.caseId)
                .bind(":kind", toString(item.kind))
                .bind(":rule", item.ruleId)
                .bind(":trigger", item.triggerUuid)
                .bind(":person", item.personId)
                .bind(":due", seconds(item.due));
            if (item.warnFrom) {
                insert.bind(":warn", seconds(*item.warnFrom));
            } else {
                insert.bindNull(":warn");
            }
            insert.bind(":item", encodeDueItem(item));
            insert.run();
            insert.reset(); // binds on a statement that has run do not take until it is reset
            ++stored;
        }
    }
    db.exec("DELETE FROM due_dirty WHERE case_id IN (" + idList(batch) + ")");
    return stored;
}

std::vector<DueItem> readItems(store::Statement& select, Instant now)
{
    std::vector<DueItem> out;
    while (select.step()) {
        DueItem item = decodeDueItem(select.columnText(0));
        item.state = stateOf(item.due, item.metAt, now);
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace

std::string encodeDueItem(const DueItem& item)
{
    json j{
        {"rule", item.ruleId},
        {"kind", toString(item.kind)},
        {"case", item.caseId},
        {"reference", item.caseReference},
        {"person", item.personId},
        {"title", item.title},
        {"detail", item.detail},
        {"source", item.source},
        {"confirmed", item.confirmed},
        {"triggered", seconds(item.triggeredAt)},
        {"due", seconds(item.due)},
        {"timed", item.timed},
        {"target", item.target},
        {"satisfiedBy", item.satisfiedBy},
        {"trigger", item.triggerUuid},
        {"actionType", item.action.recordType},
        {"actionRecord", item.action.recordId},
        {"preset", json::object()},
    };
    if (item.warnFrom) {
        j["warnFrom"] = seconds(*item.warnFrom);
    }
    if (item.metAt) {
        j["metAt"] = seconds(*item.metAt);
    }
    for (const auto& [key, value] : item.action.preset) {
        j["preset"][key] = value;
    }
    return j.dump();
}

DueItem decodeDueItem(const std::string& text)
{
    try {
        const json j = json::parse(text);
        DueItem item;
        item.ruleId = j.at("rule").get<std::string>();
        item.kind = dueKindFromString(j.at("kind").get<std::string>()).value_or(DueKind::Other);
        item.caseId = j.at("case").get<std::int64_t>();
        item.caseReference = j.at("reference").get<std::string>();
        item.personId = j.at("person").get<std::int64_t>();
        item.title = j.at("title").get<std::string>();
        item.detail = j.at("detail").get<std::string>();
        item.source = j.at("source").get<std::string>();
        item.confirmed = j.at("confirmed").get<bool>();
        item.triggeredAt = fromSeconds(j.at("triggered").get<std::int64_t>());
        item.due = fromSeconds(j.at("due").get<std::int64_t>());
        item.timed = j.value("timed", false); // items stored before issue 14 are rebuilt (fingerprint) anyway
        item.target = j.value("target", false);
        if (j.contains("warnFrom")) {
            item.warnFrom = fromSeconds(j.at("warnFrom").get<std::int64_t>());
        }
        if (j.contains("metAt")) {
            item.metAt = fromSeconds(j.at("metAt").get<std::int64_t>());
        }
        item.satisfiedBy = j.at("satisfiedBy").get<std::string>();
        item.triggerUuid = j.at("trigger").get<std::string>();
        item.action.recordType = j.at("actionType").get<std::string>();
        item.action.recordId = j.at("actionRecord").get<std::int64_t>();
        for (const auto& [key, value] : j.at("preset").items()) {
            item.action.preset[key] = value.get<std::string>();
        }
        return item;
    } catch (const json::exception&) {
        throw Error(ErrorCode::Storage, "a stored due item cannot be read");
    }
}

DueIndexRefresh refreshDueIndex(store::Database& db, const DueIndexInputs& in, std::size_t batchSize)
{
    if (in.rules == nullptr || in.calendar == nullptr) {
        throw Error(ErrorCode::ReferenceData, "the due list needs the deadline rules and the calendar");
    }
    batchSize = std::max<std::size_t>(batchSize, 1);
    DueIndexRefresh result;
    if (storedFingerprint(db) != in.fingerprint) {
        store::WriteScope scope(db);
        db.exec("DELETE FROM due_items; DELETE FROM due_dirty; INSERT INTO due_dirty (case_id) SELECT id FROM cases");
        store::Statement upsert(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (:key, :value)");
        upsert.bind(":key", FingerprintKey).bind(":value", in.fingerprint).run();
        scope.commit();
        result.rebuilt = true;
    }
    const auto total = in.progress ? static_cast<std::size_t>(db.queryInt("SELECT count(*) FROM due_dirty")) : 0;
    if (in.progress) {
        in.progress(0, total);
    }
    store::Statement next(db, "SELECT case_id FROM due_dirty ORDER BY case_id LIMIT :n");
    for (;;) {
        std::vector<std::int64_t> batch;
        next.bind(":n", static_cast<std::int64_t>(batchSize));
        while (next.step()) {
            batch.push_back(next.columnInt64(0));
        }
        next.reset();
        if (batch.empty()) {
            break;
        }
        store::WriteScope scope(db);
        result.items += evaluateBatch(db, in, batch);
        scope.commit();
        result.cases += batch.size();
        if (in.progress) {
            in.progress(std::min(result.cases, total), total);
        }
    }
    return result;
}

namespace {

/// One stored row, every column, as one comparable text.
std::string rowKey(std::string_view kind,
                   std::string_view rule,
                   std::string_view trigger,
                   std::int64_t person,
                   std::int64_t due,
                   std::optional<std::int64_t> warn,
                   std::string_view item)
{
    return fmt::format("{}|{}|{}|{}|{}|{}|{}", kind, rule, trigger, person, due, warn ? std::to_string(*warn) : "-",
                       item);
}

} // namespace

std::vector<std::string> verifyDueIndex(store::Database& db, const DueIndexInputs& in)
{
    if (in.rules == nullptr || in.calendar == nullptr) {
        throw Error(ErrorCode::ReferenceData, "the due list needs the deadline rules and the calendar");
    }
    std::vector<std::string> problems;
    if (storedFingerprint(db) != in.fingerprint) {
        return problems; // rebuilt in full before it is next read
    }
    std::set<std::int64_t> dirty;
    {
        store::Statement select(db, "SELECT case_id FROM due_dirty");
        while (select.step()) {
            dirty.insert(select.columnInt64(0));
        }
    }
    std::map<std::int64_t, std::multiset<std::string>> stored;
    {
        store::Statement select(db, "SELECT case_id, kind, rule_id, trigger_uuid, person_id, due, warn_from, item "
                                    "FROM due_items");
        while (select.step()) {
            const auto warn = select.columnType(6) == store::Statement::Type::Null
                                  ? std::nullopt
                                  : std::optional<std::int64_t>(select.columnInt64(6));
            stored[select.columnInt64(0)].insert(rowKey(select.columnText(1), select.columnText(2),
                                                        select.columnText(3), select.columnInt64(4),
                                                        select.columnInt64(5), warn, select.columnText(7)));
        }
    }
    std::vector<std::int64_t> cases;
    {
        store::Statement select(db, "SELECT id FROM cases ORDER BY id");
        while (select.step()) {
            if (dirty.count(select.columnInt64(0)) == 0) {
                cases.push_back(select.columnInt64(0));
            }
        }
    }
    std::map<std::int64_t, std::multiset<std::string>> expected;
    const Instant evaluatedAt = db.clock().now(); // sets only each item's state, which is not stored
    constexpr std::size_t Batch = 500;
    for (std::size_t from = 0; from < cases.size(); from += Batch) {
        CaseSelection selection;
        selection.caseIds.assign(cases.begin() + static_cast<std::ptrdiff_t>(from),
                                 cases.begin() + static_cast<std::ptrdiff_t>(std::min(cases.size(), from + Batch)));
        for (const auto& snapshot : collectSnapshots(db, selection, in.questions, in.enquiries != nullptr)) {
            for (const auto& item : evaluateCase(*in.rules, *in.calendar, snapshot, evaluatedAt, in.enquiries)) {
                if (item.metAt) {
                    continue;
                }
                expected[item.caseId].insert(
                    rowKey(toString(item.kind), item.ruleId, item.triggerUuid, item.personId, seconds(item.due),
                           item.warnFrom ? std::optional(seconds(*item.warnFrom)) : std::nullopt, encodeDueItem(item)));
            }
        }
    }
    const std::set<std::int64_t> judged(cases.begin(), cases.end());
    std::set<std::int64_t> wrong;
    for (const auto& [caseId, items] : stored) {
        if (dirty.count(caseId) != 0) {
            continue;
        }
        if (judged.count(caseId) == 0) {
            wrong.insert(caseId); // the case is gone, but items of it remain
            continue;
        }
        const auto it = expected.find(caseId);
        if (it == expected.end() || it->second != items) {
            wrong.insert(caseId);
        }
    }
    for (const auto& [caseId, items] : expected) {
        if (stored.count(caseId) == 0) {
            wrong.insert(caseId);
        }
    }
    for (const auto caseId : wrong) {
        problems.push_back(fmt::format("due list: the stored items of case {} differ from its records (derived "
                                       "data: `rasso-workbench-cli repair` rebuilds it)",
                                       caseId));
    }
    return problems;
}

DueIndexRefresh rebuildDueIndex(store::Database& db, const DueIndexInputs& inputs)
{
    store::WriteScope scope(db);
    // Without its fingerprint the list is rebuilt in full: every item deleted, every case re-evaluated.
    store::Statement forget(db, "DELETE FROM meta WHERE key = :key");
    forget.bind(":key", FingerprintKey).run();
    auto result = refreshDueIndex(db, inputs);
    scope.commit();
    return result;
}

std::vector<DueItem>
storedOpenItems(store::Database& db, Instant now, Instant until, const DueFilter& filter, std::size_t limit)
{
    std::string where;
    if (!filter.kinds.empty()) {
        where += " AND kind IN (" + kindList(filter.kinds) + ")";
    }
    if (!filter.caseIds.empty()) {
        where += " AND case_id IN (" + idList(filter.caseIds) + ")";
    }
    const std::string limitClause = limit > 0 ? " LIMIT " + std::to_string(limit) : std::string();
    // Due by `until`: one range of due_items_by_due, in urgency order, stopping at the limit.
    store::Statement byDue(db, "SELECT item FROM due_items WHERE due <= :until" + where +
                                   " ORDER BY due, case_id, rule_id, trigger_uuid, person_id" + limitClause);
    byDue.bind(":until", seconds(until));
    auto items = readItems(byDue, now);
    // Due later but already warning (a rule that warns further ahead than the horizon): few rows.
    store::Statement warning(db, "SELECT item FROM due_items INDEXED BY due_items_by_warning WHERE warn_from IS NOT "
                                 "NULL AND warn_from <= :now AND due > :until" +
                                     where + limitClause);
    warning.bind(":now", seconds(now)).bind(":until", seconds(until));
    for (auto& item : readItems(warning, now)) {
        items.push_back(std::move(item));
    }
    sortByUrgency(items);
    if (limit > 0 && items.size() > limit) {
        items.resize(limit);
    }
    return items;
}

std::map<std::int64_t, CaseDueCounts>
storedCounts(store::Database& db, Instant now, const std::vector<std::int64_t>& caseIds)
{
    const Instant week = now + std::chrono::days(7);
    std::string sql = "SELECT case_id, due FROM due_items WHERE due <= :week";
    if (!caseIds.empty()) {
        sql = "SELECT case_id, due FROM due_items INDEXED BY due_items_by_case WHERE case_id IN (" + idList(caseIds) +
              ") AND due <= :week";
    }
    store::Statement select(db, sql);
    select.bind(":week", seconds(week));
    std::map<std::int64_t, CaseDueCounts> counts;
    for (const auto id : caseIds) {
        counts[id]; // a listed case with nothing due still has a (zero) entry
    }
    while (select.step()) {
        auto& c = counts[select.columnInt64(0)];
        switch (stateOf(fromSeconds(select.columnInt64(1)), std::nullopt, now)) {
        case DueState::Overdue: ++c.overdue; break;
        case DueState::DueToday: ++c.dueToday; break;
        default: ++c.upcoming; break;
        }
    }
    return counts;
}

} // namespace wb::core::deadlines
