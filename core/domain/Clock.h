// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Time.h"

namespace wb::core {

/// Where the core reads "now": every timestamp it writes and every "not in the future" rule.
/// The workspace holds one (the system clock unless a test sets another: Workspace::setClock).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;

    /// The system's clock (UTC, whole seconds); one instance shared by all.
    static const Clock& system() noexcept;
};

} // namespace wb::core
