// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/privacy/ClipboardGuard.h"

#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

namespace wb::ui {

ClipboardGuard::ClipboardGuard(QObject* parent)
    : QObject(parent)
    , m_timer(this) // a child, so that tests find it and fire it
{
    setObjectName(QStringLiteral("clipboardGuard"));
    m_timer.setObjectName(QStringLiteral("clipboardClearTimer"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::timeoutReached);
    QClipboard* clipboard = QGuiApplication::clipboard();
    connect(clipboard, &QClipboard::changed, this, &ClipboardGuard::changed);
}

ClipboardGuard::~ClipboardGuard() = default;

void ClipboardGuard::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    if (m_timer.isActive()) {
        m_timer.start(m_timeout);
    }
}

QByteArray& ClipboardGuard::hashFor(QClipboard::Mode mode)
{
    return mode == QClipboard::Selection ? m_selectionHash : m_clipboardHash;
}

QByteArray ClipboardGuard::hashOf(QClipboard::Mode mode)
{
    // Text and, for table copies, any rich form of it: the text decides.
    const QMimeData* data = QGuiApplication::clipboard()->mimeData(mode);
    if (data == nullptr || data->formats().isEmpty()) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList formats = data->formats();
    for (const QString& format : formats) {
        hash.addData(format.toUtf8());
        hash.addData(data->data(format));
    }
    return hash.result();
}

bool ClipboardGuard::isOurs(QClipboard::Mode mode)
{
    const QClipboard* clipboard = QGuiApplication::clipboard();
    if (mode == QClipboard::Clipboard ? clipboard->ownsClipboard() : clipboard->ownsSelection()) {
        return true; // the platform says this process placed it (X11, Wayland, Windows, macOS)
    }
    // The headless platforms keep an in-process clipboard: only this process can change it.
    const QString platform = QGuiApplication::platformName();
    return platform == QLatin1String("offscreen") || platform == QLatin1String("minimal");
}

void ClipboardGuard::changed(QClipboard::Mode mode)
{
    if (m_clearing || (mode != QClipboard::Clipboard && mode != QClipboard::Selection)) {
        return;
    }
    QByteArray& remembered = hashFor(mode);
    const QByteArray now = hashOf(mode);
    if (now.isEmpty() || !isOurs(mode)) {
        remembered.clear(); // emptied, or someone else's: nothing of ours is left there
    } else {
        remembered = now;
        m_timer.start(m_timeout);
    }
    if (!isArmed()) {
        m_timer.stop();
    }
}

bool ClipboardGuard::clearIfOurs(QClipboard::Mode mode)
{
    QByteArray& remembered = hashFor(mode);
    if (remembered.isEmpty()) {
        return false;
    }
    const bool stillOurs = hashOf(mode) == remembered;
    remembered.clear();
    if (!stillOurs) {
        return false;
    }
    m_clearing = true;
    QGuiApplication::clipboard()->clear(mode);
    m_clearing = false;
    return true;
}

void ClipboardGuard::clearNow()
{
    m_timer.stop();
    bool any = clearIfOurs(QClipboard::Clipboard);
    any = clearIfOurs(QClipboard::Selection) || any;
    if (any) {
        Q_EMIT cleared();
    }
}

void ClipboardGuard::timeoutReached()
{
    clearNow();
}

} // namespace wb::ui
