// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/ClassDebriefDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/training/DebriefFile.h"
#include "ui/plan/PlanText.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/training/DebriefChart.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PlainFileDestination.h"

namespace wb::ui {

namespace training = core::training;

ClassDebriefDialog::ClassDebriefDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("classDebriefDialog"));
    setWindowTitle(tr("TRAINING – Class debrief"));
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("classDebriefHeading"));
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    m_deadlines = new QLabel(this);
    m_deadlines->setWordWrap(true);
    layout->addWidget(m_deadlines);
    m_chart = new DebriefChart(this);
    layout->addWidget(m_chart, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_lines = new QTreeWidget(split);
    m_lines->setObjectName(QStringLiteral("classDebriefLines"));
    m_lines->setAccessibleName(tr("Model lines of enquiry the room missed, most missed first"));
    m_lines->setRootIsDecorated(false);
    m_lines->setHeaderLabels(
        {tr("Missed by"), tr("Declined by"), tr("Weight"), tr("Line of enquiry"), tr("Principle")});
    m_lines->header()->setStretchLastSection(true);
    m_choices = new QTreeWidget(split);
    m_choices->setObjectName(QStringLiteral("classDebriefChoices"));
    m_choices->setAccessibleName(tr("Credibility-focused choices the room made"));
    m_choices->setRootIsDecorated(false);
    m_choices->setWordWrap(true);
    m_choices->setHeaderLabels({tr("Made by"), tr("Choice"), tr("Learning point")});
    m_choices->header()->setStretchLastSection(true);
    layout->addWidget(split, 2);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("classDebriefMessage"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_add = buttons->addButton(tr("&Add debrief files…"), QDialogButtonBox::ActionRole);
    m_add->setObjectName(QStringLiteral("addDebriefFilesButton"));
    m_clear = buttons->addButton(tr("Start &again"), QDialogButtonBox::ResetRole);
    m_clear->setObjectName(QStringLiteral("clearDebriefFilesButton"));
    connect(m_add, &QPushButton::clicked, this, &ClassDebriefDialog::chooseFiles);
    connect(m_clear, &QPushButton::clicked, this, &ClassDebriefDialog::clear);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    refresh();
    DialogFit::fitWindow(*this, QSize(1000, 780));
}

void ClassDebriefDialog::chooseFiles()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Debrief files of one exercise"),
                                      PlainFileDestination::safeStartFolder(), tr("Debrief files (*.json)"));
    if (!paths.isEmpty()) {
        addFiles(paths);
    }
}

int ClassDebriefDialog::addFiles(const QStringList& paths)
{
    m_message->clearMessage();
    int added = 0;
    for (const QString& path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (m_paths.contains(absolute)) {
            continue;
        }
        try {
            auto debrief = training::readDebriefFile(DisplayText::toPath(absolute));
            auto together = m_debriefs;
            together.push_back(debrief);
            training::classDebrief(together); // one exercise at a time: refused before anything is added
            m_debriefs = std::move(together);
            m_paths << absolute;
            ++added;
        } catch (const core::Error& e) {
            m_message->showMessage(tr("%1: %2").arg(QFileInfo(path).fileName(), ErrorText::message(e)));
        }
    }
    refresh();
    return added;
}

void ClassDebriefDialog::clear()
{
    m_debriefs.clear();
    m_paths.clear();
    m_message->clearMessage();
    refresh();
}

void ClassDebriefDialog::refresh()
{
    m_lines->clear();
    m_choices->clear();
    m_clear->setEnabled(!m_debriefs.empty());
    if (m_debriefs.empty()) {
        m_heading->setText(tr("Add the debrief files the trainees saved from one exercise."));
        m_deadlines->clear();
        m_chart->setPrinciples({});
        return;
    }
    const auto room = training::classDebrief(m_debriefs);
    m_heading->setText(tr("TRAINING – %1 (version %2): %n trainees", nullptr, static_cast<int>(room.trainees.size()))
                           .arg(DisplayText::fromStd(room.packTitle), DisplayText::fromStd(room.packVersion)));
    m_deadlines->setText(tr("Model deadlines across the room: %1 missed, %2 met late.")
                             .arg(room.deadlinesMissed)
                             .arg(room.deadlinesLate));
    m_chart->setPrinciples(room.totals);
    for (const auto& line : room.lines) {
        auto* item = new QTreeWidgetItem(m_lines);
        item->setText(0, QString::number(line.missed));
        item->setText(1, QString::number(line.declined));
        item->setText(2, QString::number(line.weight));
        item->setText(3, tr("%1 %2").arg(DisplayText::fromStd(line.enquiry), DisplayText::fromStd(line.title)));
        item->setText(4, PlanText::principleLabel(line.principle));
        item->setToolTip(3, item->text(3));
    }
    for (const auto& choice : room.choices) {
        auto* item = new QTreeWidgetItem(m_choices);
        item->setText(0, QString::number(choice.trainees));
        item->setText(1, DisplayText::fromStd(choice.title));
        item->setText(2, DisplayText::fromStd(choice.learningPoint));
        item->setToolTip(1, item->text(1));
        item->setToolTip(2, item->text(2));
    }
    if (room.choices.empty()) {
        new QTreeWidgetItem(m_choices, {QString(), tr("No one made a credibility-focused choice.")});
    }
    m_lines->setColumnWidth(0, 90);
    m_lines->setColumnWidth(1, 90);
    m_lines->setColumnWidth(2, 60);
    m_lines->setColumnWidth(3, 480);
    m_choices->setColumnWidth(0, 90);
    m_choices->setColumnWidth(1, 380);
}

} // namespace wb::ui
