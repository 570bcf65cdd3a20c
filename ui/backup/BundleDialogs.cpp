// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/BundleDialogs.h"

#include <exception>
#include <map>

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/store/FileAccess.h"
#include "core/store/SecureBuffer.h"
#include "ui/session/PassphraseStrength.h"
#include "ui/session/SecretInput.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/FileChooser.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

const QString BundleSuffix = QStringLiteral("rwbundle");

QString bundleFilter()
{
    return QCoreApplication::translate("wb::ui::ExportBundleDialog", "Handover bundles (*.rwbundle);;All files (*)");
}

void wipe(std::string& text) noexcept
{
    volatile char* bytes = text.data();
    for (std::size_t i = 0; i < text.size(); ++i) {
        bytes[i] = '\0';
    }
    text.clear();
}

/// The workspace wording of ErrorText, reworded where the file is a bundle.
QString bundleErrorText(const core::Error& error)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("wb::ui::ImportBundleDialog", text); };
    const std::string& field = error.field();
    if (error.code() == core::ErrorCode::Validation) {
        if (field == "bundleFile") {
            return tr("This is not a bundle file: a folder, device or pipe is never read as a bundle. Choose the "
                      "bundle file itself.");
        }
        if (field == "bundleSize") {
            return tr("This bundle is larger than a bundle may be (%1 MiB for the file, %2 MiB of content). Ask the "
                      "sender to hand the cases over in several bundles.")
                .arg(core::bundle::MaxFileBytes >> 20)
                .arg(core::bundle::MaxDocumentBytes >> 20);
        }
        if (field == "bundleDepth" || field == "bundleText" || field == "bundleList") {
            return tr("This bundle goes beyond the limits any bundle keeps (lists nested at most %1 deep, at most "
                      "%2 KiB in one text, at most %3 entries in one list), so it was refused. Ask for it again.")
                .arg(core::bundle::MaxDepth)
                .arg(core::bundle::MaxTextBytes >> 10)
                .arg(core::bundle::MaxListEntries);
        }
        if (field == "bundleUuid") {
            return tr("This bundle gives one identifier to two different records (in the bundle, or to a record of "
                      "another kind already in this workspace), so it cannot be imported safely. Ask the sender for "
                      "a new bundle.");
        }
        if (field == "acceptedRecords") {
            return tr("A ticked record needs another record that is not ticked. Tick both, or neither.");
        }
    }
    if (error.code() == core::ErrorCode::Conflict && field == "bundlePlan") {
        return tr("The bundle or this workspace changed while the import was being reviewed. Start the import "
                  "again.");
    }
    switch (error.code()) {
    case core::ErrorCode::WrongPassphrase:
        return tr("The bundle passphrase is not correct. Ask the sender for the bundle's own passphrase.");
    case core::ErrorCode::NotAWorkspace: return tr("This file is not a handover bundle.");
    case core::ErrorCode::Truncated:
        return tr(
            "This bundle is incomplete: it has been cut short, perhaps by an interrupted copy. Ask for it again.");
    case core::ErrorCode::Corrupted:
        return tr("This bundle has been altered or damaged since it was written, so it cannot be trusted. Ask for "
                  "it again.");
    default: return ErrorText::message(error);
    }
}

