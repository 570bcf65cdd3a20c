// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportDialog.h"

#include <string>
#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/export/ExportAudit.h"
#include "core/export/ExportFile.h"
#include "core/letters/VictimLetter.h"
#include "core/reports/CaseSummary.h"
#include "core/reports/ProtectiveMarking.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/reports/LetterChooser.h"
#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportRenderer.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/ElidingComboBox.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PathChooser.h"
#include "ui/widgets/PlainFileDestination.h"

namespace wb::ui {

ReportDialog::ReportDialog(const CaseContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_previewPrinter(std::make_unique<QPrinter>(QPrinter::ScreenResolution))
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Print or save a report"));
    m_previewPrinter->setPageSize(QPageSize(QPageSize::A4));
    m_previewPrinter->setPageOrientation(QPageLayout::Portrait);

    auto* outer = new QHBoxLayout(this);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);

    auto* form = new QFormLayout();
    // A long title ("MG6C: schedule of non-sensitive …") is shortened with "…", never cut; whole in its tooltip.
    m_kind = new ElidingComboBox(24, side);
    m_kind->setObjectName(QStringLiteral("reportKindComboBox"));
    m_kind->setAccessibleName(tr("Report"));
    // A case's reports from a case window; the Today list (of no one case) from the main window (caseId 0).
    for (const core::reports::ReportKind kind : core::reports::allReportKinds()) {
        if (core::reports::isCaseReport(kind) != (m_context.caseId != 0)) {
            continue;
        }
        m_kind->addItem(reports::ReportBuilder::title(kind), static_cast<int>(kind));
    }
    form->addRow(tr("&Report:"), m_kind);
    m_marking = new QLineEdit(side);
    m_marking->setObjectName(QStringLiteral("reportMarkingLineEdit"));
    m_marking->setAccessibleName(tr("Protective marking"));
    m_marking->setMaxLength(static_cast<int>(core::reports::MaxMarkingLength));
    m_marking->setToolTip(tr("Printed at the top and bottom of every page of this printout. The workspace's own "
                             "marking is not changed."));
    form->addRow(tr("Protective &marking:"), m_marking);
    sideLayout->addLayout(form);
    m_letters = new LetterChooser(m_context, side);
    m_letters->setVisible(false);
    sideLayout->addWidget(m_letters);

    m_privacy = new QLabel(side);
    m_privacy->setObjectName(QStringLiteral("reportPrivacyLabel"));
    m_privacy->setWordWrap(true);
    sideLayout->addWidget(m_privacy);
    auto* plain = new QLabel(tr("A printout or a PDF is outside the encrypted workspace: handle it as its marking "
                                "says. The PDF is not encrypted."),
                             side);
    plain->setObjectName(QStringLiteral("reportPlainFileLabel"));
    plain->setWordWrap(true);
    sideLayout->addWidget(plain);

    m_printButton = new QPushButton(tr("&Print…"), side);
    m_printButton->setObjectName(QStringLiteral("printReportButton"));
    m_printButton->setToolTip(tr("Choose a printer and print the report as the preview shows it"));
    auto* printRow = new QHBoxLayout();
    printRow->addWidget(m_printButton);
    printRow->addStretch(1);
    sideLayout->addLayout(printRow);

    // Straight in the column, not in a group box: a wrapped warning in a group box beside the preview was laid out a
    // line short and its last line cut.
    auto* pdfHeading = new QLabel(tr("Save as PDF"), side);
    QFont headingFont = pdfHeading->font();
    headingFont.setBold(true);
    pdfHeading->setFont(headingFont);
    sideLayout->addWidget(pdfHeading);
    m_destination = new PlainFileDestination(
        tr("PDF file"), tr("Choose where to save the PDF"), tr("Save it in this folder all the &same"),
        {QStringLiteral("reportPdfPathLineEdit"), QStringLiteral("reportPdfBrowseButton"),
         QStringLiteral("reportFolderWarning"), QStringLiteral("reportFolderConfirmCheckBox")},
        side);
    m_destination->chooser()->setDialog(tr("Save the report as a PDF"), tr("PDF files (*.pdf)"));
    sideLayout->addWidget(m_destination);
    m_saveButton = new QPushButton(tr("&Save PDF"), side);
    m_saveButton->setObjectName(QStringLiteral("saveReportPdfButton"));
    auto* saveRow = new QHBoxLayout();
    saveRow->addWidget(m_saveButton);
    saveRow->addStretch(1);
    sideLayout->addLayout(saveRow);

