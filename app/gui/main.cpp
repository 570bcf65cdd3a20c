// SPDX-License-Identifier: GPL-3.0-or-later
// rasso-workbench: the desktop application. Wires the reference data, the
// settings and the main window together; everything else lives in ui/ and core/.

#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QThreadPool>

#include "app/DataDir.h"
#include "app/Portable.h"
#include "core/Error.h"
#include "core/catalogues/Catalogues.h"
#include "core/security/ProcessHardening.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/text/AppTranslator.h"
#include "ui/text/DisplayText.h"
#include "ui/widgets/FileChooser.h"

int main(int argc, char** argv)
{
    // Before anything reads a passphrase or a key: no core dumps, no ptrace attach, and
    // freed heap overwritten (core/security/ProcessHardening.h).
    wb::core::security::hardenProcess();
    if (argc == 2 && std::strcmp(argv[1], "--self-check") == 0) {
        // For tests and IT support: is the protection on? (No display needed.)
        const auto status = wb::core::security::status();
        std::printf("dumpable: %s\ncore dump size limit: %s\nfreed heap overwritten: %s\n",
                    status.dumpable ? "yes" : "no", status.coreLimitZero ? "0" : "not 0",
                    status.heapPerturbed ? "yes" : "no");
        return !status.dumpable && status.coreLimitZero ? 0 : 1;
    }
    // Portable mode: before QApplication (and every library it loads) reads HOME, the XDG folders and TMPDIR.
    std::optional<wb::app::PortableFolders> portable;
    if (const auto root = wb::app::portableRoot(argc, argv)) {
        try {
            portable = wb::app::enterPortableMode(*root);
        } catch (const std::filesystem::filesystem_error& e) {
            std::fprintf(stderr, "rasso-workbench: portable mode: the folder %s cannot be used (%s).\n", root->c_str(),
                         e.code().message().c_str());
            return 1;
        }
    }
    QApplication app(argc, argv);
    // Names for QSettings (which holds only the last workspace path and the
    // auto-lock delay). No applicationDisplayName: Qt would append it to titles.
    QApplication::setOrganizationName(QStringLiteral("RassoWorkbench"));
    QApplication::setOrganizationDomain(QStringLiteral("police.uk"));
    QApplication::setApplicationName(QStringLiteral("RassoWorkbench"));
    QApplication::setApplicationVersion(QStringLiteral(WB_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("uk.police.RassoWorkbench"));
    if (!wb::ui::AppTranslator::install(app)) {
        // A build fault (the translation is embedded): the workbench still works, but counts read "1 results".
        std::fprintf(stderr, "rasso-workbench: the embedded en_GB translation could not be loaded.\n");
    }
    wb::ui::FileChooser::keepQtHistoryOffDisk(); // Qt's dialogs keep no recent folders on disk
    // Without a desktop icon theme Qt looks only in hicolor, which has no action icons: the tool bar's
    // standard icons (document-new, edit-find, system-lock-screen…) then come from Adwaita when installed.
    if (QIcon::fallbackThemeName().isEmpty() || QIcon::fallbackThemeName() == QStringLiteral("hicolor")) {
        QIcon::setFallbackThemeName(QStringLiteral("Adwaita"));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(wb::ui::MainWindow::baseTitle());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(QStringList{QStringLiteral("workspace")},
                                             QCoreApplication::translate("main", "Open the workspace file at PATH."),
                                             QCoreApplication::translate("main", "PATH"));
    parser.addOption(workspaceOption);
    const QCommandLineOption portableOption(
        QStringList{QStringLiteral("portable")},
        QCoreApplication::translate("main", "Run from a USB stick: keep settings, caches, temporary files and "
                                            "workspaces in DIR, and write nothing to this computer's profile."),
        QCoreApplication::translate("main", "DIR"));
    parser.addOption(portableOption);
    parser.process(app);

    wb::ui::Catalogues catalogues;
    const auto referencePath = wb::app::referenceDir();
    try {
        catalogues = wb::core::Catalogues::loadFrom(wb::app::dataDir());
    } catch (const std::exception&) {
        // The English detail (which file, which item) has no personal data, but
        // the message says only what the user can act on.
        QMessageBox::critical(
            nullptr, wb::ui::MainWindow::baseTitle(),
            QCoreApplication::translate(
                "main",
                "The reference lists (offences, guided questions, lines of enquiry and others) could not be loaded, so "
                "the workbench cannot start. Reinstall the workbench, or ask your "
                "IT support to check the files in this folder:\n\n%1")
                .arg(QDir::toNativeSeparators(wb::ui::DisplayText::fromPath(referencePath))));
        return 1;
    }

    int exitCode = 0;
    {
        wb::ui::AppSettings settings;
        if (portable) {
            settings.setWorkspaceFolder(wb::ui::DisplayText::fromPath(portable->workspaces));
        }
        wb::ui::MainWindow window(catalogues, settings);
        window.show();
        QString preselected = parser.value(workspaceOption);
        if (!preselected.isEmpty()) {
            preselected = QDir::current().absoluteFilePath(preselected);
        }
        window.start(preselected);
        exitCode = QApplication::exec();
    }
    // Background work ran on the global pool, and its idle threads hold OpenSSL
    // (SQLCipher) thread state. They must exit before OpenSSL's exit handler frees
    // that state, or a closing workbench can crash.
    QThreadPool::globalInstance()->waitForDone();
    return exitCode;
}
