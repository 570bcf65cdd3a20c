// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/BundleDialogs.h"

#include <exception>
#include <fstream>
#include <iterator>

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
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
#include "ui/DisplayText.h"
#include "ui/ErrorText.h"
#include "ui/InlineMessage.h"
#include "ui/PassphraseStrength.h"
#include "ui/SecretInput.h"
#include "ui/WorkspaceJob.h"

namespace wb::ui {

namespace {

const QString BundleSuffix = QStringLiteral("rwbundle");

QString bundleFilter()
{
    return QCoreApplication::translate("wb::ui::ExportBundleDialog",
                                       "Handover bundles (*.rwbundle);;All files (*)");
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
    switch (error.code()) {
    case core::ErrorCode::WrongPassphrase:
        return tr("The bundle passphrase is not correct. Ask the sender for the bundle's own passphrase.");
    case core::ErrorCode::NotAWorkspace:
        return tr("This file is not a handover bundle.");
    case core::ErrorCode::Truncated:
        return tr("This bundle is incomplete: it has been cut short, perhaps by an interrupted copy. Ask for it again.");
    case core::ErrorCode::Corrupted:
        return tr("This bundle has been altered or damaged since it was written, so it cannot be trusted. Ask for "
                  "it again.");
    default:
        return ErrorText::message(error);
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
    const QString path = QFileDialog::getSaveFileName(this, tr("Write the bundle to"), m_pathEdit->text(),
                                                      bundleFilter(), nullptr, QFileDialog::DontConfirmOverwrite);
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
    m_startButton->setEnabled(!busy && !selectedCases().empty() && !m_passphraseEdit->text().isEmpty()
                              && m_confirmEdit->text() == m_passphraseEdit->text()
                              && !m_pathEdit->text().trimmed().isEmpty());
}

void ExportBundleDialog::start()
{
    if (isBusy() || !m_startButton->isEnabled()) {
        return;
    }
    m_message->clearMessage();
    const auto ids = selectedCases();
    const auto rating = PassphraseStrength::rate(m_passphraseEdit->text());
    if (rating.level == PassphraseStrength::Level::Empty || rating.level == PassphraseStrength::Level::Weak) {
        m_message->showMessage(tr("The bundle passphrase is too weak: a bundle travels, so anyone who gets the file "
                                  "could guess it. Use several unrelated words."));
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
    m_message->showMessage(m_exportedCount == 1
                               ? tr("1 case written to %1. Send the passphrase separately.").arg(file)
                               : tr("%1 cases written to %2. Send the passphrase separately.")
                                     .arg(QString::number(m_exportedCount), file),
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

    auto* buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("importStartButton"));
    m_startButton->setAccessibleName(tr("Import the bundle"));
    m_startButton->setDefault(true);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("importCloseButton"));
    m_closeButton->setAccessibleName(tr("Close"));
    layout->addWidget(buttons);

    connect(m_pathEdit, &QLineEdit::textChanged, this, &ImportBundleDialog::updateState);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &ImportBundleDialog::updateState);
    connect(m_browseButton, &QPushButton::clicked, this, &ImportBundleDialog::browse);
    connect(m_startButton, &QPushButton::clicked, this, &ImportBundleDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportBundleDialog::reject);
    connect(m_job, &WorkspaceJob::finished, this, &ImportBundleDialog::decryptionFinished);
    setTabOrder(m_pathEdit, m_browseButton);
    setTabOrder(m_browseButton, m_passphraseEdit);
    setTabOrder(m_passphraseEdit, m_startButton);
    setTabOrder(m_startButton, m_reportView);
    setTabOrder(m_reportView, m_closeButton);
    setMinimumWidth(560);
    updateState();
}

ImportBundleDialog::~ImportBundleDialog() = default;

void ImportBundleDialog::setBundlePath(const QString& path)
{
    m_pathEdit->setText(QDir::toNativeSeparators(path));
}

void ImportBundleDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a handover bundle"), m_pathEdit->text(),
                                                      bundleFilter());
    if (!path.isEmpty()) {
        setBundlePath(path);
    }
}

void ImportBundleDialog::updateState()
{
    m_startButton->setEnabled(!m_busy && !m_pathEdit->text().trimmed().isEmpty() && !m_passphraseEdit->text().isEmpty());
}

void ImportBundleDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    for (QWidget* w : std::initializer_list<QWidget*>{m_pathEdit, m_browseButton, m_passphraseEdit, m_closeButton}) {
        w->setEnabled(!busy);
    }
    updateState();
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
        if (core::store::files::heldInThisProcess(file)) {
            secret->wipe(); // an open workspace picked as the bundle: reading it would drop its lock
            throw core::Error(core::ErrorCode::LockedByOtherInstance,
                              "the file is a workspace open in this program, not a bundle");
        }
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::error_code ec;
            secret->wipe();
            throw core::Error(std::filesystem::exists(file, ec) ? core::ErrorCode::PermissionDenied
                                                                : core::ErrorCode::FileNotFound,
                              "the bundle file cannot be read");
        }
        const std::vector<unsigned char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        std::string document;
        try {
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
    if (const auto& jobError = m_job->error()) {
        error = bundleErrorText(*jobError);
    } else if (decrypted != nullptr) {
        try {
            m_report = core::bundle::importDocument(m_workspace, decrypted->document.view());
        } catch (const core::Error& e) {
            error = ErrorText::message(e);
        } catch (const std::exception&) {
            error = ErrorText::unexpected();
        }
        decrypted->document.wipe();
    }
    setBusy(false);
    if (!error.isEmpty()) {
        m_message->showMessage(tr("Nothing was imported. %1").arg(error));
        m_passphraseEdit->setFocus();
        return;
    }
    if (m_report) {
        showReport(*m_report);
        Q_EMIT imported();
    }
}

void ImportBundleDialog::showReport(const core::bundle::ImportReport& report)
{
    QStringList lines;
    lines << tr("Cases added: %1").arg(report.casesAdded) << tr("People added: %1").arg(report.peopleAdded)
          << tr("Other records added: %1").arg(report.recordsAdded)
          << tr("Already here and identical: %1").arg(report.unchanged);
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
    m_message->showMessage(report.conflicts.empty()
                               ? tr("Import finished.")
                               : report.conflicts.size() == 1
                                     ? tr("Import finished with 1 conflict: see the list below.")
                                     : tr("Import finished with %1 conflicts: see the list below.")
                                           .arg(report.conflicts.size()),
                           report.conflicts.empty() ? InlineMessage::Kind::Information : InlineMessage::Kind::Warning);
    m_closeButton->setFocus();
}

void ImportBundleDialog::reject()
{
    if (m_busy) {
        return;
    }
    QDialog::reject();
}

} // namespace wb::ui
