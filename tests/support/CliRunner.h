// SPDX-License-Identifier: GPL-3.0-or-later
// Runs rasso-workbench-cli in a child process, as a second program would.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

#include <sys/wait.h>

namespace wb::test {

struct CliResult {
    int exitCode = -1;
    std::string output; // stdout and stderr together
};

/// Runs a shell command line and collects what it prints (stdout and stderr, if the command
/// line joins them) and its exit status.
inline CliResult runShell(const std::string& command)
{
    CliResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        result.output.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

/// Runs the CLI (WB_CLI_PATH) with `arguments` (already quoted) and the passphrase file on
/// descriptor 3; `extra` is appended to the shell command (e.g. "--new-passphrase-fd 4 4<'f'").
inline CliResult
runCli(const std::string& arguments, const std::filesystem::path& passphraseFile, const std::string& extra = {})
{
    return runShell(std::string("'") + WB_CLI_PATH + "' " + arguments + " --passphrase-fd 3 " + extra + " 3<'" +
                    passphraseFile.string() + "' 2>&1");
}

/// Writes `passphrase` and a newline to `file`, for --passphrase-fd.
inline void writePassphraseFile(const std::filesystem::path& file, const std::string& passphrase)
{
    std::FILE* out = std::fopen(file.c_str(), "wb");
    std::fputs((passphrase + "\n").c_str(), out);
    std::fclose(out);
}

inline std::string quoted(const std::filesystem::path& path)
{
    return "'" + path.string() + "'";
}

} // namespace wb::test
