// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/PlainFileDestination.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "core/export/ExportFolder.h"
#include "ui/text/DisplayText.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PathChooser.h"

namespace wb::ui {

using core::exports::FolderRisk;

PlainFileDestination::PlainFileDestination(const QString& fileName,
                                           const QString& browseName,
                                           const QString& confirmText,
                                           const ObjectNames& names,
                                           QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_path = new PathChooser(PathChooser::Mode::Save, fileName, browseName, names.edit, names.browse, this);
    m_path->setStartFolder(safeStartFolder());
    layout->addWidget(m_path);
    m_warning = new InlineMessage(this);
    m_warning->setObjectName(names.warning);
    layout->addWidget(m_warning);
    m_confirm = new QCheckBox(confirmText, this);
    m_confirm->setObjectName(names.confirm);
    m_confirm->setVisible(false);
    layout->addWidget(m_confirm);
    connect(m_path, &PathChooser::pathChanged, this, &PlainFileDestination::checkFolder);
    connect(m_confirm, &QCheckBox::toggled, this, &PlainFileDestination::changed);
}

QString PlainFileDestination::safeStartFolder()
{
    for (const auto location : {QStandardPaths::DocumentsLocation, QStandardPaths::HomeLocation}) {
        const QString folder = QStandardPaths::writableLocation(location);
        if (!folder.isEmpty() && QDir(folder).exists() &&
            core::exports::checkFolder(DisplayText::toPath(folder)).risk == FolderRisk::None) {
            return folder;
        }
    }
    return {};
}

bool PlainFileDestination::folderAccepted()
{
    checkFolder();
    return !m_confirm->isVisible() || m_confirm->isChecked();
}

void PlainFileDestination::checkFolder()
{
    const QString path = m_path->path();
    const auto check = path.isEmpty() ? core::exports::FolderCheck{}
                                      : core::exports::checkFolder(DisplayText::toPath(QFileInfo(path).absolutePath()));
    const bool risky = check.risk != FolderRisk::None;
    if (check.risk == FolderRisk::Synced) {
        m_warning->showMessage(tr("This folder is inside \"%1\", which a sync client copies off this computer: what "
                                  "is saved here would be stored unencrypted wherever it is copied to.")
                                   .arg(DisplayText::fromStd(check.seen)),
                               InlineMessage::Kind::Warning);
    } else if (check.risk == FolderRisk::Network) {
        m_warning->showMessage(tr("This folder is on a network or mounted file system (%1): what is saved here would "
                                  "be stored unencrypted on another computer.")
                                   .arg(DisplayText::fromStd(check.seen)),
                               InlineMessage::Kind::Warning);
    } else {
        m_warning->clearMessage();
    }
    if (!risky) {
        m_confirm->setChecked(false); // the tick is for one folder, not the next
    }
    m_confirm->setVisible(risky);
    Q_EMIT changed();
}

} // namespace wb::ui
