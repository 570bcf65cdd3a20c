// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/UnlockThrottle.h"

#include <algorithm>
#include <cstdint>

namespace wb::ui {

UnlockThrottle& UnlockThrottle::shared()
{
    static UnlockThrottle throttle;
    return throttle;
}

void UnlockThrottle::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

std::chrono::steady_clock::time_point UnlockThrottle::now() const
{
    return m_clock ? m_clock() : std::chrono::steady_clock::now();
}

std::chrono::seconds UnlockThrottle::delayAfter(int failures)
{
    if (failures <= 0) {
        return std::chrono::seconds(0);
    }
    if (failures > 16) {
        return MaxDelay;
    }
    return std::min(std::chrono::seconds(std::int64_t{1} << (failures - 1)), MaxDelay);
}

void UnlockThrottle::recordFailure()
{
    ++m_failures;
    m_allowedAt = now() + delayAfter(m_failures);
}

void UnlockThrottle::recordSuccess()
{
    m_failures = 0;
    m_allowedAt = {};
}

std::chrono::milliseconds UnlockThrottle::remaining() const
{
    const auto left = m_allowedAt - now();
    if (left <= std::chrono::steady_clock::duration::zero()) {
        return std::chrono::milliseconds(0);
    }
    // Round up: "1 second" until the wait is really over.
    return std::chrono::ceil<std::chrono::milliseconds>(left);
}

} // namespace wb::ui
