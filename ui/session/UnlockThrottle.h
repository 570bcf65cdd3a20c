// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>

namespace wb::ui {

/// Slows repeated wrong passphrases in the unlock dialog: after the n-th wrong one in a
/// row, the next try waits 2^(n-1) seconds (1, 2, 4, 8 … at most 5 minutes). A right
/// passphrase starts again from nothing. One per process (shared()), so closing and
/// reopening the dialog does not skip the wait. Argon2id remains the real brake: this
/// only stops a person at the keyboard from trying quickly.
class UnlockThrottle
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    static constexpr std::chrono::seconds MaxDelay{300};

    /// The process-wide throttle the unlock dialog uses.
    static UnlockThrottle& shared();

    /// For tests: a clock to read instead of std::chrono::steady_clock (empty = the real one).
    void setClock(Clock clock);
    void recordFailure();
    void recordSuccess();
    /// Wrong passphrases in a row.
    int failures() const noexcept { return m_failures; }
    /// The wait after `failures` wrong passphrases in a row.
    static std::chrono::seconds delayAfter(int failures);
    /// How long until the next try is allowed; zero when it is.
    std::chrono::milliseconds remaining() const;

private:
    std::chrono::steady_clock::time_point now() const;

    Clock m_clock;
    int m_failures = 0;
    std::chrono::steady_clock::time_point m_allowedAt{};
};

} // namespace wb::ui
