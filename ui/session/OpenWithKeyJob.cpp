// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/OpenWithKeyJob.h"

#include <utility>

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

void OpenWithKeyJob::create(const std::filesystem::path& path,
                            std::shared_ptr<core::store::KeyMaterial> key,
                            const core::CreateOptions& options,
                            const Catalogues& catalogues,
                            const QString& label,
                            Fill fill)
{
    start(
        [path, key = std::move(key), options, offences = catalogues.offences, lists = catalogues.lists,
         fill = std::move(fill)] {
            auto workspace = core::Workspace::create(path, std::move(*key), options, offences, lists);
            core::security::scrubStack(); // what the key left on this pool thread's stack
            if (fill) {
                fill(*workspace);
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
        [path, key = std::move(key), offences = catalogues.offences, lists = catalogues.lists] {
            auto workspace = core::Workspace::open(path, std::move(*key), offences, lists);
            core::security::scrubStack();
            return workspace;
        },
        label);
}

void OpenWithKeyJob::unlock(core::Workspace& locked,
                            std::shared_ptr<core::store::KeyMaterial> key,
                            const QString& label)
{
    core::Workspace* workspace = &locked;
    start(
        [workspace, key = std::move(key)] {
            workspace->unlock(std::move(*key));
            core::security::scrubStack();
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

void OpenWithKeyJob::start(std::function<std::unique_ptr<core::Workspace>()> work, const QString& label)
{
    if (m_job->isRunning()) {
        return;
    }
    m_result.reset();
    auto pending = std::make_shared<std::unique_ptr<core::Workspace>>();
    m_pending = pending;
    m_job->start([work = std::move(work), pending] { *pending = work(); }, label);
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
