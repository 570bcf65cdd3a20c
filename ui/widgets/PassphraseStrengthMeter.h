// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace wb::ui {

/// A bar and a word ("Weak", "Fair", "Strong"…) rating a new passphrase with
/// core's policy (PassphraseStrength), so the rating never depends on colour
/// alone: the one meter of the create, change-passphrase and bundle dialogs.
class PassphraseStrengthMeter final : public QWidget
{
    Q_OBJECT

public:
    /// accessibleName names the bar; the object names let tests find the bar and the word.
    PassphraseStrengthMeter(const QString& accessibleName,
                            const QString& barObjectName,
                            const QString& labelObjectName,
                            QWidget* parent = nullptr);

    /// Rates passphrase; userWords (the owner's name, staff number) count as guessable.
    void rate(const QString& passphrase, const QStringList& userWords = {});

    QProgressBar* bar() const noexcept { return m_bar; }
    QLabel* label() const noexcept { return m_label; }

private:
    QProgressBar* m_bar = nullptr;
    QLabel* m_label = nullptr;
};

} // namespace wb::ui
