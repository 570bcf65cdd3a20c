// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <chrono>
#include <memory>

#include "core/domain/Clock.h"

namespace wb::core {

/// A training exercise's clock (issue 17): scenario time, which runs with real time at a fixed distance from it. The
/// distance (the offset) is what the trainer sets and moves on ("+1 hour"); "now" is the real clock's now plus it.
/// Safe to read from a job's thread while the GUI thread moves it on.
class ScenarioClock final : public Clock
{
public:
    /// `real` is where real time is read (null: the system clock).
    explicit ScenarioClock(std::chrono::seconds offset, std::shared_ptr<const Clock> real = {});

    Instant now() const override;

    std::chrono::seconds offset() const noexcept { return m_offset.load(); }
    void setOffset(std::chrono::seconds offset) noexcept { m_offset.store(offset); }
    /// Moves scenario time on (or back, for a negative step) by `by`.
    void advance(std::chrono::seconds by) noexcept;

    /// The offset that makes `scenarioNow` the scenario's "now" when real time is `realNow`.
    static std::chrono::seconds offsetFor(Instant scenarioNow, Instant realNow) noexcept;

private:
    std::shared_ptr<const Clock> m_real;
    std::atomic<std::chrono::seconds> m_offset;
};

} // namespace wb::core
