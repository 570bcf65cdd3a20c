// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace wb::ui {

/// A file path typed in a line edit or chosen with Browse… (through FileChooser,
/// which keeps no history): the one path row of the unlock, backup, restore and
/// bundle dialogs.
class PathChooser final : public QWidget
{
    Q_OBJECT

public:
    enum class Mode {
        Open, ///< an existing file
        Save, ///< a file to write
    };

    /// accessibleName names the line edit; browseAccessibleName the button. The object names
    /// let tests find both.
    PathChooser(Mode mode,
                const QString& accessibleName,
                const QString& browseAccessibleName,
                const QString& editObjectName,
                const QString& buttonObjectName,
                QWidget* parent = nullptr);

    /// The caption and file filter of the Browse dialog.
    void setDialog(const QString& caption, const QString& filter);
    /// The folder Browse starts in when no path is typed.
    void setStartFolder(const QString& folder);

    /// The path as typed (trimmed, '/' separators).
    QString path() const;
    void setPath(const QString& path);
    /// The typed path made absolute, given defaultSuffix when it has none, and shown so; empty stays empty.
    QString normalisedPath(const QString& defaultSuffix = QString());

    QLineEdit* lineEdit() const noexcept { return m_edit; }
    QPushButton* browseButton() const noexcept { return m_browse; }

Q_SIGNALS:
    void pathChanged();
    /// A path was chosen with Browse….
    void browsed();

private:
    void browse();

    Mode m_mode;
    QString m_caption;
    QString m_filter;
    QString m_startFolder;
    QLineEdit* m_edit = nullptr;
    QPushButton* m_browse = nullptr;
};

} // namespace wb::ui
