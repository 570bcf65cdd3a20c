// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/WholePictureText.h"

#include <QStringList>

#include "core/reference/ReferenceData.h"
#include "ui/text/DisplayText.h"
#include "ui/text/MatchText.h"

namespace wb::ui {

namespace {

void addDate(QStringList& parts, const core::Record& record, const char* key, const QString& words)
{
    const std::string& value = record.get(key);
    if (!value.empty()) {
        parts << words.arg(DisplayText::ukDate(value));
    }
}

void addTime(QStringList& parts, const core::Record& record, const char* key, const QString& words)
{
    const std::string& value = record.get(key);
    if (!value.empty()) {
        parts << words.arg(DisplayText::withUkTimes(value));
    }
}

QString withDetails(const QString& head, const QStringList& parts)
{
    return parts.isEmpty()
               ? head
               : WholePictureText::tr("%1: %2", "record: details").arg(head, parts.join(QStringLiteral(", ")));
}

} // namespace

QString
WholePictureText::order(const core::Record& order, const core::ReferenceData& lists, const QString& caseReference)
{
    const std::string& type = order.get("order_type");
    QString typeWords = DisplayText::fromStd(type);
    if (lists.has("order-types")) {
        if (const core::ReferenceItem* item = lists.list("order-types").find(type)) {
            typeWords = DisplayText::fromStd(item->label);
        }
    }
    QStringList parts;
    addTime(parts, order, "served_at", tr("served %1"));
    addDate(parts, order, "applied_on", tr("applied for on %1"));
    addTime(parts, order, "hearing_at", tr("hearing %1"));
    addDate(parts, order, "made_on", tr("made on %1"));
    addDate(parts, order, "expires_on", tr("expires on %1"));
    addTime(parts, order, "breached_at", tr("breached %1"));
    addDate(parts, order, "ended_on", tr("ended on %1"));
    return withDetails(tr("%1 (%2)", "order type (case reference)").arg(typeWords, caseReference), parts);
}

QString WholePictureText::bail(const core::Record& bail, const QString& caseReference)
{
    const bool rui = bail.get("kind") == "rui";
    const QString kind = rui ? tr("Released under investigation") : tr("Pre-charge bail");
    QStringList parts;
    addDate(parts, bail, "arrested_on", tr("arrested on %1"));
    addDate(parts, bail, "start_date", tr("from %1"));
    addDate(parts, bail, "abp_end", tr("bail period ends %1"));
    addDate(parts, bail, "ended_on", tr("ended on %1"));
    if (bail.get("ended_on").empty()) {
        parts << tr("still running");
    }
    return withDetails(tr("%1 (%2)", "bail kind (case reference)").arg(kind, caseReference), parts);
}

QString WholePictureText::decision(const core::MatchDecision& decision, const std::map<std::string, QString>& people)
{
    auto who = [&people](const std::string& uuid) {
        const auto found = people.find(uuid);
        return found != people.end() ? found->second : tr("a removed record");
    };
    return tr("%1 and %2: %3, by %4 on %5. Rationale: %6")
        .arg(who(decision.pair.first), who(decision.pair.second), MatchText::verdict(decision.verdict),
             DisplayText::fromStd(decision.decidedBy), DisplayText::ukDateTime(decision.decidedAt),
             DisplayText::fromStd(decision.rationale));
}

} // namespace wb::ui
