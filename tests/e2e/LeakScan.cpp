// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end leak scan. The test starts this same executable again as a child
// with a dedicated HOME, TMPDIR and XDG folders (set before QApplication exists),
// and the child drives the real MainWindow and dialogs with QTest: it creates a
// workspace, enters a fictional case and people carrying unique marker strings,
// searches, locks, unlocks and quits. The parent then reads every file written
// anywhere under those folders (settings, caches, logs, the workspace and its
// -wal/-shm, the child's own stdout/stderr, any core dump) and counts hits for
// every marker, name and the passphrase — as UTF-8 and UTF-16 (both byte
// orders), ignoring case. 0 hits are required; the settings may hold only the
// known non-personal keys. The child also saves a report as a PDF, prints one
// to a PDF printer and exports the case for analysts (POLE CSV and JSON): those
// files, which the officer chose to leave, must be all there is in their folder,
// and are the only files the scan passes over.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/cases/NewCaseDialog.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/SearchDialog.h"
#include "ui/people/PeopleTab.h"
#include "ui/people/PersonListModel.h"
#include "ui/reports/AnalystExportDialog.h"
#include "ui/reports/ReportDialog.h"
#include "ui/session/UnlockDialog.h"
#include "ui/widgets/FileChooser.h"

namespace fs = std::filesystem;

namespace {

// Fictional markers, unlikely to occur by chance in any file.
constexpr const char* OwnerName = "DC Xanthippe Vorlaufmarker";
constexpr const char* StaffNumber = "QZ90817";
constexpr const char* Reference = "QMRK/7731/26";
constexpr const char* Operation = "Operation Zyxwarbler";
constexpr const char* GivenName = "Philippa";
constexpr const char* FamilyName = "Drumblethwaite";
constexpr const char* SuspectFamilyName = "Quellingsworth";
constexpr const char* Passphrase = "umbrella Kestrel 92 velvet Marker";

/// Everything that must never appear outside the encrypted file.
std::vector<std::string> markers()
{
    return {OwnerName,  "Vorlaufmarker", StaffNumber, Reference,         "7731/26",
            Operation,  "Zyxwarbler",    FamilyName,  SuspectFamilyName, std::string(GivenName) + " " + FamilyName,
            Passphrase, "velvet Marker"};
}

// --- the child: drives the real GUI -------------------------------------------------

#define DRIVE_CHECK(cond)                                                                                              \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            std::cerr << "leak-scan driver: step failed at line " << __LINE__ << ": " #cond << std::endl;              \
            return 3;                                                                                                  \
        }                                                                                                              \
    } while (false)

template <typename T> T* named(QWidget* parent, const char* name)
{
    return parent == nullptr ? nullptr : parent->findChild<T*>(QString::fromLatin1(name));
}

