// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/RetryCountdown.h"

#include <QTimer>

#include "ui/session/UnlockThrottle.h"

namespace wb::ui {

RetryCountdown::RetryCountdown(UnlockThrottle* throttle, QWidget* parent)
    : QLabel(parent)
    , m_throttle(throttle)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setObjectName(QStringLiteral("retryWaitLabel"));
    setAccessibleName(tr("Wait before the next try"));
    setFocusPolicy(Qt::TabFocus); // reachable by keyboard, so a screen reader can read it
    hide();
    m_timer = new QTimer(this);
    m_timer->setObjectName(QStringLiteral("retryCountdownTimer"));
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, [this] {
        refresh();
        Q_EMIT ticked();
    });
}

void RetryCountdown::setThrottle(UnlockThrottle* throttle)
{
    m_throttle = throttle;
}

void RetryCountdown::refresh()
{
    const auto left = m_throttle->remaining();
    if (left.count() > 0) {
        const int seconds = static_cast<int>((left.count() + 999) / 1000);
        setText(tr("To slow down guessing, you can try again in %n seconds.", nullptr, seconds));
        show();
        if (!m_timer->isActive()) {
            m_timer->start();
        }
    } else {
        hide();
        m_timer->stop();
    }
}

} // namespace wb::ui
