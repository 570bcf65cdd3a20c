// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end memory scan (issue 12, finding 3). The parent test creates a workspace
// holding a fictional victim (marker name and phone number) and notes its raw key.
// It then starts this same executable again as a child, which does what the GUI's
// main() does first (wb::core::security::hardenProcess), drives the real MainWindow
// offscreen — unlock through the dialog, open the case with the victim shown in the
// person editor and her phone number in the identifiers list, search for her name —
// then locks (Ctrl+L's path) and reads its OWN memory (/proc/self/maps and
// /proc/self/mem work even when the process is not dumpable). It reports how many
// copies it found of the raw key, the key's hex text, and the markers as UTF-8 and
// UTF-16 (Qt keeps QString in UTF-16). The parent asserts no key copy and at most
// MarkerCeiling copies of each marker.
//
// The child must not hold the needles itself: they are kept XOR-masked (the markers
// already at compile time) and compared byte by byte with the mask applied, and the
// scan buffer is an mmap region left out of the scan.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/security/ProcessHardening.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/SearchDialog.h"
#include "ui/people/PeopleTab.h"
#include "ui/session/UnlockDialog.h"

namespace fs = std::filesystem;

// AddressSanitizer replaces malloc: freed memory sits in its quarantine, M_PERTURB does
// nothing, and its shadow mappings are terabytes. The scan is meaningful without it only.
#if defined(__SANITIZE_ADDRESS__)
#define WB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WB_ASAN 1
#endif
#endif
#ifndef WB_ASAN
#define WB_ASAN 0
#endif

namespace {

constexpr unsigned char Mask = 0x5A;

template <std::size_t N> struct Masked {
    std::array<unsigned char, N - 1> bytes{};
};

/// The literal is only read at compile time: the binary holds the masked bytes alone.
template <std::size_t N> consteval Masked<N> mask(const char (&text)[N])
{
    Masked<N> out;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        out.bytes[i] = static_cast<unsigned char>(static_cast<unsigned char>(text[i]) ^ Mask);
    }
    return out;
}

// Fictional: an invented family name and a number from Ofcom's drama range.
constexpr auto MaskedGiven = mask("Ottoline");
constexpr auto MaskedFamily = mask("Quarrendowsky");
constexpr auto MaskedPhone = mask("07700 900417");
constexpr const char* Passphrase = "memory scan fictional passphrase 4 otters";

/// Copies of each marker allowed after lock; see README, Security ("Memory").
constexpr int MarkerCeiling = 4;

template <std::size_t N> std::string unmask(const Masked<N>& masked)
{
    std::string out(masked.bytes.size(), '\0');
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = static_cast<char>(masked.bytes[i] ^ Mask);
    }
    return out;
}

// --- the scanner (child side) ---------------------------------------------------------

/// A needle kept masked: bytes[i] ^ Mask is the byte looked for.
struct Needle {
    std::string name;
    std::vector<unsigned char> masked;
};

template <std::size_t N> std::vector<Needle> markerNeedles(const std::string& name, const Masked<N>& masked)
{
    Needle utf8{name + "8", {masked.bytes.begin(), masked.bytes.end()}};
    Needle utf16{name + "16", {}};
    for (const unsigned char b : masked.bytes) {
        utf16.masked.push_back(b);    // the ASCII byte…
        utf16.masked.push_back(Mask); // …then 0x00 (masked), UTF-16LE
    }
    return {utf8, utf16};
}

std::size_t countIn(const unsigned char* data, std::size_t size, std::size_t limit, const Needle& needle)
{
    const std::size_t n = needle.masked.size();
    std::size_t hits = 0;
    if (n == 0 || size < n) {
        return 0;
    }
    const unsigned char first = needle.masked[0] ^ Mask;
    for (std::size_t i = 0; i < limit && i + n <= size; ++i) {
        if (data[i] != first) {
            continue;
        }
        std::size_t j = 1;
        while (j < n && data[i + j] == (needle.masked[j] ^ Mask)) {
            ++j;
        }
        hits += j == n ? 1 : 0;
    }
    return hits;
}

