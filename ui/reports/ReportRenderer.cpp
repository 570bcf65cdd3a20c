// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportRenderer.h"

#include <algorithm>

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include "core/Error.h"

namespace wb::ui::reports {

namespace {

constexpr int PdfResolution = 300; // dots per inch of the PDF's layout: fine enough for 9-point furniture

QFont furnitureFont(bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(8.5);
    font.setBold(bold);
    return font;
}

/// Text at the left and right of `band`: the right in full, the left elided to the room left beside it.
void drawSides(QPainter& painter, const QRectF& band, const QString& left, const QString& right)
{
    const QFont plain = furnitureFont(false);
    painter.setFont(plain);
    const QFontMetricsF metrics(plain, painter.device());
    const double rightWidth = std::min(metrics.horizontalAdvance(right), band.width() / 2);
    const double gap = metrics.averageCharWidth() * 3;
    painter.drawText(QRectF(band.right() - rightWidth, band.top(), rightWidth, band.height()),
                     Qt::AlignRight | Qt::AlignVCenter, metrics.elidedText(right, Qt::ElideLeft, rightWidth));
    const double leftWidth = band.width() - rightWidth - gap;
    painter.drawText(QRectF(band.left(), band.top(), leftWidth, band.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(left, Qt::ElideRight, leftWidth));
}

/// Bold text in the middle of `band` (the protective marking).
void drawCentre(QPainter& painter, const QRectF& band, const QString& text)
{
    const QFont bold = furnitureFont(true);
    painter.setFont(bold);
    const QFontMetricsF metrics(bold, painter.device());
    painter.drawText(band, Qt::AlignHCenter | Qt::AlignVCenter,
                     metrics.elidedText(text, Qt::ElideMiddle, band.width()));
}

void drawTrainingWatermark(QPainter& painter, const QRectF& page, const QString& word)
{
    painter.save();
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setBold(true);
    font.setPointSizeF(72);
    painter.setFont(font);
    painter.setPen(QColor(0, 0, 0, 40));
    painter.translate(page.center());
    painter.rotate(-45);
    const QFontMetricsF metrics(font, painter.device());
    const double width = metrics.horizontalAdvance(word);
    painter.drawText(QPointF(-width / 2, metrics.ascent() / 2), word);
    painter.restore();
}

} // namespace

int ReportRenderer::render(QTextDocument& document, const PageFurniture& furniture, QPagedPaintDevice& device)
{
    QPainter painter;
    if (!painter.begin(&device)) {
        throw core::Error(core::ErrorCode::Io,
                          "the report could not be drawn on its page (the printer or file refused)");
    }
    // The painter's origin is the top left of the printable area; width() and height() are its size in device pixels.
    const QRectF page(0, 0, device.width(), device.height());
    const QFontMetricsF metrics(furnitureFont(true), &device);
    const double line = metrics.height() * 1.4;
    const int headerLines = furniture.training ? 3 : 2;
    const double headerHeight = line * headerLines + line * 0.6;
    const double footerHeight = line * 2 + line * 0.6;
    const QRectF body(0, headerHeight, page.width(), page.height() - headerHeight - footerHeight);

    document.documentLayout()->setPaintDevice(&device);
    document.setPageSize(body.size());
    const int pages = document.pageCount();

    const QString trainingWord = tr("TRAINING");
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !device.newPage()) {
            throw core::Error(core::ErrorCode::Io, "the report's next page could not be started");
        }
        if (furniture.training) {
            drawTrainingWatermark(painter, page, trainingWord);
        }
        painter.save();
        painter.translate(body.left(), body.top() - i * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * body.height(), body.width(), body.height());
        painter.setClipRect(context.clip); // a table's frame spans pages: nothing of it may reach the furniture
        context.palette.setColor(QPalette::Text, Qt::black);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        painter.setPen(Qt::black);
        // Top: the marking, then the crime reference and the title; TRAINING below on a training workspace.
        drawCentre(painter, QRectF(0, 0, page.width(), line), furniture.marking);
        drawSides(painter, QRectF(0, line, page.width(), line),
                  furniture.crimeReference.isEmpty() ? tr("All open cases")
                                                     : tr("Crime reference %1").arg(furniture.crimeReference),
                  furniture.title);
        if (furniture.training) {
            drawCentre(painter, QRectF(0, 2 * line, page.width(), line), tr("%1: not a real case").arg(trainingWord));
        }
        painter.drawLine(QPointF(0, headerHeight - line * 0.3), QPointF(page.width(), headerHeight - line * 0.3));
        // Bottom: who printed it and when, the page number, then the marking.
        const double footerTop = page.height() - footerHeight + line * 0.6;
        painter.drawLine(QPointF(0, footerTop - line * 0.3), QPointF(page.width(), footerTop - line * 0.3));
        drawSides(painter, QRectF(0, footerTop, page.width(), line),
                  tr("Printed by %1 on %2").arg(furniture.printedBy, furniture.printedAt),
                  tr("Page %1 of %2").arg(i + 1).arg(pages));
        drawCentre(painter, QRectF(0, footerTop + line, page.width(), line), furniture.marking);
    }
    painter.end();
    return pages;
}

PdfDocument ReportRenderer::writePdf(Report& report, const PageFurniture& furniture)
{
    PdfDocument pdf;
    QBuffer buffer(&pdf.bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer); // finishes the file when it goes
        writer.setResolution(PdfResolution);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 12, 15, 12),
                                         QPageLayout::Millimeter));
        writer.setTitle(report.title);
        writer.setCreator(QStringLiteral("RASSO Investigator Workbench"));
        pdf.pages = render(*report.document, furniture, writer);
    }
    buffer.close();
    return pdf;
}

} // namespace wb::ui::reports
