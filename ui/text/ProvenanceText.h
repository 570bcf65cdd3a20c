// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace wb::ui {

/// The one plain signal officers see about provenance (issue 14), in one place. The full provenance (source, tag,
/// confirmed or not, catalogue version) is on the Sources view for the RASSO lead, never in the officer's panes.
class ProvenanceText
{
    Q_DECLARE_TR_FUNCTIONS(ProvenanceText)

public:
    /// Where a time limit is not confirmed against a primary source:
    /// "Time limit not confirmed nationally: check your force's guidance."
    static QString unconfirmedTimeLimit();
    /// Where a legal point (a line of enquiry's basis) is not confirmed:
    /// "Not confirmed nationally: check your force's guidance."
    static QString unconfirmedLegalPoint();
};

} // namespace wb::ui
