// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/SignalBridge.h"

#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/Workspace.h"
#include "ui/session/JobMonitor.h"

namespace wb::ui {

namespace {

/// Changes waiting, per bridge, for the running job to end (GUI thread only). Kept here rather than
/// in the bridge so its header, included by every tab, stays as it is.
std::unordered_map<const SignalBridge*, std::vector<std::function<void()>>>& heldChanges()
{
    static std::unordered_map<const SignalBridge*, std::vector<std::function<void()>>> held;
    return held;
}

/// Emits a change now, or, while a job (a bundle import) still uses the workspace on another
/// thread, holds it until the job is done: receivers would read the workspace at the same time.
/// Held changes are delivered in order.
void deliver(SignalBridge* bridge, std::function<void()> emitChange)
{
    JobMonitor& jobs = JobMonitor::instance();
    auto found = heldChanges().find(bridge);
    if (!jobs.busy() && found == heldChanges().end()) {
        emitChange();
        return;
    }
    const bool first = found == heldChanges().end();
    heldChanges()[bridge].push_back(std::move(emitChange));
    if (first) {
        jobs.whenIdle(bridge, [bridge] {
            const auto entry = heldChanges().find(bridge);
            if (entry == heldChanges().end()) {
                return;
            }
            auto held = std::move(entry->second);
            heldChanges().erase(entry);
            for (auto& change : held) {
                change();
            }
        });
    }
}

} // namespace

SignalBridge::SignalBridge(core::Workspace& workspace, QObject* parent)
    : QObject(parent)
{
    registerMetaTypes();
    // Queued even on the GUI thread: the core emits from inside its own call
    // (after commit); receivers must not re-enter the repository from there.
    m_cases = workspace.cases().changed.connect([this](const core::CaseRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { deliver(this, [this, event] { Q_EMIT caseChanged(event); }); }, Qt::QueuedConnection);
    });
    m_people = workspace.people().changed.connect([this](const core::PersonRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { deliver(this, [this, event] { Q_EMIT personChanged(event); }); },
            Qt::QueuedConnection);
    });
    m_records = workspace.records().changed.connect([this](const core::RecordRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { deliver(this, [this, event] { Q_EMIT recordChanged(event); }); },
            Qt::QueuedConnection);
    });
    m_context = workspace.context().changed.connect([this](const core::ContextRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { deliver(this, [this, event] { Q_EMIT contextChanged(event); }); },
            Qt::QueuedConnection);
    });
    m_decisions = workspace.matchDecisions().changed.connect([this](const core::MatchDecisionRepository::Event& event) {
        QMetaObject::invokeMethod(
            this, [this, event] { deliver(this, [this, event] { Q_EMIT matchDecisionChanged(event); }); },
            Qt::QueuedConnection);
    });
    m_lock = workspace.lockChanged.connect([this](bool locked) {
        QMetaObject::invokeMethod(
            this, [this, locked] { Q_EMIT lockChanged(locked); }, Qt::QueuedConnection);
    });
}

SignalBridge::~SignalBridge()
{
    heldChanges().erase(this);
}

void SignalBridge::registerMetaTypes()
{
    qRegisterMetaType<core::CaseRepository::Event>();
    qRegisterMetaType<core::PersonRepository::Event>();
    qRegisterMetaType<core::RecordRepository::Event>();
    qRegisterMetaType<core::ContextRepository::Event>();
    qRegisterMetaType<core::MatchDecisionRepository::Event>();
}

} // namespace wb::ui
