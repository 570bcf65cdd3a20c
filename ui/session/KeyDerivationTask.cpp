// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/KeyDerivationTask.h"

#include <exception>
#include <new>

#include <QtConcurrent/QtConcurrentRun>

#include "core/Workspace.h"

namespace wb::ui {

namespace {

using Result = KeyDerivationTask::Result;

template <typename Derive>
Result runGuarded(const std::shared_ptr<core::store::SecureBuffer>& passphrase, Derive derive)
{
    Result result;
    try {
        result.key = std::make_shared<core::store::KeyMaterial>(derive(passphrase->view()));
    } catch (const core::Error& e) {
        result.error = e;
    } catch (const std::bad_alloc&) {
        result.error = core::Error(core::ErrorCode::Io, "not enough memory for key derivation");
    } catch (const std::exception&) {
        result.error = core::Error(core::ErrorCode::Storage, "key derivation failed");
    }
    passphrase->wipe();
    return result;
}

} // namespace

KeyDerivationTask::KeyDerivationTask(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &KeyDerivationTask::watcherFinished);
}

// The watcher does not wait for a running derivation: it finishes on its own in
// the pool and its result (wiped on destruction) is simply dropped.
KeyDerivationTask::~KeyDerivationTask() = default;

void KeyDerivationTask::startCreate(core::store::SecureBuffer passphrase, const core::store::KdfParams& params)
{
    auto secret = std::make_shared<core::store::SecureBuffer>(std::move(passphrase));
    m_pending = true;
    m_watcher.setFuture(QtConcurrent::run([secret, params] {
        return runGuarded(secret,
                          [&params](std::string_view text) { return core::Workspace::deriveForCreate(text, params); });
    }));
}

void KeyDerivationTask::startOpen(const std::filesystem::path& path, core::store::SecureBuffer passphrase)
{
    auto secret = std::make_shared<core::store::SecureBuffer>(std::move(passphrase));
    m_pending = true;
    m_watcher.setFuture(QtConcurrent::run([secret, path] {
        return runGuarded(secret,
                          [&path](std::string_view text) { return core::Workspace::deriveForOpen(path, text); });
    }));
}

bool KeyDerivationTask::isRunning() const
{
    return m_watcher.isRunning();
}

void KeyDerivationTask::watcherFinished()
{
    // Setting the empty future in takeResult() reports "finished" once more.
    if (m_pending) {
        Q_EMIT finished();
    }
}

KeyDerivationTask::Result KeyDerivationTask::takeResult()
{
    Result result;
    if (!m_pending) {
        return result;
    }
    m_pending = false;
    if (m_watcher.future().resultCount() > 0) {
        result = m_watcher.result();
    }
    // Drop the future so that its stored copy of the result is released now.
    m_watcher.setFuture(QFuture<Result>());
    return result;
}

} // namespace wb::ui
