// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QPagedPaintDevice>
#include <QTextDocument>

#include "ui/reports/PageFurniture.h"
#include "ui/reports/Report.h"

namespace wb::ui::reports {

/// A report written as a PDF, in memory: what goes to exports::writeAudited (the one way a file leaves).
struct PdfDocument {
    QByteArray bytes;
    int pages = 0;
};

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

    /// Writes `report` as a PDF (A4 portrait) in memory. Saving it is the caller's, through exports::writeAudited,
    /// so that the file appears whole or not at all and is audited.
    static PdfDocument writePdf(Report& report, const PageFurniture& furniture);
};

} // namespace wb::ui::reports
