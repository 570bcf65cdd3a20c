// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/WholeNumberEdit.h"

#include <QLocale>

namespace wb::ui {

namespace {

/// More digits than any field holds, fewer than a long long overflows at.
constexpr int MaxDigits = 15;

} // namespace

WholeNumberEdit::WholeNumberEdit(QWidget* parent)
    : QLineEdit(parent)
{
    setMaxLength(MaxDigits + 1);
    setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0")) * 14 + 24);
}

bool WholeNumberEdit::isBlank() const
{
    return text().trimmed().isEmpty();
}

bool WholeNumberEdit::holdsNumber() const
{
    return isBlank() || number().has_value();
}

std::optional<long long> WholeNumberEdit::number() const
{
    const QString typed = text().trimmed();
    if (typed.isEmpty()) {
        return std::nullopt;
    }
    bool ok = false;
    const long long value = QLocale::c().toLongLong(typed, &ok);
    return ok ? std::optional<long long>(value) : std::nullopt;
}

void WholeNumberEdit::setNumber(std::optional<long long> number)
{
    setText(number ? QString::number(*number) : QString());
}

} // namespace wb::ui
