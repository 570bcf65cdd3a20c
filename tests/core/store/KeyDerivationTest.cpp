// SPDX-License-Identifier: GPL-3.0-or-later
// The 16-byte workspace header and Argon2id key derivation.
#include <cstring>

#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/store/KeyDerivation.h"

using namespace wb::core;
using store::FileHeader;
using store::KdfParams;

namespace {

ErrorCode parseError(std::array<unsigned char, 16> bytes)
{
    try {
        (void)FileHeader::parse(bytes);
    } catch (const Error& e) {
        return e.code();
    }
    return ErrorCode::Storage; // "no error": never expected by these tests
}

TEST(KeyDerivationTest, headerRoundTrips)
{
    auto header = FileHeader::fresh(KdfParams{4, 3});
    header.keyCheck = {1, 2, 3, 4};
    const auto parsed = FileHeader::parse(header.bytes());
    EXPECT_EQ(parsed.bytes(), header.bytes());
    EXPECT_EQ(parsed.kdf, (KdfParams{4, 3}));
    EXPECT_EQ(parsed.format, FileHeader::CurrentFormat);
}

TEST(KeyDerivationTest, freshHeadersDiffer)
{
    EXPECT_NE(FileHeader::fresh(KdfParams::minimum()).random, FileHeader::fresh(KdfParams::minimum()).random);
}

TEST(KeyDerivationTest, plainSqliteFileIsNotAWorkspace)
{
    std::array<unsigned char, 16> bytes{};
    std::memcpy(bytes.data(), "SQLite format 3", 16);
    EXPECT_EQ(parseError(bytes), ErrorCode::NotAWorkspace);
}

TEST(KeyDerivationTest, foreignBytesAreNotAWorkspace)
{
    EXPECT_EQ(parseError({}), ErrorCode::NotAWorkspace);
    EXPECT_EQ(parseError({'%', 'P', 'D', 'F'}), ErrorCode::NotAWorkspace);
    EXPECT_EQ(parseError({0xA0, 0x10}), ErrorCode::NotAWorkspace); // format 0
    EXPECT_EQ(parseError({0xA1, 0x05}), ErrorCode::NotAWorkspace); // 0 passes
    EXPECT_EQ(parseError({0xA1, 0x1F}), ErrorCode::NotAWorkspace); // 256 GiB of memory
}

TEST(KeyDerivationTest, newerFormatIsRefusedAsNewerVersion)
{
    EXPECT_EQ(parseError({0xA3, 0x10}), ErrorCode::NewerVersion);
}

TEST(KeyDerivationTest, formatTwoHasFourKiBPagesAndTheSameKeyAsFormatOne)
{
    auto header = FileHeader::fresh(KdfParams::minimum());
    EXPECT_EQ(header.format, 2u);
    EXPECT_EQ(header.pageSize(), 4096u);
    EXPECT_EQ(FileHeader::pageSizeOf(1), 1024u);
    const auto two = store::deriveKey("fictional passphrase", header);
    header.format = 1;
    const auto one = store::deriveKey("fictional passphrase", header);
    // The format byte says how pages are laid out, not how the key is made: an upgraded file
    // opens with the same passphrase, and the upgrade needs no second key derivation.
    EXPECT_EQ(one.view(), two.view());
}

TEST(KeyDerivationTest, keyDerivationWorkIsCappedAtOneGiBAndTenPasses)
{
    EXPECT_NO_THROW((KdfParams{10, 7}).validate());
    EXPECT_THROW((KdfParams{3, 8}).validate(), Error) << "2 GiB is above the cap";
    EXPECT_THROW((KdfParams{11, 0}).validate(), Error) << "11 passes are above the cap";
    // The header can still say more (so such a file is recognised and refused by name, not as a stranger).
    EXPECT_NO_THROW(FileHeader::parse(std::array<unsigned char, 16>{0xA1, 0x3A}));
}

TEST(KeyDerivationTest, derivationIsDeterministicAndSaltDependent)
{
    const auto header = FileHeader::fresh(KdfParams::minimum());
    const auto a = store::deriveKey("fictional passphrase", header);
    const auto b = store::deriveKey("fictional passphrase", header);
    const auto c = store::deriveKey("fictional passphrase!", header);
    const auto d = store::deriveKey("fictional passphrase", FileHeader::fresh(KdfParams::minimum()));
    ASSERT_EQ(a.size(), 32u);
    EXPECT_EQ(a.view(), b.view());
    EXPECT_NE(a.view(), c.view());
    EXPECT_NE(a.view(), d.view());
    EXPECT_EQ(store::keyCheckFor(a), store::keyCheckFor(b));
    EXPECT_NE(store::keyCheckFor(a), store::keyCheckFor(c));
}

TEST(KeyDerivationTest, parametersAreValidated)
{
    EXPECT_THROW((KdfParams{0, 0}.validate()), Error);
    EXPECT_THROW((KdfParams{16, 0}.validate()), Error);
    EXPECT_THROW((KdfParams{1, 11}.validate()), Error);
    EXPECT_NO_THROW(KdfParams::defaults().validate());
    EXPECT_EQ(KdfParams::minimum().memLimitBytes(), std::size_t{8} << 20);
}

TEST(KeyDerivationTest, keyLiteralIsSqlCipherRawKeySyntax)
{
    const auto key = store::SecureBuffer::fromBytes(std::string(32, '\x01'));
    const auto plain = store::keyLiteral(key, nullptr);
    std::string expected = "x'";
    for (int i = 0; i < 32; ++i) {
        expected += "01";
    }
    expected += "'";
    EXPECT_EQ(plain.view(), expected);
    EXPECT_EQ(plain.size(), 64u + 3u);
    EXPECT_EQ(plain.view().substr(0, 4), "x'01");
    EXPECT_EQ(plain.view().back(), '\'');
    auto header = FileHeader::fresh(KdfParams::minimum());
    const auto salted = store::keyLiteral(key, &header);
    EXPECT_EQ(salted.size(), 96u + 3u);
}

} // namespace