    m_message = new InlineMessage(side);
    m_message->setObjectName(QStringLiteral("reportMessage"));
    sideLayout->addWidget(m_message);
    sideLayout->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, side);
    sideLayout->addWidget(buttons);

    m_preview = new QPrintPreviewWidget(m_previewPrinter.get(), this);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setAccessibleName(tr("Print preview"));
    m_preview->setAccessibleDescription(tr("Every page of the report as it will print"));
    m_preview->setFocusPolicy(Qt::StrongFocus);
    m_preview->setMinimumWidth(360);
    m_preview->fitToWidth();
    // The choices in a column of their own width beside a wide preview: fixed, so that a wrapped warning is laid out
    // at the width it is shown at and is never cut at the bottom.
    side->setFixedWidth(side->fontMetrics().averageCharWidth() * 60);
    outer->addWidget(side);
    outer->addWidget(m_preview, 1);

    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, &ReportDialog::paintPreview);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportDialog::rebuild);
    connect(m_letters, &LetterChooser::choiceChanged, this, &ReportDialog::rebuild);
    connect(m_marking, &QLineEdit::editingFinished, this, &ReportDialog::rebuild);
    if (m_context.privacy != nullptr) {
        connect(m_context.privacy, &PrivacyMode::changed, this, &ReportDialog::rebuild);
    }
    connect(m_printButton, &QPushButton::clicked, this, &ReportDialog::print);
    connect(m_saveButton, &QPushButton::clicked, this, &ReportDialog::savePdf);
    connect(m_destination, &PlainFileDestination::changed, this, &ReportDialog::updateButtons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The workspace's own marking to start with (the force's, else OFFICIAL-SENSITIVE).
    try {
        m_marking->setText(DisplayText::fromStd(core::reports::protectiveMarking(*m_context.workspace)));
    } catch (const core::Error& e) {
        m_marking->setText(reports::defaultMarking());
        m_message->showMessage(ErrorText::message(e));
    }
    rebuild();
    m_destination->checkFolder();
    DialogFit::fitWindow(*this, QSize(1180, 820));
}

ReportDialog::~ReportDialog() = default;

void ReportDialog::setKind(core::reports::ReportKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
}

core::reports::ReportKind ReportDialog::kind() const
{
    return static_cast<core::reports::ReportKind>(m_kind->currentData().toInt());
}

int ReportDialog::pageCount() const
{
    return m_report ? m_preview->pageCount() : 0;
}

void ReportDialog::setPdfPath(const QString& path)
{
    m_destination->chooser()->setPath(path);
}

reports::ReportOptions ReportDialog::options() const
{
    reports::ReportOptions options;
    options.marking = m_marking->text();
    if (kind() == core::reports::ReportKind::VictimLetter) {
        options.letter = m_letters->choice(); // printed as the victim will read it: never masked
        return options;
    }
    if (m_context.privacy != nullptr && m_context.privacy->isOn()) {
        const PrivacyMode* privacy = m_context.privacy;
        options.personName = [privacy](const core::Person& person) { return privacy->displayName(person); };
        options.privacyApplied = true;
    }
    return options;
}

void ReportDialog::rebuild()
{
    m_report.reset();
    m_message->clearMessage();
    const bool privacyOn = m_context.privacy != nullptr && m_context.privacy->isOn();
    const bool letter = kind() == core::reports::ReportKind::VictimLetter;
    m_letters->setVisible(letter);
    if (letter) {
        m_privacy->setText(tr("A letter is printed as the victim will read it, with their name: privacy mode does "
                              "not shorten it."));
    } else if (kind() == core::reports::ReportKind::Today) {
        m_privacy->setText(tr("The Today list names no one: each item gives its case's crime reference."));
    } else {
        m_privacy->setText(privacyOn ? tr("Privacy mode is on: victims and witnesses are printed by their initials, "
                                          "and sensitive details are left out.")
                                     : tr("Privacy mode is off: everyone is printed by their full name."));
    }
    try {
        if (m_context.workspace == nullptr || m_context.catalogues == nullptr) {
            throw core::Error(core::ErrorCode::Locked, "no workspace to print from");
        }
        core::Workspace& workspace = *m_context.workspace;
        const auto now = workspace.clock().now();
        const auto chosen = options();
        reports::Report report =
            reports::ReportBuilder::build(workspace, catalogues(), kind(), m_context.caseId, chosen, now);
        m_furniture = reports::ReportBuilder::furniture(workspace, report, chosen, now);
        m_report = std::move(report);
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
    }
    m_preview->updatePreview();
    updateButtons();
}

