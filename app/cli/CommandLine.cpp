// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CommandLine.h"

#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>

#include "app/cli/TerminalText.h"
#include "core/Error.h"

namespace wb::app::cli {

namespace {

constexpr const char* Program = "rasso-workbench-cli";

constexpr const char* Footer = R"(Passphrases are read from the terminal (no echo) or, with --passphrase-fd FD and the
like, as the first line from a file descriptor: never from the command line.
Run 'rasso-workbench-cli COMMAND --help' for a command's arguments and options.
Exit status: 0 success, 1 the operation failed (the message says why), 2 usage error.)";

/// The option's name in a left-over word: "--owner=x" -> "--owner".
std::string optionName(const std::string& word)
{
    return word.substr(0, word.find('='));
}

} // namespace

CommandLine::CommandLine()
    : app_("Administration and verification of RASSO Investigator Workbench workspaces, without the GUI.", Program)
{
    // Settings every command inherits (CLI11 copies them into each subcommand as it is added).
    app_.get_formatter()->column_width(36);
    app_.get_formatter()->label("REQUIRED", "(required)");
    app_.get_formatter()->label("Positionals", "Arguments");
    app_.get_formatter()->label("SUBCOMMAND", "COMMAND");
    app_.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast); // as before: the last one counts
    app_.allow_extras(); // left-over words are reported by refuseLeftovers, with the command named
    app_.require_subcommand(0, 1);
    app_.set_version_flag("--version", std::string(Program) + " " + WB_VERSION);
    app_.footer(Footer);
}

CLI::App&
CommandLine::add(const std::string& name, const std::string& summary, Action action, const std::string& details)
{
    CLI::App* command = app_.add_subcommand(name, summary);
    command->group(group_);
    command->allow_extras();
    command->footer(details);
    commands_.push_back({command, std::move(action)});
    return *command;
}

void CommandLine::addHelpAndVersion()
{
    beginGroup("Help");
    auto topic = std::make_shared<std::string>();
    auto& help = add("help", "list the commands, or explain one: help COMMAND", [this, topic] {
        if (topic->empty()) {
            std::fputs(overview().c_str(), stdout);
            return 0;
        }
        for (const auto& command : commands_) {
            if (command.app->get_name() == *topic) {
                std::fputs(command.app->help(Program).c_str(), stdout);
                return 0;
            }
        }
        throw std::invalid_argument("unknown command " + *topic);
    });
    help.add_option("COMMAND", *topic, "the command to explain")->type_name("");
    add("version", "print the version (also --version)", [] {
        fmt::print("{} {}\n", Program, WB_VERSION);
        return 0;
    });
}

const CommandLine::Command* CommandLine::chosen() const
{
    for (const auto& command : commands_) {
        if (command.app->parsed()) {
            return &command;
        }
    }
    return nullptr;
}

int CommandLine::run(int argc, const char* const* argv)
{
    try {
        return dispatch(argc, argv);
    } catch (const std::invalid_argument& e) { // UsageError, or a value the command refused as malformed
        return usageError(e.what());
    } catch (const core::Error& e) {
        fmt::print(stderr, "{}: {} ({})\n", Program, terminalSafe(e.what()), core::toString(e.code()));
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}: {}\n", Program, terminalSafe(e.what()));
        return 1;
    }
}

int CommandLine::dispatch(int argc, const char* const* argv)
{
    addHelpAndVersion();
    if (argc < 2) {
        return usageError("no command given");
    }
    try {
        app_.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::fputs(app_.help().c_str(), stdout); // the chosen command's help, else the list of commands
        return 0;
    } catch (const CLI::CallForVersion& e) {
        fmt::print("{}\n", e.what());
        return 0;
    } catch (const CLI::ParseError& e) {
        return usageError(e.what());
    }
    const Command* command = chosen();
    refuseLeftovers(command == nullptr ? nullptr : command->app);
    if (command == nullptr) {
        return usageError("no command given");
    }
    return command->action();
}

void CommandLine::refuseLeftovers(const CLI::App* command) const
{
    // What the command did not take may have gone to it or, past its arguments, back to the top.
    std::vector<std::string> left = command == nullptr ? std::vector<std::string>() : command->remaining();
    for (auto& word : app_.remaining()) {
        left.push_back(std::move(word));
    }
    if (left.empty()) {
        return;
    }
    const std::string& word = left.front();
    const bool option = word.size() > 1 && word.front() == '-';
    if (command == nullptr) {
        throw std::invalid_argument((option ? "unknown option " : "unknown command ") + word);
    }
    if (!option) {
        throw std::invalid_argument("unexpected argument " + word);
    }
    const std::string owners = ownersOf(word, command);
    throw std::invalid_argument(
        "unknown option " + optionName(word) +
        (owners.empty() ? std::string() : " (an option of " + owners + ", not of " + command->get_name() + ")"));
}

std::string CommandLine::ownersOf(const std::string& word, const CLI::App* command) const
{
    const std::string name = optionName(word);
    std::string owners;
    for (const auto& other : commands_) {
        if (other.app == command) {
            continue;
        }
        for (const CLI::Option* option : other.app->get_options()) {
            if (!option->get_positional() && option->check_name(name)) {
                owners += (owners.empty() ? "" : ", ") + other.app->get_name();
            }
        }
    }
    return owners;
}

std::string CommandLine::overview() const
{
    // Not app_.help(): that explains the command chosen (here: help) instead of listing them all.
    return app_.get_formatter()->make_help(&app_, Program, CLI::AppFormatMode::Normal);
}

int CommandLine::usageError(const std::string& message) const
{
    const Command* command = chosen();
    if (command == nullptr) {
        fmt::print(stderr, "{}: {}\n\n{}", Program, terminalSafe(message), overview());
    } else {
        fmt::print(stderr, "{} {}: {}\n\n{}", Program, command->app->get_name(), terminalSafe(message),
                   command->app->help(Program));
    }
    return 2;
}

} // namespace wb::app::cli
