// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/DebriefDialog.h"

#include <map>

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/export/ExportFile.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/training/DebriefFile.h"
#include "ui/plan/PlanText.h"
#include "ui/records/RecordListModel.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/training/DebriefChart.h"
#include "ui/training/TrainingText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PlainFileDestination.h"

namespace wb::ui {

namespace training = core::training;

namespace {

QTreeWidget*
newTree(const QString& objectName, const QString& accessibleName, const QStringList& headers, QWidget* parent)
{
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setHeaderLabels(headers);
    tree->setWordWrap(true);
    tree->setUniformRowHeights(false);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QString ukTime(const std::string& iso)
{
    const auto at = core::parseIsoUtc(iso);
    return at ? DisplayText::ukDateTime(*at) : DisplayText::fromStd(iso);
}

} // namespace

DebriefDialog::DebriefDialog(training::Debrief debrief, const CaseContext& context, QWidget* parent)
    : QDialog(parent)
    , m_debrief(std::move(debrief))
    , m_context(context)
{
    setObjectName(QStringLiteral("debriefDialog"));
    setWindowTitle(tr("TRAINING – Debrief"));
    auto* layout = new QVBoxLayout(this);

    auto* heading = new QLabel(tr("TRAINING – Debrief: %1").arg(DisplayText::fromStd(m_debrief.packTitle)), this);
    heading->setObjectName(QStringLiteral("debriefHeading"));
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    heading->setFont(bold);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto* who =
        new QLabel(tr("Trainee: %1 · scenario time %2 · new information received: %3")
                       .arg(DisplayText::fromStd(m_debrief.trainee), DisplayText::ukDateTime(m_debrief.scenarioTime))
                       .arg(m_debrief.injects.size()),
                   this);
    who->setWordWrap(true);
    layout->addWidget(who);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("debriefSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setText(
        tr("Model lines of enquiry followed: %1 of %2. Deadlines: %3 met on time, %4 met late, %5 missed, %6 still "
           "open. Credibility-focused choices to discuss: %7.")
            .arg(m_debrief.linesFollowed())
            .arg(m_debrief.lines.size())
            .arg(m_debrief.deadlinesWith(training::DeadlineOutcome::Met))
            .arg(m_debrief.deadlinesWith(training::DeadlineOutcome::Late))
            .arg(m_debrief.deadlinesWith(training::DeadlineOutcome::Missed))
            .arg(m_debrief.deadlinesWith(training::DeadlineOutcome::Open))
            .arg(m_debrief.flagged.size()));
    m_summary->setAccessibleName(m_summary->text());
    layout->addWidget(m_summary);

    m_chart = new DebriefChart(this);
    m_chart->setPrinciples(m_debrief.principles);
    layout->addWidget(m_chart, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("debriefTabs"));
    m_lines =
        newTree(QStringLiteral("debriefLines"), tr("Model lines of enquiry"),
                {tr("Line of enquiry"), tr("Outcome"), tr("Weight"), tr("Why it matters, or your rationale")}, m_tabs);
    m_tabs->addTab(m_lines, tr("&Lines of enquiry"));
    m_deadlines = newTree(QStringLiteral("debriefDeadlines"), tr("Model deadlines"),
                          {tr("Deadline"), tr("Outcome"), tr("Due"), tr("Met")}, m_tabs);
    m_tabs->addTab(m_deadlines, tr("&Deadlines"));
    m_choices = new QTextBrowser(m_tabs);
    m_choices->setObjectName(QStringLiteral("debriefChoices"));
    m_choices->setAccessibleName(tr("Choices to discuss and learning points"));
    m_tabs->addTab(m_choices, tr("C&hoices to discuss (%1)").arg(m_debrief.flagged.size()));
    auto* records = newTree(QStringLiteral("debriefRecords"), tr("Decisions and contacts"),
                            {tr("When"), tr("What"), tr("Rationale or purpose")}, m_tabs);
    m_tabs->addTab(records, tr("Decisions and c&ontacts"));
    layout->addWidget(m_tabs, 2);
    fillLines();
    fillDeadlines();
    fillChoices();
    fillRecords(records);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("debriefMessage"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save debrief file…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveDebriefButton"));
    m_save->setToolTip(tr("Save the file your trainer collects for the class debrief (no passphrase, nothing from "
                          "outside this exercise)"));
    connect(m_save, &QPushButton::clicked, this, &DebriefDialog::chooseAndSave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    DialogFit::fitWindow(*this, QSize(1100, 820));
}

void DebriefDialog::fillLines()
{
    std::map<core::nom::Principle, QTreeWidgetItem*> groups;
    for (const auto& p : m_debrief.principles) {
        auto* group = new QTreeWidgetItem(
            m_lines, {tr("%1: %2").arg(PlanText::principleLabel(p.principle), TrainingText::principleScore(p))});
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setExpanded(true);
        groups[p.principle] = group;
    }
    for (const auto& line : m_debrief.lines) {
        QTreeWidgetItem* parent = groups.contains(line.principle) ? groups[line.principle] : nullptr;
        const QString title = tr("%1 %2").arg(DisplayText::fromStd(line.enquiry), DisplayText::fromStd(line.title));
        QString note = DisplayText::fromStd(line.why);
        if (line.outcome == training::LineOutcome::Declined) {
            note = tr("Your rationale: %1").arg(DisplayText::fromStd(line.rationale));
        }
        auto* item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_lines);
        item->setText(0, title);
        item->setText(1, TrainingText::lineOutcome(line.outcome));
        item->setText(2, QString::number(line.weight));
        item->setText(3, note);
        item->setToolTip(0, title);
        item->setToolTip(3, note);
    }
    m_lines->setColumnWidth(0, 380);
    m_lines->setColumnWidth(1, 170);
    m_lines->setColumnWidth(2, 60);
}

void DebriefDialog::fillDeadlines()
{
    for (const auto& d : m_debrief.deadlines) {
        auto* group = new QTreeWidgetItem(m_deadlines);
        group->setText(0, DisplayText::fromStd(d.title.empty() ? d.rule : d.title));
        group->setText(1, TrainingText::deadlineOutcome(d.outcome));
        group->setToolTip(0, DisplayText::fromStd(d.why));
        group->setExpanded(d.items.size() > 1);
        for (const auto& item : d.items) {
            auto* child = new QTreeWidgetItem(group);
            child->setText(0, DisplayText::fromStd(item.title));
            child->setText(1, TrainingText::deadlineOutcome(item.outcome));
            child->setText(2, DisplayText::ukDateTime(item.due));
            child->setText(3, item.metAt ? DisplayText::ukDateTime(*item.metAt) : tr("not met"));
        }
        if (d.items.size() == 1) {
            group->setText(2, DisplayText::ukDateTime(d.items.front().due));
            group->setText(3, d.items.front().metAt ? DisplayText::ukDateTime(*d.items.front().metAt) : tr("not met"));
        }
    }
    m_deadlines->setColumnWidth(0, 420);
    m_deadlines->setColumnWidth(1, 260);
    m_deadlines->setColumnWidth(2, 130);
}

void DebriefDialog::fillChoices()
{
    QString html;
    if (m_debrief.flagged.empty()) {
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("None of the credibility-focused choices this exercise looks for were made.").toHtmlEscaped());
    } else {
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Credibility-focused choices").toHtmlEscaped());
        for (const auto& f : m_debrief.flagged) {
            html += QStringLiteral("<p><b>%1</b><br>%2<br><i>%3</i> %4 <small>(%5)</small></p>")
                        .arg(DisplayText::fromStd(f.title).toHtmlEscaped(),
                             TrainingText::choiceFound(f, &m_context).toHtmlEscaped(),
                             tr("Learning point:").toHtmlEscaped(), DisplayText::fromStd(f.point.text).toHtmlEscaped(),
                             DisplayText::fromStd(f.point.source).toHtmlEscaped());
        }
    }
    if (!m_debrief.learningPoints.empty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Learning points to go over").toHtmlEscaped());
        for (const auto& p : m_debrief.learningPoints) {
            html +=
                QStringLiteral("<p><b>%1</b>: %2 <small>(%3)</small></p>")
                    .arg(PlanText::principleLabel(p.principle).toHtmlEscaped(),
                         DisplayText::fromStd(p.text).toHtmlEscaped(), DisplayText::fromStd(p.source).toHtmlEscaped());
        }
    }
    m_choices->setHtml(html);
}

void DebriefDialog::fillRecords(QTreeWidget* tree)
{
    auto* decisions = new QTreeWidgetItem(tree, {tr("Decisions (%1)").arg(m_debrief.decisions.size())});
    decisions->setExpanded(true);
    for (const auto& d : m_debrief.decisions) {
        new QTreeWidgetItem(decisions,
                            {ukTime(d.at), DisplayText::fromStd(d.decision), DisplayText::fromStd(d.rationale)});
    }
    auto* contacts = new QTreeWidgetItem(tree, {tr("Contacts with the victim (%1)").arg(m_debrief.contacts.size())});
    contacts->setExpanded(true);
    const auto& spec = core::recordSpec(core::recordtype::kContact);
    for (const auto& c : m_debrief.contacts) {
        const auto* method = spec.field("method");
        const auto* purpose = spec.field("purpose");
        new QTreeWidgetItem(contacts, {ukTime(c.at), RecordListModel::displayValue(m_context, spec, *method, c.method),
                                       RecordListModel::displayValue(m_context, spec, *purpose, c.purpose)});
    }
    tree->setColumnWidth(0, 200);
    tree->setColumnWidth(1, 380);
}

QString DebriefDialog::suggestedPath() const
{
    QString name = QStringLiteral("debrief-%1-%2.json")
                       .arg(DisplayText::fromStd(m_debrief.trainee), DisplayText::fromStd(m_debrief.packId))
                       .toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9.-]+")), QStringLiteral("-"));
    const QString folder = PlainFileDestination::safeStartFolder();
    return folder.isEmpty() ? name : QDir(folder).absoluteFilePath(name);
}

void DebriefDialog::chooseAndSave()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save debrief file"), suggestedPath(), tr("Debrief files (*.json)"));
    if (!path.isEmpty()) {
        saveTo(path);
    }
}

bool DebriefDialog::saveTo(const QString& path)
{
    if (m_context.workspace == nullptr) {
        m_message->showMessage(ErrorText::message(core::Error(core::ErrorCode::Locked, "workspace")));
        return false;
    }
    try {
        core::exports::writeAudited(
            *m_context.workspace, "training-debrief", m_context.caseId,
            {{DisplayText::toPath(QFileInfo(path).absoluteFilePath()), training::debriefJson(m_debrief)}});
        m_message->showMessage(tr("Debrief saved as %1. Hand it to your trainer.").arg(QDir::toNativeSeparators(path)),
                               InlineMessage::Kind::Information);
        return true;
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        return false;
    }
}

} // namespace wb::ui
