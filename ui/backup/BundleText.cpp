// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/BundleText.h"

#include <QCoreApplication>
#include <QLineEdit>

#include "core/Error.h"
#include "core/io/CaseBundle.h"
#include "ui/text/ErrorText.h"

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

/// The workspace wording of ErrorText, reworded where the file is a bundle.
QString errorText(const core::Error& error)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("wb::ui::ImportBundleDialog", text); };
    const std::string& field = error.field();
    if (error.code() == core::ErrorCode::Validation) {
        if (field == "bundleFile") {
            return tr("This is not a bundle file: a folder, device or pipe is never read as a bundle. Choose the "
                      "bundle file itself.");
        }
        if (field == "bundleSize") {
            return tr("This bundle is larger than a bundle may be (%1 MiB for the file, %2 MiB of content). Ask the "
                      "sender to hand the cases over in several bundles.")
                .arg(core::bundle::MaxFileBytes >> 20)
                .arg(core::bundle::MaxDocumentBytes >> 20);
        }
        if (field == "bundleDepth" || field == "bundleText" || field == "bundleList") {
            return tr("This bundle goes beyond the limits any bundle keeps (lists nested at most %1 deep, at most "
                      "%2 KiB in one text, at most %3 entries in one list), so it was refused. Ask for it again.")
                .arg(core::bundle::MaxDepth)
                .arg(core::bundle::MaxTextBytes >> 10)
                .arg(core::bundle::MaxListEntries);
        }
        if (field == "bundleUuid") {
            return tr("This bundle gives one identifier to two different records (in the bundle, or to a record of "
                      "another kind already in this workspace), so it cannot be imported safely. Ask the sender for "
                      "a new bundle.");
        }
        if (field == "acceptedRecords") {
            return tr("A ticked record needs another record that is not ticked. Tick both, or neither.");
        }
    }
    if (error.code() == core::ErrorCode::Conflict && field == "bundlePlan") {
        return tr("The bundle or this workspace changed while the import was being reviewed. Start the import "
                  "again.");
    }
    switch (error.code()) {
    case core::ErrorCode::WrongPassphrase:
        return tr("The bundle passphrase is not correct. Ask the sender for the bundle's own passphrase.");
    case core::ErrorCode::NotAWorkspace: return tr("This file is not a handover bundle.");
    case core::ErrorCode::Truncated:
        return tr(
            "This bundle is incomplete: it has been cut short, perhaps by an interrupted copy. Ask for it again.");
    case core::ErrorCode::Corrupted:
        return tr("This bundle has been altered or damaged since it was written, so it cannot be trusted. Ask for "
                  "it again.");
    default: return ErrorText::message(error);
    }
}

} // namespace wb::ui::bundletext
