// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

#include <QByteArray>
#include <QClipboard>
#include <QObject>
#include <QTimer>

namespace wb::ui {

/// Clears what the workbench put on the clipboard (a name copied from a form,
/// a cell copied from a table with Ctrl+C) after a timeout, and at once on lock
/// and on quit. Only what the workbench placed is cleared: a change counts as
/// ours when the platform says this process owns the clipboard (the headless
/// platforms have an in-process one), and the guard remembers only a hash of
/// it, so that something the user copied in another program later is never
/// touched. Watches the clipboard and, where
/// the platform has one, the X11 selection.
class ClipboardGuard final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds DefaultTimeout{30};

    explicit ClipboardGuard(QObject* parent = nullptr);
    ~ClipboardGuard() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const noexcept { return m_timeout; }

    /// Clears the clipboard (and selection) now if it still holds what we put there.
    void clearNow();
    /// True while something we placed is waiting to be cleared.
    bool isArmed() const noexcept { return !m_clipboardHash.isEmpty() || !m_selectionHash.isEmpty(); }

Q_SIGNALS:
    /// After the guard cleared something (for tests and the status bar).
    void cleared();

private:
    void changed(QClipboard::Mode mode);
    void timeoutReached();
    QByteArray& hashFor(QClipboard::Mode mode);
    bool clearIfOurs(QClipboard::Mode mode);
    static QByteArray hashOf(QClipboard::Mode mode);
    static bool isOurs(QClipboard::Mode mode);

    std::chrono::milliseconds m_timeout = DefaultTimeout;
    QTimer m_timer;
    QByteArray m_clipboardHash;
    QByteArray m_selectionHash;
    bool m_clearing = false;
};

} // namespace wb::ui
