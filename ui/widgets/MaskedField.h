// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace wb::ui {

/// One field that holds a victim's or witness's name or contact detail, for
/// privacy mode. While masked, a read-only stand-in ("A. (hidden)") takes the
/// field's place and the field itself is hidden: neither the screen nor a screen
/// reader gets its value, and nothing typed can reach it, so the stored value stays
/// in the field untouched and is what a save writes. "Show" beside it (Tab to it,
/// Space; or Enter on the stand-in) reveals the field until the focus leaves it,
/// then it is masked again.
class MaskedField final : public QWidget
{
    Q_OBJECT

public:
    /// Takes `field` into this widget. fieldName names it in the accessible names
    /// of the stand-in and the button ("Given name").
    MaskedField(QWidget* field, const QString& fieldName, QWidget* parent = nullptr);

    QWidget* field() const noexcept { return m_field; }
    QLineEdit* standIn() const noexcept { return m_standIn; }
    QToolButton* showButton() const noexcept { return m_button; }

    /// Masks the field behind maskText (what the stand-in shows before "(hidden)"),
    /// or shows it plainly. Masking conceals a field that was revealed.
    void setMasked(bool masked, const QString& maskText = QString());
    bool isMasked() const noexcept { return m_masked; }
    /// True while masked but shown through "Show".
    bool isRevealed() const noexcept { return m_masked && m_revealed; }
    void reveal();
    void conceal();

Q_SIGNALS:
    /// The field was revealed (true) or masked again (false).
    void revealedChanged(bool revealed);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateState();
    void focusChanged(QWidget* now);

    QWidget* m_field = nullptr;
    QLineEdit* m_standIn = nullptr;
    QToolButton* m_button = nullptr;
    QString m_fieldName;
    bool m_masked = false;
    bool m_revealed = false;
};

} // namespace wb::ui
