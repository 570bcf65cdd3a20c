// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "ui/cases/CaseContext.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class AttachmentDialog;
class DebriefDialog;
class InlineMessage;
class SignalBridge;

/// Today's "New information" in a training workspace that runs a classroom exercise (issue 17): the injects that
/// have arrived, newest first, with what each says, and the box where the trainee types the release code the trainer
/// reads out. What is due (by scenario time, or by what the trainee has recorded) is released as it falls due
/// (core::training::releaseDue): when the workspace opens, when a record is saved, when scenario time moves on, and
/// every minute. *Debrief…* shows the trainee's debrief at any point; *Reset exercise…* starts it again from first
/// report, after asking. Hidden for a workspace that runs no exercise.
class NewInformationPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit NewInformationPanel(const Catalogues& catalogues, QWidget* parent = nullptr);

    /// The open workspace (null when none or locked) and its bridge.
    void setWorkspace(core::Workspace* workspace, SignalBridge* bridge);
    /// Releases what is due now and shows everything released so far.
    void checkDue();
    /// Releases the inject whose code is typed in the box.
    bool releaseTyped();
    /// Opens the debrief of the exercise as it stands (DebriefDialog); null, with the reason shown, when it cannot.
    DebriefDialog* showDebrief();
    /// Shows the selected attachment of the selected new information (AttachmentDialog); null when there is none.
    AttachmentDialog* viewAttachment();
    QListWidget* attachments() const noexcept { return m_attachments; }
    /// Starts the exercise again from first report (core::training::resetExercise), without asking: the Reset
    /// button asks first.
    bool resetNow();

    QTreeWidget* list() const noexcept { return m_list; }
    QLineEdit* codeEdit() const noexcept { return m_code; }
    QPlainTextEdit* text() const noexcept { return m_text; }
    InlineMessage* message() const noexcept { return m_message; }

Q_SIGNALS:
    /// New information arrived (the Today list may have new items to show).
    void released();

private:
    /// Releases what is due; lists what has arrived when something did, or when `showAnyway` (a workspace just set).
    void check(bool showAnyway);
    /// Lists what has arrived; `selectNewest` selects the newest (something just arrived), else keeps the selection.
    void showReleased(bool selectNewest);
    void showSelected();
    void askReset();

    const Catalogues& m_catalogues;
    core::Workspace* m_workspace = nullptr;
    QLabel* m_heading = nullptr;
    QTreeWidget* m_list = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_code = nullptr;
    QPushButton* m_release = nullptr;
    QPushButton* m_debrief = nullptr;
    QListWidget* m_attachments = nullptr;
    QPushButton* m_viewAttachment = nullptr;
    QPushButton* m_reset = nullptr;
    InlineMessage* m_message = nullptr;
    QTimer* m_timer = nullptr;
    QMetaObject::Connection m_bridgeConnection;
    bool m_checking = false;
};

} // namespace wb::ui
