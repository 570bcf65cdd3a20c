// SPDX-License-Identifier: GPL-3.0-or-later
// Portable mode end to end (issue 17): the test starts this same executable again as a child with a "host" HOME,
// TMPDIR and XDG folders of its own. The child enters portable mode on a "stick" folder (app/Portable, as the
// program's main does), then drives the real MainWindow: Start exercise from the welcome page, the pack chooser, the
// create dialog in its exercise form, the debrief saved where it proposes, lock and quit. The parent then requires
// that not one file was written anywhere under the host's folders, and that the settings, the exercise's workspace
// and the debrief file are on the stick. Fictional data only (a shipped pack).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "app/Portable.h"
#include "core/Workspace.h"
#include "core/training/Exercise.h"
#include "support/UiTestSupport.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/UnlockDialog.h"
#include "ui/text/DisplayText.h"
#include "ui/today/NewInformationPanel.h"
#include "ui/training/DebriefDialog.h"
#include "ui/training/ExercisePackDialog.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* Passphrase = "classroom river lantern 42 stick";

#define DRIVE_CHECK(cond)                                                                                              \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            std::cerr << "portable driver: step failed at line " << __LINE__ << ": " #cond << std::endl;               \
            return 3;                                                                                                  \
        }                                                                                                              \
    } while (false)

template <typename T> T* named(QWidget* parent, const char* name)
{
    return parent == nullptr ? nullptr : parent->findChild<T*>(QString::fromLatin1(name));
}

// --- the child: portable mode, then the real GUI ----------------------------------------

int drive(int argc, char** argv, const fs::path& stick)
{
    using namespace wb::ui;
    using wb::ui::test::visibleTopLevel;
    using wb::ui::test::waitFor;
    const auto folders = wb::app::enterPortableMode(stick); // as app/gui/main.cpp, before QApplication
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RassoWorkbench"));
    QApplication::setOrganizationDomain(QStringLiteral("police.uk"));
    QApplication::setApplicationName(QStringLiteral("RassoWorkbench"));

    AppSettings settings;
    settings.setWorkspaceFolder(DisplayText::fromPath(folders.workspaces));
    MainWindow window(wb::ui::test::catalogues(), settings);
    window.setKdfParams(wb::core::store::KdfParams::minimum());
    window.show();
    window.start();

    QTest::mouseClick(named<QPushButton>(&window, "startExerciseButton"), Qt::LeftButton);
    DRIVE_CHECK(waitFor([] { return visibleTopLevel<ExercisePackDialog>() != nullptr; }));
    auto* chooser = visibleTopLevel<ExercisePackDialog>();
    DRIVE_CHECK(chooser->pack() != nullptr);
    QTest::mouseClick(chooser->nextButton(), Qt::LeftButton);
    DRIVE_CHECK(waitFor([&] { return window.unlockDialog() != nullptr; }));
    UnlockDialog* create = window.unlockDialog();
    DRIVE_CHECK(create->mode() == UnlockDialog::Mode::Create);
    DRIVE_CHECK(create->workspacePath().startsWith(DisplayText::fromPath(folders.workspaces)));
    QTest::keyClicks(named<QLineEdit>(create, "ownerNameLineEdit"), QStringLiteral("PC Portable Trainee"));
    QTest::keyClicks(named<QLineEdit>(create, "passphraseLineEdit"), QString::fromUtf8(Passphrase));
    QTest::keyClicks(named<QLineEdit>(create, "confirmPassphraseLineEdit"), QString::fromUtf8(Passphrase));
    QTest::mouseClick(named<QPushButton>(create, "createButton"), Qt::LeftButton);
    DRIVE_CHECK(waitFor([&] { return window.workspace() != nullptr && !window.workspace()->isLocked(); }, 30000));
    DRIVE_CHECK(wb::core::training::exerciseState(*window.workspace()).has_value());

    auto* panel = named<NewInformationPanel>(&window, "newInformationPanel");
    DRIVE_CHECK(panel != nullptr);
    DebriefDialog* debrief = panel->showDebrief();
    DRIVE_CHECK(debrief != nullptr);
    const QString debriefPath = debrief->suggestedPath();
    DRIVE_CHECK(debriefPath.startsWith(DisplayText::fromPath(folders.home)));
    DRIVE_CHECK(debrief->saveTo(debriefPath));
    debrief->close();

    window.lockWorkspace();
    DRIVE_CHECK(waitFor([&] { return window.workspace() != nullptr && window.workspace()->isLocked(); }));
    window.close();
    QTest::qWait(50);
    std::cout << "portable driver: scenario complete" << std::endl;
    return 0;
}

