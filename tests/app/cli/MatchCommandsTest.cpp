// SPDX-License-Identifier: GPL-3.0-or-later
// match-eval and match-estimate as a person runs them (issue 16): the counts on a small fictional FEBRL file whose
// pairs were designed by hand (tests/data/febrl/README.md), a bad file refused, the temporary workspace removed, and
// an estimated model that the workbench loads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/matching/MatchModel.h"
#include "support/CliRunner.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

const fs::path SmallFile = fs::path(WB_TEST_DATA_DIR) / "febrl" / "fictional-small.csv";

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/// Runs match-eval with TMPDIR pointing at `tmp`, so that what it leaves there can be seen.
test::CliResult matchEval(const fs::path& tmp, const std::string& arguments)
{
    return test::runShell("TMPDIR=" + test::quoted(tmp) + " '" + WB_CLI_PATH + "' match-eval " + arguments + " 2>&1");
}

std::size_t entriesIn(const fs::path& folder)
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) {
        ++n;
    }
    return n;
}

TEST(MatchEval, countsThePairsOfASmallFileDesignedByHand)
{
    test::TempDir tmp;
    const auto r = matchEval(tmp.path(), test::quoted(SmallFile));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    // 20 records: 5 duplicates any officer would link, 1 too corrupted to find (rec-5), and two different people
    // (rec-12, rec-13: the same family at the same address, birth dates with day and month swapped) taken for one.
    EXPECT_TRUE(contains(r.output, "records: 20 (dates of birth left out, not real or after today: 1)")) << r.output;
    EXPECT_TRUE(contains(r.output, "pairs found: 6\n")) << r.output;
    EXPECT_TRUE(contains(r.output, "true pairs: 6\n")) << r.output;
    EXPECT_TRUE(contains(r.output, "pairs found that are true: 5\n")) << r.output;
    EXPECT_TRUE(contains(r.output, "precision: 0.8333\nrecall: 0.8333\nF1: 0.8333\n")) << r.output;
    EXPECT_TRUE(contains(r.output, "time, blocking and scoring: ")) << r.output;
    EXPECT_TRUE(contains(r.output, "time, total: ")) << r.output;
    EXPECT_FALSE(contains(r.output, "rec-0-org")) << "pairs are listed only when asked";
    EXPECT_FALSE(contains(r.output, "brackenfold")) << "no name is printed";
    EXPECT_EQ(entriesIn(tmp.path()), 0U) << "the temporary workspace and its folder are removed";
}

TEST(MatchEval, listPrintsEveryPairFoundAndEveryTruePairMissed)
{
    test::TempDir tmp;
    const auto r = matchEval(tmp.path(), test::quoted(SmallFile) + " --list");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (int n = 0; n <= 4; ++n) {
        const std::string line = "found  rec-" + std::to_string(n) + "-org  rec-" + std::to_string(n) + "-dup-0  ";
        const std::string swapped = "found  rec-" + std::to_string(n) + "-dup-0  rec-" + std::to_string(n) + "-org  ";
        EXPECT_TRUE(contains(r.output, line) || contains(r.output, swapped)) << n << "\n" << r.output;
    }
    EXPECT_TRUE(contains(r.output, "rec-12-org  rec-13-org  ") || contains(r.output, "rec-13-org  rec-12-org  "))
        << r.output;
    EXPECT_TRUE(contains(r.output, "different people")) << r.output;
    EXPECT_TRUE(contains(r.output, "missed  rec-5-org  rec-5-dup-0\n") ||
                contains(r.output, "missed  rec-5-dup-0  rec-5-org\n"))
        << r.output;
    EXPECT_EQ(entriesIn(tmp.path()), 0U);
}

TEST(MatchEval, aBadFileFailsWithTheReasonAndLeavesNothingBehind)
{
    test::TempDir tmp;
    const auto bad = tmp / "bad.csv";
    {
        std::ifstream in(SmallFile);
        std::string header;
        std::string first;
        std::getline(in, header);
        std::getline(in, first);
        std::ofstream out(bad);
        out << header << "\n" << first << "\nrec-1-org, toby, tillinghurst\n";
    }
    const fs::path scratch = tmp / "scratch";
    fs::create_directories(scratch);
    const auto r = matchEval(scratch, test::quoted(bad));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "line 3")) << r.output;
    EXPECT_TRUE(contains(r.output, "(Validation)")) << r.output;
    EXPECT_EQ(entriesIn(scratch), 0U);

    const auto missing = matchEval(scratch, test::quoted(tmp / "nowhere.csv"));
    EXPECT_EQ(missing.exitCode, 1) << missing.output;
    EXPECT_TRUE(contains(missing.output, "(FileNotFound)")) << missing.output;

    const auto usage = matchEval(scratch, "");
    EXPECT_EQ(usage.exitCode, 2) << usage.output;
    EXPECT_TRUE(contains(usage.output, "FILE is required")) << usage.output;
}

