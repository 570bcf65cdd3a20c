// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/io/CaseBundle.h"
#include "core/security/PassphrasePolicy.h"
#include "support/TestSupport.h"

namespace {

using wb::core::security::PassphrasePolicy;
using wb::core::security::PassphraseStrength;
using wb::core::security::PassphraseUse;

TEST(PassphrasePolicy, RefusesWeakPassphrasesForLiveWorkspacesAndBundles)
{
    for (const std::string weak : {"a", " ", "password", "12345678", "Passw0rd!"}) {
        for (const auto use : {PassphraseUse::LiveWorkspace, PassphraseUse::Bundle}) {
            const auto why = PassphrasePolicy::problem(weak, use);
            ASSERT_TRUE(why.has_value()) << "'" << weak << "'";
            EXPECT_NE(why->find("too easy to guess"), std::string::npos) << *why;
            EXPECT_NE(why->find("four or more unrelated words"), std::string::npos) << *why;
            EXPECT_EQ(why->find(weak.size() > 2 ? weak : std::string("\x01")), std::string::npos)
                << "the message must not repeat the passphrase";
        }
    }
}

TEST(PassphrasePolicy, AcceptsFourUnrelatedWords)
{
    EXPECT_EQ(PassphrasePolicy::problem("umbrella kestrel velvet quarry", PassphraseUse::LiveWorkspace), std::nullopt);
    EXPECT_EQ(PassphrasePolicy::problem("harbour lantern quietly 47 marmalade", PassphraseUse::Bundle), std::nullopt);
    EXPECT_GE(PassphrasePolicy::rate("umbrella kestrel velvet quarry").entropyBits, PassphrasePolicy::MinimumBits);
}

TEST(PassphrasePolicy, TrainingWorkspacesAreLenientButNotEmpty)
{
    EXPECT_EQ(PassphrasePolicy::problem("a", PassphraseUse::TrainingWorkspace), std::nullopt);
    EXPECT_TRUE(PassphrasePolicy::problem("", PassphraseUse::TrainingWorkspace).has_value());
}

TEST(PassphrasePolicy, TheOwnersNameCountsAsGuessable)
{
    const std::string phrase = "Xanthippe Vorlaufmarker QZ90817";
    EXPECT_GT(PassphrasePolicy::rate(phrase).entropyBits,
              PassphrasePolicy::rate(phrase, {"Xanthippe", "Vorlaufmarker", "QZ90817"}).entropyBits);
}

TEST(PassphrasePolicy, RefusesOverLongInputForEveryUse)
{
    const std::string longest(PassphrasePolicy::MaxBytes, 'q');
    EXPECT_EQ(PassphrasePolicy::problem(longest, PassphraseUse::TrainingWorkspace), std::nullopt);
    for (const auto use : {PassphraseUse::LiveWorkspace, PassphraseUse::TrainingWorkspace, PassphraseUse::Bundle}) {
        const auto why = PassphrasePolicy::problem(longest + "q", use);
        ASSERT_TRUE(why.has_value());
        EXPECT_NE(why->find("longer than 1024 bytes"), std::string::npos) << *why;
    }
}

TEST(PassphrasePolicy, CheckThrowsAValidationErrorOnThePassphraseField)
{
    try {
        PassphrasePolicy::check("a", PassphraseUse::LiveWorkspace);
        FAIL() << "no error";
    } catch (const wb::core::Error& e) {
        EXPECT_EQ(e.code(), wb::core::ErrorCode::Validation);
        EXPECT_EQ(e.field(), "passphrase");
    }
    EXPECT_NO_THROW(PassphrasePolicy::check("a", PassphraseUse::TrainingWorkspace));
}

TEST(PassphrasePolicy, LevelsFollowTheEstimate)
{
    EXPECT_EQ(PassphrasePolicy::rate("").level, PassphraseStrength::Empty);
    EXPECT_EQ(PassphrasePolicy::rate("a").level, PassphraseStrength::Weak);
    EXPECT_GE(PassphrasePolicy::rate("umbrella kestrel velvet quarry marmalade 47").level, PassphraseStrength::Good);
}

TEST(PassphrasePolicy, CoreRefusesAWeakNewPassphraseForALiveWorkspaceAndAWeakBundle)
{
    wb::test::TempDir dir;
    auto ws = wb::test::createWorkspace(dir / "live.rwb");
    const auto c = ws->cases().add(wb::test::caseDraft("FICT/PP/26"));
    try {
        ws->changePassphrase(wb::test::Passphrase, "a");
        FAIL() << "a weak new passphrase was accepted";
    } catch (const wb::core::Error& e) {
        EXPECT_EQ(e.code(), wb::core::ErrorCode::Validation);
        EXPECT_EQ(e.field(), "passphrase");
    }
    ws.reset();
    EXPECT_NO_THROW(wb::test::openWorkspace(dir / "live.rwb")) << "the old passphrase still opens it";

    auto again = wb::test::openWorkspace(dir / "live.rwb");
    for (const char* weak : {"a", " "}) {
        try {
            wb::core::bundle::exportCases(*again, {c.id}, dir / "weak.bundle", weak,
                                          wb::core::store::KdfParams::minimum());
            FAIL() << "a weak bundle passphrase was accepted";
        } catch (const wb::core::Error& e) {
            EXPECT_EQ(e.code(), wb::core::ErrorCode::Validation);
        }
        EXPECT_FALSE(std::filesystem::exists(dir / "weak.bundle"));
    }
}

} // namespace