QPushButton* newBrowseButton(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* button = new QPushButton(QCoreApplication::translate("wb::ui::ExportBundleDialog", "Bro&wse…"), parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

QLineEdit* newPassphraseEdit(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

// --- ExportBundleDialog -------------------------------------------------------

ExportBundleDialog::ExportBundleDialog(core::Workspace& workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_job(new WorkspaceJob(this))
{
    setObjectName(QStringLiteral("exportBundleDialog"));
    setWindowModality(Qt::ApplicationModal); // the workspace is used off the GUI thread: see WorkspaceJob
    setWindowTitle(tr("Export cases for handover"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Writes the ticked cases, with all their people and records, to one file encrypted "
                                "under a bundle passphrase of its own. Give the passphrase to the receiving officer "
                                "by a different route from the file."),
                             this);
    intro->setObjectName(QStringLiteral("exportIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* casesLabel = new QLabel(tr("&Cases to hand over:"), this);
    layout->addWidget(casesLabel);
    m_caseList = new QListWidget(this);
    m_caseList->setObjectName(QStringLiteral("exportCaseListWidget"));
    m_caseList->setAccessibleName(tr("Cases to hand over"));
    m_caseList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_caseList->setMinimumHeight(140);
    casesLabel->setBuddy(m_caseList);
    layout->addWidget(m_caseList, 1);

    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_passphraseEdit = newPassphraseEdit(this, QStringLiteral("bundlePassphraseLineEdit"), tr("Bundle passphrase"));
    auto* passLabel = new QLabel(tr("Bundle &passphrase:"), this);
    passLabel->setBuddy(m_passphraseEdit);
    form->addRow(passLabel, m_passphraseEdit);
    auto* strengthRow = new QHBoxLayout();
    m_strengthBar = new QProgressBar(this);
    m_strengthBar->setObjectName(QStringLiteral("bundleStrengthBar"));
    m_strengthBar->setAccessibleName(tr("Passphrase strength"));
    m_strengthBar->setRange(0, 100);
    m_strengthBar->setTextVisible(false);
    m_strengthLabel = new QLabel(this);
    m_strengthLabel->setObjectName(QStringLiteral("bundleStrengthLabel"));
    strengthRow->addWidget(m_strengthBar, 1);
    strengthRow->addWidget(m_strengthLabel);
    form->addRow(tr("Strength:"), strengthRow);
    m_confirmEdit = newPassphraseEdit(this, QStringLiteral("bundleConfirmLineEdit"), tr("Bundle passphrase again"));
    auto* confirmLabel = new QLabel(tr("&Again:"), this);
    confirmLabel->setBuddy(m_confirmEdit);
    form->addRow(confirmLabel, m_confirmEdit);
    m_mismatchMessage = new InlineMessage(this);
    m_mismatchMessage->setObjectName(QStringLiteral("bundleMismatchLabel"));
    form->addRow(QString(), m_mismatchMessage);

    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("exportPathLineEdit"));
    m_pathEdit->setAccessibleName(tr("Bundle file"));
    m_pathEdit->setMinimumWidth(360);
    m_browseButton = newBrowseButton(this, QStringLiteral("exportBrowseButton"), tr("Choose the bundle file"));
    auto* pathRow = new QHBoxLayout();
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(m_browseButton);
    auto* pathLabel = new QLabel(tr("Bundle &file:"), this);
    pathLabel->setBuddy(m_pathEdit);
    form->addRow(pathLabel, pathRow);
    layout->addLayout(form);

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("exportBusyBar"));
    m_busyBar->setAccessibleName(tr("Exporting"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setVisible(false);
    layout->addWidget(m_busyBar);
    m_busyLabel = new QLabel(tr("Protecting the passphrase and writing the bundle…"), this);
    m_busyLabel->setObjectName(QStringLiteral("exportBusyLabel"));
    m_busyLabel->setVisible(false);
    layout->addWidget(m_busyLabel);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("exportMessageLabel"));
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("exportStartButton"));
    m_startButton->setAccessibleName(tr("Export the bundle"));
    m_startButton->setDefault(true);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("exportCloseButton"));
    m_closeButton->setAccessibleName(tr("Close"));
    layout->addWidget(buttons);

    connect(m_caseList, &QListWidget::itemChanged, this, &ExportBundleDialog::updateState);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &ExportBundleDialog::updateStrength);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &ExportBundleDialog::updateState);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &ExportBundleDialog::updateState);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &ExportBundleDialog::updateState);
    connect(m_browseButton, &QPushButton::clicked, this, &ExportBundleDialog::browse);
    connect(m_startButton, &QPushButton::clicked, this, &ExportBundleDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &ExportBundleDialog::reject);
    connect(m_job, &WorkspaceJob::finished, this, &ExportBundleDialog::jobFinished);

    const QFileInfo workspaceFile(DisplayText::fromPath(workspace.path()));
    m_pathEdit->setText(QDir::toNativeSeparators(workspaceFile.dir().absoluteFilePath(
        QStringLiteral("handover-%1.%2")
            .arg(DisplayText::toUkDateTime(core::nowUtc()).date().toString(Qt::ISODate), BundleSuffix))));
    setTabOrder(m_caseList, m_passphraseEdit);
    setTabOrder(m_passphraseEdit, m_confirmEdit);
    setTabOrder(m_confirmEdit, m_pathEdit);
    setTabOrder(m_pathEdit, m_browseButton);
    setTabOrder(m_browseButton, m_startButton);
    setTabOrder(m_startButton, m_closeButton);
    setMinimumWidth(560);
    loadCases();
    updateStrength();
    updateState();
}

