// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Clock.h"

namespace wb::core {

namespace {

class SystemClock final : public Clock
{
public:
    Instant now() const override { return nowUtc(); }
};

} // namespace

const Clock& Clock::system() noexcept
{
    static const SystemClock clock;
    return clock;
}

} // namespace wb::core
