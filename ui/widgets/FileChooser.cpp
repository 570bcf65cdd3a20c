// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/FileChooser.h"

#include <QFileDialog>
#include <QPointer>
#include <QSettings>

namespace wb::ui {

namespace {

QString run(QWidget* parent, const QString& caption, const QString& start, const QString& filter, bool save)
{
    FileChooser::keepQtHistoryOffDisk();
    // On the heap behind a QPointer: locking the workspace may close the parent while this runs.
    QPointer<QFileDialog> dialog = new QFileDialog(parent, caption, start, filter);
    dialog->setObjectName(QStringLiteral("fileChooserDialog"));
    dialog->setOptions(QFileDialog::DontUseNativeDialog | QFileDialog::DontConfirmOverwrite);
    dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog->setHistory({});
    const int result = dialog->exec();
    if (dialog.isNull()) {
        return {};
    }
    QString path;
    if (result == QDialog::Accepted && !dialog->selectedFiles().isEmpty()) {
        path = dialog->selectedFiles().constFirst();
    }
    dialog->setHistory({});
    delete dialog.data();
    return path;
}

} // namespace

QString FileChooser::openFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter)
{
    return run(parent, caption, start, filter, false);
}

QString FileChooser::saveFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter)
{
    return run(parent, caption, start, filter, true);
}

void FileChooser::keepQtHistoryOffDisk()
{
    // QFileDialog keeps its state in QSettings(UserScope, "QtProject"), the native
    // format. A folder that cannot exist: every write fails quietly, nothing is kept.
    // (Windows keeps the native format in the registry; see the README's Windows notes.)
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("/dev/null"));
}

} // namespace wb::ui
