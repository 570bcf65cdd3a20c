// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "core/training/Debrief.h"
#include "ui/cases/CaseContext.h"

class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace wb::ui {

class DebriefChart;
class InlineMessage;

/// The trainee's debrief (issue 17), at any point of the exercise and at its end: the plan, decisions, contacts and
/// deadlines against the pack's model answers. A chart per principle; the model lines followed, declined and missed,
/// with why each matters; each deadline met, late, missed or open; every credibility-focused choice with its learning
/// point and NOM source; and the decisions and contacts recorded. *Save debrief file…* writes the file the trainer
/// collects (core::training::debriefJson, through the audited export). Everything is marked TRAINING.
class DebriefDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `context` is the exercise's case in the open workspace (its workspace writes the file).
    DebriefDialog(core::training::Debrief debrief, const CaseContext& context, QWidget* parent = nullptr);

    /// Writes the debrief file at `path` (never over a file); false, with the reason shown, when nothing was written.
    bool saveTo(const QString& path);
    /// "debrief-<trainee>-<pack>.json" in the documents folder.
    QString suggestedPath() const;

    QLabel* summary() const noexcept { return m_summary; }
    QTreeWidget* lines() const noexcept { return m_lines; }
    QTreeWidget* deadlines() const noexcept { return m_deadlines; }
    QTextBrowser* choices() const noexcept { return m_choices; }
    DebriefChart* chart() const noexcept { return m_chart; }
    QTabWidget* tabs() const noexcept { return m_tabs; }
    InlineMessage* message() const noexcept { return m_message; }

private:
    void fillLines();
    void fillDeadlines();
    void fillChoices();
    void fillRecords(QTreeWidget* tree);
    void chooseAndSave();

    core::training::Debrief m_debrief;
    CaseContext m_context;
    QLabel* m_summary = nullptr;
    DebriefChart* m_chart = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_lines = nullptr;
    QTreeWidget* m_deadlines = nullptr;
    QTextBrowser* m_choices = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace wb::ui
