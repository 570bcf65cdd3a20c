// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <QCoreApplication>
#include <QString>

#include "core/repo/MatchDecisionRepository.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class ReferenceData;
}

namespace wb::ui {

/// Lines of a person's whole picture (ui/suspects/WholePictureDialog) in words: an order or notice, a bail or RUI
/// record, a decision linking two records. Dates in UK form, times in Europe/London. Names come from the caller,
/// already through privacy mode; conditions and other free text of the records are not repeated here (they are in
/// each case).
class WholePictureText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::WholePictureText)

public:
    WholePictureText() = delete;

    /// "Sexual Risk Order (FICT/WP1/26): applied for on 12/01/2026, made on 20/01/2026, expires on 20/01/2031".
    static QString order(const core::Record& order, const core::ReferenceData& lists, const QString& caseReference);
    /// "Pre-charge bail (FICT/WP2/26): from 10/01/2026, bail period ends 10/04/2026, ended on …".
    static QString bail(const core::Record& bail, const QString& caseReference);
    /// "Jon Smyth (FICT/WP1/26) and Jonathan Smith (FICT/WP2/26): Same person, by DC Example on 07/12/2026 09:00.
    /// Rationale: …". `people` maps a person uuid to "name (case reference)"; an unknown one is "a removed record".
    static QString decision(const core::MatchDecision& decision, const std::map<std::string, QString>& people);
};

} // namespace wb::ui
