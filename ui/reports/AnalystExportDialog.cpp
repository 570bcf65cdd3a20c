// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/AnalystExportDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/export/CaseJson.h"
#include "core/export/ExportFile.h"
#include "core/export/PoleCsv.h"
#include "core/export/PoleView.h"
#include "core/reports/CaseSummary.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PathChooser.h"
#include "ui/widgets/PlainFileDestination.h"

namespace wb::ui {

AnalystExportDialog::AnalystExportDialog(const CaseContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("analystExportDialog"));
    setWindowTitle(tr("Export for analysts"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The case's people, phones, vehicles, places and events with the links between them "
                                "(POLE), for an analyst's link chart, or the whole case for the force's records "
                                "system. The README's \"Exports for analysts\" describes every column and field."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_pole = new QRadioButton(tr("&POLE CSV for i2 Analyst's Notebook or a spreadsheet (an entities file and a "
                                 "links file)"),
                              this);
    m_pole->setObjectName(QStringLiteral("poleCsvRadioButton"));
    m_json = new QRadioButton(tr("The whole case as &JSON for the force's records system"), this);
    m_json->setObjectName(QStringLiteral("caseJsonRadioButton"));
    m_pole->setChecked(true);
    layout->addWidget(m_pole);
    layout->addWidget(m_json);

    m_destination = new PlainFileDestination(
        tr("File name"), tr("Choose where to save the export"), tr("Export to this folder all the &same"),
        {QStringLiteral("analystExportPathLineEdit"), QStringLiteral("analystExportBrowseButton"),
         QStringLiteral("analystExportFolderWarning"), QStringLiteral("analystExportFolderConfirmCheckBox")},
        this);
    auto* saveTo = new QLabel(tr("&Save to:"), this);
    saveTo->setBuddy(m_destination->chooser()->lineEdit());
    layout->addWidget(saveTo);
    layout->addWidget(m_destination);
    m_targets = new QLabel(this);
    m_targets->setObjectName(QStringLiteral("analystExportTargetsLabel"));
    m_targets->setWordWrap(true);
    m_targets->setTextFormat(Qt::PlainText);
    layout->addWidget(m_targets);
    QString plain = tr("These files are plain text, not encrypted, and hold personal data: keep them on an approved "
                       "system, out of synced or shared folders, and delete them when the analysis is done. Each "
                       "export is recorded in the audit log with its folder.");
    if (context.privacy != nullptr && context.privacy->isOn()) {
        plain += QLatin1Char(' ') + tr("Privacy mode does not apply: the files hold everyone's full name.");
    }
    auto* warning = new QLabel(plain, this);
    warning->setObjectName(QStringLiteral("analystExportPlainFileLabel"));
    warning->setWordWrap(true);
    layout->addWidget(warning);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("analystExportMessage"));
    layout->addWidget(m_message);
    layout->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("analystExportButton"));
    m_export->setAutoDefault(false); // a deliberate act: never what Enter does
    layout->addWidget(buttons);

