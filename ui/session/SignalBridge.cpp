// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/SignalBridge.h"

#include "core/Workspace.h"

namespace wb::ui {

SignalBridge::SignalBridge(core::Workspace& workspace, QObject* parent)
    : QObject(parent)
{
    registerMetaTypes();
    // Queued even on the GUI thread: the core emits from inside its own call
    // (after commit); receivers must not re-enter the repository from there.
    m_cases = workspace.cases().changed.connect([this](const core::CaseRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { Q_EMIT caseChanged(event); }, Qt::QueuedConnection);
    });
    m_people = workspace.people().changed.connect([this](const core::PersonRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { Q_EMIT personChanged(event); }, Qt::QueuedConnection);
    });
    m_records = workspace.records().changed.connect([this](const core::RecordRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { Q_EMIT recordChanged(event); }, Qt::QueuedConnection);
    });
    m_context = workspace.context().changed.connect([this](const core::ContextRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { Q_EMIT contextChanged(event); }, Qt::QueuedConnection);
    });
    m_lock = workspace.lockChanged.connect([this](bool locked) {
        QMetaObject::invokeMethod(
            this, [this, locked] { Q_EMIT lockChanged(locked); }, Qt::QueuedConnection);
    });
}

SignalBridge::~SignalBridge() = default;

void SignalBridge::registerMetaTypes()
{
    qRegisterMetaType<core::CaseRepository::Event>();
    qRegisterMetaType<core::PersonRepository::Event>();
    qRegisterMetaType<core::RecordRepository::Event>();
    qRegisterMetaType<core::ContextRepository::Event>();
}

} // namespace wb::ui
