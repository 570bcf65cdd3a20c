// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <filesystem>

#include "core/Error.h"
#include "core/catalogues/Catalogues.h"
#include "core/deadlines/DeadlineService.h"
#include "core/matching/MatchModel.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "support/TestSupport.h"

namespace fs = std::filesystem;
using namespace wb;

TEST(CataloguesTest, oneCallLoadsEveryListAndCatalogueOfTheDataFolder)
{
    const auto all = core::Catalogues::loadFrom(WB_RESOURCES_DIR);
    ASSERT_TRUE(all.offences && all.lists && all.questions && all.enquiries && all.journey && all.deadlines);
    for (const auto kind : core::ReferenceData::requiredKinds()) {
        EXPECT_TRUE(all.lists->has(kind)) << kind;
    }
    EXPECT_FALSE(all.journey->stages().empty());
    ASSERT_NE(all.matchModel, nullptr);
    EXPECT_FALSE(all.matchModel->version().empty());
}

TEST(CataloguesTest, aMissingMatchingModelIsNamedInTheError)
{
    test::TempDir dir;
    fs::copy(WB_RESOURCES_DIR, dir.path(), fs::copy_options::recursive);
    fs::remove(dir.path() / "matching" / "match-model.json");
    try {
        (void)core::Catalogues::loadFrom(dir.path());
        FAIL() << "loaded without match-model.json";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::ReferenceData);
        EXPECT_NE(std::string(e.what()).find("match-model.json"), std::string::npos) << e.what();
    }
}

TEST(CataloguesTest, aMissingFileIsNamedInTheError)
{
    test::TempDir dir;
    fs::copy(WB_RESOURCES_DIR, dir.path(), fs::copy_options::recursive);
    fs::remove(dir.path() / "nom" / "enquiries.json");
    try {
        (void)core::Catalogues::loadFrom(dir.path());
        FAIL() << "loaded without enquiries.json";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::ReferenceData);
        EXPECT_NE(std::string(e.what()).find("enquiries.json"), std::string::npos) << e.what();
    }
}