    try {
        m_reference = DisplayText::fromStd(core::reports::caseById(*m_context.workspace, m_context.caseId).reference);
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        m_export->setEnabled(false);
    }
    connect(m_pole, &QRadioButton::toggled, this, &AnalystExportDialog::formatChanged);
    connect(m_destination, &PlainFileDestination::changed, this, &AnalystExportDialog::updateTargets);
    connect(m_export, &QPushButton::clicked, this, &AnalystExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    formatChanged();
    DialogFit::fitWindow(*this, QSize(720, 420));
}

void AnalystExportDialog::setFormat(Format format)
{
    (format == Format::PoleCsv ? m_pole : m_json)->setChecked(true);
}

AnalystExportDialog::Format AnalystExportDialog::format() const
{
    return m_json->isChecked() ? Format::CaseJson : Format::PoleCsv;
}

void AnalystExportDialog::setPath(const QString& path)
{
    m_destination->chooser()->setPath(path);
}

QString AnalystExportDialog::suggestedPath() const
{
    const QString folder = PlainFileDestination::safeStartFolder();
    if (folder.isEmpty() || m_reference.isEmpty()) {
        return {};
    }
    QString name = m_reference;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    name += format() == Format::PoleCsv ? QStringLiteral("-pole.csv") : QStringLiteral("-case.json");
    return QDir(folder).filePath(name);
}

void AnalystExportDialog::formatChanged()
{
    auto* chooser = m_destination->chooser();
    if (format() == Format::PoleCsv) {
        chooser->setDialog(tr("Export the case as POLE CSV"), tr("CSV files (*.csv)"));
    } else {
        chooser->setDialog(tr("Export the case as JSON"), tr("JSON files (*.json)"));
    }
    // The suggestion follows the format until the officer types or chooses a path of their own.
    if (chooser->path().isEmpty() || chooser->path() == m_suggested) {
        m_suggested = suggestedPath();
        chooser->setPath(m_suggested);
    }
    updateTargets();
}

QStringList AnalystExportDialog::targets() const
{
    const QString path = m_destination->chooser()->path();
    if (path.isEmpty()) {
        return {};
    }
    const QFileInfo info(path);
    if (format() == Format::CaseJson) {
        return {info.suffix().isEmpty() ? path + QStringLiteral(".json") : path};
    }
    const QString stem = info.dir().filePath(info.suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0
                                                 ? info.completeBaseName()
                                                 : info.fileName());
    return {stem + QStringLiteral("-entities.csv"), stem + QStringLiteral("-links.csv")};
}

void AnalystExportDialog::updateTargets()
{
    const QStringList files = targets();
    QStringList names;
    for (const auto& file : files) {
        names << QFileInfo(file).fileName();
    }
    m_targets->setText(files.isEmpty() ? tr("Type a file name or use Browse….")
                                       : tr("Writes: %1").arg(names.join(QStringLiteral(", "))));
}

bool AnalystExportDialog::exportNow()
{
    auto files = targets();
    if (files.isEmpty()) {
        m_message->showMessage(tr("Choose where to save the export: type a file name or use Browse…."));
        m_destination->chooser()->lineEdit()->setFocus();
        return false;
    }
    if (!m_destination->folderAccepted()) {
        m_message->showMessage(tr("The files would leave this computer from that folder. Tick \"Export to this "
                                  "folder all the same\" if you mean to, or choose another folder."));
        m_destination->confirmation()->setFocus();
        return false;
    }
    for (auto& file : files) {
        file = QFileInfo(file).absoluteFilePath();
    }
    try {
        core::Workspace& workspace = *m_context.workspace;
        if (format() == Format::PoleCsv) {
            const auto csv = core::exports::toCsv(core::exports::buildPoleView(workspace, m_context.caseId));
            core::exports::writeAudited(
                workspace, "pole-csv", m_context.caseId,
                {{DisplayText::toPath(files.at(0)), csv.entities}, {DisplayText::toPath(files.at(1)), csv.links}});
            m_message->showMessage(tr("Exported to %1. Entities: %2. Links: %3.")
                                       .arg(QDir::toNativeSeparators(QFileInfo(files.at(0)).absolutePath()))
                                       .arg(csv.entityRows)
                                       .arg(csv.linkRows),
                                   InlineMessage::Kind::Information);
        } else {
            core::exports::writeAudited(
                workspace, "case-json", m_context.caseId,
                {{DisplayText::toPath(files.at(0)), core::exports::caseToJson(workspace, m_context.caseId)}});
            m_message->showMessage(
                tr("Exported the case to %1.").arg(QDir::toNativeSeparators(QFileInfo(files.at(0)).absolutePath())),
                InlineMessage::Kind::Information);
        }
        return true;
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        return false;
    }
}

} // namespace wb::ui
