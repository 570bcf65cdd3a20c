// SPDX-License-Identifier: GPL-3.0-or-later
// A generated corpus of damaged workspace files: bit flips, truncations, zeroed
// pages, swapped pages, appended junk. Every variant must be refused at open or
// found by the integrity and audit checks; none may crash or hang. (Run under the
// asan preset, the same corpus also proves no memory error on any path.) It runs on a
// workspace of each page size: format 2 (4 KiB pages, new files) with N variants and format 1
// (1 KiB pages, files from older versions, upgraded on open) with N/10.
//   WB_CORRUPTION_VARIANTS=N (default 10000), WB_CORRUPTION_SEED=S
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <random>

#include "core/Error.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

std::vector<unsigned char>
damage(std::vector<unsigned char> bytes, std::mt19937& rng, std::string& kind, std::size_t Page)
{
    const std::size_t pages = bytes.size() / Page;
    switch (rng() % 6) {
    case 0: { // one bit
        bytes[rng() % bytes.size()] ^= static_cast<unsigned char>(1u << (rng() % 8));
        kind = "bit flip";
        break;
    }
    case 1: { // a burst of random bytes
        const std::size_t at = rng() % bytes.size();
        for (std::size_t i = at; i < std::min(bytes.size(), at + 1 + rng() % 64); ++i) {
            bytes[i] = static_cast<unsigned char>(rng());
        }
        kind = "burst";
        break;
    }
    case 2: { // truncation anywhere
        bytes.resize(rng() % bytes.size());
        kind = "truncation";
        break;
    }
    case 3: { // a zeroed page
        const std::size_t p = rng() % pages;
        std::fill(bytes.begin() + static_cast<long>(p * Page), bytes.begin() + static_cast<long>((p + 1) * Page), 0);
        kind = "zeroed page";
        break;
    }
    case 4: { // two pages swapped
        const std::size_t a = rng() % pages;
        std::size_t b = rng() % pages;
        if (a == b) {
            b = (a + 1) % pages;
        }
        std::swap_ranges(bytes.begin() + static_cast<long>(a * Page), bytes.begin() + static_cast<long>((a + 1) * Page),
                         bytes.begin() + static_cast<long>(b * Page));
        kind = "swapped pages";
        break;
    }
    default: { // a page of junk appended, or a page duplicated over another
        const std::size_t p = rng() % pages;
        const std::size_t q = rng() % pages;
        if (p != q) {
            std::copy(bytes.begin() + static_cast<long>(p * Page), bytes.begin() + static_cast<long>((p + 1) * Page),
                      bytes.begin() + static_cast<long>(q * Page));
            kind = "duplicated page";
        } else {
            for (std::size_t i = 0; i < Page; ++i) {
                bytes.push_back(static_cast<unsigned char>(rng()));
            }
            kind = "appended page";
        }
        break;
    }
    }
    return bytes;
}

/// True when every changed byte lies in the unauthenticated padding at the end of a page.
bool onlyPadding(const std::vector<unsigned char>& clean, const std::vector<unsigned char>& damaged, std::size_t Page)
{
    if (clean.size() != damaged.size()) {
        return false;
    }
    for (std::size_t i = 0; i < clean.size(); ++i) {
        if (clean[i] != damaged[i] && i % Page < Page - 12) {
            return false;
        }
    }
    return true;
}

class CorruptionCorpus : public ::testing::TestWithParam<unsigned>
{
};

INSTANTIATE_TEST_SUITE_P(PageSizes,
                         CorruptionCorpus,
                         ::testing::Values(2u, 1u),
                         [](const ::testing::TestParamInfo<unsigned>& param) {
                             return "format" + std::to_string(param.param);
                         });

TEST_P(CorruptionCorpus, everyDamagedVariantIsRefusedOrFoundNeverCrashes)
{
    const unsigned format = GetParam();
    const std::size_t Page = core::store::FileHeader::pageSizeOf(format);
    const int variants = test::envInt("WB_CORRUPTION_VARIANTS", 10000) / (format == 1 ? 10 : 1);
    std::mt19937 rng(static_cast<unsigned>(test::envInt("WB_CORRUPTION_SEED", 7)));
    test::TempDir dir;
    const fs::path original = dir / "original.rwb";
    {
        auto km = core::Workspace::deriveForCreate(test::Passphrase, test::fastOptions().kdf);
        km.header.format = format;
        auto ws =
            core::Workspace::create(original, std::move(km), test::fastOptions(), test::offences(), test::lists());
        for (int i = 0; i < 25; ++i) {
            const auto c = ws->cases().add(test::caseDraft("DMG/" + std::to_string(i) + "/26"));
            core::PersonDraft p;
            p.caseId = c.id;
            p.givenName = "Damage";
            p.familyName = "Fixture" + std::to_string(i);
            ws->people().add(p);
            ws->records().add(core::recordSpec("timeline_event"), c.id,
                              {{"occurred", "year|2019-01-01|2019-12-31"}, {"title", "Fictional event"}});
        }
    }
    const auto clean = test::readBytes(original);
    ASSERT_EQ(clean.size() % Page, 0u);
    const auto key = core::Workspace::deriveForOpen(original, test::Passphrase);

    std::map<std::string, int> outcomes;
    const fs::path file = dir / "damaged.rwb";
    for (int v = 0; v < variants; ++v) {
        std::string kind;
        const auto bytes = damage(clean, rng, kind, Page);
        if (bytes == clean) {
            continue;
        }
        test::writeBytes(file, bytes);
        std::string outcome;
        try {
            // Undamaged header: reuse the derived key (the slow step) to keep the corpus fast.
            core::store::KeyMaterial km{key.header, core::store::SecureBuffer::fromBytes(key.key.view())};
            const bool sameHeader = bytes.size() >= 16 && std::equal(bytes.begin(), bytes.begin() + 16, clean.begin());
            auto ws = sameHeader ? core::Workspace::open(file, std::move(km), test::offences(), test::lists())
                                 : test::openWorkspace(file);
            const std::string integrity = ws->integrityCheck();
            if (integrity != "ok") {
                outcome = "found by integrity check";
            } else {
                const auto audit = ws->verifyAudit();
                ws->cases().list();
                if (!audit.ok()) {
                    outcome = "found by audit check";
                } else if (onlyPadding(clean, bytes, Page)) {
                    // SQLCipher 3 pages end with 12 bytes of padding after the IV and the
                    // HMAC, which the HMAC does not cover. Changing them changes no data:
                    // the integrity check and the audit chain (which hashes every record)
                    // both confirm the content is exactly as written.
                    outcome = "no effect (page padding outside the HMAC)";
                } else {
                    outcome = "UNDETECTED";
                }
            }
        } catch (const core::Error& e) {
            outcome = std::string("refused: ") + core::toString(e.code());
        }
        ++outcomes[outcome];
        if (outcome == "UNDETECTED") {
            std::size_t at = 0;
            while (at < bytes.size() && at < clean.size() && bytes[at] == clean[at]) {
                ++at;
            }
            ADD_FAILURE() << "variant " << v << " (" << kind << ") was not detected; first changed byte " << at
                          << " (offset in page " << at % Page << ")";
            return;
        }
        std::error_code ec;
        fs::remove(file, ec);
        fs::remove(file.string() + "-wal", ec);
        fs::remove_all(file.string() + ".upgrade", ec);
    }
    std::cout << "[ corpus   ] format " << format << ", " << Page << "-byte pages, " << variants
              << " damaged variants:";
    for (const auto& [outcome, count] : outcomes) {
        std::cout << " " << outcome << " " << count << ";";
    }
    std::cout << "\n";
}

} // namespace
