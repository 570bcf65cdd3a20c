// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/VictimContactReport.h"

#include <string>

#include "core/reference/ReferenceData.h"
#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportWriter.h"

namespace wb::ui::reports {

namespace {

using Rows = std::vector<std::pair<QString, QString>>;

QString throughWhom(std::string_view code)
{
    if (code == "direct") {
        return VictimContactReport::tr("Directly");
    }
    if (code == "isva") {
        return VictimContactReport::tr("Through the ISVA");
    }
    if (code == "intermediary") {
        return VictimContactReport::tr("Through an intermediary");
    }
    if (code == "interpreter") {
        return VictimContactReport::tr("Through an interpreter");
    }
    if (code == "other") {
        return VictimContactReport::tr("Through someone else");
    }
    return ReportText::fromStd(code);
}

Rows planRows(const core::Record& plan, const core::ReferenceData& lists, const ReportOptions& options)
{
    const auto v = [&](std::string_view key) { return ReportBuilder::fieldText(plan, key, options); };
    QString how = ReportBuilder::listLabel(lists, "contact-methods", plan.get("method"));
    if (!plan.get("other_method").empty()) {
        how += QStringLiteral(": ") + v("other_method");
    }
    QString through = throughWhom(plan.get("through_whom"));
    if (!plan.get("through_details").empty()) {
        through += QStringLiteral(": ") + v("through_details");
    }
    const QString days = ReportText::fromStd(plan.get("frequency_days"));
    Rows rows{
        {VictimContactReport::tr("Agreed on"), ReportText::ukWhen(plan.get("agreed_on"))},
        {VictimContactReport::tr("How often"),
         days.isEmpty() ? QString() : VictimContactReport::tr("at least every %n days", nullptr, days.toInt())},
        {VictimContactReport::tr("How"), how},
        {VictimContactReport::tr("Through whom"), through},
        {VictimContactReport::tr("Language"), v("language")},
        {VictimContactReport::tr("Safe times"), v("safe_times")},
        {VictimContactReport::tr("Safe channels"), v("safe_channels")},
        {VictimContactReport::tr("Messages may be left"), ReportText::yesNo(plan.get("may_leave_messages") == "1")},
        {VictimContactReport::tr("Avoid"), v("avoid")},
        {VictimContactReport::tr("Recorded by"), v("recorded_by")},
    };
    if (plan.get("do_not_contact") == "1") {
        rows.insert(rows.begin(), {VictimContactReport::tr("DO NOT CONTACT"), v("do_not_contact_reason")});
        if (rows.front().second.isEmpty()) {
            rows.front().second = VictimContactReport::tr("Yes");
        }
    }
    return rows;
}

void contactsTable(ReportWriter& writer,
                   const std::vector<core::Record>& contacts,
                   const core::ReferenceData& lists,
                   const ReportOptions& options)
{
    if (contacts.empty()) {
        writer.paragraph(VictimContactReport::tr("No contact is recorded yet."));
        return;
    }
    std::vector<QStringList> rows;
    rows.reserve(contacts.size());
    for (const auto& contact : contacts) {
        const auto v = [&](std::string_view key) { return ReportBuilder::fieldText(contact, key, options); };
        QStringList said;
        if (!contact.get("explained").empty()) {
            said << VictimContactReport::tr("Explained: %1").arg(v("explained"));
        }
        if (!contact.get("victim_views").empty()) {
            said << VictimContactReport::tr("The victim's views: %1").arg(v("victim_views"));
        }
        if (contact.get("plan_followed") == "0") {
            said << VictimContactReport::tr("Not as the plan says: %1").arg(v("deviation_reason"));
        }
        if (!contact.get("next_due").empty()) {
            said << VictimContactReport::tr("Next contact due %1").arg(ReportText::ukWhen(contact.get("next_due")));
        }
        rows.push_back({ReportText::ukWhen(contact.get("contacted_at")),
                        ReportBuilder::listLabel(lists, "contact-methods", contact.get("method")),
                        ReportBuilder::listLabel(lists, "contact-purposes", contact.get("purpose")), v("by_whom"),
                        said.join(QLatin1Char('\n'))});
    }
    writer.table({VictimContactReport::tr("When"), VictimContactReport::tr("How"), VictimContactReport::tr("Why"),
                  VictimContactReport::tr("By"), VictimContactReport::tr("What was said")},
                 rows, {19, 12, 16, 13, 40});
}

void codeTable(ReportWriter& writer, const core::victim::VictimsCodeRecord& code, const ReportOptions& options)
{
    if (code.rights.empty()) {
        writer.paragraph(VictimContactReport::tr("The Victims' Code rights list is not installed."));
        return;
    }
    std::vector<QStringList> rows;
    rows.reserve(code.rights.size());
    for (const auto& right : code.rights) {
        QStringList done;
        for (const auto& entry : right.entries) {
            QString line = VictimContactReport::tr("%1: %2").arg(ReportText::ukWhen(entry.get("done_on")),
                                                                 ReportBuilder::fieldText(entry, "action", options));
            if (!entry.get("done_by").empty()) {
                line = VictimContactReport::tr("%1 (by %2)")
                           .arg(line, ReportBuilder::fieldText(entry, "done_by", options));
            }
            done << line;
        }
        rows.push_back(
            {ReportText::fromStd(right.label),
             right.entries.empty() ? VictimContactReport::tr("Not yet recorded") : VictimContactReport::tr("Done"),
             done.join(QLatin1Char('\n'))});
    }
    writer.table({VictimContactReport::tr("Right"), VictimContactReport::tr("Status"),
                  VictimContactReport::tr("What was done, and when")},
                 rows, {34, 19, 47});
}

QString enhancedText(const core::victim::VictimsCodeRecord& code)
{
    if (code.enhancedRights) {
        return VictimContactReport::tr("Yes (the default for victims of these offences): Right 6 updates are due "
                                       "within 1 working day.");
    }
    if (code.optOut) {
        return VictimContactReport::tr("No: the victim opted out; the opt-out is recorded on %1 (Right 4). Right 6 "
                                       "updates are due within 5 working days.")
            .arg(ReportText::ukWhen(code.optOut->get("done_on")));
    }
    return VictimContactReport::tr("No: the victim opted out, but the opt-out is NOT recorded under Right 4. Right 6 "
                                   "updates are due within 5 working days.");
}

QString rightToReviewText(const core::victim::VrrEligibility& vrr)
{
    if (!vrr.applies()) {
        return VictimContactReport::tr("Not in play: the victim has not withdrawn and there is no decision not to "
                                       "proceed.");
    }
    QStringList why;
    for (const auto& trigger : vrr.triggers) {
        why << (trigger.kind == core::victim::VrrTrigger::Kind::Withdrawal
                    ? VictimContactReport::tr("the victim withdrew (%1)").arg(ReportText::ukDateTime(trigger.at))
                    : VictimContactReport::tr("a decision not to proceed (%1)")
                          .arg(ReportText::ukDateTime(trigger.at)));
    }
    const QString given = vrr.informationGivenAt ? VictimContactReport::tr("The information was given on %1.")
                                                       .arg(ReportText::ukDateTime(*vrr.informationGivenAt))
                                                 : VictimContactReport::tr("The information has NOT been given since.");
    return VictimContactReport::tr("In play: %1. %2").arg(why.join(QStringLiteral("; ")), given);
}

} // namespace

Report VictimContactReport::layout(const core::Case& theCase,
                                   const std::vector<core::reports::VictimContactSection>& victims,
                                   const core::ReferenceData& lists,
                                   const ReportOptions& options)
{
    ReportWriter writer;
    Report report = ReportBuilder::begin(core::reports::ReportKind::VictimContact, theCase, writer, options);
    writer.note(tr("For each victim: the contact plan agreed with them, every contact in the order made, and what was "
                   "done to meet each right of the Code of Practice for Victims of Crime. Dates are as recorded."));
    if (victims.empty()) {
        writer.paragraph(tr("No victim is recorded for this case."));
    }
    for (const auto& section : victims) {
        writer.heading(tr("Victim: %1").arg(ReportBuilder::personName(options, section.victim)));
        writer.fields({
            {tr("Enhanced rights"), enhancedText(section.code)},
            {tr("Victims' Right to Review"), rightToReviewText(section.rightToReview)},
        });

        writer.subheading(tr("Contact plan in force"));
        if (section.currentPlan) {
            writer.fields(planRows(*section.currentPlan, lists, options));
        } else {
            writer.paragraph(tr("No contact plan is agreed yet."));
        }
        if (!section.earlierPlans.empty()) {
            writer.subheading(tr("Earlier contact plans (%n)", nullptr, static_cast<int>(section.earlierPlans.size())));
            for (const auto& plan : section.earlierPlans) {
                writer.fields(planRows(plan, lists, options));
            }
        }

        writer.subheading(tr("Contacts (%n)", nullptr, static_cast<int>(section.contacts.size())));
        contactsTable(writer, section.contacts, lists, options);

        writer.subheading(tr("Victims' Code record"));
        codeTable(writer, section.code, options);
    }
    report.document = writer.take();
    return report;
}

} // namespace wb::ui::reports
