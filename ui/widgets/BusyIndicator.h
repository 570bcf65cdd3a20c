// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace wb::ui {

/// A progress bar with a line of text under it, hidden until work starts: the
/// one busy indicator of the dialogs and the main window. Indeterminate
/// (start()) or in percent (setProgress()); the text says what is happening,
/// so it never depends on the moving bar alone.
class BusyIndicator final : public QWidget
{
    Q_OBJECT

public:
    /// accessibleName names the bar ("Backup progress"); the names let tests and
    /// screen readers find the bar and the text ("backupProgressBar", "backupProgressLabel").
    BusyIndicator(const QString& accessibleName,
                  const QString& barObjectName,
                  const QString& labelObjectName,
                  QWidget* parent = nullptr);

    /// Shows an indeterminate bar with text.
    void start(const QString& text);
    /// Shows a bar at percent (0..100) with text.
    void setProgress(int percent, const QString& text);
    /// Hides the indicator.
    void stop();
    /// Bar and text side by side (a status bar) rather than the text under the bar.
    void setHorizontal(bool horizontal);

    QProgressBar* bar() const noexcept { return m_bar; }
    QLabel* label() const noexcept { return m_label; }

private:
    QProgressBar* m_bar = nullptr;
    QLabel* m_label = nullptr;
};

} // namespace wb::ui
