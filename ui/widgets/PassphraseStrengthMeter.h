// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace wb::ui {

/// A bar and a word ("Weak", "Fair", "Strong"…) rating a new passphrase with
/// core's policy (PassphraseStrength), so the rating never depends on colour
/// alone, and under them a sentence saying what would make it stronger: the
/// one meter of the create, change-passphrase and bundle dialogs.
class PassphraseStrengthMeter final : public QWidget
{
    Q_OBJECT

public:
    /// accessibleName names the bar; the object names let tests find the bar and the word (the
    /// advice line is labelObjectName + "Advice").
    PassphraseStrengthMeter(const QString& accessibleName,
                            const QString& barObjectName,
                            const QString& labelObjectName,
                            QWidget* parent = nullptr);

    /// Rates passphrase; userWords (the owner's name, staff number) count as guessable.
    void rate(const QString& passphrase, const QStringList& userWords = {});

    QProgressBar* bar() const noexcept { return m_bar; }
    QLabel* label() const noexcept { return m_label; }
    /// What would make the passphrase stronger (hidden when there is nothing to say).
    QLabel* advice() const noexcept { return m_advice; }

private:
    /// Grows the window when the advice needs more lines than it has room for.
    void fitWindow();

    QProgressBar* m_bar = nullptr;
    QLabel* m_label = nullptr;
    QLabel* m_advice = nullptr;
};

} // namespace wb::ui
