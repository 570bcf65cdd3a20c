// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace wb::ui {

class WorkspaceSession;

/// A training exercise's clock in the main window's status bar (issue 17): "Scenario time: Saturday 28/03/2026
/// 19:00" and "+1 hour" / "+1 day", which move the exercise on (core::Workspace::advanceScenarioTime), so that
/// forensic windows, Right 6 deadlines and bail periods fall due as in a real case. Shown only while a training
/// workspace on scenario time is unlocked; live workspaces always run on real time. Nothing moves while a job holds
/// the workspace.
class ScenarioTimeControl final : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioTimeControl(WorkspaceSession* session, QWidget* parent = nullptr);

    /// Shows or hides itself for the session's state and says the scenario's "now" (Europe/London).
    void refresh();
    /// Moves the exercise on by `by` (the buttons' one hour and one day); false (and message() says why) when it
    /// could not.
    bool advance(std::chrono::seconds by);

    QLabel* timeLabel() const noexcept { return m_label; }
    QPushButton* hourButton() const noexcept { return m_hour; }
    QPushButton* dayButton() const noexcept { return m_day; }

Q_SIGNALS:
    /// Scenario time moved on: what shows what is due should look again.
    void advanced();
    /// Something to say in the status bar (why it could not move on).
    void message(const QString& text);

private:
    WorkspaceSession* m_session = nullptr;
    QLabel* m_label = nullptr;
    QPushButton* m_hour = nullptr;
    QPushButton* m_day = nullptr;
    QTimer* m_tick = nullptr;
};

} // namespace wb::ui
