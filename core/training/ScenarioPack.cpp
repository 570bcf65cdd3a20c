// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/ScenarioPack.h"

#include <array>
#include <utility>

namespace wb::core::training {

namespace {

constexpr std::array<std::pair<InjectKind, std::string_view>, 9> InjectKinds{{
    {InjectKind::Cctv, "cctv"},
    {InjectKind::Interview, "interview"},
    {InjectKind::Withdrawal, "withdrawal"},
    {InjectKind::BailBreach, "bail-breach"},
    {InjectKind::Forensic, "forensic"},
    {InjectKind::Witness, "witness"},
    {InjectKind::Digital, "digital"},
    {InjectKind::Intelligence, "intelligence"},
    {InjectKind::Other, "other"},
}};

constexpr std::array<std::pair<ReleaseBy, std::string_view>, 3> ReleaseKinds{{
    {ReleaseBy::Trainer, "trainer"},
    {ReleaseBy::Time, "time"},
    {ReleaseBy::Action, "action"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) noexcept
{
    for (const auto& [item, name] : table) {
        if (item == value) {
            return name;
        }
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view name) noexcept
{
    for (const auto& [item, itemName] : table) {
        if (itemName == name) {
            return item;
        }
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(InjectKind kind) noexcept
{
    return nameOf(InjectKinds, kind);
}

std::optional<InjectKind> injectKindFromString(std::string_view name) noexcept
{
    return valueOf(InjectKinds, name);
}

std::string_view toString(ReleaseBy by) noexcept
{
    return nameOf(ReleaseKinds, by);
}

std::optional<ReleaseBy> releaseByFromString(std::string_view name) noexcept
{
    return valueOf(ReleaseKinds, name);
}

const LearningPoint* ModelAnswers::findLearningPoint(std::string_view pointId) const noexcept
{
    for (const auto& point : learningPoints) {
        if (point.id == pointId) {
            return &point;
        }
    }
    return nullptr;
}

const Inject* ScenarioPack::findInject(std::string_view injectId) const noexcept
{
    for (const auto& inject : injects) {
        if (inject.id == injectId) {
            return &inject;
        }
    }
    return nullptr;
}

} // namespace wb::core::training