/// Counts every needle in every readable mapping of this process.
std::map<std::string, std::size_t> scanSelf(const std::vector<Needle>& needles)
{
    constexpr std::size_t Chunk = std::size_t{1} << 20;
    constexpr std::size_t Overlap = 256;
    void* mapped = mmap(nullptr, Chunk + Overlap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) {
        return {};
    }
    auto* buffer = static_cast<unsigned char*>(mapped);
    const auto bufferStart = reinterpret_cast<std::uintptr_t>(buffer);
    const auto bufferEnd = bufferStart + Chunk + Overlap;

    std::map<std::string, std::size_t> counts;
    for (const Needle& needle : needles) {
        counts[needle.name] = 0;
    }
    std::ifstream maps("/proc/self/maps");
    struct Region {
        std::uintptr_t start;
        std::uintptr_t end;
        std::string name;
    };
    std::vector<Region> regions;
    const bool where = std::getenv("WB_SCAN_WHERE") != nullptr; // for finding what holds a copy
    std::string line;
    while (std::getline(maps, line)) {
        std::istringstream in(line);
        std::string range;
        std::string perms;
        in >> range >> perms;
        std::string rest;
        std::getline(in, rest);
        if (perms.empty() || perms[0] != 'r' || rest.find("[vvar]") != std::string::npos ||
            rest.find("[vsyscall]") != std::string::npos) {
            continue;
        }
        const auto dash = range.find('-');
        regions.push_back(
            {std::stoull(range.substr(0, dash), nullptr, 16), std::stoull(range.substr(dash + 1), nullptr, 16), rest});
    }
    const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    if (mem < 0) {
        munmap(mapped, Chunk + Overlap);
        return {};
    }
    for (const auto& [start, end, regionName] : regions) {
        if (start < bufferEnd && bufferStart < end) {
            continue; // the scan buffer itself
        }
        for (std::uintptr_t at = start; at < end; at += Chunk) {
            const std::size_t want = std::min<std::uintptr_t>(Chunk + Overlap, end - at);
            const ssize_t got = ::pread(mem, buffer, want, static_cast<off_t>(at));
            if (got <= 0) {
                continue;
            }
            const auto size = static_cast<std::size_t>(got);
            const std::size_t limit = std::min(size, Chunk); // matches starting in the overlap count next time
            for (const Needle& needle : needles) {
                const std::size_t found = countIn(buffer, size, limit, needle);
                counts[needle.name] += found;
                if (where && found > 0) {
                    std::cout << "memory-scan where: " << needle.name << " x" << found << " in " << std::hex << at
                              << std::dec << " " << regionName << std::endl;
                }
            }
        }
    }
    ::close(mem);
    std::memset(buffer, 0, Chunk + Overlap);
    munmap(mapped, Chunk + Overlap);
    return counts;
}

std::string report(const std::map<std::string, std::size_t>& counts)
{
    std::string out;
    for (const auto& [name, count] : counts) {
        out += " " + name + "=" + std::to_string(count);
    }
    return out;
}

std::vector<unsigned char> fromHex(const std::string& hex)
{
    std::vector<unsigned char> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        out.push_back(static_cast<unsigned char>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

// --- the child: the real GUI, then the scan ---------------------------------------------

#define DRIVE_CHECK(cond)                                                                                              \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            std::cerr << "memory-scan driver: step failed at line " << __LINE__ << ": " #cond << std::endl;            \
            return 3;                                                                                                  \
        }                                                                                                              \
    } while (false)

