// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace wb::ui {

/// Passphrase strength from zxcvbn's entropy estimate, as a level with a word,
/// so it never depends on colour alone.
class PassphraseStrength
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::PassphraseStrength)

public:
    enum class Level { Empty, Weak, Fair, Good, Strong };

    struct Rating {
        Level level = Level::Empty;
        double entropyBits = 0.0;
        int percent = 0; ///< for a progress bar, 0..100
    };

    /// userWords (e.g. the owner's name) count as guessable.
    static Rating rate(const QString& passphrase, const QStringList& userWords = {});
    static QString levelText(Level level);
};

} // namespace wb::ui
