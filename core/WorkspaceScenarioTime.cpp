// SPDX-License-Identifier: GPL-3.0-or-later
// A training workspace's scenario time (issue 17): Workspace::setScenarioTime, advanceScenarioTime and what unlock
// does with the stored time.
#include <charconv>
#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/ScenarioClock.h"

namespace wb::core {

namespace {

/// The metadata key that keeps scenario time: its distance from real time, in whole seconds ("-21772800").
constexpr std::string_view ScenarioOffsetKey = "scenario_offset_seconds";

/// Steps the trainee or trainer may take at once: a minute to 31 days.
constexpr std::chrono::seconds MinStep{60};
constexpr std::chrono::seconds MaxStep{std::chrono::hours(24 * 31)};

std::optional<std::chrono::seconds> parseOffset(const std::string& text)
{
    long long value = 0;
    const auto* end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || at != end || text.empty()) {
        return std::nullopt;
    }
    return std::chrono::seconds(value);
}

} // namespace

void Workspace::setScenarioTime(Instant scenarioNow)
{
    if (!info().training) {
        throw Error(ErrorCode::Validation, "a live workspace always runs on real time", "training");
    }
    const auto realNow = m_realClock ? m_realClock->now() : Clock::system().now();
    const auto offset = ScenarioClock::offsetFor(scenarioNow, realNow);
    setSetting(ScenarioOffsetKey, std::to_string(offset.count()));
    if (m_scenarioClock) {
        m_scenarioClock->setOffset(offset); // atomically: a job reading "now" meanwhile sees one or the other
    } else {
        m_scenarioClock = std::make_shared<ScenarioClock>(offset, m_realClock);
        useClock(m_scenarioClock);
    }
}

Instant Workspace::advanceScenarioTime(std::chrono::seconds by)
{
    if (!m_scenarioClock) {
        throw Error(ErrorCode::Validation, "this workspace does not run on scenario time", "scenarioTime");
    }
    if (by < MinStep || by > MaxStep) {
        throw Error(ErrorCode::Validation, "scenario time moves on by a minute to 31 days at a time", "scenarioTime");
    }
    setSetting(ScenarioOffsetKey, std::to_string((m_scenarioClock->offset() + by).count()));
    m_scenarioClock->advance(by);
    return m_scenarioClock->now();
}

void Workspace::applyScenarioTime()
{
    const auto stored = setting(ScenarioOffsetKey);
    const auto offset = stored ? parseOffset(*stored) : std::nullopt;
    if (offset && info().training) {
        if (m_scenarioClock) {
            m_scenarioClock->setOffset(*offset);
        } else {
            m_scenarioClock = std::make_shared<ScenarioClock>(*offset, m_realClock);
            useClock(m_scenarioClock);
        }
    } else if (m_scenarioClock) {
        m_scenarioClock.reset();
        useClock(m_realClock);
    }
}

} // namespace wb::core
