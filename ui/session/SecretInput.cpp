// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/SecretInput.h"

#include <cstddef>
#include <string_view>

#include <QByteArray>
#include <QLineEdit>

namespace wb::ui {

core::store::SecureBuffer secretFrom(const QLineEdit* edit)
{
    QByteArray utf8 = edit->text().toUtf8();
    core::store::SecureBuffer secret;
    try {
        secret = core::store::SecureBuffer::fromBytes(
            std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    } catch (...) {
        utf8.fill('\0');
        throw;
    }
    utf8.fill('\0');
    return secret;
}

QLineEdit* newSecretEdit(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAttribute(Qt::WA_InputMethodEnabled, false);
    edit->setDragEnabled(false);
    edit->setContextMenuPolicy(Qt::NoContextMenu);
    return edit;
}

} // namespace wb::ui
