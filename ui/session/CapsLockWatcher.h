// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace wb::ui {

/// Guesses from the keys typed into passphrase fields whether Caps Lock is on: the Caps Lock key
/// toggles the guess, and a letter whose case disagrees with Shift means it is on.
class CapsLockWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit CapsLockWatcher(QObject* parent = nullptr);

    /// Watches the key presses of `field`.
    void watch(QObject* field);
    bool isOn() const noexcept { return m_on; }

Q_SIGNALS:
    /// After each key press that says something about Caps Lock.
    void changed(bool on);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void set(bool on);

    bool m_on = false;
};

} // namespace wb::ui
