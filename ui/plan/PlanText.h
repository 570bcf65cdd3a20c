// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <string>

#include <QCoreApplication>
#include <QString>

#include "core/domain/Time.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/repo/RecordRepository.h"

namespace wb::ui {

/// The Plan tab's words for times, statuses and principles, shared by its tree, detail and banner.
class PlanText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::PlanText)

public:
    /// Text from core, HTML-escaped.
    static QString html(const std::string& text);
    static QString principleLabel(core::nom::Principle principle);
    /// "Evidence at risk", "High value", "Standard": words, never a colour alone (issue 14).
    static QString priorityLabel(core::nom::Priority priority);
    /// How proposals are ordered, for the officer: one sentence.
    static QString priorityExplanation();
    /// "due 05/12/2026", or "overdue since 24/11/2026" for an open enquiry past its due date (core decides).
    static QString dueText(const core::Record& record, core::Instant now);
    /// An ISO instant in UK time, or the text as it is when it is not one.
    static QString when(const std::string& iso);
    /// The status of a tracked enquiry with its supervisory review ("Planned · awaiting supervisory review").
    static QString enquiryStatus(const core::Record& record);
    /// "window closes in 2 days 4 hours", "window closes in 38 hours" (hours under two days, as Today counts),
    /// "window closes in 35 minutes", "closed 3 hours ago".
    static QString countdown(core::Instant due, core::Instant now);
};

} // namespace wb::ui
