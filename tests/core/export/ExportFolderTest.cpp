// SPDX-License-Identifier: GPL-3.0-or-later
// Where a plain export may go (core/export/ExportFolder): a folder a sync client copies to the cloud is named as
// such, whatever its case and however deep the export goes below it; look-alike names are not.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/export/ExportFolder.h"
#include "support/TestSupport.h"

namespace wb::test {
namespace {

namespace fs = std::filesystem;
using core::exports::checkFolder;
using core::exports::FolderRisk;

TEST(ExportFolder, AFolderInsideASyncClientsFolderIsSynced)
{
    const TempDir dir;
    for (const std::string name :
         {"OneDrive", "onedrive", "OneDrive - Fictional Constabulary", "Dropbox", "Dropbox (Personal)", "Google Drive",
          "Nextcloud", "ownCloud", "iCloud Drive", "Box Sync", "MEGA"}) {
        const fs::path folder = dir.path() / name / "Reports" / "FICT-REP-26";
        fs::create_directories(folder);
        const auto check = checkFolder(folder);
        EXPECT_EQ(check.risk, FolderRisk::Synced) << name;
        EXPECT_EQ(check.seen, name);
        // Not yet made: the name alone says it.
        EXPECT_EQ(checkFolder(dir.path() / name / "not made yet").risk, FolderRisk::Synced) << name;
    }
}

TEST(ExportFolder, LookAlikeNamesAndAPlainFolderAreNot)
{
    const TempDir dir;
    for (const std::string name : {"Reports", "OneDriveNotes", "Megan", "Dropboxes", "Box", "Documents"}) {
        const fs::path folder = dir.path() / name;
        fs::create_directories(folder);
        EXPECT_EQ(checkFolder(folder).risk, FolderRisk::None) << name;
    }
    EXPECT_EQ(checkFolder(dir.path() / "missing" / "deeper").risk, FolderRisk::None);
    EXPECT_EQ(core::exports::toString(FolderRisk::Synced), "synced");
    EXPECT_EQ(core::exports::toString(FolderRisk::None), "");
}

TEST(ExportFolder, ALinkIntoASyncedFolderIsFollowed)
{
    const TempDir dir;
    const fs::path synced = dir.path() / "Dropbox" / "Cases";
    fs::create_directories(synced);
    const fs::path link = dir.path() / "shortcut";
    fs::create_directory_symlink(synced, link);
    const auto check = checkFolder(link);
    EXPECT_EQ(check.risk, FolderRisk::Synced);
    EXPECT_EQ(check.seen, "Dropbox");
}

} // namespace
} // namespace wb::test
