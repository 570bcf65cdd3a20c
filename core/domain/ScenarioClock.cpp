// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/ScenarioClock.h"

#include <utility>

namespace wb::core {

ScenarioClock::ScenarioClock(std::chrono::seconds offset, std::shared_ptr<const Clock> real)
    : m_real(std::move(real))
    , m_offset(offset)
{
}

Instant ScenarioClock::now() const
{
    return (m_real ? m_real->now() : Clock::system().now()) + m_offset.load();
}

void ScenarioClock::advance(std::chrono::seconds by) noexcept
{
    auto current = m_offset.load();
    while (!m_offset.compare_exchange_weak(current, current + by)) {
    }
}

std::chrono::seconds ScenarioClock::offsetFor(Instant scenarioNow, Instant realNow) noexcept
{
    return scenarioNow - realNow;
}

} // namespace wb::core
