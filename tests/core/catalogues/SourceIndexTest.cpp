// SPDX-License-Identifier: GPL-3.0-or-later
// The Sources index (issue 14): every catalogue and reference list item with its source, tags, confirmed or not and
// file version, for the RASSO lead's Sources view.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/catalogues/Catalogues.h"
#include "core/catalogues/SourceIndex.h"
#include "core/deadlines/DeadlineService.h"
#include "core/deadlines/RuleSet.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"

using namespace wb::core;

namespace {

const Catalogues& all()
{
    static const Catalogues catalogues = Catalogues::loadFrom(WB_RESOURCES_DIR);
    return catalogues;
}

std::size_t countOf(const std::vector<SourceEntry>& rows, SourceKind kind)
{
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [kind](const SourceEntry& e) { return e.kind == kind; }));
}

const SourceEntry* find(const std::vector<SourceEntry>& rows, SourceKind kind, const std::string& id)
{
    const auto it =
        std::find_if(rows.begin(), rows.end(), [&](const SourceEntry& e) { return e.kind == kind && e.id == id; });
    return it == rows.end() ? nullptr : &*it;
}

} // namespace

TEST(SourceIndexTest, tagsAreTheBracketedCapitalsOfTheSource)
{
    EXPECT_EQ(sourceTags("nom-brief §6.1 (all under-18s vulnerable) [C]; §6.4 s.16 YJCEA 1999 [C]"),
              std::vector<std::string>{"C"});
    EXPECT_EQ(sourceTags("nom-brief §3 [C]; options §6.6 [U/D]"), (std::vector<std::string>{"C", "U/D"}));
    EXPECT_EQ(sourceTags("nom-brief §5.1 SUSPECT_BEHAVIOUR_BEFORE [S concept; prompts D]; §9 s.74 [C]"),
              (std::vector<std::string>{"S", "D", "C"}));
    EXPECT_EQ(sourceTags("§5.1 [C for the principle, U for the list]"), (std::vector<std::string>{"C", "U"}));
    EXPECT_TRUE(sourceTags("CPS guidance [2024], see [note] [A] [CS] [C/] [Concept]").empty());
    EXPECT_TRUE(sourceTags("no tag at all").empty());
    EXPECT_TRUE(sourceTags("unclosed [C").empty());
    EXPECT_TRUE(sourceTags("[/]").empty());
}

TEST(SourceIndexTest, everyCatalogueAndReferenceListItemIsListedWithItsFileAndVersion)
{
    const auto rows = sourceIndex(all());
    std::size_t timeLimits = 0;
    for (const auto& e : all().enquiries->entries()) {
        timeLimits += e.deadline ? 1 : 0;
    }
    EXPECT_EQ(countOf(rows, SourceKind::Enquiry), all().enquiries->entries().size());
    EXPECT_EQ(countOf(rows, SourceKind::EnquiryTimeLimit), timeLimits);
    EXPECT_GT(timeLimits, 0U);
    EXPECT_EQ(countOf(rows, SourceKind::Question), all().questions->questions().size());
    std::size_t items = 0;
    for (const auto& stage : all().journey->stages()) {
        items += stage.items.size();
    }
    EXPECT_EQ(countOf(rows, SourceKind::ChecklistItem), items);
    EXPECT_EQ(countOf(rows, SourceKind::DeadlineRule), all().deadlines->rules().rules().size());
    EXPECT_EQ(countOf(rows, SourceKind::Offence), all().offences->offences().size());
    std::size_t listItems = 0;
    for (const auto kind : ReferenceData::requiredKinds()) {
        listItems += all().lists->list(kind).items().size();
    }
    EXPECT_EQ(countOf(rows, SourceKind::ReferenceItem), listItems);

    // Each row carries what the data says, unchanged.
    const auto& first = all().enquiries->entries().front();
    const auto* row = find(rows, SourceKind::Enquiry, first.id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->file, "nom/enquiries.json");
    EXPECT_EQ(row->version, all().enquiries->version());
    EXPECT_EQ(row->title, first.title);
    EXPECT_EQ(row->source, first.source);
    EXPECT_EQ(row->confirmed, first.confirmed);
    EXPECT_EQ(row->tags, sourceTags(first.source));

    const auto* known = find(rows, SourceKind::Question, "suspect.known");
    ASSERT_NE(known, nullptr);
    EXPECT_EQ(known->version, all().questions->version());
    const auto* rape = find(rows, SourceKind::Offence, "SOA2003-s1");
    ASSERT_NE(rape, nullptr);
    EXPECT_EQ(rape->title, "Rape (Sexual Offences Act 2003 s.1)");
    const auto& stages = all().lists->list("journey-stages");
    const auto* stage = find(rows, SourceKind::ReferenceItem, stages.items().front().code);
    ASSERT_NE(stage, nullptr);
    EXPECT_EQ(stage->file, "reference/journey-stages.json");
    EXPECT_EQ(stage->version, stages.version());

    // Both confirmed and unconfirmed entries are there for the lead to review.
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const SourceEntry& e) { return e.confirmed; }));
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const SourceEntry& e) { return !e.confirmed; }));
}

TEST(SourceIndexTest, catalogueThatIsNotLoadedIsSkipped)
{
    Catalogues some;
    some.questions = all().questions;
    const auto rows = sourceIndex(some);
    EXPECT_EQ(rows.size(), all().questions->questions().size());
    EXPECT_TRUE(sourceIndex(Catalogues{}).empty());
}
