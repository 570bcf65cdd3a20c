// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QDialog>

#include "core/domain/Time.h"
#include "core/reports/ReportKind.h"
#include "ui/cases/CaseContext.h"
#include "ui/reports/PageFurniture.h"
#include "ui/reports/Report.h"
#include "ui/reports/ReportBuilder.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPrinter;
class QPrintPreviewWidget;
class QPushButton;

namespace wb::ui {

class InlineMessage;
class LetterChooser;
class PlainFileDestination;

/// Reports of one case on paper or as a PDF (issue 18): the officer chooses the report and, for this printout, the
/// protective marking, sees every page in a preview as it will print, then prints it or saves it as a PDF. Privacy
/// mode applies to the printout as to the screen, and the dialog says which way it is. A PDF is a plain file: the
/// dialog says so, starts in a folder that no sync client copies, warns when the chosen folder is synced or on a
/// network (core/export/ExportFolder) and then saves only once the officer ticks that they mean it; the file is
/// written whole or not at all and never over another (core::exports::writeAudited). Every printout and every PDF
/// is audited: who, what, when, and the printer or the folder. The report is laid out by wb_reports (the command
/// line's `report` writes the same PDF).
class ReportDialog final : public QDialog
{
    Q_OBJECT

public:
    /// The reports of context.caseId; with caseId 0, the officer's Today list across every open case (the main
    /// window's "Print Today's list…").
    explicit ReportDialog(const CaseContext& context, QWidget* parent = nullptr);
    ~ReportDialog() override;

    void setKind(core::reports::ReportKind kind);
    core::reports::ReportKind kind() const;
    /// The pages of the report as it stands (0 when it could not be laid out: the message says why).
    int pageCount() const;
    /// The PDF's path: typed, chosen with Browse…, or set here.
    void setPdfPath(const QString& path);

    /// Saves the report as a PDF at the path given; false (and the message says why) when it is refused or fails.
    bool savePdf();
    /// Renders the report onto `printer` and audits it as printed there; false when it could not be printed.
    bool printTo(QPrinter& printer);

    QPrintPreviewWidget* preview() const noexcept { return m_preview; }
    /// A victim letter's choices (shown for that kind only).
    LetterChooser* letterChooser() const noexcept { return m_letters; }
    InlineMessage* message() const noexcept { return m_message; }

private:
    /// Lays the chosen report out again (kind, marking or privacy mode changed) and refreshes the preview.
    void rebuild();
    void paintPreview(QPrinter* printer);
    void print();
    void updateButtons();
    reports::ReportOptions options() const;
    reports::ReportCatalogues catalogues() const;
    /// After a victim letter was printed or saved: logs it as a contact when the officer left that ticked. Returns
    /// what to add to the message: that it was logged, that it could not be (and why), or "" when not asked.
    QString logLetter(core::Instant now);

    CaseContext m_context;
    std::optional<reports::Report> m_report;
    reports::PageFurniture m_furniture;

    QComboBox* m_kind = nullptr;
    LetterChooser* m_letters = nullptr;
    QLineEdit* m_marking = nullptr;
    QLabel* m_privacy = nullptr;
    QPrintPreviewWidget* m_preview = nullptr;
    std::unique_ptr<QPrinter> m_previewPrinter;
    QPushButton* m_printButton = nullptr;
    PlainFileDestination* m_destination = nullptr;
    QPushButton* m_saveButton = nullptr;
    InlineMessage* m_message = nullptr;
};

} // namespace wb::ui
