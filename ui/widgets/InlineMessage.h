// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace wb::ui {

/// A message shown in the form it is about, hidden while empty. Errors start
/// with the word "Error:" so that they do not rely on colour alone.
class InlineMessage final : public QLabel
{
    Q_OBJECT

public:
    enum class Kind { Error, Warning, Information };

    explicit InlineMessage(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind = Kind::Error);
    void clearMessage();
    Kind kind() const noexcept { return m_kind; }

private:
    void setShown(bool shown);
    void growWindowToFit();

    Kind m_kind = Kind::Error;
};

} // namespace wb::ui
