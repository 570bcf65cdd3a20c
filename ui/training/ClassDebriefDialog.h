// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QDialog>
#include <QStringList>

#include "core/training/Debrief.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace wb::ui {

class DebriefChart;
class InlineMessage;

/// The trainer's class debrief (issue 17): reads the debrief files the trainees saved (core::training::readDebriefFile)
/// and shows what the room did with one exercise: the model lines missed most (the heaviest first among equals), the
/// credibility-focused choices made and by how many, the weight followed per principle across the room, and the
/// deadlines missed or met late. Needs no workspace: the files hold the exercise's debriefs and nothing else.
class ClassDebriefDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ClassDebriefDialog(QWidget* parent = nullptr);

    /// Reads the files and adds those not read already; a file that is not a debrief, or one of another exercise,
    /// is named in the message and nothing of it is added. Returns how many were added.
    int addFiles(const QStringList& paths);
    void clear();

    QLabel* heading() const noexcept { return m_heading; }
    QTreeWidget* lines() const noexcept { return m_lines; }
    QTreeWidget* choices() const noexcept { return m_choices; }
    InlineMessage* message() const noexcept { return m_message; }

private:
    void chooseFiles();
    void refresh();

    std::vector<core::training::Debrief> m_debriefs;
    QStringList m_paths;
    QLabel* m_heading = nullptr;
    QLabel* m_deadlines = nullptr;
    DebriefChart* m_chart = nullptr;
    QTreeWidget* m_lines = nullptr;
    QTreeWidget* m_choices = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_clear = nullptr;
};

} // namespace wb::ui
