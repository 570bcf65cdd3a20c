// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <QFileDialog>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>

#include "support/UiTestSupport.h"
#include "ui/widgets/FileChooser.h"

namespace wb::ui::test {
namespace {

namespace fs = std::filesystem;

/// Accepts the file dialog with `file` as soon as it shows (and has read the folder).
void acceptWhenShown(const QString& file)
{
    auto* timer = new QTimer();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, file] {
        if (auto* dialog = visibleTopLevel<QFileDialog>()) {
            // As typed: selectFile() leaves a focused name field alone.
            if (auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))) {
                name->setText(file);
            }
            QMetaObject::invokeMethod(dialog, "accept"); // protected in QFileDialog
            if (!dialog->isVisible()) {
                timer->stop();
                timer->deleteLater();
            }
        }
    });
    timer->start(20);
}

TEST(FileChooser, QtKeepsNoRecentFoldersOutsideTheWorkspace)
{
    TempDir dir;
    const fs::path config = dir.path() / "config";
    const fs::path folder = dir.path() / "Operation Quillmarker";
    fs::create_directories(config);
    fs::create_directories(folder);
    // Where Qt keeps its own user settings (QtProject.conf) unless the workbench stops it.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, qpath(config));

    acceptWhenShown(qpath(folder / "backup.rwb"));
    const QString saved =
        FileChooser::saveFile(nullptr, QStringLiteral("Back up to"), qpath(folder), QStringLiteral("All files (*)"));
    EXPECT_EQ(saved, qpath(folder / "backup.rwb"));
    std::ofstream(folder / "bundle.rwbx") << "x";
    acceptWhenShown(qpath(folder / "bundle.rwbx"));
    const QString opened = FileChooser::openFile(nullptr, QStringLiteral("Choose a bundle"), qpath(folder),
                                                 QStringLiteral("All files (*)"));
    EXPECT_EQ(opened, qpath(folder / "bundle.rwbx"));

    EXPECT_FALSE(fs::exists(config / "QtProject.conf")) << "Qt wrote its file-dialog history";
    for (const auto& entry : fs::recursive_directory_iterator(config)) {
        EXPECT_FALSE(wb::test::contains(wb::test::readBytes(entry.path()), "Quillmarker")) << entry.path();
    }
}

} // namespace
} // namespace wb::ui::test
