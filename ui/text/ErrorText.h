// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCoreApplication>
#include <QString>

#include "core/nom/Facts.h"

namespace wb::core {
class Error;
struct RecordSpec;
} // namespace wb::core

namespace wb::core::nom {
struct Question;
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
    /// A validation error naming a field of a record type, in words for that field
    /// (any other error as message()); `requiredNow`: the field is required as the form stands.
    static QString recordField(const core::Error& error, const core::RecordSpec& spec, bool requiredNow);
    /// A refusal from the investigation plan (core::plan) or the enquiry record check, in the plan's words: the
    /// credibility guardrail's justifications, the s.37 notice, the supervisor's review, a missing result or
    /// rationale, an entry already tracked. Other errors as message().
    static QString planMessage(const core::Error& error);
    /// A refusal while reading or importing a handover bundle, in the bundle's words: its own passphrase, a file
    /// that is not a bundle, damage, a bundle over the limits (ask the sender). Other errors as message().
    static QString bundleMessage(const core::Error& error);
    /// An answer to a context question that core refused (Validation naming the question), in the question's
    /// terms: its range, its options, a period that ends before it starts. Other errors as message().
    static QString answerMessage(const core::Error& error,
                                 const core::nom::Question& question,
                                 const std::optional<core::nom::FactValue>& value);
    /// A refused case detail (Overview tab), worded to follow the field's label ("Offence date: give a date…").
    static QString caseDetailProblem(const core::Error& error);
    /// For errors thrown outside core (out of memory and the like).
    static QString unexpected();
};

} // namespace wb::ui
