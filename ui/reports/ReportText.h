// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include <QCoreApplication>
#include <QString>

#include "core/domain/ApproxDate.h"
#include "core/domain/Person.h"
#include "core/domain/Time.h"

namespace wb::core::deadlines {
struct DueItem;
}

namespace wb::ui::reports {

/// The words and dates of printed reports. wb_reports links no Widgets (the command line prints too), so it does
/// not use ui/text; dates follow the same rules: UK style, Europe/London through core/domain/LondonTime.
class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::ReportText)

public:
    static QString fromStd(std::string_view text);
    /// "07/12/2026 14:05", in Europe/London.
    static QString ukDateTime(core::Instant instant);
    /// An ISO instant as ukDateTime, a "YYYY-MM-DD" date as "07/12/2026"; other text as it is; "" for "".
    static QString ukWhen(const std::string& isoText);
    /// Text from core with every ISO instant in it ("2026-12-05T10:00:00Z") written as ukDateTime.
    static QString withUkTimes(const std::string& text);
    /// A date as precisely as it was recorded, never sharpened: "07/12/2026 14:05", "07/12/2026", "May 2019",
    /// "2009", "between 01/05/2019 and 31/08/2019", "not known".
    static QString approxDate(const core::ApproxDate& date);
    static QString role(core::PersonRole role);
    /// A record type's name in the plural, as the workspace's tabs name them ("Decisions", "Exhibits").
    static QString recordTypePlural(std::string_view type);
    /// The enquiry record's principle and status options, as the Plan tab words them.
    static QString principle(std::string_view code);
    static QString enquiryStatus(std::string_view code);
    /// "Yes" / "No".
    static QString yesNo(bool value);
    /// The one plain signal where a legal point or time limit is not confirmed (as ui/text/ProvenanceText words it).
    static QString unconfirmed();
    /// When a due item is due: its date and time, or only the date for one that runs to the end of a London day
    /// (never "23:59").
    static QString dueWhen(const core::deadlines::DueItem& item);
    /// What a due item asks, one line each: its title, its detail, and whether it is a target or not confirmed.
    static QString dueWhat(const core::deadlines::DueItem& item);
};

} // namespace wb::ui::reports
