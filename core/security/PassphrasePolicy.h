// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core::security {

/// What a new passphrase is for: the rule differs.
enum class PassphraseUse {
    LiveWorkspace,     ///< a workspace for real cases (create, and passphrase changes)
    TrainingWorkspace, ///< a throw-away TRAINING workspace: any non-empty passphrase
    Bundle,            ///< a handover bundle (always carries real data): as strict as live
};

/// zxcvbn's estimate as a level; each level names a word in the GUI, never colour alone.
enum class PassphraseStrength { Empty, Weak, Fair, Good, Strong };

struct PassphraseRating {
    PassphraseStrength level = PassphraseStrength::Empty;
    double entropyBits = 0.0; ///< zxcvbn's estimate of log2(guesses)
};

/// The one passphrase policy of both programs (README, Security, "Passphrases").
class PassphrasePolicy
{
public:
    /// Longer input is refused, never cut short (the CLI reads at most this many bytes).
    static constexpr std::size_t MaxBytes = 1024;
    /// Live workspaces and bundles need at least this estimate ("Fair").
    static constexpr double MinimumBits = 40.0;

    /// zxcvbn (libzxcvbn) rating; userWords (owner name, staff number) count as guessable.
    static PassphraseRating rate(std::string_view passphrase, const std::vector<std::string>& userWords = {});

    /// Why this new passphrase is refused for `use`, in English without the passphrase, or
    /// nullopt when it is accepted. Empty and over-long input is refused for every use.
    static std::optional<std::string>
    problem(std::string_view passphrase, PassphraseUse use, const std::vector<std::string>& userWords = {});

    /// Throws Error(Validation, field "passphrase") with problem()'s text when refused.
    static void check(std::string_view passphrase, PassphraseUse use, const std::vector<std::string>& userWords = {});
};

} // namespace wb::core::security
