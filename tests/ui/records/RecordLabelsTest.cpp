// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "core/records/RecordSpec.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"

namespace wb::ui::test {
namespace {

TEST(FieldLabels, EverySpecFieldHasALabelAndEveryTypeATitle)
{
    for (const auto& spec : core::recordSpecs()) {
        const std::string type(spec.type);
        EXPECT_NE(FieldLabels::title(spec.type), QString::fromStdString(type)) << type << " has no title";
        EXPECT_FALSE(FieldLabels::plural(spec.type).isEmpty()) << type;
        for (const auto& field : spec.fields) {
            EXPECT_FALSE(FieldLabels::label(spec.type, field.key).isEmpty())
                << type << "." << field.key << " has no label";
        }
        const auto columns = FieldLabels::columns(spec.type);
        EXPECT_FALSE(columns.empty()) << type << " has no list columns";
        for (const auto column : columns) {
            EXPECT_NE(spec.field(column), nullptr) << type << " lists unknown column " << column;
        }
    }
}

TEST(FieldLabels, NamesTheTitlesTheWorkspaceShows)
{
    EXPECT_EQ(FieldLabels::title("decision"), QStringLiteral("Decision"));
    EXPECT_EQ(FieldLabels::title("tpm_request"), QStringLiteral("Third-party material request"));
    EXPECT_EQ(FieldLabels::title("bail"), QStringLiteral("Bail or RUI"));
    EXPECT_EQ(FieldLabels::title("review"), QStringLiteral("Supervisory review"));
    EXPECT_TRUE(FieldLabels::label("nonexistent", "field").isEmpty());
    EXPECT_EQ(FieldLabels::option("bail", "kind", "rui"), QStringLiteral("Released under investigation (RUI)"));
}

} // namespace
} // namespace wb::ui::test

TEST(DisplayText, RewritesUtcInstantsInCoreTextAsUkTime)
{
    EXPECT_EQ(wb::ui::DisplayText::withUkTimes("Time of last contact: 2026-07-01T12:30:00Z (summer)"),
              QStringLiteral("Time of last contact: 01/07/2026 13:30 (summer)"));
    EXPECT_EQ(wb::ui::DisplayText::withUkTimes("from 2026-12-01T12:30:00Z to 2026-12-02T00:05:00Z"),
              QStringLiteral("from 01/12/2026 12:30 to 02/12/2026 00:05"));
    EXPECT_EQ(wb::ui::DisplayText::withUkTimes("no instant here, 2026-12-01 only"),
              QStringLiteral("no instant here, 2026-12-01 only"));
}