class MatchEstimate : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "estimate.rwb";
    fs::path pass = dir / "pass.txt";

    void SetUp() override
    {
        test::writePassphraseFile(pass, test::Passphrase);
        auto ws = test::createWorkspace(file);
        static const char* const Given[] = {"Alexis", "Brin", "Corin", "Dorian", "Ellis", "Fenn"};
        // 30 different invented surnames (no digits: the engine's names are letters).
        static const char* const Start[] = {"Brack", "Till", "Quen", "Ash", "Dela", "Pimb"};
        static const char* const End[] = {"enfold", "ington", "owe", "combe", "ley"};
        for (int c = 0; c < 6; ++c) {
            const auto caseId = ws->cases().add(test::caseDraft("FICT/M" + std::to_string(c) + "/26")).id;
            for (int p = 0; p < 5; ++p) {
                core::PersonDraft draft;
                draft.caseId = caseId;
                draft.role = p == 0 ? core::PersonRole::Victim : core::PersonRole::Suspect;
                draft.givenName = Given[(c + p) % 6];
                draft.familyName = std::string(Start[c]) + End[p];
                draft.dateOfBirth =
                    "19" + std::to_string(60 + c * 5 + p) + "-0" + std::to_string(1 + p) + "-1" + std::to_string(c);
                ws->people().add(draft);
            }
        }
    }
};

TEST_F(MatchEstimate, writesAModelThatLoadsWithTheFittedUProbabilities)
{
    const auto out = dir / "fitted.json";
    const auto r = test::runCli(
        "match-estimate " + test::quoted(file) + " --out " + test::quoted(out) + " --pairs 2000 --seed 7", pass);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "persons: 30\n")) << r.output;
    EXPECT_TRUE(contains(r.output, "random pairs compared: 2000 (seed 7)")) << r.output;
    EXPECT_TRUE(contains(r.output, "familyName: u estimated (2000 pairs")) << r.output;
    EXPECT_TRUE(contains(r.output, "phone: default kept (0 pairs")) << r.output;
    EXPECT_FALSE(contains(r.output, "Brackenfold")) << "no name is printed";

    const auto shipped = core::matching::MatchModel::load(fs::path(WB_RESOURCES_DIR) / "matching" / "match-model.json");
    const auto fitted = core::matching::MatchModel::load(out);
    EXPECT_EQ(fitted.version().rfind(shipped.version() + "+u-", 0), 0U) << fitted.version();
    using core::matching::Field;
    using core::matching::Level;
    // 30 people with 30 different surnames: two random people almost never share one.
    EXPECT_LT(fitted.parameters(Field::FamilyName, Level::Exact).u, 0.001);
    EXPECT_NE(fitted.parameters(Field::FamilyName, Level::Exact).u,
              shipped.parameters(Field::FamilyName, Level::Exact).u);
    EXPECT_EQ(fitted.parameters(Field::FamilyName, Level::Exact).m,
              shipped.parameters(Field::FamilyName, Level::Exact).m);
    EXPECT_EQ(fitted.parameters(Field::Phone, Level::Exact).u, shipped.parameters(Field::Phone, Level::Exact).u);
    EXPECT_TRUE(contains(fitted.parameters(Field::FamilyName, Level::Exact).source, "u estimated from 2000 of 2000"));
    EXPECT_EQ(fitted.threshold(), shipped.threshold());

    const auto again = test::runCli("match-estimate " + test::quoted(file) + " --out " + test::quoted(out), pass);
    EXPECT_EQ(again.exitCode, 1) << again.output;
    EXPECT_TRUE(contains(again.output, "will not be overwritten")) << again.output;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        files += entry.path().extension() == ".partial" ? 1 : 0;
    }
    EXPECT_EQ(files, 0U) << "no partial file is left";
}

TEST_F(MatchEstimate, theFittedModelCanBeMeasuredWithMatchEval)
{
    const auto out = dir / "fitted.json";
    ASSERT_EQ(test::runCli("match-estimate " + test::quoted(file) + " --out " + test::quoted(out), pass).exitCode, 0);
    test::TempDir tmp;
    const auto r = matchEval(tmp.path(), test::quoted(SmallFile) + " --model " + test::quoted(out));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "+u-")) << "the fitted model's version is named: " << r.output;
}

TEST_F(MatchEstimate, refusesNoPairsAndAWrongPassphrase)
{
    const auto zero = test::runCli(
        "match-estimate " + test::quoted(file) + " --out " + test::quoted(dir / "z.json") + " --pairs 0", pass);
    EXPECT_EQ(zero.exitCode, 2) << zero.output;
    EXPECT_TRUE(contains(zero.output, "--pairs N (a whole number from 1)")) << zero.output;
    const auto wrong = dir / "wrong.txt";
    test::writePassphraseFile(wrong, "not the passphrase");
    const auto r =
        test::runCli("match-estimate " + test::quoted(file) + " --out " + test::quoted(dir / "w.json"), wrong);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "passphrase does not open this workspace")) << r.output;
    EXPECT_FALSE(fs::exists(dir / "z.json"));
    EXPECT_FALSE(fs::exists(dir / "w.json"));
}

} // namespace
