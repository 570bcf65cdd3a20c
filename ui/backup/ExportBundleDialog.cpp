// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/ExportBundleDialog.h"

#include <algorithm>
#include <exception>
#include <memory>

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/io/CaseBundle.h"
#include "core/store/SecureBuffer.h"
#include "ui/backup/BundleText.h"
#include "ui/session/PassphraseStrength.h"
#include "ui/session/SecretInput.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PassphraseStrengthMeter.h"
#include "ui/widgets/PathChooser.h"

namespace wb::ui {

using bundletext::newPassphraseEdit;

ExportBundleDialog::ExportBundleDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
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
    m_strength = new PassphraseStrengthMeter(tr("Passphrase strength"), QStringLiteral("bundleStrengthBar"),
                                             QStringLiteral("bundleStrengthLabel"), this);
    form->addRow(tr("Strength:"), m_strength);
    m_confirmEdit = newPassphraseEdit(this, QStringLiteral("bundleConfirmLineEdit"), tr("Bundle passphrase again"));
    auto* confirmLabel = new QLabel(tr("&Again:"), this);
    confirmLabel->setBuddy(m_confirmEdit);
    form->addRow(confirmLabel, m_confirmEdit);
    m_mismatchMessage = new InlineMessage(this);
    m_mismatchMessage->setObjectName(QStringLiteral("bundleMismatchLabel"));
    form->addRow(QString(), m_mismatchMessage);

    m_path = new PathChooser(PathChooser::Mode::Save, tr("Bundle file"), tr("Choose the bundle file"),
                             QStringLiteral("exportPathLineEdit"), QStringLiteral("exportBrowseButton"), this);
    m_path->setDialog(tr("Write the bundle to"), bundletext::filter());
    auto* pathLabel = new QLabel(tr("Bundle &file:"), this);
    pathLabel->setBuddy(m_path->lineEdit());
    form->addRow(pathLabel, m_path);
    layout->addLayout(form);

    m_busy =
        new BusyIndicator(tr("Exporting"), QStringLiteral("exportBusyBar"), QStringLiteral("exportBusyLabel"), this);
    layout->addWidget(m_busy);
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
    connect(m_path, &PathChooser::pathChanged, this, &ExportBundleDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &ExportBundleDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &ExportBundleDialog::reject);
    connect(m_job, &WorkspaceJob::finished, this, &ExportBundleDialog::jobFinished);

    const core::Workspace* open = m_session.workspace();
    const QFileInfo workspaceFile(open != nullptr ? DisplayText::fromPath(open->path()) : QString());
    m_path->setPath(workspaceFile.dir().absoluteFilePath(
        QStringLiteral("handover-%1.%2")
            .arg(DisplayText::toUkDateTime(workspaceNow(open)).date().toString(Qt::ISODate), bundletext::suffix())));
    setTabOrder(m_caseList, m_passphraseEdit);
    setTabOrder(m_passphraseEdit, m_confirmEdit);
    setTabOrder(m_confirmEdit, m_path->lineEdit());
    setTabOrder(m_path->lineEdit(), m_path->browseButton());
    setTabOrder(m_path->browseButton(), m_startButton);
    setTabOrder(m_startButton, m_closeButton);
    loadCases();
    updateStrength();
    updateState();
    DialogFit::fit(*this, nullptr, 560);
}

ExportBundleDialog::~ExportBundleDialog() = default;

void ExportBundleDialog::loadCases()
{
    m_caseList->clear();
    try {
        core::Workspace& workspace = m_session.unlockedWorkspace();
        for (const core::Case& c : workspace.cases().list()) {
            QString text = DisplayText::fromStd(c.reference);
            if (c.operationName && !c.operationName->empty()) {
                text += QStringLiteral(" — ") + DisplayText::fromStd(*c.operationName);
            }
            text += QStringLiteral(" — ") + DisplayText::offenceTitle(workspace.offences(), c.primaryOffence);
            auto* item = new QListWidgetItem(text, m_caseList);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(c.id));
            item->setToolTip(text);
        }
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
    }
    fitCaseListToItsText();
}

void ExportBundleDialog::fitCaseListToItsText()
{
    // Issue 15: a long offence title ran off the list's edge behind a scroll bar. The list asks for the width of its
    // longest line (tick box, margins and scroll bar included), up to most of the screen; past that the tooltip
    // holds the whole line.
    int widest = 0;
    const QFontMetrics metrics(m_caseList->font());
    for (int row = 0; row < m_caseList->count(); ++row) {
        widest = std::max(widest, metrics.horizontalAdvance(m_caseList->item(row)->text()));
    }
    const QStyle* look = m_caseList->style();
    const int chrome = look->pixelMetric(QStyle::PM_IndicatorWidth) +
                       4 * look->pixelMetric(QStyle::PM_FocusFrameHMargin) +
                       look->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * m_caseList->frameWidth() + 16;
    const QScreen* shown = screen();
    const int cap = shown != nullptr ? shown->availableGeometry().width() * 8 / 10 : 1000;
    m_caseList->setMinimumWidth(std::min(widest + chrome, cap));
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
    m_path->setPath(path);
}

bool ExportBundleDialog::isBusy() const noexcept
{
    return m_job->isRunning();
}

void ExportBundleDialog::updateStrength()
{
    m_strength->rate(m_passphraseEdit->text());
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
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_caseList, m_passphraseEdit, m_confirmEdit, m_path, m_closeButton}) {
        w->setEnabled(!busy);
    }
    if (busy) {
        m_busy->start(tr("Protecting the passphrase and writing the bundle…"));
    } else {
        m_busy->stop();
    }
    m_startButton->setEnabled(!busy && !selectedCases().empty() && !m_passphraseEdit->text().isEmpty() &&
                              m_confirmEdit->text() == m_passphraseEdit->text() && !m_path->path().isEmpty());
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
    const QString path = m_path->normalisedPath(bundletext::suffix());
    if (QFileInfo::exists(path)) {
        m_message->showMessage(ErrorText::message(core::Error(core::ErrorCode::AlreadyExists, "exists")));
        m_path->lineEdit()->setFocus();
        return;
    }
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        m_message->showMessage(ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "no folder")));
        m_path->lineEdit()->setFocus();
        return;
    }
    core::Workspace* const workspace = m_session.unlockedWorkspaceOrShow(*m_message);
    if (workspace == nullptr) {
        return; // locked or closed since the dialog opened: the message says so
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
    const auto target = DisplayText::toPath(path);
    const auto params = m_kdf;
    m_job->start(
        [workspace, ids, target, secret, params] {
            try {
                core::bundle::exportCases(*workspace, ids, target, secret->view(), params);
            } catch (...) {
                secret->wipe();
                throw;
            }
            secret->wipe();
        },
        tr("Writing the handover bundle…"));
    updateState();
}

void ExportBundleDialog::jobFinished()
{
    updateState();
    if (const auto& error = m_job->error()) {
        m_message->showMessage(tr("The bundle was not written. %1").arg(ErrorText::message(*error)));
        return;
    }
    const QString file = QFileInfo(m_path->path()).fileName();
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

} // namespace wb::ui