ExportBundleDialog::~ExportBundleDialog() = default;

void ExportBundleDialog::loadCases()
{
    m_caseList->clear();
    try {
        for (const core::Case& c : m_workspace.cases().list()) {
            QString text = DisplayText::fromStd(c.reference);
            if (c.operationName && !c.operationName->empty()) {
                text += QStringLiteral(" — ") + DisplayText::fromStd(*c.operationName);
            }
            text += QStringLiteral(" — ") + DisplayText::offenceTitle(m_workspace.offences(), c.primaryOffence);
            auto* item = new QListWidgetItem(text, m_caseList);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(c.id));
        }
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
    }
}

void ExportBundleDialog::setKdfParams(const core::store::KdfParams& params)
{
    m_kdf = params;
}

void ExportBundleDialog::selectCases(const std::vector<std::int64_t>& caseIds)
{
    for (int row = 0; row < m_caseList->count(); ++row) {
        QListWidgetItem* item = m_caseList->item(row);
        const auto id = static_cast<std::int64_t>(item->data(Qt::UserRole).toLongLong());
        const bool wanted = std::find(caseIds.begin(), caseIds.end(), id) != caseIds.end();
        item->setCheckState(wanted ? Qt::Checked : Qt::Unchecked);
    }
}

std::vector<std::int64_t> ExportBundleDialog::selectedCases() const
{
    std::vector<std::int64_t> ids;
    for (int row = 0; row < m_caseList->count(); ++row) {
        const QListWidgetItem* item = m_caseList->item(row);
        if (item->checkState() == Qt::Checked) {
            ids.push_back(static_cast<std::int64_t>(item->data(Qt::UserRole).toLongLong()));
        }
    }
    return ids;
}

void ExportBundleDialog::setTargetPath(const QString& path)
{
    m_pathEdit->setText(QDir::toNativeSeparators(path));
}

bool ExportBundleDialog::isBusy() const noexcept
{
    return m_job->isRunning();
}

void ExportBundleDialog::browse()
{
    const QString path = FileChooser::saveFile(this, tr("Write the bundle to"), m_pathEdit->text(), bundleFilter());
    if (!path.isEmpty()) {
        setTargetPath(path);
    }
}

void ExportBundleDialog::updateStrength()
{
    const auto rating = PassphraseStrength::rate(m_passphraseEdit->text());
    m_strengthBar->setValue(rating.percent);
    const QString word = PassphraseStrength::levelText(rating.level);
    m_strengthLabel->setText(word);
    m_strengthBar->setAccessibleDescription(word);
}

void ExportBundleDialog::updateState()
{
    const bool busy = isBusy();
    const bool mismatch = !m_confirmEdit->text().isEmpty() && m_confirmEdit->text() != m_passphraseEdit->text();
    if (mismatch) {
        m_mismatchMessage->showMessage(tr("Passphrases do not match"), InlineMessage::Kind::Warning);
    } else {
        m_mismatchMessage->clearMessage();
    }
    for (QWidget* w : std::initializer_list<QWidget*>{m_caseList, m_passphraseEdit, m_confirmEdit, m_pathEdit,
                                                      m_browseButton, m_closeButton}) {
        w->setEnabled(!busy);
    }
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    m_startButton->setEnabled(!busy && !selectedCases().empty() && !m_passphraseEdit->text().isEmpty() &&
                              m_confirmEdit->text() == m_passphraseEdit->text() &&
                              !m_pathEdit->text().trimmed().isEmpty());
}

