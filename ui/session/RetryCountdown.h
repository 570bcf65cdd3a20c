// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class QTimer;

namespace wb::ui {

class UnlockThrottle;

/// The unlock dialog's line after wrong passphrases: the wait before the next try, counted down in
/// words while the throttle holds tries back, hidden otherwise. Reachable by keyboard, so that a
/// screen reader can read it.
class RetryCountdown final : public QLabel
{
    Q_OBJECT

public:
    RetryCountdown(UnlockThrottle* throttle, QWidget* parent = nullptr);

    void setThrottle(UnlockThrottle* throttle);
    /// Shows the wait left (and counts it down), or hides the line when there is none.
    void refresh();

Q_SIGNALS:
    /// After each step of the countdown: whether a try is allowed may have changed.
    void ticked();

private:
    UnlockThrottle* m_throttle;
    QTimer* m_timer = nullptr;
};

} // namespace wb::ui