reports::ReportCatalogues ReportDialog::catalogues() const
{
    return {*m_context.catalogues->enquiries, *m_context.catalogues->questions, m_context.catalogues->deadlines.get(),
            m_context.catalogues->letters.get()};
}

QString ReportDialog::logLetter(core::Instant now)
{
    if (kind() != core::reports::ReportKind::VictimLetter || !m_letters->logAsContact()) {
        return {};
    }
    const auto choice = m_letters->choice();
    if (!choice || m_context.catalogues->letters == nullptr) {
        return {};
    }
    core::Workspace& workspace = *m_context.workspace;
    try {
        core::letters::recordLetterSent(workspace, m_context.caseId,
                                        core::letters::writeLetter(workspace, m_context.caseId, choice->victimId,
                                                                   *m_context.catalogues->letters, choice->occasion,
                                                                   choice->eventType, choice->eventId, now),
                                        now);
    } catch (const core::Error& e) {
        // The letter left already: say that the contact was not logged, and why, so the officer records it.
        return QLatin1Char(' ') + tr("It could not be logged as a contact: %1 Record the contact on the Victim tab.")
                                      .arg(ErrorText::message(e));
    }
    return QLatin1Char(' ') + tr("Logged as a contact with the victim, by letter.");
}

void ReportDialog::paintPreview(QPrinter* printer)
{
    if (!m_report || printer == nullptr) {
        return;
    }
    try {
        reports::ReportRenderer::render(*m_report->document, m_furniture, *printer);
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
    }
}

void ReportDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the report"));
    if (dialog.exec() == QDialog::Accepted) {
        printTo(printer);
    }
}

bool ReportDialog::printTo(QPrinter& printer)
{
    if (!m_report) {
        return false;
    }
    try {
        core::Workspace& workspace = *m_context.workspace;
        // Printed now, by the workspace's owner: the time on the pages is the time of printing.
        m_furniture = reports::ReportBuilder::furniture(workspace, *m_report, options(), workspace.clock().now());
        const int pages = reports::ReportRenderer::render(*m_report->document, m_furniture, printer);
        const std::string printerName = DisplayText::toStd(printer.printerName());
        if (m_context.caseId != 0) {
            core::exports::recordPrint(workspace, core::reports::printAuditKind(kind()),
                                       core::reports::caseById(workspace, m_context.caseId), printerName);
        } else {
            core::exports::recordPrint(workspace, core::reports::printAuditKind(kind()), printerName);
        }
        const QString logged = logLetter(workspace.clock().now());
        m_message->showMessage(tr("Sent to the printer: %n pages.", nullptr, pages) + logged,
                               InlineMessage::Kind::Information);
        m_preview->updatePreview();
        return true;
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        m_preview->updatePreview();
        return false;
    }
}

bool ReportDialog::savePdf()
{
    if (!m_report) {
        return false;
    }
    const QString path = m_destination->chooser()->normalisedPath(QStringLiteral("pdf"));
    if (path.isEmpty()) {
        m_message->showMessage(tr("Choose where to save the PDF: type a file name or use Browse…."));
        m_destination->chooser()->lineEdit()->setFocus();
        return false;
    }
    if (!m_destination->folderAccepted()) {
        m_message->showMessage(tr("The PDF would leave this computer from that folder. Tick \"Save it in this folder "
                                  "all the same\" if you mean to, or choose another folder."));
        m_destination->confirmation()->setFocus();
        return false;
    }
    try {
        core::Workspace& workspace = *m_context.workspace;
        m_furniture = reports::ReportBuilder::furniture(workspace, *m_report, options(), workspace.clock().now());
        const auto pdf = reports::ReportRenderer::writePdf(*m_report, m_furniture);
        core::exports::writeAudited(workspace, core::reports::exportAuditKind(kind()), m_context.caseId,
                                    {{DisplayText::toPath(path), pdf.bytes.toStdString()}});
        const QString logged = logLetter(workspace.clock().now());
        m_message->showMessage(tr("Saved as a PDF of %n pages in %1.", nullptr, pdf.pages)
                                       .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())) +
                                   logged,
                               InlineMessage::Kind::Information);
        m_preview->updatePreview();
        return true;
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        m_preview->updatePreview();
        return false;
    }
}

void ReportDialog::updateButtons()
{
    const bool ready = m_report.has_value();
    m_printButton->setEnabled(ready);
    m_saveButton->setEnabled(ready);
}

} // namespace wb::ui
