// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include "core/Workspace.h"
#include "core/store/KeyDerivation.h"

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace wb::ui {

class PathChooser;

/// What the create dialog asks about the new workspace besides its passphrase:
/// the owner's name, the staff or collar number, the file and whether it is a
/// training workspace. Adds its rows to the dialog's form (so labels line up and
/// the tab order follows the form) and turns them into core::CreateOptions.
class NewWorkspaceFields final : public QObject
{
    Q_OBJECT

public:
    /// The fields are children of dialog.
    explicit NewWorkspaceFields(QWidget* dialog);

    /// The owner, staff number and file rows.
    void addIdentityRows(QFormLayout* form);
    /// The training check box row.
    void addTrainingRow(QFormLayout* form);

    QLineEdit* pathEdit() const noexcept;
    void setPath(const QString& path);
    /// Owner and file filled in: worth trying.
    bool complete() const;
    bool training() const;
    /// The workspace can only be a training one (an exercise): the box ticked and fixed, the owner the trainee.
    void setTrainingOnly();
    /// The owner's name words and staff number: guessable words for the passphrase rule.
    QStringList ownerWords() const;
    /// Adds the .rwb suffix when none was typed and makes the path absolute (shown so);
    /// returns what stops a new file being made there, in the user's words, or nothing.
    QString preparePath(QString& path);
    core::CreateOptions options(const core::store::KdfParams& kdf) const;
    void setEnabled(bool enabled);

Q_SIGNALS:
    /// The owner, the staff number or the file changed.
    void changed();

private:
    QWidget* m_dialog;
    QLabel* m_ownerLabel = nullptr;
    QLineEdit* m_ownerEdit = nullptr;
    QLineEdit* m_staffEdit = nullptr;
    PathChooser* m_pathChooser = nullptr;
    QCheckBox* m_trainingCheck = nullptr;
    bool m_trainingOnly = false;
};

} // namespace wb::ui
