// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/MatchingService.h"

#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include <QTimer>

#include "core/Workspace.h"
#include "core/matching/MatchModel.h"
#include "core/records/RecordTypes.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceSession.h"

namespace wb::ui {

struct MatchingService::IndexHolder {
    std::shared_ptr<const core::matching::MatchModel> model;
    std::unique_ptr<core::suspects::MatchingIndex> index;

    /// Everyone is read again before the next search (a case removed with its people, an import).
    void staleAll()
    {
        const std::lock_guard lock(mutex);
        all = true;
    }
    /// One person saved, removed, or their identifiers changed: only they are read again (MatchingIndex::refresh).
    void stalePerson(std::int64_t personId)
    {
        const std::lock_guard lock(mutex);
        changed.insert(personId);
    }

    /// On the job's thread (the job holds the workspace): the index, built on first use, then brought up to date
    /// with what changed since (one person at a time after a save: a few per cent of the save's time).
    core::suspects::MatchingIndex& forJob(core::Workspace& workspace)
    {
        bool everyone = false;
        std::set<std::int64_t> people;
        {
            const std::lock_guard lock(mutex);
            everyone = all;
            people.swap(changed);
            all = false;
        }
        if (index == nullptr || &index->workspace() != &workspace) {
            index = std::make_unique<core::suspects::MatchingIndex>(workspace, *model);
        } else if (everyone) {
            index->rebuild();
        } else if (!people.empty()) {
            index->refresh(std::vector<std::int64_t>(people.begin(), people.end()));
        }
        return *index;
    }

private:
    std::mutex mutex;
    bool all = false;
    std::set<std::int64_t> changed;
};

namespace {

/// Progress of a running scan, written by the job's thread and read by a timer on the GUI thread.
struct ScanCounters {
    std::atomic<std::size_t> scored{0};
    std::atomic<std::size_t> total{0};
};

core::Error lockedError()
{
    return core::Error(core::ErrorCode::Locked, "the workspace is locked or closed");
}

core::Error noModelError()
{
    return core::Error(core::ErrorCode::ReferenceData, "the matching model (matching/match-model.json) is not loaded");
}

} // namespace

MatchingService::MatchingService(WorkspaceSession& session,
                                 std::shared_ptr<const core::matching::MatchModel> model,
                                 QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_model(std::move(model))
    , m_holder(std::make_shared<IndexHolder>())
{
    m_holder->model = m_model;
    connect(&m_session, &WorkspaceSession::attached, this, [this] {
        dropIndex();
        watchBridge();
    });
    connect(&m_session, &WorkspaceSession::aboutToLock, this, &MatchingService::dropIndex);
    connect(&m_session, &WorkspaceSession::aboutToClose, this, &MatchingService::dropIndex);
    if (m_session.isOpen()) {
        watchBridge();
    }
}

MatchingService::~MatchingService() = default;

void MatchingService::watchBridge()
{
    SignalBridge* bridge = m_session.bridge();
    if (bridge == nullptr) {
        return;
    }
    // Any change to who is recorded, their details or their case: read the index again before the next search.
    // (Decisions are read afresh by every search; a new one, from a dialog or a bundle's import, tells the screens.)
    // Queued: the screens that listen start searches and scans (jobs on the workspace), and must not do so while the
    // bridge's other receivers of the same change (the context form, the plan, Today) are still reading it.
    connect(bridge, &SignalBridge::matchDecisionChanged, this, &MatchingService::decisionsChanged,
            Qt::QueuedConnection);
    connect(bridge, &SignalBridge::personChanged, this,
            [this](const core::PersonRepository::Event& event) { m_holder->stalePerson(event.record.id); });
    connect(bridge, &SignalBridge::caseChanged, this, [this](const core::CaseRepository::Event& event) {
        if (event.kind == core::ChangeKind::Removed) {
            invalidate(); // its people went with it
        }
    });
    connect(bridge, &SignalBridge::recordChanged, this, [this](const core::RecordRepository::Event& event) {
        if (event.record.spec != nullptr && event.record.spec->type == core::recordtype::kIdentifier) {
            m_holder->stalePerson(event.record.parentId); // an identifier's parent is its person
        }
    });
}

void MatchingService::invalidate()
{
    m_holder->staleAll();
}

bool MatchingService::hasIndex() const noexcept
{
    return m_holder->index != nullptr;
}

void MatchingService::dropIndex()
{
    // The index holds every recorded person's details: it goes with the key. A job holding it may still be
    // running (the session waits for it before locking); it keeps its own holder, and a new one starts here.
    m_holder = std::make_shared<IndexHolder>();
    m_holder->model = m_model;
}

void MatchingService::findCandidates(core::matching::PersonRecord subject, QObject* context, CandidatesDone done)
{
    m_pending = Pending{std::move(subject), QPointer<QObject>(context), std::move(done)};
    if (!m_searching) {
        startNextSearch();
    }
}

void MatchingService::startNextSearch()
{
    if (!m_pending) {
        return;
    }
    Pending request = std::move(*m_pending);
    m_pending.reset();
    if (request.context.isNull()) {
        return;
    }
    core::Workspace* workspace = m_session.isUnlocked() ? m_session.workspace() : nullptr;
    if (workspace == nullptr || m_model == nullptr) {
        if (request.done) {
            request.done(workspace == nullptr ? lockedError() : noModelError(), {});
        }
        return;
    }
    m_searching = true;
    auto result = std::make_shared<core::suspects::CandidateResult>();
    auto subject = std::make_shared<const core::matching::PersonRecord>(std::move(request.subject));
    m_session.run(
        tr("Looking for possible matches…"),
        [holder = m_holder, workspace, subject, result] {
            *result = holder->forJob(*workspace).candidatesFor(*subject);
        },
        this,
        [this, result, context = request.context,
         done = std::move(request.done)](const std::optional<core::Error>& error) {
            m_searching = false;
            if (!context.isNull() && done) {
                done(error, error ? core::suspects::CandidateResult{} : *result);
            }
            startNextSearch();
        });
}

std::shared_ptr<MatchingService::Scan> MatchingService::scan(QObject* context, ScanProgress progress, ScanDone done)
{
    auto handle = std::make_shared<Scan>();
    core::Workspace* workspace = m_session.isUnlocked() ? m_session.workspace() : nullptr;
    if (workspace == nullptr || m_model == nullptr) {
        if (done) {
            done(workspace == nullptr ? lockedError() : noModelError(), {});
        }
        return handle;
    }
    auto counters = std::make_shared<ScanCounters>();
    auto result = std::make_shared<core::suspects::AwaitingDecision>();
    // The job's thread only writes counters; this timer, on the GUI thread, reports them.
    auto* ticker = new QTimer(context);
    ticker->setInterval(100);
    connect(ticker, &QTimer::timeout, context, [counters, progress] {
        if (progress) {
            progress(counters->scored.load(), counters->total.load());
        }
    });
    ticker->start();
    QPointer<QTimer> tickerGuard(ticker);
    m_session.run(
        tr("Looking for repeat suspects…"),
        [holder = m_holder, workspace, handle, counters, result] {
            auto& index = holder->forJob(*workspace);
            *result =
                core::suspects::awaitingDecision(index, [handle, counters](std::size_t scored, std::size_t total) {
                    counters->scored.store(scored);
                    counters->total.store(total);
                    return !handle->cancelled();
                });
        },
        context,
        [tickerGuard, counters, progress, result, done = std::move(done)](const std::optional<core::Error>& error) {
            if (!tickerGuard.isNull()) {
                tickerGuard->deleteLater();
            }
            if (progress) {
                progress(counters->scored.load(), counters->total.load());
            }
            if (done) {
                done(error, error ? core::suspects::AwaitingDecision{} : *result);
            }
        });
    return handle;
}

void MatchingService::requestOpenCase(std::int64_t caseId, const QString& personUuid)
{
    Q_EMIT openCaseRequested(caseId, personUuid);
}

void MatchingService::requestDecision(const core::suspects::PairProposal& pair)
{
    Q_EMIT decisionRequested(pair);
}

void MatchingService::requestWholePicture(std::int64_t personId)
{
    Q_EMIT wholePictureRequested(personId);
}

} // namespace wb::ui
