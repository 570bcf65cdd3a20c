// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStatusBar>

#include "core/Workspace.h"

class QLabel;

namespace wb::ui {

class BusyIndicator;

/// The main window's status bar: the owner of the open workspace, whether privacy mode is on, and a
/// busy indicator while a job holds the workspace; messages go in the usual place. Never a case's data.
class MainStatusBar final : public QStatusBar
{
    Q_OBJECT

public:
    explicit MainStatusBar(QWidget* parent = nullptr);

    /// "Owner: name (staff number)"; clearOwner() when locked or closed.
    void showOwner(const core::WorkspaceInfo& info);
    void clearOwner();
    void showPrivacy(bool on);
    /// The busy indicator with the running job's label, or none.
    void showBusy(bool busy, const QString& jobLabel);
    /// Says once that opening upgraded the file's format (or could not); nothing when there was none.
    void showFormatUpgrade(const core::Workspace::FormatUpgrade& upgrade);

private:
    QLabel* m_ownerLabel = nullptr;
    QLabel* m_privacyLabel = nullptr;
    BusyIndicator* m_busyIndicator = nullptr;
};

} // namespace wb::ui
