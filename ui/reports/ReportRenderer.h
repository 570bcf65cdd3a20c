// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QPagedPaintDevice>
#include <QTextDocument>

#include "ui/reports/PageFurniture.h"
#include "ui/reports/Report.h"

class QIODevice;

namespace wb::ui::reports {

/// Renders a laid-out report page by page onto a paged device (a PDF writer, a printer, a print preview), with the
/// page furniture on every page: the protective marking at the top and bottom, the crime reference, the report's
/// title, "Page x of y", who printed it and when, and TRAINING across a training workspace's pages.
class ReportRenderer
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::ReportRenderer)

public:
    /// Lays `document` out for the device's page (the document is changed: its page size and paint device) and
    /// paints every page. Returns the number of pages. Throws core::Error(Io) when the device cannot be painted on.
    static int render(QTextDocument& document, const PageFurniture& furniture, QPagedPaintDevice& device);

    /// Writes `report` as a PDF (A4 portrait) to `out`, which must be open for writing: a QSaveFile, so that the
    /// file appears whole or not at all. Returns the number of pages.
    static int writePdf(Report& report, const PageFurniture& furniture, QIODevice& out);
};

} // namespace wb::ui::reports
