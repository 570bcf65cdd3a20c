// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <QDialog>

namespace wb::ui {

/// One attachment of an exercise's new information (issue 17), shown from memory: a PNG or JPEG image at its own
/// size (scrolled when larger than the window), or a text file, read-only. Nothing is written to disk to show it.
class AttachmentDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `file` is the attachment's name (its suffix says image or text), `content` its bytes.
    AttachmentDialog(const QString& title, const QString& file, const std::string& content, QWidget* parent = nullptr);

    /// Whether the content was shown (an image that does not decode is said so in words instead).
    bool shown() const noexcept { return m_shown; }

private:
    bool m_shown = false;
};

} // namespace wb::ui
