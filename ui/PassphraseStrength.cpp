// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PassphraseStrength.h"

#include <algorithm>
#include <vector>

#include <QByteArray>

#include <zxcvbn.h>

namespace wb::ui {

namespace {

// Entropy bits (zxcvbn's estimate) at which each level starts.
constexpr double FairBits = 40.0;
constexpr double GoodBits = 60.0;
constexpr double StrongBits = 80.0;
constexpr double FullBarBits = 100.0;

} // namespace

PassphraseStrength::Rating PassphraseStrength::rate(const QString& passphrase, const QStringList& userWords)
{
    Rating rating;
    if (passphrase.isEmpty()) {
        return rating;
    }
    std::vector<QByteArray> words;
    for (const QString& word : userWords) {
        const QString clean = word.trimmed();
        if (clean.size() >= 3) {
            words.push_back(clean.toUtf8());
        }
    }
    std::vector<const char*> dictionary;
    dictionary.reserve(words.size() + 1);
    for (const QByteArray& word : words) {
        dictionary.push_back(word.constData());
    }
    dictionary.push_back(nullptr);

    QByteArray utf8 = passphrase.toUtf8();
    rating.entropyBits = ZxcvbnMatch(utf8.constData(), dictionary.data(), nullptr);
    utf8.fill('\0'); // do not leave a copy of the passphrase in freed memory
    for (QByteArray& word : words) {
        word.fill('\0');
    }

    if (rating.entropyBits < FairBits) {
        rating.level = Level::Weak;
    } else if (rating.entropyBits < GoodBits) {
        rating.level = Level::Fair;
    } else if (rating.entropyBits < StrongBits) {
        rating.level = Level::Good;
    } else {
        rating.level = Level::Strong;
    }
    rating.percent = std::clamp(static_cast<int>(rating.entropyBits * 100.0 / FullBarBits), 1, 100);
    return rating;
}

QString PassphraseStrength::levelText(Level level)
{
    switch (level) {
    case Level::Empty:
        return QString();
    case Level::Weak:
        return tr("Weak");
    case Level::Fair:
        return tr("Fair");
    case Level::Good:
        return tr("Good");
    case Level::Strong:
        return tr("Strong");
    }
    return QString();
}

} // namespace wb::ui
