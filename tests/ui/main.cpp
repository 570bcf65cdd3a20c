// SPDX-License-Identifier: GPL-3.0-or-later
// The UI tests need a QApplication, so they bring their own main().
#include <cstdio>

#include <gtest/gtest.h>

#include <QApplication>
#include <QThreadPool>

#include "ui/text/AppTranslator.h"

int main(int argc, char** argv)
{
    // gtest_discover_tests runs this binary without the test ENVIRONMENT: default
    // to the headless platform so discovery works without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RassoWorkbenchTests"));
    QApplication::setApplicationName(QStringLiteral("wb_ui_tests"));
    // As the GUI does (app/gui/main.cpp): the tests see the singular and plural forms officers see.
    if (!wb::ui::AppTranslator::install(app)) {
        std::fprintf(stderr, "wb_ui_tests: the embedded en_GB translation could not be loaded.\n");
        return 1;
    }
    const int result = RUN_ALL_TESTS();
    // As app/gui/main.cpp: pooled threads hold OpenSSL (SQLCipher) thread state and
    // must exit before OpenSSL's exit handler frees it (ASan saw a double free).
    QThreadPool::globalInstance()->waitForDone();
    return result;
}
