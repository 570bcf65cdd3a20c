// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/NewWorkspaceFields.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>

#include "core/Error.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/PathChooser.h"

namespace wb::ui {

namespace {

const QString WorkspaceSuffix = QStringLiteral("rwb");

} // namespace

NewWorkspaceFields::NewWorkspaceFields(QWidget* dialog)
    : QObject(dialog)
    , m_dialog(dialog)
{
}

void NewWorkspaceFields::addIdentityRows(QFormLayout* form)
{
    m_ownerEdit = new QLineEdit(m_dialog);
    m_ownerEdit->setObjectName(QStringLiteral("ownerNameLineEdit"));
    m_ownerEdit->setAccessibleName(tr("Owner name"));
    m_ownerEdit->setPlaceholderText(tr("for example, DC Sam Example"));
    m_ownerEdit->setMaxLength(100);
    m_ownerLabel = new QLabel(tr("&Owner name:"), m_dialog);
    m_ownerLabel->setBuddy(m_ownerEdit);
    form->addRow(m_ownerLabel, m_ownerEdit);

    m_staffEdit = new QLineEdit(m_dialog);
    m_staffEdit->setObjectName(QStringLiteral("staffNumberLineEdit"));
    m_staffEdit->setAccessibleName(tr("Staff or collar number"));
    m_staffEdit->setMaxLength(40);
    form->addRow(tr("&Staff or collar number:"), m_staffEdit);

    m_pathChooser = new PathChooser(PathChooser::Mode::Save, tr("Workspace file"), tr("Browse for the workspace file"),
                                    QStringLiteral("pathLineEdit"), QStringLiteral("browseButton"), m_dialog);
    m_pathChooser->setDialog(tr("Choose where to save the new workspace"),
                             tr("Workbench workspaces (*.%1);;All files (*)").arg(WorkspaceSuffix));
    m_pathChooser->setStartFolder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    auto* pathLabel = new QLabel(tr("Workspace &file:"), m_dialog);
    pathLabel->setBuddy(pathEdit());
    form->addRow(pathLabel, m_pathChooser);

    connect(m_ownerEdit, &QLineEdit::textChanged, this, &NewWorkspaceFields::changed);
    connect(m_staffEdit, &QLineEdit::textChanged, this, &NewWorkspaceFields::changed);
    connect(pathEdit(), &QLineEdit::textChanged, this, &NewWorkspaceFields::changed);
}

void NewWorkspaceFields::addTrainingRow(QFormLayout* form)
{
    m_trainingCheck = new QCheckBox(tr("&Training workspace (fictional data only, marked TRAINING)"), m_dialog);
    m_trainingCheck->setObjectName(QStringLiteral("trainingCheckBox"));
    m_trainingCheck->setAccessibleName(tr("Training workspace"));
    form->addRow(static_cast<QWidget*>(nullptr), m_trainingCheck);
}

void NewWorkspaceFields::setTrainingOnly()
{
    if (m_trainingCheck != nullptr) {
        m_trainingCheck->setChecked(true);
        m_trainingCheck->setEnabled(false);
    }
    m_trainingOnly = true;
    m_ownerEdit->setAccessibleName(tr("Trainee's name"));
    m_ownerLabel->setText(tr("Trainee's na&me:"));
    m_ownerEdit->setPlaceholderText(tr("the trainee's own name, for example PC Sam Example"));
}

QLineEdit* NewWorkspaceFields::pathEdit() const noexcept
{
    return m_pathChooser->lineEdit();
}

void NewWorkspaceFields::setPath(const QString& path)
{
    pathEdit()->setText(path);
}

bool NewWorkspaceFields::complete() const
{
    return !m_ownerEdit->text().trimmed().isEmpty() && !pathEdit()->text().trimmed().isEmpty();
}

bool NewWorkspaceFields::training() const
{
    return m_trainingCheck->isChecked();
}

QStringList NewWorkspaceFields::ownerWords() const
{
    return m_ownerEdit->text().split(QLatin1Char(' ')) << m_staffEdit->text();
}

QString NewWorkspaceFields::preparePath(QString& path)
{
    path = m_pathChooser->normalisedPath(WorkspaceSuffix);
    if (QFileInfo::exists(path)) {
        return ErrorText::message(core::Error(core::ErrorCode::AlreadyExists, "exists"));
    }
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        return ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "no folder"));
    }
    return {};
}

core::CreateOptions NewWorkspaceFields::options(const core::store::KdfParams& kdf) const
{
    core::CreateOptions options;
    options.owner.displayName = DisplayText::toStd(m_ownerEdit->text().trimmed());
    options.owner.staffNumber = DisplayText::toStd(m_staffEdit->text().trimmed());
    options.training = training();
    options.kdf = kdf;
    return options;
}

void NewWorkspaceFields::setEnabled(bool enabled)
{
    m_ownerEdit->setEnabled(enabled);
    m_staffEdit->setEnabled(enabled);
    m_pathChooser->setEnabled(enabled);
    m_trainingCheck->setEnabled(enabled && !m_trainingOnly);
}

} // namespace wb::ui