void ExportBundleDialog::start()
{
    if (isBusy() || !m_startButton->isEnabled()) {
        return;
    }
    m_message->clearMessage();
    const auto ids = selectedCases();
    const QString refused =
        PassphraseStrength::problemText(m_passphraseEdit->text(), core::security::PassphraseUse::Bundle);
    if (!refused.isEmpty()) {
        m_message->showMessage(refused);
        m_passphraseEdit->setFocus();
        return;
    }
    QString path = QDir::fromNativeSeparators(m_pathEdit->text().trimmed());
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + BundleSuffix;
    }
    path = QFileInfo(path).absoluteFilePath();
    m_pathEdit->setText(QDir::toNativeSeparators(path));
    if (QFileInfo::exists(path)) {
        m_message->showMessage(ErrorText::message(core::Error(core::ErrorCode::AlreadyExists, "exists")));
        m_pathEdit->setFocus();
        return;
    }
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        m_message->showMessage(ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "no folder")));
        m_pathEdit->setFocus();
        return;
    }
    std::shared_ptr<core::store::SecureBuffer> secret;
    try {
        secret = std::make_shared<core::store::SecureBuffer>(secretFrom(m_passphraseEdit));
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
        return;
    }
    m_passphraseEdit->clear();
    m_confirmEdit->clear();
    m_exportedCount = static_cast<int>(ids.size());
    core::Workspace* workspace = &m_workspace;
    const auto target = DisplayText::toPath(path);
    const auto params = m_kdf;
    m_job->start([workspace, ids, target, secret, params] {
        try {
            core::bundle::exportCases(*workspace, ids, target, secret->view(), params);
        } catch (...) {
            secret->wipe();
            throw;
        }
        secret->wipe();
    });
    updateState();
}

void ExportBundleDialog::jobFinished()
{
    updateState();
    if (const auto& error = m_job->error()) {
        m_message->showMessage(tr("The bundle was not written. %1").arg(ErrorText::message(*error)));
        return;
    }
    const QString file = QFileInfo(QDir::fromNativeSeparators(m_pathEdit->text())).fileName();
    m_message->showMessage(
        m_exportedCount == 1
            ? tr("1 case written to %1. Send the passphrase separately.").arg(file)
            : tr("%1 cases written to %2. Send the passphrase separately.").arg(QString::number(m_exportedCount), file),
        InlineMessage::Kind::Information);
    m_closeButton->setFocus();
    m_closeButton->setDefault(true);
}

void ExportBundleDialog::reject()
{
    if (isBusy()) {
        return;
    }
    QDialog::reject();
}

// --- ImportBundleDialog -------------------------------------------------------

/// The decrypted document, in guarded memory, handed from the pool thread to the GUI thread.
struct ImportBundleDialog::Decrypted {
    core::store::SecureBuffer document;
};

