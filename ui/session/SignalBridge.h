// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <boost/signals2/connection.hpp>

#include <QMetaType>
#include <QObject>

#include "core/repo/CaseRepository.h"
#include "core/repo/ContextRepository.h"
#include "core/repo/MatchDecisionRepository.h"
#include "core/repo/PersonRepository.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class Workspace;
}

namespace wb::ui {

/// Re-emits a workspace's Boost.Signals2 change signals as Qt signals, always
/// queued onto the GUI thread: a receiver runs from the event loop after the
/// core call that committed the change has returned, never inside it.
/// Must be destroyed before the workspace it watches.
class SignalBridge final : public QObject
{
    Q_OBJECT

public:
    explicit SignalBridge(core::Workspace& workspace, QObject* parent = nullptr);
    ~SignalBridge() override;

    /// Registers the event types with Qt's meta-type system (idempotent).
    static void registerMetaTypes();

Q_SIGNALS:
    void caseChanged(const wb::core::CaseRepository::Event& event);
    void personChanged(const wb::core::PersonRepository::Event& event);
    /// Decisions, timeline, exhibits, devices, bail, reviews…: event.record.spec says which.
    void recordChanged(const wb::core::RecordRepository::Event& event);
    /// An answer to a guided context question was given or withdrawn.
    void contextChanged(const wb::core::ContextRepository::Event& event);
    /// A repeat-suspect match decision was recorded: the linked reports of the cases of its people, and of everyone
    /// confirmed the same as them, may have changed (suspect.linkedRassoReports).
    void matchDecisionChanged(const wb::core::MatchDecisionRepository::Event& event);
    void lockChanged(bool locked);

private:
    // Scoped: disconnected when the bridge goes, so no call reaches a dead object.
    boost::signals2::scoped_connection m_cases;
    boost::signals2::scoped_connection m_people;
    boost::signals2::scoped_connection m_records;
    boost::signals2::scoped_connection m_context;
    boost::signals2::scoped_connection m_decisions;
    boost::signals2::scoped_connection m_lock;
};

} // namespace wb::ui

Q_DECLARE_METATYPE(wb::core::CaseRepository::Event)
Q_DECLARE_METATYPE(wb::core::PersonRepository::Event)
Q_DECLARE_METATYPE(wb::core::RecordRepository::Event)
Q_DECLARE_METATYPE(wb::core::ContextRepository::Event)
Q_DECLARE_METATYPE(wb::core::MatchDecisionRepository::Event)