int drive(int argc, char** argv)
{
    using namespace wb::ui;
    using wb::ui::test::visibleTopLevel;
    using wb::ui::test::waitFor;
    QApplication app(argc, argv);
    // The names the real application uses (app/gui/main.cpp), so QSettings and the
    // standard paths land where they would for a user.
    QApplication::setOrganizationName(QStringLiteral("RassoWorkbench"));
    QApplication::setOrganizationDomain(QStringLiteral("police.uk"));
    QApplication::setApplicationName(QStringLiteral("RassoWorkbench"));

    AppSettings settings;
    MainWindow window(wb::ui::test::catalogues(), settings);
    window.setKdfParams(wb::core::store::KdfParams::minimum());
    window.show();
    window.start();

    // Create a workspace through the welcome page and the create dialog (default path in Documents).
    QTest::mouseClick(named<QPushButton>(&window, "createWorkspaceButton"), Qt::LeftButton);
    UnlockDialog* create = window.unlockDialog();
    DRIVE_CHECK(create != nullptr && create->mode() == UnlockDialog::Mode::Create);
    QTest::keyClicks(named<QLineEdit>(create, "ownerNameLineEdit"), QString::fromUtf8(OwnerName));
    QTest::keyClicks(named<QLineEdit>(create, "staffNumberLineEdit"), QString::fromUtf8(StaffNumber));
    DRIVE_CHECK(!named<QLineEdit>(create, "pathLineEdit")->text().isEmpty());
    QTest::keyClicks(named<QLineEdit>(create, "passphraseLineEdit"), QString::fromUtf8(Passphrase));
    QTest::keyClicks(named<QLineEdit>(create, "confirmPassphraseLineEdit"), QString::fromUtf8(Passphrase));
    QTest::mouseClick(named<QPushButton>(create, "createButton"), Qt::LeftButton);
    DRIVE_CHECK(waitFor([&] { return window.workspace() != nullptr && window.caseModel()->isLoaded(); }));

    // A case through the new-case dialog.
    window.findChild<QAction*>(QStringLiteral("newCaseAction"))->trigger();
    auto* newCase = visibleTopLevel<NewCaseDialog>();
    DRIVE_CHECK(newCase != nullptr);
    QTest::keyClicks(named<QLineEdit>(newCase, "referenceLineEdit"), QString::fromUtf8(Reference));
    QTest::keyClicks(named<QLineEdit>(newCase, "operationLineEdit"), QString::fromUtf8(Operation));
    auto* offence = named<QComboBox>(newCase, "offenceComboBox");
    offence->setCurrentIndex(offence->findData(QStringLiteral("SOA2003-s1")));
    QTest::mouseClick(named<QPushButton>(newCase, "saveButton"), Qt::LeftButton);
    DRIVE_CHECK(waitFor([&] { return window.caseModel()->rowCount() == 1; }));

    // Open it and add two people through the People tab.
    auto* table = named<QTableView>(&window, "caseTableView");
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    auto* caseView = visibleTopLevel<CaseWorkspace>();
    DRIVE_CHECK(caseView != nullptr);
    PeopleTab* tab = caseView->peopleTab();
    caseView->showTabFor(QStringLiteral("person"));
    const auto addPerson = [&](const char* given, const char* family, wb::core::PersonRole role) {
        const int before = tab->peopleModel()->rowCount();
        QTest::mouseClick(named<QPushButton>(tab, "addPersonButton"), Qt::LeftButton);
        auto* roleBox = named<QComboBox>(tab, "roleComboBox");
        roleBox->setCurrentIndex(roleBox->findData(static_cast<int>(role)));
        QTest::keyClicks(named<QLineEdit>(tab, "givenNameLineEdit"), QString::fromUtf8(given));
        QTest::keyClicks(named<QLineEdit>(tab, "familyNameLineEdit"), QString::fromUtf8(family));
        QTest::mouseClick(named<QPushButton>(tab, "savePersonButton"), Qt::LeftButton);
        return waitFor([&] { return tab->peopleModel()->rowCount() == before + 1; });
    };
    DRIVE_CHECK(addPerson(GivenName, FamilyName, wb::core::PersonRole::Victim));
    DRIVE_CHECK(addPerson("Jonty", SuspectFamilyName, wb::core::PersonRole::Suspect));

    // Copy a name (the clipboard guard must clear it), and search for the names.
    auto* nameEdit = named<QLineEdit>(tab, "familyNameLineEdit");
    nameEdit->selectAll();
    nameEdit->copy();
    SearchDialog* search = window.showSearch();
    DRIVE_CHECK(search != nullptr);
    QTest::keyClicks(search->searchEdit(), QString::fromUtf8(FamilyName));
    QTest::qWait(400);

    // A file dialog in a folder named after the operation: Qt must keep no recent folders of it.
    const QString folder = QDir::home().absoluteFilePath(QStringLiteral("Documents/Operation Zyxwarbler"));
    DRIVE_CHECK(QDir().mkpath(folder));
    QTimer chooser;
    QObject::connect(&chooser, &QTimer::timeout, &chooser, [&chooser, folder] {
        if (auto* dialog = visibleTopLevel<QFileDialog>()) {
            // As typed: selectFile() leaves a focused name field alone.
            if (auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))) {
                name->setText(folder + QStringLiteral("/backup.rwb"));
            }
            QMetaObject::invokeMethod(dialog, "accept"); // protected in QFileDialog
            if (!dialog->isVisible()) {
                chooser.stop();
            }
        }
    });
    chooser.start(20);
    DRIVE_CHECK(FileChooser::saveFile(&window, QStringLiteral("Back up to"), folder, QStringLiteral("All files (*)")) ==
                folder + QStringLiteral("/backup.rwb"));

    // A report saved as a PDF and printed (to a PDF printer) into a folder of their own: the two files the officer
    // means to leave. The parent checks that nothing else is left beside them or anywhere (a temporary copy).
    caseView->showReports();
    auto* reportsDialog = visibleTopLevel<ReportDialog>();
    DRIVE_CHECK(reportsDialog != nullptr);
    reportsDialog->setKind(wb::core::reports::ReportKind::VictimContact);
    DRIVE_CHECK(reportsDialog->pageCount() > 0);
    const QString exports = QDir::home().absoluteFilePath(QStringLiteral("Exports"));
    DRIVE_CHECK(QDir().mkpath(exports));
    reportsDialog->setPdfPath(exports + QStringLiteral("/report.pdf"));
    DRIVE_CHECK(reportsDialog->savePdf());
    reportsDialog->setKind(wb::core::reports::ReportKind::CaseSummary);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(exports + QStringLiteral("/printed.pdf"));
    DRIVE_CHECK(reportsDialog->printTo(printer));
    reportsDialog->close();
    // The exports for analysts: the case as POLE CSV (two files) and as JSON, into the same folder.
    caseView->showAnalystExport();
    auto* exportDialog = visibleTopLevel<AnalystExportDialog>();
    DRIVE_CHECK(exportDialog != nullptr);
    exportDialog->setPath(exports + QStringLiteral("/pole.csv"));
    DRIVE_CHECK(exportDialog->exportNow());
    exportDialog->setFormat(AnalystExportDialog::Format::CaseJson);
    exportDialog->setPath(exports + QStringLiteral("/case.json"));
    DRIVE_CHECK(exportDialog->exportNow());
    exportDialog->close();

    // Lock, unlock through the dialog, then quit.
    // The lock waits for a job still running (a search, the matching index): under the sanitizers one may be, so the
    // driver waits for the lock as the officer would, then checks what it cleared.
    window.lockWorkspace();
    DRIVE_CHECK(waitFor([&] { return window.workspace() != nullptr && window.workspace()->isLocked(); }));
    DRIVE_CHECK(QGuiApplication::clipboard()->text().isEmpty());
    UnlockDialog* unlock = window.unlockDialog();
    DRIVE_CHECK(unlock != nullptr && unlock->mode() == UnlockDialog::Mode::Unlock);
    QTest::keyClicks(named<QLineEdit>(unlock, "passphraseLineEdit"), QString::fromUtf8(Passphrase));
    QTest::mouseClick(named<QPushButton>(unlock, "unlockButton"), Qt::LeftButton);
    DRIVE_CHECK(waitFor([&] { return !window.workspace()->isLocked() && window.caseModel()->rowCount() == 1; }));
    window.close();
    QTest::qWait(50);
    std::cout << "leak-scan driver: scenario complete" << std::endl;
    return 0;
}

