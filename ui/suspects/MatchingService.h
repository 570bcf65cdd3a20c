// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include <QObject>
#include <QPointer>
#include <QString>

#include "core/Error.h"
#include "core/matching/MatchTypes.h"
#include "core/suspects/MatchingIndex.h"
#include "core/suspects/RepeatSuspects.h"

namespace wb::core::matching {
class MatchModel;
}

namespace wb::ui {

class WorkspaceSession;

/// Repeat suspects in the GUI: the one owner of the matching index of the open workspace, and the hub the screens
/// of ui/suspects meet at. The index (core::suspects::MatchingIndex) is built on first use inside a workspace job,
/// read again once people, identifiers or cases changed, and dropped when the workspace locks or closes. Every
/// search runs off the GUI thread as a WorkspaceSession job (the workspace is used by one thread at a time); the
/// answers come back on the GUI thread. Victim rule: a victim is never searched for (core gives none).
class MatchingService final : public QObject
{
    Q_OBJECT

public:
    using CandidatesDone =
        std::function<void(const std::optional<core::Error>& error, const core::suspects::CandidateResult& result)>;
    using ScanDone =
        std::function<void(const std::optional<core::Error>& error, const core::suspects::AwaitingDecision& result)>;
    /// On the GUI thread: pairs scored so far, pairs in all.
    using ScanProgress = std::function<void(std::size_t scored, std::size_t total)>;

    MatchingService(WorkspaceSession& session,
                    std::shared_ptr<const core::matching::MatchModel> model,
                    QObject* parent = nullptr);
    ~MatchingService() override;

    WorkspaceSession& session() const noexcept { return m_session; }
    const core::matching::MatchModel& model() const noexcept { return *m_model; }

    /// The persons `subject` may be (MatchingIndex::candidatesFor). The latest request wins: while a search runs,
    /// a newer request replaces the one waiting, whose done is never called. done runs on the GUI thread unless
    /// context is gone; it gets the error (ErrorText words it) or the result.
    void findCandidates(core::matching::PersonRecord subject, QObject* context, CandidatesDone done);

    /// A running or waiting whole-workspace scan: cancel() stops it soon; done then gets what was found so far
    /// (AwaitingDecision::cancelled).
    class Scan
    {
    public:
        void cancel() noexcept { m_cancelled.store(true); }
        bool cancelled() const noexcept { return m_cancelled.load(); }

    private:
        std::atomic_bool m_cancelled{false};
    };

    /// Every pair awaiting a decision (core::suspects::awaitingDecision), as a job: progress and done on the GUI
    /// thread unless context is gone.
    std::shared_ptr<Scan> scan(QObject* context, ScanProgress progress, ScanDone done);

    /// Asks for a case's window at a person (the main window opens it through CaseWindows).
    void requestOpenCase(std::int64_t caseId, const QString& personUuid = QString());
    /// Asks for the decision dialog on a proposed pair (the main window opens ui/suspects/MatchDecisionDialog).
    void requestDecision(const core::suspects::PairProposal& pair);
    /// Asks for a person's whole picture (the main window opens ui/suspects/WholePictureDialog).
    void requestWholePicture(std::int64_t personId);
    /// The index is read again before the next search (after an import, and in tests).
    void invalidate();
    /// An index is held (built by a search since the last lock or close).
    bool hasIndex() const noexcept;

Q_SIGNALS:
    void openCaseRequested(std::int64_t caseId, const QString& personUuid);
    void decisionRequested(const wb::core::suspects::PairProposal& pair);
    void wholePictureRequested(std::int64_t personId);
    /// A decision on a pair was recorded or imported (SignalBridge::matchDecisionChanged, whoever recorded it):
    /// the screens' lists read again.
    void decisionsChanged();

private:
    struct Pending {
        core::matching::PersonRecord subject;
        QPointer<QObject> context;
        CandidatesDone done;
    };
    /// What a job uses: shared with the running job, so that it never refers into this object.
    struct IndexHolder;

    void startNextSearch();
    void watchBridge();
    /// Drops the index (on lock, close or another workspace): only while no job runs.
    void dropIndex();

    WorkspaceSession& m_session;
    std::shared_ptr<const core::matching::MatchModel> m_model;
    std::shared_ptr<IndexHolder> m_holder;
    bool m_searching = false;
    std::optional<Pending> m_pending;
};

} // namespace wb::ui
