// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>

#include "core/Error.h"

namespace wb::core::store {

/// Catches one connection used from two threads at once, in every build (not an
/// assert). A thread holds the guard while it prepares, steps or runs a statement and
/// for the whole of a transaction; the same thread may enter again (a statement inside
/// its own transaction). Another thread entering meanwhile gets core::Error(Storage)
/// and a line on stderr, and touches nothing: the holder carries on undisturbed.
/// Sequential use from several threads (a job on a pool thread, then the GUI) is fine.
class ThreadGuard
{
public:
    /// Holds the guard for its lifetime.
    class Scope
    {
    public:
        explicit Scope(ThreadGuard& guard, const char* what)
            : m_guard(guard)
        {
            m_guard.enter(what);
        }
        ~Scope() { m_guard.leave(); }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        ThreadGuard& m_guard;
    };

    /// Takes the guard for this thread (again, if it holds it already); throws when another holds it.
    void enter(const char* what)
    {
        const std::thread::id self = std::this_thread::get_id();
        std::thread::id expected{};
        if (m_owner.compare_exchange_strong(expected, self, std::memory_order_acquire) || expected == self) {
            ++m_depth; // only the owner touches the depth
            return;
        }
        const std::string message = std::string("the workspace connection was used from two threads at once (") + what +
                                    "): a fault in the workbench, nothing was done";
        std::fprintf(stderr, "wb: %s\n", message.c_str());
        throw Error(ErrorCode::Storage, message);
    }

    /// Gives back one enter(); the last one frees the guard.
    void leave() noexcept
    {
        if (--m_depth == 0) {
            m_owner.store(std::thread::id{}, std::memory_order_release);
        }
    }

    /// Whether some thread holds the guard now (for tests and diagnostics).
    bool held() const noexcept { return m_owner.load(std::memory_order_acquire) != std::thread::id{}; }

private:
    std::atomic<std::thread::id> m_owner{};
    int m_depth = 0;
};

} // namespace wb::core::store