ImportBundleDialog::ImportBundleDialog(core::Workspace& workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_job(new WorkspaceJob(this))
{
    setObjectName(QStringLiteral("importBundleDialog"));
    setWindowModality(Qt::ApplicationModal); // the workspace is used off the GUI thread: see WorkspaceJob
    setWindowTitle(tr("Import a handover bundle"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Adds the cases in a handover bundle to this workspace. Records already here are "
                                "never overwritten: any that differ are listed as conflicts. A bundle that was "
                                "altered or cut short is refused and nothing is imported."),
                             this);
    intro->setObjectName(QStringLiteral("importIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("importPathLineEdit"));
    m_pathEdit->setAccessibleName(tr("Bundle file"));
    m_pathEdit->setMinimumWidth(360);
    m_browseButton = newBrowseButton(this, QStringLiteral("importBrowseButton"), tr("Choose the bundle file"));
    auto* pathRow = new QHBoxLayout();
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(m_browseButton);
    auto* pathLabel = new QLabel(tr("Bundle &file:"), this);
    pathLabel->setBuddy(m_pathEdit);
    form->addRow(pathLabel, pathRow);
    m_passphraseEdit = newPassphraseEdit(this, QStringLiteral("importPassphraseLineEdit"), tr("Bundle passphrase"));
    auto* passLabel = new QLabel(tr("Bundle &passphrase:"), this);
    passLabel->setBuddy(m_passphraseEdit);
    form->addRow(passLabel, m_passphraseEdit);
    layout->addLayout(form);

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("importBusyBar"));
    m_busyBar->setAccessibleName(tr("Importing"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setVisible(false);
    layout->addWidget(m_busyBar);
    m_busyLabel = new QLabel(tr("Checking the passphrase and the bundle…"), this);
    m_busyLabel->setObjectName(QStringLiteral("importBusyLabel"));
    m_busyLabel->setVisible(false);
    layout->addWidget(m_busyLabel);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("importMessageLabel"));
    layout->addWidget(m_message);
    m_reportView = new QPlainTextEdit(this);
    m_reportView->setObjectName(QStringLiteral("importReportTextEdit"));
    m_reportView->setAccessibleName(tr("Import result"));
    m_reportView->setReadOnly(true);
    m_reportView->setTabChangesFocus(true);
    m_reportView->setVisible(false);
    layout->addWidget(m_reportView, 1);

    m_proposedLabel = new QLabel(this);
    m_proposedLabel->setObjectName(QStringLiteral("importProposedLabel"));
    m_proposedLabel->setWordWrap(true);
    m_proposedLabel->setTextFormat(Qt::PlainText); // it quotes the bundle's own text
    m_proposedLabel->setVisible(false);
    layout->addWidget(m_proposedLabel);
    m_proposedList = new QListWidget(this);
    m_proposedList->setObjectName(QStringLiteral("importProposedListWidget"));
    m_proposedList->setAccessibleName(tr("Records proposed for cases already in this workspace"));
    m_proposedList->setAccessibleDescription(tr("Tick each record to add; unticked records are not imported"));
    m_proposedList->setVisible(false);
    m_proposedLabel->setBuddy(m_proposedList);
    layout->addWidget(m_proposedList, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("importStartButton"));
    m_startButton->setAccessibleName(tr("Import the bundle"));
    m_startButton->setDefault(true);
    m_completeButton = buttons->addButton(tr("&Complete import"), QDialogButtonBox::ApplyRole);
    m_completeButton->setObjectName(QStringLiteral("importCompleteButton"));
    m_completeButton->setAccessibleName(tr("Complete the import with the ticked records"));
    m_completeButton->setVisible(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("importCloseButton"));
    m_closeButton->setAccessibleName(tr("Close"));
    layout->addWidget(buttons);

    connect(m_pathEdit, &QLineEdit::textChanged, this, &ImportBundleDialog::updateState);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &ImportBundleDialog::updateState);
    connect(m_browseButton, &QPushButton::clicked, this, &ImportBundleDialog::browse);
    connect(m_startButton, &QPushButton::clicked, this, &ImportBundleDialog::start);
    connect(m_completeButton, &QPushButton::clicked, this, &ImportBundleDialog::complete);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportBundleDialog::reject);
    connect(m_proposedList, &QListWidget::itemChanged, this, &ImportBundleDialog::proposedItemChanged);
    connect(m_job, &WorkspaceJob::finished, this, &ImportBundleDialog::decryptionFinished);
    setTabOrder(m_pathEdit, m_browseButton);
    setTabOrder(m_browseButton, m_passphraseEdit);
    setTabOrder(m_passphraseEdit, m_startButton);
    setTabOrder(m_startButton, m_reportView);
    setTabOrder(m_reportView, m_proposedList);
    setTabOrder(m_proposedList, m_completeButton);
    setTabOrder(m_completeButton, m_closeButton);
    setMinimumWidth(560);
    updateState();
}

ImportBundleDialog::~ImportBundleDialog()
{
    discardPending();
}

void ImportBundleDialog::setBundlePath(const QString& path)
{
    m_pathEdit->setText(QDir::toNativeSeparators(path));
}

void ImportBundleDialog::browse()
{
    const QString path =
        FileChooser::openFile(this, tr("Choose a handover bundle"), m_pathEdit->text(), bundleFilter());
    if (!path.isEmpty()) {
        setBundlePath(path);
    }
}

void ImportBundleDialog::updateState()
{
    const bool reviewing = m_plan.has_value();
    m_startButton->setEnabled(!m_busy && !reviewing && !m_pathEdit->text().trimmed().isEmpty() &&
                              !m_passphraseEdit->text().isEmpty());
    for (QWidget* w : std::initializer_list<QWidget*>{m_pathEdit, m_browseButton, m_passphraseEdit}) {
        w->setEnabled(!m_busy && !reviewing);
    }
    m_closeButton->setEnabled(!m_busy);
    m_completeButton->setVisible(reviewing);
    m_completeButton->setEnabled(reviewing && !m_busy);
    m_proposedLabel->setVisible(reviewing);
    m_proposedList->setVisible(reviewing);
}

void ImportBundleDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    updateState();
}

void ImportBundleDialog::discardPending()
{
    if (m_pending != nullptr) {
        m_pending->document.wipe();
        m_pending.reset();
    }
    m_plan.reset();
    m_proposedList->clear();
}

