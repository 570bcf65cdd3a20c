// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QLineEdit>

namespace wb::ui {

/// A whole number typed as text: it keeps exactly what was typed (200 stays 200, never clipped to fit a range as a
/// spin box does) so that core can refuse what it cannot hold and the form can say so inline. Empty means not
/// recorded. Whether the number is in range is core's rule, not this widget's.
class WholeNumberEdit final : public QLineEdit
{
    Q_OBJECT

public:
    explicit WholeNumberEdit(QWidget* parent = nullptr);

    /// True while nothing (or only spaces) is typed.
    bool isBlank() const;
    /// True when the text is blank or a whole number ("-3", "200"); false for "2x", "1.5".
    bool holdsNumber() const;
    /// The number typed; nothing when blank or not a whole number.
    std::optional<long long> number() const;
    /// Shows a number, or empties the field.
    void setNumber(std::optional<long long> number);
};

} // namespace wb::ui