int drive(int argc, char** argv)
{
    // What app/gui/main.cpp does before anything else.
    wb::core::security::hardenProcess();

    using namespace wb::ui;
    using wb::ui::test::waitFor;
    const char* maskedKeyHex = std::getenv("WB_SCAN_MASKED_KEY");
    const char* workspacePath = std::getenv("WB_SCAN_WORKSPACE");
    DRIVE_CHECK(maskedKeyHex != nullptr && workspacePath != nullptr);

    std::vector<Needle> needles;
    needles.push_back({"key", fromHex(maskedKeyHex)}); // already masked by the parent
    DRIVE_CHECK(needles[0].masked.size() == 32);
    {
        // The key as SQLCipher's hex literal text (lower-case, as keyLiteral writes it).
        Needle hex{"keyhex", {}};
        static constexpr char Digits[] = "0123456789abcdef";
        for (const unsigned char m : needles[0].masked) {
            const unsigned char b = m ^ Mask;
            hex.masked.push_back(static_cast<unsigned char>(Digits[b >> 4] ^ Mask));
            hex.masked.push_back(static_cast<unsigned char>(Digits[b & 0x0F] ^ Mask));
        }
        needles.push_back(std::move(hex));
    }
    for (auto& needle : markerNeedles("family", MaskedFamily)) {
        needles.push_back(std::move(needle));
    }
    for (auto& needle : markerNeedles("phone", MaskedPhone)) {
        needles.push_back(std::move(needle));
    }

    // The scanner must see a planted copy (so that it can fail), and nothing before the GUI ran.
    {
        const auto baseline = scanSelf(needles);
        std::cout << "memory-scan baseline:" << report(baseline) << std::endl;
        auto* planted = static_cast<unsigned char*>(std::malloc(64));
        for (std::size_t i = 0; i < MaskedFamily.bytes.size(); ++i) { // no copy on the stack
            planted[i] = MaskedFamily.bytes[i] ^ Mask;
        }
        const auto withPlant = scanSelf(needles);
        std::cout << "memory-scan planted:" << report(withPlant) << std::endl;
        DRIVE_CHECK(withPlant.at("family8") > baseline.at("family8"));
        std::memset(planted, 0, 64);
        std::free(planted);
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RassoWorkbench"));
    QApplication::setApplicationName(QStringLiteral("RassoWorkbench"));
    AppSettings settings;
    MainWindow window(wb::ui::test::catalogues(), settings);
    window.show();
    window.start(QString::fromUtf8(workspacePath));

    UnlockDialog* unlock = window.unlockDialog();
    DRIVE_CHECK(unlock != nullptr && unlock->mode() == UnlockDialog::Mode::Unlock);
    QTest::keyClicks(unlock->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit")),
                     QString::fromUtf8(Passphrase));
    QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    DRIVE_CHECK(waitFor([&] {
        return window.workspace() != nullptr && !window.workspace()->isLocked() && window.caseModel()->rowCount() == 1;
    }));

    // The victim on screen: the person editor with her name, her phone number in the list.
    const auto caseId = window.workspace()->cases().list().front().id;
    // Only the id: a Person held here would keep the (short, inline) name in this frame.
    const std::int64_t victimId = window.workspace()->people().listForCase(caseId).front().id;
    CaseWorkspace* caseView = window.openCaseWorkspace(caseId, QStringLiteral("person"));
    DRIVE_CHECK(caseView != nullptr);
    caseView->peopleTab()->selectPerson(victimId);
    QTest::qWait(200);
    auto* familyEdit = caseView->peopleTab()->findChild<QLineEdit*>(QStringLiteral("familyNameLineEdit"));
    DRIVE_CHECK(familyEdit != nullptr && !familyEdit->text().isEmpty());

    // Search for her by name, typed as an officer would.
    SearchDialog* search = window.showSearch();
    DRIVE_CHECK(search != nullptr);
    {
        QString typed; // built on the heap, never as a std::string on this stack
        for (const unsigned char b : MaskedFamily.bytes) {
            typed.append(QChar(static_cast<char16_t>(b ^ Mask)));
        }
        QTest::keyClicks(search->searchEdit(), typed);
        typed.fill(QLatin1Char(' '));
    }
    QTest::qWait(400);

    window.lockWorkspace();
    DRIVE_CHECK(window.workspace()->isLocked());
    // Let closed windows be deleted and the event loop settle, as a locked session would.
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTest::qWait(50);
    }
    const auto locked = scanSelf(needles);
    std::cout << "memory-scan locked:" << report(locked) << std::endl;
    return 0;
}

