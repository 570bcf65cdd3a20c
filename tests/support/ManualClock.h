// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <chrono>

#include "core/domain/Clock.h"

namespace wb::test {

/// A clock a test sets by hand (and moves on): the workspace and the GUI read "now" from it,
/// so a test can date a case or fire a timer's slot "an hour later" without sleeping. Safe to
/// read from a job's pool thread while the test thread sets it.
class ManualClock final : public core::Clock
{
public:
    explicit ManualClock(core::Instant at)
        : m_at(at)
    {
    }
    core::Instant now() const override { return m_at.load(); }
    void set(core::Instant at) { m_at.store(at); }
    void advance(std::chrono::seconds by) { m_at.store(m_at.load() + by); }

    static core::Instant at(int y, unsigned m, unsigned d, int hour = 0, int minute = 0)
    {
        using namespace std::chrono;
        return core::Instant{sys_days{year{y} / month{m} / day{d}} + hours{hour} + minutes{minute}};
    }

private:
    std::atomic<core::Instant> m_at;
};

} // namespace wb::test
