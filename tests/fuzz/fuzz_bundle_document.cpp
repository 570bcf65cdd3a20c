// SPDX-License-Identifier: GPL-3.0-or-later
// A decrypted bundle document merged into a real (encrypted, throw-away) workspace;
// every input is rolled back so each starts from the same state.
#include <filesystem>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "core/io/CaseBundle.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"
#include "tests/fuzz/FuzzSupport.h"

namespace {

std::unique_ptr<wb::core::Workspace> makeWorkspace()
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("wb-fuzz-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    auto offences = std::make_shared<const wb::core::OffenceCatalogue>(
        wb::core::OffenceCatalogue::fromFile(fs::path(WB_RESOURCES_DIR) / "reference" / "offences.json"));
    auto lists = std::make_shared<const wb::core::ReferenceData>(
        wb::core::ReferenceData::load(fs::path(WB_RESOURCES_DIR) / "reference"));
    wb::core::CreateOptions options;
    options.owner = {"DC Fuzz Example", "F0001"};
    options.kdf = wb::core::store::KdfParams::minimum();
    auto ws = wb::core::Workspace::create(dir / "fuzz.rwb", wb::core::Workspace::deriveForCreate("fuzz", options.kdf),
                                          options, offences, lists);
    wb::core::addDemoCases(*ws); // so that documents can collide with existing UUIDs and references
    return ws;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto ws = makeWorkspace();
    wb::core::store::Transaction rollback(ws->connectionForImport());
    // The same bounded parser and merge as a real import: plan, then apply accepting every
    // record proposed for a case already here (the demo cases), so both paths are fed.
    try {
        const auto document = wb::fuzz::text(data, size);
        const auto plan = wb::core::bundle::planImport(*ws, document);
        std::set<std::string> all;
        for (const auto& item : plan.proposed) {
            all.insert(item.uuid);
        }
        (void)wb::core::bundle::applyImport(*ws, document, plan, all);
    } catch (const wb::core::Error&) {
    }
    return 0; // `rollback` undoes whatever the input imported
}
