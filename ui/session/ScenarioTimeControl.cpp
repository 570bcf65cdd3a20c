// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/ScenarioTimeControl.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

#include "core/Error.h"
#include "core/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

ScenarioTimeControl::ScenarioTimeControl(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("scenarioTimeControl"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("scenarioTimeLabel"));
    m_label->setTextFormat(Qt::PlainText);
    layout->addWidget(m_label);
    m_hour = new QPushButton(tr("+1 &hour"), this);
    m_hour->setObjectName(QStringLiteral("scenarioPlusHourButton"));
    m_hour->setAccessibleName(tr("Move the exercise on by one hour"));
    m_hour->setToolTip(tr("Move the exercise's clock on by one hour: what falls due in that hour becomes due"));
    layout->addWidget(m_hour);
    m_day = new QPushButton(tr("+1 &day"), this);
    m_day->setObjectName(QStringLiteral("scenarioPlusDayButton"));
    m_day->setAccessibleName(tr("Move the exercise on by one day"));
    m_day->setToolTip(tr("Move the exercise's clock on by one day"));
    layout->addWidget(m_day);
    connect(m_hour, &QPushButton::clicked, this, [this] { advance(std::chrono::hours(1)); });
    connect(m_day, &QPushButton::clicked, this, [this] { advance(std::chrono::hours(24)); });
    // Scenario time runs with real time: the minutes shown follow it.
    m_tick = new QTimer(this);
    m_tick->setInterval(30 * 1000);
    connect(m_tick, &QTimer::timeout, this, &ScenarioTimeControl::refresh);
    if (m_session != nullptr) {
        connect(m_session, &WorkspaceSession::busyChanged, this, &ScenarioTimeControl::refresh);
    }
    refresh();
}

void ScenarioTimeControl::refresh()
{
    core::Workspace* workspace = m_session != nullptr ? m_session->workspace() : nullptr;
    const bool shown = workspace != nullptr && m_session->isUnlocked() && workspace->onScenarioTime();
    setVisible(shown);
    if (!shown) {
        m_tick->stop();
        m_label->clear();
        return;
    }
    if (!m_tick->isActive()) {
        m_tick->start();
    }
    try {
        const QDateTime london = DisplayText::toUkDateTime(workspace->clock().now());
        m_label->setText(tr("TRAINING scenario time: %1")
                             .arg(QLocale(QLocale::English, QLocale::UnitedKingdom)
                                      .toString(london, QStringLiteral("dddd dd/MM/yyyy HH:mm"))));
    } catch (const core::Error& e) {
        m_label->setText(tr("TRAINING scenario time: %1").arg(ErrorText::message(e)));
    }
    const bool idle = !m_session->busy();
    m_hour->setEnabled(idle);
    m_day->setEnabled(idle);
}

bool ScenarioTimeControl::advance(std::chrono::seconds by)
{
    core::Workspace* workspace = m_session != nullptr ? m_session->workspace() : nullptr;
    if (workspace == nullptr || !m_session->isUnlocked() || m_session->busy()) {
        Q_EMIT message(tr("The exercise's clock can move on once the workspace is unlocked and nothing is running."));
        return false;
    }
    try {
        workspace->advanceScenarioTime(by);
    } catch (const core::Error& e) {
        Q_EMIT message(ErrorText::message(e));
        return false;
    }
    refresh();
    Q_EMIT advanced();
    return true;
}

} // namespace wb::ui
