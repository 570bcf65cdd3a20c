// SPDX-License-Identifier: GPL-3.0-or-later
// A scenario pack for classroom training (resources/training/README.md), checked against the shipped catalogues:
// every problem must come back as a PackProblem naming its field, never as a crash or an escaping exception.
#include <filesystem>

#include "core/Error.h"
#include "core/catalogues/Catalogues.h"
#include "core/training/PackLoader.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto catalogues = wb::core::Catalogues::loadFrom(std::filesystem::path(WB_RESOURCES_DIR));
    // checkPack reports problems instead of throwing; Error(Io) only when the time-zone database is missing.
    const auto check = wb::core::training::checkPack(wb::fuzz::text(data, size), catalogues);
    if (check.pack.has_value() == !check.problems.empty()) {
        __builtin_trap(); // a pack is returned exactly when there is no problem
    }
    return 0;
}