void ImportBundleDialog::start()
{
    if (m_busy || !m_startButton->isEnabled()) {
        return;
    }
    m_message->clearMessage();
    m_reportView->clear();
    m_reportView->setVisible(false);
    m_report.reset();
    const QString path = QFileInfo(QDir::fromNativeSeparators(m_pathEdit->text().trimmed())).absoluteFilePath();
    std::shared_ptr<core::store::SecureBuffer> secret;
    try {
        secret = std::make_shared<core::store::SecureBuffer>(secretFrom(m_passphraseEdit));
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
        return;
    }
    m_passphraseEdit->clear();
    setBusy(true);
    auto decrypted = std::make_shared<Decrypted>();
    m_decrypted = decrypted;
    const auto file = DisplayText::toPath(path);
    // Only the file and the passphrase on the pool thread: the workspace is not touched there.
    m_job->start([file, secret, decrypted] {
        std::string document;
        try {
            // A regular file of bounded size only: never a FIFO or a device read until memory runs out.
            const auto bytes = core::bundle::readBundleFile(file);
            document = core::bundle::decrypt(bytes, secret->view());
            decrypted->document = core::store::SecureBuffer::fromBytes(document);
        } catch (...) {
            wipe(document);
            secret->wipe();
            throw;
        }
        wipe(document);
        secret->wipe();
    });
}

void ImportBundleDialog::decryptionFinished()
{
    const auto decrypted = std::exchange(m_decrypted, nullptr);
    QString error;
    std::optional<core::bundle::ImportPlan> plan;
    if (const auto& jobError = m_job->error()) {
        error = bundleErrorText(*jobError);
    } else if (decrypted != nullptr) {
        try {
            plan = core::bundle::planImport(m_workspace, decrypted->document.view());
        } catch (const core::Error& e) {
            error = bundleErrorText(e);
        } catch (const std::exception&) {
            error = ErrorText::unexpected();
        }
    }
    setBusy(false);
    if (!error.isEmpty() || !plan) {
        if (decrypted != nullptr) {
            decrypted->document.wipe();
        }
        m_message->showMessage(tr("Nothing was imported. %1").arg(error.isEmpty() ? ErrorText::unexpected() : error));
        m_passphraseEdit->setFocus();
        return;
    }
    m_pending = decrypted;
    m_plan = std::move(plan);
    if (m_plan->proposed.empty()) {
        apply({});
        return;
    }
    showProposed(*m_plan);
}

