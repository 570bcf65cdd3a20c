// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>

#include <QString>
#include <QTextDocument>

#include "core/domain/Person.h"
#include "core/reports/ReportKind.h"

namespace wb::ui::reports {

/// How a report is printed: chosen by whoever prints (the dialog, the command line).
struct ReportOptions {
    /// The protective marking printed at the top and bottom of every page for this printout only; empty: the
    /// workspace's marking (core::reports::protectiveMarking: the force's, else defaultMarking()).
    QString marking;
    /// The name a person is printed under. The GUI passes its PrivacyMode's displayName, so privacy mode applies
    /// to printouts as to the screen; null: the full name.
    std::function<QString(const core::Person&)> personName;
    /// True when personName masks (privacy mode was on): the report says so on its first page.
    bool privacyApplied = false;
};

/// "OFFICIAL-SENSITIVE": the Government Security Classifications marking for police case material.
QString defaultMarking();

/// A report laid out and ready to render: its title, the case's crime reference, its content.
struct Report {
    core::reports::ReportKind kind = core::reports::ReportKind::CaseSummary;
    QString title;
    QString crimeReference;
    std::unique_ptr<QTextDocument> document;
};

} // namespace wb::ui::reports
