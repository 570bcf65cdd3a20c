// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace wb::core {
class Error;
struct RecordSpec;
} // namespace wb::core

namespace wb::ui {

/// Turns core's error codes into translated, plain-English messages. Core's own
/// message text is for developers and is never shown, with one exception:
/// NewerVersion, whose text only carries version numbers.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::ErrorText)

public:
    static QString message(const core::Error& error);
    /// A validation error naming a field of a record type, in words for that field
    /// (any other error as message()); `requiredNow`: the field is required as the form stands.
    static QString recordField(const core::Error& error, const core::RecordSpec& spec, bool requiredNow);
    /// For errors thrown outside core (out of memory and the like).
    static QString unexpected();
};

} // namespace wb::ui