void ImportBundleDialog::showProposed(const core::bundle::ImportPlan& plan)
{
    const QString claimed = DisplayText::fromStd(plan.claimedExportedBy);
    m_proposedLabel->setText(
        tr("Nothing has been imported yet. This bundle also brings %n record(s) into cases already in this "
           "workspace. Tick each one to add; unticked records are left out. The bundle says it was exported by "
           "\"%1\": this is not verified, and the workspace's audit log will name you as the officer who added "
           "them.",
           nullptr, static_cast<int>(plan.proposed.size()))
            .arg(claimed));
    m_syncingTicks = true;
    m_proposedList->clear();
    for (const auto& item : plan.proposed) {
        QString text = tr("Case %1 — %2, created %3")
                           .arg(DisplayText::fromStd(item.caseReference), DisplayText::fromStd(item.type),
                                DisplayText::toUkDateTime(item.createdAt).toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        if (!item.summary.empty()) {
            text += QStringLiteral(" — ") + DisplayText::fromStd(item.summary);
        }
        if (!item.needs.empty()) {
            text += QStringLiteral(" ") +
                    tr("(needs %n other proposed record(s))", nullptr, static_cast<int>(item.needs.size()));
        }
        auto* row = new QListWidgetItem(text, m_proposedList);
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        row->setCheckState(Qt::Unchecked);
        row->setData(Qt::UserRole, DisplayText::fromStd(item.uuid));
        row->setData(Qt::AccessibleTextRole, text);
    }
    m_syncingTicks = false;
    if (m_proposedList->count() > 0) {
        m_proposedList->setCurrentRow(0);
    }
    m_message->showMessage(tr("Review the records proposed for cases already in this workspace, then complete the "
                              "import. Close leaves everything as it was."),
                           InlineMessage::Kind::Warning);
    updateState();
    m_proposedList->setFocus();
}

void ImportBundleDialog::proposedItemChanged(QListWidgetItem* changed)
{
    if (m_syncingTicks || !m_plan || changed == nullptr) {
        return;
    }
    // A ticked record brings what it needs; an unticked one takes what needs it with it.
    std::map<QString, QListWidgetItem*> rows;
    for (int i = 0; i < m_proposedList->count(); ++i) {
        rows.emplace(m_proposedList->item(i)->data(Qt::UserRole).toString(), m_proposedList->item(i));
    }
    m_syncingTicks = true;
    bool again = true;
    while (again) {
        again = false;
        for (const auto& item : m_plan->proposed) {
            auto* row = rows[DisplayText::fromStd(item.uuid)];
            for (const auto& need : item.needs) {
                auto* needed = rows[DisplayText::fromStd(need)];
                if (row == nullptr || needed == nullptr) {
                    continue;
                }
                if (changed->checkState() == Qt::Checked && row->checkState() == Qt::Checked &&
                    needed->checkState() != Qt::Checked) {
                    needed->setCheckState(Qt::Checked);
                    again = true;
                } else if (changed->checkState() != Qt::Checked && needed->checkState() != Qt::Checked &&
                           row->checkState() == Qt::Checked) {
                    row->setCheckState(Qt::Unchecked);
                    again = true;
                }
            }
        }
    }
    m_syncingTicks = false;
}

void ImportBundleDialog::complete()
{
    if (!m_plan || m_busy) {
        return;
    }
    std::set<std::string> accepted;
    for (int i = 0; i < m_proposedList->count(); ++i) {
        const QListWidgetItem* row = m_proposedList->item(i);
        if (row->checkState() == Qt::Checked) {
            accepted.insert(DisplayText::toStd(row->data(Qt::UserRole).toString()));
        }
    }
    apply(accepted);
}

void ImportBundleDialog::apply(const std::set<std::string>& accepted)
{
    QString error;
    try {
        m_report = core::bundle::applyImport(m_workspace, m_pending->document.view(), *m_plan, accepted);
    } catch (const core::Error& e) {
        if (e.code() == core::ErrorCode::Validation && e.field() == "acceptedRecords") {
            m_message->showMessage(bundleErrorText(e)); // the review stays open: change the ticks and complete
            return;
        }
        error = bundleErrorText(e);
    } catch (const std::exception&) {
        error = ErrorText::unexpected();
    }
    discardPending();
    updateState();
    if (!error.isEmpty()) {
        m_message->showMessage(tr("Nothing was imported. %1").arg(error));
        m_passphraseEdit->setFocus();
        return;
    }
    showReport(*m_report);
    Q_EMIT imported();
}

void ImportBundleDialog::showReport(const core::bundle::ImportReport& report)
{
    QStringList lines;
    lines << tr("Cases added: %1").arg(report.casesAdded) << tr("People added: %1").arg(report.peopleAdded)
          << tr("Other records added: %1").arg(report.recordsAdded)
          << tr("Already here and identical: %1").arg(report.unchanged);
    if (report.accepted + report.rejected > 0) {
        lines << tr("Records for cases already here: %1 added as ticked, %2 left out")
                     .arg(report.accepted)
                     .arg(report.rejected);
    }
    if (report.conflicts.empty()) {
        lines << tr("Conflicts: none.");
    } else {
        lines << tr("Conflicts: %1. These records are already in this workspace with different content; this "
                    "workspace's copy was kept and the bundle's was not imported:")
                     .arg(report.conflicts.size());
        for (const std::string& conflict : report.conflicts) {
            lines << QStringLiteral("  • ") + DisplayText::fromStd(conflict);
        }
    }
    m_reportView->setPlainText(lines.join(QLatin1Char('\n')));
    m_reportView->setVisible(true);
    m_message->showMessage(
        report.conflicts.empty() ? tr("Import finished.")
        : report.conflicts.size() == 1
            ? tr("Import finished with 1 conflict: see the list below.")
            : tr("Import finished with %1 conflicts: see the list below.").arg(report.conflicts.size()),
        report.conflicts.empty() ? InlineMessage::Kind::Information : InlineMessage::Kind::Warning);
    m_closeButton->setFocus();
}

void ImportBundleDialog::reject()
{
    if (m_busy) {
        return;
    }
    discardPending(); // a review left open imports nothing
    updateState();
    QDialog::reject();
}

} // namespace wb::ui
