// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/ImportBundleDialog.h"

#include <exception>
#include <map>
#include <utility>

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/store/SecureBuffer.h"
#include "ui/backup/BundleText.h"
#include "ui/session/SecretInput.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PathChooser.h"

namespace wb::ui {

using bundletext::newPassphraseEdit;

/// What an import job reads and fills: the document in guarded memory, then the plan or the report.
/// Shared between the pool thread and the GUI thread, never used by both at once (the job's end
/// hands it over).
struct ImportBundleWork {
    core::store::SecureBuffer document;
    std::optional<core::bundle::ImportPlan> plan;
    std::set<std::string> accepted;
    std::optional<core::bundle::ImportReport> report;
};

ImportBundleDialog::ImportBundleDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
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
    m_path = new PathChooser(PathChooser::Mode::Open, tr("Bundle file"), tr("Choose the bundle file"),
                             QStringLiteral("importPathLineEdit"), QStringLiteral("importBrowseButton"), this);
    m_path->setDialog(tr("Choose a handover bundle"), bundletext::filter());
    auto* pathLabel = new QLabel(tr("Bundle &file:"), this);
    pathLabel->setBuddy(m_path->lineEdit());
    form->addRow(pathLabel, m_path);
    m_passphraseEdit = newPassphraseEdit(this, QStringLiteral("importPassphraseLineEdit"), tr("Bundle passphrase"));
    auto* passLabel = new QLabel(tr("Bundle &passphrase:"), this);
    passLabel->setBuddy(m_passphraseEdit);
    form->addRow(passLabel, m_passphraseEdit);
    layout->addLayout(form);

    m_busyIndicator =
        new BusyIndicator(tr("Importing"), QStringLiteral("importBusyBar"), QStringLiteral("importBusyLabel"), this);
    layout->addWidget(m_busyIndicator);
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

    connect(m_path, &PathChooser::pathChanged, this, &ImportBundleDialog::updateState);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &ImportBundleDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &ImportBundleDialog::start);
    connect(m_completeButton, &QPushButton::clicked, this, &ImportBundleDialog::complete);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportBundleDialog::reject);
    connect(m_proposedList, &QListWidget::itemChanged, this, &ImportBundleDialog::proposedItemChanged);
    connect(m_job, &WorkspaceJob::finished, this, &ImportBundleDialog::jobFinished);
    setTabOrder(m_path->lineEdit(), m_path->browseButton());
    setTabOrder(m_path->browseButton(), m_passphraseEdit);
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
    m_path->setPath(path);
}

void ImportBundleDialog::updateState()
{
    const bool reviewing = m_plan.has_value();
    m_startButton->setEnabled(!m_busy && !reviewing && !m_path->path().isEmpty() &&
                              !m_passphraseEdit->text().isEmpty());
    for (QWidget* w : std::initializer_list<QWidget*>{m_path, m_passphraseEdit}) {
        w->setEnabled(!m_busy && !reviewing);
    }
    m_closeButton->setEnabled(!m_busy);
    m_completeButton->setVisible(reviewing);
    m_completeButton->setEnabled(reviewing && !m_busy);
    m_proposedLabel->setVisible(reviewing);
    m_proposedList->setVisible(reviewing);
}

void ImportBundleDialog::setBusy(bool busy, const QString& text)
{
    m_busy = busy;
    if (busy) {
        m_busyIndicator->start(text);
    } else {
        m_busyIndicator->stop();
    }
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
    const QString path = QFileInfo(m_path->path()).absoluteFilePath();
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
    setBusy(true, tr("Checking the passphrase and the bundle…"));
    auto work = std::make_shared<ImportBundleWork>();
    m_work = work;
    const auto file = DisplayText::toPath(path);
    // Decrypting, then checking the import against this workspace (it reads every case the bundle
    // names): both off the GUI thread.
    m_job->start(
        [file, secret, work, workspace] {
            std::string document;
            try {
                // A regular file of bounded size only: never a FIFO or a device read until memory runs out.
                const auto bytes = core::bundle::readBundleFile(file);
                document = core::bundle::decrypt(bytes, secret->view());
                work->document = core::store::SecureBuffer::fromBytes(document);
            } catch (...) {
                bundletext::wipe(document);
                secret->wipe();
                throw;
            }
            bundletext::wipe(document);
            secret->wipe();
            work->plan = core::bundle::planImport(*workspace, work->document.view());
        },
        tr("Checking the handover bundle…"));
}

void ImportBundleDialog::jobFinished()
{
    const auto work = std::exchange(m_work, nullptr);
    if (std::exchange(m_applying, false)) {
        applied(work);
    } else {
        planned(work);
    }
}

void ImportBundleDialog::planned(const std::shared_ptr<ImportBundleWork>& work)
{
    setBusy(false);
    if (const auto& error = m_job->error(); error || work == nullptr || !work->plan) {
        if (work != nullptr) {
            work->document.wipe();
        }
        m_message->showMessage(
            tr("Nothing was imported. %1").arg(error ? ErrorText::bundleMessage(*error) : ErrorText::unexpected()));
        m_passphraseEdit->setFocus();
        return;
    }
    m_pending = work;
    m_plan = std::move(work->plan);
    work->plan.reset();
    if (m_plan->proposed.empty()) {
        apply({});
        return;
    }
    showProposed(*m_plan);
}

void ImportBundleDialog::showProposed(const core::bundle::ImportPlan& plan)
{
    const QString claimed = DisplayText::fromStd(plan.claimedExportedBy);
    const int count = static_cast<int>(plan.proposed.size());
    const QString brings = tr("Nothing has been imported yet. This bundle also brings %n records into cases already in "
                              "this workspace. Tick each one to add; unticked records are left out.",
                              nullptr, count);
    m_proposedLabel->setText(brings + QLatin1Char(' ') +
                             tr("The bundle says it was exported by \"%1\": this is not verified, and the "
                                "workspace's audit log will name you as the officer who added what you tick.")
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
            const int needs = static_cast<int>(item.needs.size());
            text += QStringLiteral(" ") + tr("(needs %n other proposed records)", nullptr, needs);
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
    if (m_pending == nullptr || !m_plan) {
        return;
    }
    core::Workspace* const workspace = m_session.unlockedWorkspaceOrShow(*m_message);
    if (workspace == nullptr) {
        return; // locked or closed since the check: the message says so
    }
    setBusy(true, tr("Adding the bundle's records…"));
    auto work = m_pending;
    work->accepted = accepted;
    work->report.reset();
    m_work = work;
    m_applying = true;
    const core::bundle::ImportPlan plan = *m_plan;
    // One transaction on the pool thread; the change signals it sends reach the window once it is done.
    m_job->start(
        [work, workspace, plan] {
            work->report = core::bundle::applyImport(*workspace, work->document.view(), plan, work->accepted);
        },
        tr("Importing the handover bundle…"));
}

void ImportBundleDialog::applied(const std::shared_ptr<ImportBundleWork>& work)
{
    setBusy(false);
    QString error;
    if (const auto& jobError = m_job->error()) {
        if (jobError->code() == core::ErrorCode::Validation && jobError->field() == "acceptedRecords") {
            // The review stays open: change the ticks and complete.
            m_message->showMessage(ErrorText::bundleMessage(*jobError));
            return;
        }
        error = ErrorText::bundleMessage(*jobError);
    } else if (work == nullptr || !work->report) {
        error = ErrorText::unexpected();
    } else {
        m_report = std::move(work->report);
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
    if (report.decisionsAdded > 0) {
        lines << tr("Repeat-suspect decisions among the records added: %1").arg(report.decisionsAdded);
    }
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
