// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include "support/UiTestSupport.h"
#include "ui/mainwindow/AppSettings.h"

namespace wb::ui::test {
namespace {

/// The application's names as app/gui/main.cpp sets them, for one test; the tests' own names after it.
class ApplicationNames
{
public:
    ApplicationNames()
        : m_organisation(QCoreApplication::organizationName())
        , m_application(QCoreApplication::applicationName())
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RassoWorkbench"));
        QCoreApplication::setApplicationName(QStringLiteral("RassoWorkbench"));
    }
    ~ApplicationNames()
    {
        QCoreApplication::setOrganizationName(m_organisation);
        QCoreApplication::setApplicationName(m_application);
    }
    ApplicationNames(const ApplicationNames&) = delete;
    ApplicationNames& operator=(const ApplicationNames&) = delete;

private:
    QString m_organisation;
    QString m_application;
};

// Demo workspaces went to Qt's AppDataLocation, which names the organisation and then the application:
// …/RassoWorkbench/RassoWorkbench. The folder now names the application once.
TEST(AppSettings, DemoFolderNamesTheApplicationOnce)
{
    const ApplicationNames names;
    TempDir dir;
    const AppSettings settings(qpath(dir / "settings.ini"));
    const QString folder = settings.demoFolder();
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    ASSERT_FALSE(data.isEmpty());
    EXPECT_EQ(QDir::cleanPath(folder), QDir::cleanPath(data + QStringLiteral("/RassoWorkbench")));
    EXPECT_FALSE(folder.contains(QStringLiteral("RassoWorkbench/RassoWorkbench"))) << folder.toStdString();
}

// A demo made by an earlier version is still found in the doubled folder (and recognised as a demo).
TEST(AppSettings, EarlierDemoFolderIsTheDoubledOne)
{
    const ApplicationNames names;
    TempDir dir;
    const AppSettings settings(qpath(dir / "settings.ini"));
    const QStringList earlier = settings.earlierDemoFolders();
    ASSERT_EQ(earlier.size(), 1);
    EXPECT_TRUE(QDir::cleanPath(earlier.first()).endsWith(QStringLiteral("/RassoWorkbench/RassoWorkbench")))
        << earlier.first().toStdString();
}

TEST(AppSettings, ChosenDemoFolderHasNoEarlierFolders)
{
    TempDir dir;
    AppSettings settings(qpath(dir / "settings.ini"));
    settings.setDemoFolder(qpath(dir / "demo"));
    EXPECT_EQ(settings.demoFolder(), qpath(dir / "demo"));
    EXPECT_TRUE(settings.earlierDemoFolders().isEmpty());
}

} // namespace
} // namespace wb::ui::test
