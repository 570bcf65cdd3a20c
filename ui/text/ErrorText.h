// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace wb::core {
class Error;
}

namespace wb::ui {

/// Turns core's error codes into translated, plain-English messages. Core's own
/// message text is for developers and is never shown, with one exception:
/// NewerVersion, whose text only carries version numbers.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::ErrorText)

public:
    static QString message(const core::Error& error);
    /// For errors thrown outside core (out of memory and the like).
    static QString unexpected();
};

} // namespace wb::ui
