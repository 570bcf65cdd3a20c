// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace reads "now" from its clock: a test sets the date through the Workspace.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/audit/AuditLog.h"
#include "core/demo/DemoData.h"
#include "core/domain/Clock.h"
#include "core/io/CaseBundle.h"
#include "support/ManualClock.h"
#include "support/TestSupport.h"

#include <nlohmann/json.hpp>

using namespace wb;
using namespace std::chrono;

namespace {

class FixedClock final : public core::Clock
{
public:
    explicit FixedClock(core::Instant at)
        : m_at(at)
    {
    }
    core::Instant now() const override { return m_at; }

private:
    core::Instant m_at;
};

core::Instant at(int y, unsigned m, unsigned d)
{
    return core::Instant{sys_days{year{y} / month{m} / day{d}}};
}

} // namespace

TEST(WorkspaceClockTest, aCaseReportedInTheRealFutureIsAcceptedWhenTheClockIsLaterAndRefusedWhenEarlier)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "clock.rwb");
    EXPECT_EQ(&ws->clock(), &core::Clock::system());

    auto draft = test::caseDraft("FICT/40/40");
    draft.reportedAt = at(2040, 3, 1); // years after the real date the test runs on

    ws->setClock(std::make_shared<FixedClock>(at(2040, 1, 1)));
    try {
        ws->cases().add(draft);
        FAIL() << "a case reported two months after the workspace's date was accepted";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Validation);
        EXPECT_EQ(e.field(), "reportedAt");
    }
    EXPECT_EQ(ws->cases().count(), 0);

    ws->setClock(std::make_shared<FixedClock>(at(2040, 6, 1)));
    const auto added = ws->cases().add(draft);
    EXPECT_EQ(added.reportedAt, at(2040, 3, 1));
    EXPECT_EQ(added.createdAt, at(2040, 6, 1)); // timestamps come from the same clock

    ws->setClock(nullptr); // back to the system clock: the case is in the future again
    EXPECT_EQ(&ws->clock(), &core::Clock::system());
    auto another = test::caseDraft("FICT/41/40");
    another.reportedAt = at(2040, 3, 1);
    EXPECT_THROW(ws->cases().add(another), core::Error);
}

TEST(WorkspaceClockTest, createdAtAuditEntriesBundleExportAndDemoCasesAreDatedByTheWorkspaceClock)
{
    test::TempDir dir;
    auto clock = std::make_shared<test::ManualClock>(at(2040, 6, 1));
    auto options = test::fastOptions();
    options.clock = clock;
    auto ws =
        core::Workspace::create(dir / "dated.rwb", core::Workspace::deriveForCreate(test::Passphrase, options.kdf),
                                options, test::offences(), test::lists());
    EXPECT_EQ(&ws->clock(), clock.get());
    EXPECT_EQ(ws->info().createdAt, at(2040, 6, 1));

    auto draft = test::caseDraft("FICT/42/40");
    draft.reportedAt = at(2040, 5, 1);
    const auto added = ws->cases().add(draft);
    clock->set(at(2040, 6, 2) + hours(9));
    auto overview = added;
    overview.operationName = "Fictional Lantern";
    ws->cases().update(overview);
    const auto entries = core::audit::entriesFor(ws->connectionForImport(), added.uuid, "cases");
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0].at, at(2040, 6, 1));
    EXPECT_EQ(entries[1].at, at(2040, 6, 2) + hours(9));

    const auto bundle = dir / "dated.bundle";
    core::bundle::exportCases(*ws, {added.id}, bundle, test::Passphrase, core::store::KdfParams::minimum());
    const auto document = nlohmann::json::parse(core::bundle::decrypt(test::readBytes(bundle), test::Passphrase));
    EXPECT_EQ(document.at("exportedAt").get<std::string>(), "2040-06-02T09:00:00Z");

    ASSERT_GT(core::addDemoCases(*ws), 0U);
    for (const auto& c : ws->cases().list()) {
        if (c.id == added.id) {
            continue;
        }
        EXPECT_LT(c.reportedAt, at(2040, 6, 2) + hours(9)) << c.reference;
        EXPECT_GT(c.reportedAt, at(2039, 1, 1)) << c.reference; // dated back from the clock, not the system's date
    }
}
