// SPDX-License-Identifier: GPL-3.0-or-later
// The independent checker of the exports (check_exports.py) and the paths of their specs, for the export tests of
// core and the command line; their case is support/EveryRecordTypeFixture.h. Fictional data only.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/records/RecordTypes.h"
#include "support/CliRunner.h"
#include "support/EveryRecordTypeFixture.h"

namespace wb::test {

/// Python's csv module and python3-jsonschema, run on files the workbench wrote: Debian's own Python (the packages
/// of packaging/debian-packages.txt), whatever other python3 comes first on the PATH.
inline CliResult checkExports(const std::string& arguments)
{
    return runShell(std::string("/usr/bin/python3 '") + WB_EXPORT_CHECKER + "' " + arguments + " 2>&1");
}

inline std::string poleSpecPath()
{
    return std::string(WB_RESOURCES_DIR) + "/exports/pole-csv-v1.md";
}

inline std::string caseSchemaPath()
{
    return std::string(WB_RESOURCES_DIR) + "/exports/case-export-v1.schema.json";
}

inline std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace wb::test