// --- the parent: runs the child and scans -------------------------------------------

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// The needle as UTF-8, UTF-16LE and UTF-16BE, all lower-case (markers are ASCII).
std::vector<std::string> encodings(const std::string& marker)
{
    const std::string lower = lowerAscii(marker);
    std::string le;
    std::string be;
    for (char c : lower) {
        le += c;
        le += '\0';
        be += '\0';
        be += c;
    }
    return {lower, le, be};
}

struct Hit {
    fs::path file;
    std::string marker;
};

/// Every file under `roots` but the `deliberate` ones (what the officer chose to export).
std::vector<Hit>
scan(const std::vector<fs::path>& roots, std::size_t& filesScanned, const std::vector<fs::path>& deliberate = {})
{
    std::vector<Hit> hits;
    for (const fs::path& root : roots) {
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec || !it->is_regular_file(ec) ||
                std::find(deliberate.begin(), deliberate.end(), it->path()) != deliberate.end()) {
                continue;
            }
            std::ifstream in(it->path(), std::ios::binary);
            std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            ++filesScanned;
            bytes = lowerAscii(std::move(bytes));
            for (const std::string& marker : markers()) {
                for (const std::string& needle : encodings(marker)) {
                    if (bytes.find(needle) != std::string::npos) {
                        hits.push_back({it->path(), marker});
                        break;
                    }
                }
            }
        }
    }
    return hits;
}

