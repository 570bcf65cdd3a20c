// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include <QObject>
#include <QString>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/store/KeyDerivation.h"
#include "ui/session/Catalogues.h"

namespace wb::ui {

class WorkspaceJob;

/// The step after the key derivation, off the GUI thread as a WorkspaceJob (so
/// the busy indicators say what runs and nothing else uses the workspace): create
/// a workspace file (then, optionally, fill it: the demo cases), open one
/// (migrations and the format upgrade run here), or unlock a locked one in place.
/// The key is moved into the job and wiped with it; what is left of it on the
/// pool thread's stack is scrubbed. Used by the unlock dialog and the demo button.
///
/// Opening and unlocking then bring the stored due list up to date in the same job (with
/// catalogues.deadlines; after an update every case is re-evaluated, 12 s at 10,000 cases),
/// so the window opens on a ready list; each step is announced by stepChanged() as it starts,
/// the due list with how many cases are done.
class OpenWithKeyJob final : public QObject
{
    Q_OBJECT

public:
    /// Runs on the pool thread right after create, on the new workspace.
    using Fill = std::function<void(core::Workspace&)>;

    /// The steps after the key derivation, in order.
    enum class Step {
        Opening, ///< checking the file, opening it, migrations and the format upgrade (create: creating it)
        DueList, ///< bringing the stored due list up to date (open and unlock only)
    };

    explicit OpenWithKeyJob(QObject* parent = nullptr);
    /// Waits for running work (it holds the workspace).
    ~OpenWithKeyJob() override;

    void create(const std::filesystem::path& path,
                std::shared_ptr<core::store::KeyMaterial> key,
                const core::CreateOptions& options,
                const Catalogues& catalogues,
                const QString& label,
                Fill fill = {});
    void open(const std::filesystem::path& path,
              std::shared_ptr<core::store::KeyMaterial> key,
              const Catalogues& catalogues,
              const QString& label);
    /// locked must outlive the job (the session holding it waits for jobs before it closes).
    void unlock(core::Workspace& locked,
                std::shared_ptr<core::store::KeyMaterial> key,
                const QString& label,
                std::shared_ptr<const core::deadlines::DeadlineService> deadlines = {});

    bool isRunning() const noexcept;
    /// After finished(): set when the work failed (nothing is handed over then).
    const std::optional<core::Error>& error() const noexcept;
    /// After finished(): the created or opened workspace (null after unlock or a failure).
    std::unique_ptr<core::Workspace> takeWorkspace();

Q_SIGNALS:
    /// On the GUI thread, as a step starts and (DueList) as it goes on: done of total cases
    /// (total 0: not measurable, or nothing to do).
    void stepChanged(wb::ui::OpenWithKeyJob::Step step, int done, int total);
    void finished();

private:
    /// Called on the pool thread; emits stepChanged() on the GUI thread.
    using Report = std::function<void(Step, int, int)>;
    void start(std::function<std::unique_ptr<core::Workspace>(const Report&)> work, const QString& label);
    void jobFinished();

    WorkspaceJob* m_job = nullptr;
    std::shared_ptr<std::unique_ptr<core::Workspace>> m_pending; ///< filled by the running job
    std::unique_ptr<core::Workspace> m_result;
};

} // namespace wb::ui