// --- the parent -----------------------------------------------------------------------------

std::vector<fs::path> filesUnder(const fs::path& root)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_directory()) {
            files.push_back(entry.path());
        }
    }
    return files;
}

TEST(PortableMode, WritesNothingToTheHostsProfileOrTemporaryFolders)
{
    wb::test::TempDir root;
    const fs::path host = root.path() / "host";
    const std::vector<std::pair<const char*, fs::path>> dirs = {
        {"HOME", host / "home"},
        {"TMPDIR", host / "tmp"},
        {"XDG_CONFIG_HOME", host / "config"},
        {"XDG_CACHE_HOME", host / "cache"},
        {"XDG_DATA_HOME", host / "data"},
        {"XDG_STATE_HOME", host / "state"},
    };
    for (const auto& [name, dir] : dirs) {
        fs::create_directories(dir);
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
    }
    fs::create_directories(host / "home" / "Documents");
    const fs::path runtime = root.path() / "runtime"; // the session's runtime folder: not the profile
    fs::create_directories(runtime);
    fs::permissions(runtime, fs::perms::owner_all, fs::perm_options::replace);
    const fs::path stick = root.path() / "stick" / "portable-data";
    const fs::path work = root.path() / "stick"; // run from the stick, as a trainer would
    const fs::path log = root.path() / "child-output.log";
    fs::create_directories(work);

    const pid_t pid = fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) {
        for (const auto& [name, dir] : dirs) {
            setenv(name, dir.c_str(), 1);
        }
        setenv("XDG_RUNTIME_DIR", runtime.c_str(), 1);
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        unsetenv("XDG_CONFIG_DIRS");
        if (chdir(work.c_str()) != 0) {
            _exit(5);
        }
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0) {
            _exit(6);
        }
        char self[] = "/proc/self/exe";
        char flag[] = "--drive";
        std::string stickArg = stick.string();
        char* args[] = {self, flag, stickArg.data(), nullptr};
        execv(self, args);
        _exit(7);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    std::ifstream logIn(log);
    const std::string output{std::istreambuf_iterator<char>(logIn), std::istreambuf_iterator<char>()};
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << "the portable run failed (status " << status << "); its output:\n"
        << output;

    for (const auto& file : filesUnder(host)) {
        ADD_FAILURE() << "written to the host: " << file;
    }
    const fs::path workspace = stick / "workspaces" / "exercise-ex-partner-after-separation.rwb";
    EXPECT_TRUE(fs::exists(workspace)) << "the exercise's workspace is on the stick";
    EXPECT_TRUE(fs::exists(stick / "home" / ".config" / "RassoWorkbench" / "RassoWorkbench.conf"))
        << "the settings are on the stick";
    bool debrief = false;
    for (const auto& file : filesUnder(stick / "home")) {
        debrief = debrief || file.filename().string().rfind("debrief-", 0) == 0;
    }
    EXPECT_TRUE(debrief) << "the debrief file is on the stick";
}

TEST(PortableMode, TheCommandLineOrAFileBesideTheProgramTurnsItOn)
{
    char program[] = "rasso-workbench";
    char option[] = "--portable";
    char folder[] = "/media/stick/data";
    char joined[] = "--portable=/media/stick/other";
    char* separate[] = {program, option, folder, nullptr};
    char* equals[] = {program, joined, nullptr};
    char* none[] = {program, nullptr};
    EXPECT_EQ(wb::app::portableRoot(3, separate), fs::path("/media/stick/data"));
    EXPECT_EQ(wb::app::portableRoot(2, equals), fs::path("/media/stick/other"));
    // This test program is not installed beside a portable.txt: a normal run.
    EXPECT_FALSE(wb::app::portableRoot(1, none).has_value());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "--drive") == 0) {
        return drive(argc, argv, argv[2]);
    }
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
