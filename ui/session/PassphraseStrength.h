// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "core/security/PassphrasePolicy.h"

namespace wb::ui {

/// Passphrase strength from core's policy (zxcvbn's entropy estimate, the same rule
/// the CLI applies), as a level with a word, so it never depends on colour alone.
class PassphraseStrength
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::PassphraseStrength)

public:
    using Level = core::security::PassphraseStrength;

    struct Rating {
        Level level = Level::Empty;
        double entropyBits = 0.0;
        int percent = 0; ///< for a progress bar, 0..100
    };

    /// userWords (e.g. the owner's name) count as guessable.
    static Rating rate(const QString& passphrase, const QStringList& userWords = {});
    static QString levelText(Level level);
    /// What would make this passphrase stronger, in a sentence (empty when it is empty or
    /// already "Strong"): said beside the level word, so "Weak" never stands alone.
    /// rating is rate(passphrase, userWords).
    static QString adviceText(const QString& passphrase, const Rating& rating, const QStringList& userWords = {});
    /// Why core::security::PassphrasePolicy refuses this new passphrase for `use`, in the
    /// user's words (what would pass), or an empty string when it is accepted.
    static QString
    problemText(const QString& passphrase, core::security::PassphraseUse use, const QStringList& userWords = {});
};

} // namespace wb::ui
