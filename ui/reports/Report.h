// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <QString>
#include <QTextDocument>

#include "core/domain/Person.h"
#include "core/reports/ReportKind.h"

namespace wb::ui::reports {

/// Which letter a victim letter is (report kind VictimLetter): to whom, about what, in which wording.
struct LetterChoice {
    std::int64_t victimId = 0;
    std::string eventType;    ///< the record type of the event it tells of ("case_event", "bail", "victim_wish")
    std::int64_t eventId = 0; ///< that record's id
    std::string occasion;     ///< the letter template's occasion ("arrest")
};

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
    /// For a victim letter: which one. A letter is printed as the victim will read it, whatever privacy mode.
    std::optional<LetterChoice> letter;
};

/// "OFFICIAL-SENSITIVE": the Government Security Classifications marking for police case material.
QString defaultMarking();

/// A report laid out and ready to render: its title, the case's crime reference (empty for Today, of no one case),
/// its content.
struct Report {
    core::reports::ReportKind kind = core::reports::ReportKind::CaseSummary;
    QString title;
    QString crimeReference;
    std::unique_ptr<QTextDocument> document;
};

} // namespace wb::ui::reports
