// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/PassphraseStrength.h"

#include <algorithm>
#include <string>
#include <vector>

#include <QByteArray>
#include <QRegularExpression>

namespace wb::ui {

namespace {

using core::security::PassphrasePolicy;
using core::security::PassphraseUse;

constexpr double FullBarBits = 100.0;
/// The advice's "four or more unrelated words" (the problem text says the same).
constexpr qsizetype MinimumWords = 4;

std::vector<std::string> toWords(const QStringList& userWords)
{
    std::vector<std::string> words;
    for (const QString& word : userWords) {
        words.push_back(word.toStdString());
    }
    return words;
}

/// The passphrase as UTF-8 for core, wiped once `use` is done with it.
template <typename Use> auto withUtf8(const QString& passphrase, Use use)
{
    QByteArray utf8 = passphrase.toUtf8();
    struct Wipe {
        QByteArray& bytes;
        ~Wipe() { bytes.fill('\0'); }
    } wipe{utf8};
    return use(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

} // namespace

PassphraseStrength::Rating PassphraseStrength::rate(const QString& passphrase, const QStringList& userWords)
{
    Rating rating;
    if (passphrase.isEmpty()) {
        return rating;
    }
    const auto core =
        withUtf8(passphrase, [&](std::string_view text) { return PassphrasePolicy::rate(text, toWords(userWords)); });
    rating.level = core.level;
    rating.entropyBits = core.entropyBits;
    rating.percent = std::clamp(static_cast<int>(rating.entropyBits * 100.0 / FullBarBits), 1, 100);
    return rating;
}

QString PassphraseStrength::levelText(Level level)
{
    switch (level) {
    case Level::Empty: return QString();
    case Level::Weak: return tr("Weak");
    case Level::Fair: return tr("Fair");
    case Level::Good: return tr("Good");
    case Level::Strong: return tr("Strong");
    }
    return QString();
}

QString PassphraseStrength::adviceText(const QString& passphrase, const Rating& rating, const QStringList& userWords)
{
    if (rating.level == Level::Empty || rating.level == Level::Strong) {
        return QString();
    }
    // Presentation only: the rating itself is core's (zxcvbn), which already counts these as guessable.
    for (const QString& word : userWords) {
        if (word.size() >= 3 && passphrase.contains(word, Qt::CaseInsensitive)) {
            return tr("Leave out your name and staff number: they are the first things anyone would try.");
        }
    }
    static const QRegularExpression separators(QStringLiteral("[\\s\\p{P}\\p{S}]+"));
    const auto words = passphrase.split(separators, Qt::SkipEmptyParts).size();
    if (words < MinimumWords) {
        return tr("To make it stronger, add more unrelated words: four or more are best.");
    }
    if (rating.level == Level::Good) {
        return tr("Nearly strong: one more unrelated word would do it.");
    }
    return tr("To make it stronger, add another unrelated word, or use less common words (not a phrase or a "
              "saying).");
}

QString PassphraseStrength::problemText(const QString& passphrase, PassphraseUse use, const QStringList& userWords)
{
    const std::size_t bytes = withUtf8(passphrase, [](std::string_view text) { return text.size(); });
    if (bytes == 0) {
        return tr("Enter a passphrase.");
    }
    if (bytes > PassphrasePolicy::MaxBytes) {
        return tr("The passphrase is too long: at most %1 bytes (about as many letters) are accepted. "
                  "Use a shorter one.")
            .arg(PassphrasePolicy::MaxBytes);
    }
    const bool refused = withUtf8(passphrase, [&](std::string_view text) {
        return PassphrasePolicy::problem(text, use, toWords(userWords)).has_value();
    });
    if (!refused) {
        return QString();
    }
    if (use == PassphraseUse::Bundle) {
        return tr("The bundle passphrase is too weak: a bundle travels, so anyone who gets the file could guess it. "
                  "Use four or more unrelated words (strength at least “Fair”).");
    }
    return tr("This passphrase is too easy to guess for a workspace holding real cases. Use four or more unrelated "
              "words, or a longer mix of words, numbers and symbols, and not your name or staff number (strength "
              "at least “Fair”). A training workspace accepts any passphrase.");
}

} // namespace wb::ui
