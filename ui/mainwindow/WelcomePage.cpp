// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/WelcomePage.h"

#include <exception>
#include <optional>
#include <utility>

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "ui/session/KeyDerivationTask.h"
#include "ui/session/OpenWithKeyJob.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/training/ClassDebriefDialog.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

const QString DemoBaseName = QStringLiteral("demo-workspace");

QPushButton* bigButton(const QString& text, const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setMinimumHeight(button->sizeHint().height() * 3 / 2);
    return button;
}

} // namespace

WelcomePage::WelcomePage(Catalogues catalogues, QWidget* parent)
    : QWidget(parent)
    , m_catalogues(std::move(catalogues))
    , m_task(new KeyDerivationTask(this))
    , m_job(new OpenWithKeyJob(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto* outer = new QHBoxLayout(this);
    auto* column = new QVBoxLayout();
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);

    auto* heading = new QLabel(tr("Welcome to RASSO Investigator Workbench"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setWordWrap(true);
    column->addStretch(1);
    column->addWidget(heading);

    auto* intro = new QLabel(tr("Your work is kept in one encrypted workspace file on this computer. "
                                "Nothing is sent anywhere. Choose how to start:"),
                             this);
    intro->setWordWrap(true);
    column->addWidget(intro);
    column->addSpacing(12);

    m_createButton = bigButton(tr("&Create a new workspace…"), QStringLiteral("createWorkspaceButton"),
                               tr("Create a new workspace"), this);
    m_openButton = bigButton(tr("&Open an existing workspace…"), QStringLiteral("openWorkspaceButton"),
                             tr("Open an existing workspace"), this);
    m_demoButton = bigButton(tr("Create a &demo workspace with fictional cases"), QStringLiteral("demoButton"),
                             tr("Create a demo workspace with fictional cases"), this);
    column->addWidget(m_createButton);
    column->addWidget(m_openButton);
    column->addSpacing(12);
    column->addWidget(m_demoButton);

    auto* demoNote = new QLabel(tr("The demo workspace is marked TRAINING and holds only invented cases and "
                                   "people. Its passphrase is:"),
                                this);
    demoNote->setWordWrap(true);
    column->addWidget(demoNote);
    auto* demoPassphraseLabel = new QLabel(demoPassphrase(), this);
    demoPassphraseLabel->setObjectName(QStringLiteral("demoPassphraseLabel"));
    demoPassphraseLabel->setTextFormat(Qt::PlainText);
    demoPassphraseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont passFont = demoPassphraseLabel->font();
    passFont.setBold(true);
    demoPassphraseLabel->setFont(passFont);
    demoPassphraseLabel->setAccessibleName(tr("Demo passphrase"));
    column->addWidget(demoPassphraseLabel);
    m_demoFolderLabel = new QLabel(this);
    m_demoFolderLabel->setObjectName(QStringLiteral("demoFolderLabel"));
    m_demoFolderLabel->setTextFormat(Qt::PlainText);
    m_demoFolderLabel->setWordWrap(true);
    m_demoFolderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_demoFolderLabel->setVisible(false);
    column->addWidget(m_demoFolderLabel);

    column->addSpacing(12);
    auto* classroom = new QLabel(tr("Classroom training: an exercise from a scenario pack, in a TRAINING workspace "
                                    "of its own; for trainers, the class debrief from the trainees' debrief files."),
                                 this);
    classroom->setWordWrap(true);
    column->addWidget(classroom);
    auto* classroomRow = new QHBoxLayout();
    m_exerciseButton = new QPushButton(tr("Start an e&xercise…"), this);
    m_exerciseButton->setObjectName(QStringLiteral("startExerciseButton"));
    m_exerciseButton->setAccessibleName(tr("Start an exercise"));
    auto* classDebriefButton = new QPushButton(tr("Class de&brief…"), this);
    classDebriefButton->setObjectName(QStringLiteral("classDebriefButton"));
    classDebriefButton->setAccessibleName(tr("Class debrief"));
    classroomRow->addWidget(m_exerciseButton);
    classroomRow->addWidget(classDebriefButton);
    classroomRow->addStretch(1);
    column->addLayout(classroomRow);
    connect(m_exerciseButton, &QPushButton::clicked, this, &WelcomePage::exerciseRequested);
    connect(classDebriefButton, &QPushButton::clicked, this, [this] {
        auto* dialog = new ClassDebriefDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

    m_busyIndicator =
        new BusyIndicator(tr("Working"), QStringLiteral("busyProgressBar"), QStringLiteral("busyLabel"), this);
    column->addWidget(m_busyIndicator);
    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    column->addWidget(m_errorMessage);
    column->addStretch(2);

    connect(m_createButton, &QPushButton::clicked, this, &WelcomePage::createRequested);
    connect(m_openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_demoButton, &QPushButton::clicked, this, &WelcomePage::createDemo);
    connect(m_task, &KeyDerivationTask::finished, this, &WelcomePage::demoKeyReady);
    connect(m_job, &OpenWithKeyJob::finished, this, &WelcomePage::demoWritten);
    setBusy(false);
}

WelcomePage::~WelcomePage() = default;

QString WelcomePage::demoPassphrase()
{
    // Fixed and not translated: the same words must open the file in any
    // language. Plain ASCII so that it is easy to type on any keyboard.
    return QStringLiteral("demo workspace fictional data only");
}

bool WelcomePage::isDemoPath(const QString& path, const QString& demoFolder)
{
    const QFileInfo file(path);
    return !demoFolder.isEmpty() && file.fileName().startsWith(DemoBaseName) &&
           QDir(file.absolutePath()) == QDir(demoFolder);
}

void WelcomePage::setDemoFolder(const QString& folder)
{
    m_demoFolder = folder;
    m_demoFolderLabel->setText(tr("Demo workspaces are saved in %1").arg(QDir::toNativeSeparators(folder)));
    m_demoFolderLabel->setAccessibleName(m_demoFolderLabel->text());
    m_demoFolderLabel->setVisible(!folder.isEmpty());
}

void WelcomePage::setEarlierDemoFolders(const QStringList& folders)
{
    m_earlierDemoFolders = folders;
}

QString WelcomePage::existingDemo() const
{
    QStringList folders{m_demoFolder};
    folders << m_earlierDemoFolders;
    for (const QString& folder : folders) {
        if (folder.isEmpty()) {
            continue;
        }
        const QFileInfoList found =
            QDir(folder).entryInfoList({DemoBaseName + QStringLiteral("*.rwb")}, QDir::Files, QDir::Time);
        if (!found.isEmpty()) {
            return found.first().absoluteFilePath(); // the newest
        }
    }
    return {};
}

void WelcomePage::setDemoKdfParams(const core::store::KdfParams& params)
{
    m_demoKdf = params;
}

void WelcomePage::showError(const QString& text)
{
    m_errorMessage->showMessage(text);
}

std::unique_ptr<core::Workspace> WelcomePage::takeWorkspace()
{
    return std::move(m_result);
}

void WelcomePage::setBusy(bool busy)
{
    m_busy = busy;
    if (busy) {
        m_busyIndicator->start(
            tr("Creating the demo workspace, step 1 of 2: making its encryption key from the passphrase…"));
    } else {
        m_busyIndicator->stop();
    }
    m_createButton->setEnabled(!busy);
    m_openButton->setEnabled(!busy);
    m_demoButton->setEnabled(!busy);
    m_exerciseButton->setEnabled(!busy);
}

void WelcomePage::createDemo()
{
    if (m_busy) {
        return;
    }
    m_errorMessage->clearMessage();
    if (const QString existing = existingDemo(); !existing.isEmpty()) {
        askAboutExistingDemo(existing);
        return;
    }
    writeDemo(nextDemoPath());
}

void WelcomePage::askAboutExistingDemo(const QString& existing)
{
    if (m_existingDemoQuestion != nullptr) {
        m_existingDemoQuestion->raise();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Demo workspace"), tr("A demo workspace already exists."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("existingDemoQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    const QString next = nextDemoPath();
    box->setInformativeText(tr("It is saved as %1.\n\nOpen it again, or create a new demo workspace beside it (%2)?")
                                .arg(QDir::toNativeSeparators(existing), QFileInfo(next).fileName()));
    QPushButton* open = box->addButton(tr("&Open the existing demo"), QMessageBox::AcceptRole);
    open->setObjectName(QStringLiteral("openExistingDemoButton"));
    QPushButton* create = box->addButton(tr("Create a &new demo"), QMessageBox::ActionRole);
    create->setObjectName(QStringLiteral("createNewDemoButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(open);
    box->setEscapeButton(QMessageBox::Cancel);
    // Once the question is gone (the unlock dialog must not open under it).
    connect(box, &QDialog::finished, this, [this, box, open, create, existing] {
        const QAbstractButton* clicked = box->clickedButton();
        if (clicked == open) {
            Q_EMIT demoOpenRequested(existing);
        } else if (clicked == create && !m_busy) {
            writeDemo(nextDemoPath());
        }
    });
    m_existingDemoQuestion = box;
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

QString WelcomePage::nextDemoPath() const
{
    // Existing files are never overwritten: the first free name.
    const QDir folder(m_demoFolder);
    QString path = folder.absoluteFilePath(DemoBaseName + QStringLiteral(".rwb"));
    for (int n = 2; QFileInfo::exists(path); ++n) {
        path = folder.absoluteFilePath(QStringLiteral("%1-%2.rwb").arg(DemoBaseName).arg(n));
    }
    return path;
}

void WelcomePage::writeDemo(const QString& path)
{
    if (m_demoFolder.isEmpty() || !QDir().mkpath(m_demoFolder)) {
        m_errorMessage->showMessage(ErrorText::message(core::Error(core::ErrorCode::PermissionDenied, "folder")));
        return;
    }
    m_demoPath = path;
    const QByteArray utf8 = demoPassphrase().toUtf8();
    setBusy(true);
    try {
        m_task->startCreate(core::store::SecureBuffer::fromBytes(
                                std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))),
                            m_demoKdf);
    } catch (const std::exception&) {
        setBusy(false);
        m_errorMessage->showMessage(ErrorText::unexpected());
    }
}

void WelcomePage::demoKeyReady()
{
    auto result = m_task->takeResult();
    std::optional<core::Error> failure = result.error;
    if (!failure && !result.key) {
        failure = core::Error(core::ErrorCode::Storage, "no key");
    }
    if (failure) {
        setBusy(false);
        m_errorMessage->showMessage(ErrorText::message(*failure));
        return;
    }
    core::CreateOptions options;
    options.owner = core::demoOwner(); // the officer the demo's records name: one name everywhere
    options.training = true;
    options.kdf = m_demoKdf;
    m_busyIndicator->start(tr("Creating the demo workspace, step 2 of 2: writing the fictional cases…"));
    // Creating the file and writing the cases takes seconds: off the GUI thread, like the other jobs.
    m_job->create(DisplayText::toPath(m_demoPath), std::move(result.key), options, m_catalogues,
                  tr("Writing the demo workspace…"), [questions = m_catalogues.questions](core::Workspace& workspace) {
                      core::addDemoCases(workspace, questions.get()); // with the context an officer would record
                  });
}

void WelcomePage::demoWritten()
{
    setBusy(false);
    if (const auto& error = m_job->error()) {
        m_errorMessage->showMessage(ErrorText::message(*error));
        return;
    }
    m_result = m_job->takeWorkspace();
    Q_EMIT demoWorkspaceReady();
}

} // namespace wb::ui
