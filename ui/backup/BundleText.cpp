// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/BundleText.h"

#include <QCoreApplication>
#include <QLineEdit>

namespace wb::ui::bundletext {

QString suffix()
{
    return QStringLiteral("rwbundle");
}

QString filter()
{
    return QCoreApplication::translate("wb::ui::ExportBundleDialog", "Handover bundles (*.rwbundle);;All files (*)");
}

void wipe(std::string& text) noexcept
{
    volatile char* bytes = text.data();
    for (std::size_t i = 0; i < text.size(); ++i) {
        bytes[i] = '\0';
    }
    text.clear();
}

QLineEdit* newPassphraseEdit(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace wb::ui::bundletext
