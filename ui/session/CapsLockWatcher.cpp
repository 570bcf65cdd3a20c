// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/CapsLockWatcher.h"

#include <QKeyEvent>

namespace wb::ui {

CapsLockWatcher::CapsLockWatcher(QObject* parent)
    : QObject(parent)
{
}

void CapsLockWatcher::watch(QObject* field)
{
    field->installEventFilter(this);
}

bool CapsLockWatcher::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const QString text = key->text();
        if (key->key() == Qt::Key_CapsLock) {
            set(!m_on);
        } else if (text.size() == 1 && text.front().toUpper() != text.front().toLower()) {
            // A letter whose case disagrees with Shift means Caps Lock is on.
            const bool shift = key->modifiers().testFlag(Qt::ShiftModifier);
            set(text.front().isUpper() != shift);
        }
    }
    return QObject::eventFilter(watched, event);
}

void CapsLockWatcher::set(bool on)
{
    m_on = on;
    Q_EMIT changed(on);
}

} // namespace wb::ui