TEST(LeakScan, RealGuiRunLeavesNoPlaintextInAnyFileItWrote)
{
    wb::test::TempDir root;
    const fs::path home = root.path() / "home";
    const std::vector<std::pair<const char*, fs::path>> dirs = {
        {"HOME", home},
        {"TMPDIR", root.path() / "tmp"},
        {"XDG_CONFIG_HOME", root.path() / "config"},
        {"XDG_CACHE_HOME", root.path() / "cache"},
        {"XDG_DATA_HOME", root.path() / "data"},
        {"XDG_STATE_HOME", root.path() / "state"},
        {"XDG_RUNTIME_DIR", root.path() / "runtime"},
    };
    for (const auto& [name, dir] : dirs) {
        fs::create_directories(dir);
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
    }
    fs::create_directories(home / "Documents");
    const fs::path work = root.path() / "cwd"; // the child's working folder: where a core dump would land
    fs::create_directories(work);
    const fs::path log = root.path() / "child-output.log";

    const pid_t pid = fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) {
        for (const auto& [name, dir] : dirs) {
            setenv(name, dir.c_str(), 1);
        }
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        unsetenv("XDG_CONFIG_DIRS");
        rlimit core{RLIM_INFINITY, RLIM_INFINITY};
        setrlimit(RLIMIT_CORE, &core); // let a crash leave a core dump, to be scanned too
        if (chdir(work.c_str()) != 0) {
            _exit(5);
        }
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0) {
            _exit(6);
        }
        char self[] = "/proc/self/exe";
        char flag[] = "--drive";
        char* args[] = {self, flag, nullptr};
        execv(self, args);
        _exit(7);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    std::ifstream logIn(log);
    const std::string output{std::istreambuf_iterator<char>(logIn), std::istreambuf_iterator<char>()};
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << "the GUI run failed (status " << status << "); its output:\n"
        << output;

    // It did what it claims: the workspace exists, encrypted, and so do the settings.
    const fs::path workspace = home / "Documents" / "workspace.rwb";
    ASSERT_TRUE(fs::exists(workspace));
    const fs::path settingsFile = root.path() / "config" / "RassoWorkbench" / "RassoWorkbench.conf";
    ASSERT_TRUE(fs::exists(settingsFile));
    QSettings settings(QString::fromStdString(settingsFile.string()), QSettings::IniFormat);
    for (const QString& key : settings.allKeys()) {
        EXPECT_TRUE(key == QStringLiteral("workspace/lastPath") || key == QStringLiteral("security/autoLockMinutes") ||
                    key == QStringLiteral("display/privacyMode") || key == QStringLiteral("backup/reminderDays") ||
                    key == QStringLiteral("security/lockOnSuspend") ||
                    key == QStringLiteral("security/lockOnScreenLock"))
            << "unexpected setting " << key.toStdString();
    }
    EXPECT_EQ(settings.value(QStringLiteral("workspace/lastPath")).toString().toStdString(), workspace.string());

    // Qt's file dialog keeps no history (recent folders) anywhere.
    for (const auto& entry : fs::recursive_directory_iterator(root.path())) {
        EXPECT_NE(entry.path().filename(), "QtProject.conf") << "Qt's file-dialog history: " << entry.path();
    }

    // The report, the printout and the exports are where they were put, whole, and alone: no temporary or partial
    // copy.
    const fs::path exports = home / "Exports";
    std::vector<std::string> exported;
    for (const auto& entry : fs::directory_iterator(exports)) {
        exported.push_back(entry.path().filename().string());
    }
    std::sort(exported.begin(), exported.end());
    EXPECT_EQ(exported, (std::vector<std::string>{"case.json", "pole-entities.csv", "pole-links.csv", "printed.pdf",
                                                  "report.pdf"}));
    for (const char* name : {"printed.pdf", "report.pdf"}) {
        std::ifstream pdf(exports / name, std::ios::binary);
        std::string head(5, '\0');
        pdf.read(head.data(), 5);
        EXPECT_EQ(head, "%PDF-") << name;
    }

    std::size_t files = 0;
    const auto hits = scan({root.path()}, files,
                           {exports / "report.pdf", exports / "printed.pdf", exports / "pole-entities.csv",
                            exports / "pole-links.csv", exports / "case.json"});
    for (const Hit& hit : hits) {
        ADD_FAILURE() << "marker \"" << hit.marker << "\" found in " << hit.file;
    }
    // Core dumps of this user that a crash could have left elsewhere.
    for (const fs::path& place : {fs::current_path(), fs::path("/var/crash"), fs::path("/var/lib/systemd/coredump")}) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(place, ec)) {
            const std::string name = entry.path().filename().string();
            EXPECT_FALSE(name.rfind("core", 0) == 0 && entry.is_regular_file(ec)) << "core dump: " << entry.path();
        }
    }
    std::cout << "leak scan: " << files << " files scanned under HOME, TMPDIR and the XDG folders, " << hits.size()
              << " hits for " << markers().size() << " markers (UTF-8, UTF-16LE/BE, any case)" << std::endl;
    EXPECT_GE(files, 3U) << "the scan saw too little: settings, workspace and log at least";
    RecordProperty("files_scanned", static_cast<int>(files));
    RecordProperty("hits", static_cast<int>(hits.size()));
}