// --- the parent --------------------------------------------------------------------------

std::map<std::string, std::size_t> parseCounts(const std::string& output, const std::string& label)
{
    std::map<std::string, std::size_t> counts;
    const std::string tag = "memory-scan " + label + ":";
    const auto at = output.find(tag);
    if (at == std::string::npos) {
        return counts;
    }
    std::istringstream in(output.substr(at + tag.size(), output.find('\n', at) - at - tag.size()));
    std::string pair;
    while (in >> pair) {
        const auto eq = pair.find('=');
        counts[pair.substr(0, eq)] = std::stoul(pair.substr(eq + 1));
    }
    return counts;
}

TEST(MemoryScan, LockedGuiHoldsNoKeyAndFewCopiesOfAVictimsDetails)
{
    if (WB_ASAN) {
        GTEST_SKIP() << "not under AddressSanitizer (its allocator keeps freed memory and ignores M_PERTURB)";
    }
    wb::test::TempDir root;
    const fs::path path = root.path() / "scan.rwb";
    std::string maskedKeyHex;
    {
        auto options = wb::test::fastOptions();
        auto key = wb::core::Workspace::deriveForCreate(Passphrase, options.kdf);
        for (const unsigned char b : key.key.view()) {
            char two[3];
            std::snprintf(two, sizeof two, "%02x", static_cast<unsigned>(static_cast<unsigned char>(b) ^ Mask));
            maskedKeyHex += two;
        }
        auto ws = wb::core::Workspace::create(path, std::move(key), options, wb::test::offences(), wb::test::lists());
        const auto c = ws->cases().add(wb::test::caseDraft("MSCN/1/26"));
        wb::core::PersonDraft victim;
        victim.caseId = c.id;
        victim.role = wb::core::PersonRole::Victim;
        victim.givenName = unmask(MaskedGiven);
        victim.familyName = unmask(MaskedFamily);
        const auto person = ws->people().add(victim);
        ws->records().add(wb::core::recordSpec("identifier"), person.id,
                          {{"kind", "phone"}, {"value", unmask(MaskedPhone)}});
    }
    const fs::path log = root.path() / "child-output.log";
    const pid_t pid = fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        setenv("HOME", root.path().c_str(), 1);
        setenv("XDG_CONFIG_HOME", (root.path() / "config").c_str(), 1);
        setenv("WB_SCAN_MASKED_KEY", maskedKeyHex.c_str(), 1);
        setenv("WB_SCAN_WORKSPACE", path.c_str(), 1);
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
    std::cout << output;

    const auto baseline = parseCounts(output, "baseline");
    const auto locked = parseCounts(output, "locked");
    ASSERT_EQ(locked.size(), 6U) << output;
    for (const auto& [name, count] : baseline) {
        EXPECT_EQ(count, 0U) << name << " is in memory before the GUI ran: the scan would count the test itself";
    }
    EXPECT_EQ(locked.at("key"), 0U) << "raw workspace key left in memory after lock";
    EXPECT_EQ(locked.at("keyhex"), 0U) << "the key's hex text left in memory after lock";
    for (const char* name : {"family8", "family16", "phone8", "phone16"}) {
        EXPECT_LE(locked.at(name), static_cast<std::size_t>(MarkerCeiling)) << name;
        RecordProperty(name, static_cast<int>(locked.at(name)));
    }
}

TEST(MemoryScan, TheGuiRunsWithoutCoreDumpsAndNotDumpable)
{
    // The real program's main() (app/gui/main.cpp), asked to report from inside itself.
    FILE* pipe = ::popen((std::string("'") + WB_GUI_PATH + "' --self-check 2>&1").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[1024];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        output.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
    EXPECT_NE(output.find("dumpable: no"), std::string::npos) << output;
    EXPECT_NE(output.find("core dump size limit: 0"), std::string::npos) << output;
    if (!WB_ASAN) {
        EXPECT_NE(output.find("freed heap overwritten: yes"), std::string::npos) << output;
    }
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
