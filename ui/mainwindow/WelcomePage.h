// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "core/store/KeyDerivation.h"
#include "ui/session/Catalogues.h"

class QLabel;
class QMessageBox;
class QPushButton;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class BusyIndicator;

class InlineMessage;
class KeyDerivationTask;
class OpenWithKeyJob;

/// First page when no workspace is open: create one, open one, or make a demo
/// workspace (TRAINING, fictional cases, a fixed passphrase shown on screen).
/// The page says which folder demos are saved in; when one is there already, the
/// demo button asks whether to open it (demoOpenRequested()) or make a new one
/// beside it, never a second file without a word.
/// The demo is made off the GUI thread: the key derivation, then an OpenWithKeyJob
/// that creates the file and writes the cases, with the busy indicator saying which.
class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(Catalogues catalogues, QWidget* parent = nullptr);
    ~WelcomePage() override;

    /// The passphrase of every demo workspace. Not a secret: demo data is fictional.
    static QString demoPassphrase();
    /// True for files made by the demo button (in that folder, named demo-workspace*).
    static bool isDemoPath(const QString& path, const QString& demoFolder);

    /// Where new demos are saved (created when the first one is).
    void setDemoFolder(const QString& folder);
    /// Folders where earlier versions saved demos: searched for an existing demo too.
    void setEarlierDemoFolders(const QStringList& folders);
    /// The newest demo workspace file in the demo folder, else in the earlier folders; empty if none.
    QString existingDemo() const;
    /// After demoWorkspaceReady(): the file the demo was written to.
    QString demoPath() const { return m_demoPath; }
    void setDemoKdfParams(const core::store::KdfParams& params);
    bool isBusy() const noexcept { return m_busy; }
    void showError(const QString& text);

    /// After demoWorkspaceReady(): the new demo workspace.
    std::unique_ptr<core::Workspace> takeWorkspace();

Q_SIGNALS:
    void createRequested();
    /// Start an exercise (issue 17): a scenario pack, then a new TRAINING workspace for the trainee.
    void exerciseRequested();
    void openRequested();
    void demoWorkspaceReady();
    /// The officer chose to open the demo workspace that is already at path.
    void demoOpenRequested(const QString& path);

private:
    void createDemo();
    void askAboutExistingDemo(const QString& existing);
    QString nextDemoPath() const;
    void writeDemo(const QString& path);
    void demoKeyReady();
    void demoWritten();
    void setBusy(bool busy);

    Catalogues m_catalogues;
    core::store::KdfParams m_demoKdf = core::store::KdfParams::defaults();
    QString m_demoFolder;
    QStringList m_earlierDemoFolders;
    QString m_demoPath;
    std::unique_ptr<core::Workspace> m_result;
    bool m_busy = false;

    KeyDerivationTask* m_task = nullptr;
    OpenWithKeyJob* m_job = nullptr; ///< creates the file and writes the demo cases
    QPushButton* m_createButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_demoButton = nullptr;
    QPushButton* m_exerciseButton = nullptr;
    QLabel* m_demoFolderLabel = nullptr;
    QPointer<QMessageBox> m_existingDemoQuestion;
    BusyIndicator* m_busyIndicator = nullptr;
    InlineMessage* m_errorMessage = nullptr;
};

} // namespace wb::ui
