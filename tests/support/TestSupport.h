// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the test suites: temporary folders, fast keys, fictional data.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <sodium.h>

#include "core/Workspace.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"

namespace wb::test {

namespace fs = std::filesystem;

/// True in the ASan+UBSan build, where everything runs several times slower: a test that only needs "a lot" of
/// something (thousands of cases to keep a job busy) takes less of it there. What a test checks never changes.
#ifdef WB_SANITIZED
inline constexpr bool Sanitized = true;
#else
inline constexpr bool Sanitized = false;
#endif

/// A fresh folder under the system temp dir, removed with everything in it.
class TempDir
{
public:
    TempDir()
    {
        std::random_device rd;
        m_path = fs::temp_directory_path() / ("wb-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return m_path; }
    fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

inline std::shared_ptr<const core::OffenceCatalogue> offences()
{
    static const auto catalogue = std::make_shared<const core::OffenceCatalogue>(
        core::OffenceCatalogue::fromFile(fs::path(WB_RESOURCES_DIR) / "reference" / "offences.json"));
    return catalogue;
}

inline std::shared_ptr<const core::ReferenceData> lists()
{
    static const auto data = std::make_shared<const core::ReferenceData>(
        core::ReferenceData::load(fs::path(WB_RESOURCES_DIR) / "reference"));
    return data;
}

/// The shipped guided-form questions (resources/nom/context-questions.json).
inline std::shared_ptr<const core::nom::QuestionCatalogue> questions()
{
    static const auto catalogue = std::make_shared<const core::nom::QuestionCatalogue>(
        core::nom::QuestionCatalogue::fromFile(fs::path(WB_RESOURCES_DIR) / "nom" / "context-questions.json"));
    return catalogue;
}

/// The shipped catalogue of lines of enquiry (resources/nom/enquiries.json).
inline std::shared_ptr<const core::nom::EnquiryCatalogue> enquiries()
{
    static const auto catalogue =
        std::make_shared<const core::nom::EnquiryCatalogue>(core::nom::EnquiryCatalogue::fromFile(
            fs::path(WB_RESOURCES_DIR) / "nom" / "enquiries.json", *questions(), lists()->list("journey-stages")));
    return catalogue;
}

/// The shipped checklists of the investigator's journey (resources/nom/journey-checklists.json).
inline std::shared_ptr<const core::nom::JourneyChecklists> journeyChecklists()
{
    static const auto checklists =
        std::make_shared<const core::nom::JourneyChecklists>(core::nom::JourneyChecklists::fromFile(
            fs::path(WB_RESOURCES_DIR) / "nom" / "journey-checklists.json", *lists(), *questions()));
    return checklists;
}

/// An integer from the environment (test sizes for soak runs), or `fallback`.
inline int envInt(const char* name, int fallback)
{
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
}

/// A fictional passphrase used throughout the tests.
inline constexpr const char* Passphrase = "fictional test passphrase 7 lanterns";

inline core::CreateOptions fastOptions()
{
    core::CreateOptions options;
    options.owner = {"DC Fictional Tester", "T0001"};
    options.kdf = core::store::KdfParams::minimum();
    return options;
}

inline std::unique_ptr<core::Workspace> createWorkspace(const fs::path& path,
                                                        const std::string& passphrase = Passphrase)
{
    const auto options = fastOptions();
    return core::Workspace::create(path, core::Workspace::deriveForCreate(passphrase, options.kdf), options, offences(),
                                   lists());
}

inline std::unique_ptr<core::Workspace> openWorkspace(const fs::path& path, const std::string& passphrase = Passphrase)
{
    return core::Workspace::open(path, core::Workspace::deriveForOpen(path, passphrase), offences(), lists());
}

inline std::vector<unsigned char> readBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const fs::path& path, const std::vector<unsigned char>& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

/// BLAKE2b-256 of a file's bytes, hex: to show a file is byte-for-byte unchanged.
inline std::string fileHash(const fs::path& path)
{
    const auto bytes = readBytes(path);
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, bytes.data(), bytes.size(), nullptr, 0);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

inline bool contains(const std::vector<unsigned char>& haystack, const std::string& needle)
{
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

inline core::CaseDraft caseDraft(const std::string& reference, const std::string& offence = "SOA2003-s1")
{
    core::CaseDraft draft;
    draft.reference = reference;
    draft.operationName = "Operation Testbed";
    draft.primaryOffence = offence;
    draft.reportedAt = core::nowUtc() - std::chrono::hours(30);
    return draft;
}

} // namespace wb::test
