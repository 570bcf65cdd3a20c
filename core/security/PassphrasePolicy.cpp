// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/security/PassphrasePolicy.h"

#include <zxcvbn.h>

#include <sodium.h>

#include "core/Error.h"

namespace wb::core::security {

namespace {

// Entropy bits (zxcvbn's estimate) at which each level starts.
constexpr double FairBits = PassphrasePolicy::MinimumBits;
constexpr double GoodBits = 60.0;
constexpr double StrongBits = 80.0;

std::string trimmed(const std::string& word)
{
    const auto first = word.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    return word.substr(first, word.find_last_not_of(" \t") - first + 1);
}

} // namespace

PassphraseRating PassphrasePolicy::rate(std::string_view passphrase, const std::vector<std::string>& userWords)
{
    PassphraseRating rating;
    if (passphrase.empty()) {
        return rating;
    }
    std::vector<std::string> words;
    for (const std::string& word : userWords) {
        std::string clean = trimmed(word);
        if (clean.size() >= 3) {
            words.push_back(std::move(clean));
        }
    }
    std::vector<const char*> dictionary;
    dictionary.reserve(words.size() + 1);
    for (const std::string& word : words) {
        dictionary.push_back(word.c_str());
    }
    dictionary.push_back(nullptr);

    // zxcvbn needs a NUL-terminated copy; wipe it afterwards.
    std::string text(passphrase);
    rating.entropyBits = ZxcvbnMatch(text.c_str(), dictionary.data(), nullptr);
    sodium_memzero(text.data(), text.size());
    for (std::string& word : words) {
        sodium_memzero(word.data(), word.size());
    }
    if (rating.entropyBits < FairBits) {
        rating.level = PassphraseStrength::Weak;
    } else if (rating.entropyBits < GoodBits) {
        rating.level = PassphraseStrength::Fair;
    } else if (rating.entropyBits < StrongBits) {
        rating.level = PassphraseStrength::Good;
    } else {
        rating.level = PassphraseStrength::Strong;
    }
    return rating;
}

std::optional<std::string>
PassphrasePolicy::problem(std::string_view passphrase, PassphraseUse use, const std::vector<std::string>& userWords)
{
    if (passphrase.empty()) {
        return "the passphrase is empty";
    }
    if (passphrase.size() > MaxBytes) {
        return "the passphrase is longer than " + std::to_string(MaxBytes) + " bytes; use a shorter one";
    }
    if (use == PassphraseUse::TrainingWorkspace) {
        return std::nullopt;
    }
    const auto rating = rate(passphrase, userWords);
    if (rating.entropyBits < MinimumBits) {
        return std::string("the passphrase is too easy to guess (estimated ") +
               std::to_string(static_cast<int>(rating.entropyBits)) + " bits, at least " +
               std::to_string(static_cast<int>(MinimumBits)) +
               " needed): use four or more unrelated words, or a longer mix of words, numbers and symbols, "
               "not your name or staff number" +
               (use == PassphraseUse::Bundle ? "" : " (training workspaces accept any passphrase)");
    }
    return std::nullopt;
}

void PassphrasePolicy::check(std::string_view passphrase, PassphraseUse use, const std::vector<std::string>& userWords)
{
    if (auto why = problem(passphrase, use, userWords)) {
        throw Error(ErrorCode::Validation, *why, "passphrase");
    }
}

} // namespace wb::core::security
