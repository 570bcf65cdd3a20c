// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QCheckBox;

namespace wb::ui {

class InlineMessage;
class PathChooser;

/// Where a file that leaves the encrypted workspace is written (a report's PDF, an analyst's export): the path row,
/// a warning naming the folder when a sync client copies it off the laptop or it is on a network file system
/// (core::exports::checkFolder), and a tick box to write there all the same. Browse… starts in the officer's
/// documents or home folder unless a sync client copies it: never in a synced folder suggested by us.
class PlainFileDestination final : public QWidget
{
    Q_OBJECT

public:
    /// The object names tests find the parts by.
    struct ObjectNames {
        QString edit;
        QString browse;
        QString warning;
        QString confirm;
    };

    /// fileName names the path row for assistive technology ("PDF file"); confirmText is the tick box's
    /// ("Save it in this folder all the &same").
    PlainFileDestination(const QString& fileName,
                         const QString& browseName,
                         const QString& confirmText,
                         const ObjectNames& names,
                         QWidget* parent = nullptr);

    PathChooser* chooser() const noexcept { return m_path; }
    InlineMessage* warning() const noexcept { return m_warning; }
    QCheckBox* confirmation() const noexcept { return m_confirm; }

    /// Whether the chosen folder may be written to: it is not synced or on a network, or the officer ticked that
    /// they mean it. Checks the folder again first.
    bool folderAccepted();
    /// Looks at the folder of the path as typed and shows or clears the warning and the tick box.
    void checkFolder();

    /// Where Browse… starts: documents, else home, when it exists and is not synced or on a network; empty otherwise.
    static QString safeStartFolder();

Q_SIGNALS:
    /// The path, or whether the folder is accepted, changed.
    void changed();

private:
    PathChooser* m_path = nullptr;
    InlineMessage* m_warning = nullptr;
    QCheckBox* m_confirm = nullptr;
};

} // namespace wb::ui
