// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace wb::app::cli {

/// rasso-workbench-cli's commands on CLI11: each command has its own options and its own --help, and
/// runs only when its arguments parsed cleanly. Exit status: 0 success, 1 the operation failed (the
/// message says why), 2 usage error (an unknown option, an option of another command, a missing or
/// surplus argument), with the message and the command's help on stderr.
class CommandLine
{
public:
    /// Runs a command once its arguments are parsed; returns the exit status.
    using Action = std::function<int()>;

    CommandLine();

    /// The commands added from now on are listed under `title` in the help.
    void beginGroup(const std::string& title) { group_ = title; }

    /// Adds COMMAND with its one-line summary (and, shown in its --help only, `details`); the
    /// caller adds its arguments to the returned app.
    CLI::App& add(const std::string& name, const std::string& summary, Action action, const std::string& details = {});

    /// Parses argv, runs the command it names and returns the exit status.
    int run(int argc, const char* const* argv);

private:
    struct Command {
        CLI::App* app;
        Action action;
    };

    void addHelpAndVersion();
    int dispatch(int argc, const char* const* argv);
    /// The words CLI11 left over for `command` (nullptr: before any command) as a usage error, if any.
    void refuseLeftovers(const CLI::App* command) const;
    /// The commands (other than `command`) that take the option spelt `word`.
    std::string ownersOf(const std::string& word, const CLI::App* command) const;
    /// The top-level help: what the program is, its commands by group, the footer.
    std::string overview() const;
    int usageError(const std::string& message) const;
    const Command* chosen() const;

    CLI::App app_;
    std::vector<Command> commands_;
    std::string group_ = "Commands";
};

} // namespace wb::app::cli