TEST(LeakScan, TheScanFindsAMarkerInAnyEncodingOrCase)
{
    // The scanner itself must be able to fail: plant markers the way a leak would look.
    wb::test::TempDir root;
    fs::create_directories(root.path() / "cache" / "deep");
    {
        std::ofstream(root.path() / "cache" / "deep" / "plain.txt") << "x=" << lowerAscii(FamilyName) << "\n";
        std::string utf16;
        for (const char c : std::string(Reference)) {
            utf16 += c;
            utf16 += '\0';
        }
        std::ofstream(root.path() / ".hidden-utf16", std::ios::binary) << utf16;
        std::ofstream(root.path() / "clean.txt") << "nothing personal here";
    }
    // Qt's file dialog keeps no history (recent folders) anywhere.
    for (const auto& entry : fs::recursive_directory_iterator(root.path())) {
        EXPECT_NE(entry.path().filename(), "QtProject.conf") << "Qt's file-dialog history: " << entry.path();
    }

    std::size_t files = 0;
    const auto hits = scan({root.path()}, files);
    EXPECT_EQ(files, 3U);
    // A file the officer chose to export is passed over, and only that one.
    std::size_t exportedFiles = 0;
    EXPECT_EQ(scan({root.path()}, exportedFiles, {root.path() / ".hidden-utf16"}).size(), 1U);
    EXPECT_EQ(exportedFiles, 2U);
    // The family name (lower case, UTF-8); the reference and its number part (UTF-16LE).
    ASSERT_EQ(hits.size(), 3U);
    EXPECT_EQ(std::count_if(hits.begin(), hits.end(), [](const Hit& h) { return h.file.filename() == "clean.txt"; }),
              0);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "--drive") == 0) {
        return drive(argc, argv);
    }
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
