// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Clock.h"

#include <chrono>

namespace wb::core {

namespace {

class SystemClock final : public Clock
{
public:
    Instant now() const override { return nowUtc(); }
};

} // namespace

Instant nowUtc()
{
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

const Clock& Clock::system() noexcept
{
    static const SystemClock clock;
    return clock;
}

} // namespace wb::core
