// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include <QFutureWatcher>
#include <QObject>

#include "core/Error.h"
#include "core/store/KeyDerivation.h"

namespace wb::ui {

/// The slow Argon2id step (Workspace::deriveForCreate/deriveForOpen) on a
/// thread-pool thread. The passphrase is moved in and wiped when done; the
/// result is collected on the GUI thread after finished().
class KeyDerivationTask final : public QObject
{
    Q_OBJECT

public:
    struct Result {
        std::shared_ptr<core::store::KeyMaterial> key; ///< set on success
        std::optional<core::Error> error;              ///< set on failure
    };

    explicit KeyDerivationTask(QObject* parent = nullptr);
    ~KeyDerivationTask() override;

    void startCreate(core::store::SecureBuffer passphrase, const core::store::KdfParams& params);
    void startOpen(const std::filesystem::path& path, core::store::SecureBuffer passphrase);
    bool isRunning() const;

    /// After finished(): the result, moved out (the task keeps no copy of the key).
    Result takeResult();

Q_SIGNALS:
    void finished();

private:
    void watcherFinished();

    QFutureWatcher<Result> m_watcher;
    bool m_pending = false; ///< a derivation was started and its result not yet taken
};

} // namespace wb::ui
