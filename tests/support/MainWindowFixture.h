// SPDX-License-Identifier: GPL-3.0-or-later
// A fixture for tests of the main window: a shown MainWindow with its own settings file and demo folder in a
// temporary folder, the fastest key derivation, and a way to find its children by object name.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include <QString>
#include <QTest>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"

namespace wb::ui::test {

class MainWindowFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        settings = std::make_unique<AppSettings>(qpath(dir / "settings.ini"));
        settings->setDemoFolder(qpath(dir / "demo"));
        window = std::make_unique<MainWindow>(catalogues(), *settings);
        window->setKdfParams(core::store::KdfParams::minimum());
        window->show();
    }

    void TearDown() override
    {
        window.reset();
        QTest::qWait(1); // let deferred deletes run before the next test
    }

    template <typename T> T* find(const char* name) const { return window->findChild<T*>(QString::fromLatin1(name)); }

    /// A workspace is open, unlocked, and its case list loaded.
    bool opened() const
    {
        return window->workspace() != nullptr && !window->workspace()->isLocked() && window->caseModel()->isLoaded();
    }

    TempDir dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<MainWindow> window;
};

} // namespace wb::ui::test
