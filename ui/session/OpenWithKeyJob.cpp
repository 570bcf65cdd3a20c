// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/OpenWithKeyJob.h"

#include <filesystem>
#include <system_error>

#include <utility>

#include <QMetaObject>

#include "core/deadlines/DeadlineService.h"
#include "core/security/ProcessHardening.h"
#include "ui/session/WorkspaceJob.h"

namespace wb::ui {

OpenWithKeyJob::OpenWithKeyJob(QObject* parent)
    : QObject(parent)
    , m_job(new WorkspaceJob(this))
{
    connect(m_job, &WorkspaceJob::finished, this, &OpenWithKeyJob::jobFinished);
}

OpenWithKeyJob::~OpenWithKeyJob()
{
    delete m_job; // waits for the work before the workspace it fills goes
}

namespace {

/// The due list after open or unlock, with its progress. A failure does not stop the opening:
/// the Today list reads through the same refresh and shows it there.
void refreshDueList(core::Workspace& workspace,
                    const std::shared_ptr<const core::deadlines::DeadlineService>& deadlines,
                    const std::function<void(OpenWithKeyJob::Step, int, int)>& report)
{
    if (deadlines == nullptr) {
        return;
    }
    report(OpenWithKeyJob::Step::DueList, 0, 0);
    try {
        deadlines->refresh(workspace, [&report](std::size_t done, std::size_t total) {
            report(OpenWithKeyJob::Step::DueList, static_cast<int>(done), static_cast<int>(total));
        });
    } catch (const core::Error&) {
        // Reported where the list is read (Today), with its message: the workspace itself is open.
    }
}

} // namespace

void OpenWithKeyJob::create(const std::filesystem::path& path,
                            std::shared_ptr<core::store::KeyMaterial> key,
                            const core::CreateOptions& options,
                            const Catalogues& catalogues,
                            const QString& label,
                            Fill fill)
{
    start(
        [path, key = std::move(key), options, offences = catalogues.offences, lists = catalogues.lists,
         fill = std::move(fill)](const Report& report) {
            report(Step::Opening, 0, 0);
            auto workspace = core::Workspace::create(path, std::move(*key), options, offences, lists);
            core::security::scrubStack(); // what the key left on this pool thread's stack
            if (fill) {
                try {
                    fill(*workspace);
                } catch (...) {
                    // The file was made a moment ago for this and holds nothing else: it goes, so a second try
                    // can use the same name.
                    workspace.reset();
                    std::error_code ignored; // a file that cannot be removed is named by the error rethrown
                    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
                        std::filesystem::remove(std::filesystem::path(path.native() + suffix), ignored);
                    }
                    throw;
                }
            }
            return workspace;
        },
        label);
}

void OpenWithKeyJob::open(const std::filesystem::path& path,
                          std::shared_ptr<core::store::KeyMaterial> key,
                          const Catalogues& catalogues,
                          const QString& label)
{
    start(
        [path, key = std::move(key), offences = catalogues.offences, lists = catalogues.lists,
         deadlines = catalogues.deadlines](const Report& report) {
            report(Step::Opening, 0, 0);
            auto workspace = core::Workspace::open(path, std::move(*key), offences, lists);
            core::security::scrubStack();
            refreshDueList(*workspace, deadlines, report);
            return workspace;
        },
        label);
}

void OpenWithKeyJob::unlock(core::Workspace& locked,
                            std::shared_ptr<core::store::KeyMaterial> key,
                            const QString& label,
                            std::shared_ptr<const core::deadlines::DeadlineService> deadlines)
{
    core::Workspace* workspace = &locked;
    start(
        [workspace, key = std::move(key), deadlines = std::move(deadlines)](const Report& report) {
            report(Step::Opening, 0, 0);
            workspace->unlock(std::move(*key));
            core::security::scrubStack();
            refreshDueList(*workspace, deadlines, report);
            return std::unique_ptr<core::Workspace>();
        },
        label);
}

bool OpenWithKeyJob::isRunning() const noexcept
{
    return m_job->isRunning();
}

const std::optional<core::Error>& OpenWithKeyJob::error() const noexcept
{
    return m_job->error();
}

std::unique_ptr<core::Workspace> OpenWithKeyJob::takeWorkspace()
{
    return std::move(m_result);
}

void OpenWithKeyJob::start(std::function<std::unique_ptr<core::Workspace>(const Report&)> work, const QString& label)
{
    if (m_job->isRunning()) {
        return;
    }
    m_result.reset();
    auto pending = std::make_shared<std::unique_ptr<core::Workspace>>();
    m_pending = pending;
    // Queued to this object on the GUI thread, before the job's finished() (posted later). The
    // object outlives the work (its destructor waits for it); Qt drops calls queued to it once it is gone.
    Report report = [receiver = this](Step step, int done, int total) {
        QMetaObject::invokeMethod(
            receiver, [receiver, step, done, total] { Q_EMIT receiver->stepChanged(step, done, total); },
            Qt::QueuedConnection);
    };
    m_job->start([work = std::move(work), pending, report = std::move(report)] { *pending = work(report); }, label);
}

void OpenWithKeyJob::jobFinished()
{
    const auto pending = std::exchange(m_pending, nullptr);
    if (!m_job->error() && pending != nullptr) {
        m_result = std::move(*pending);
    }
    Q_EMIT finished();
}

} // namespace wb::ui
