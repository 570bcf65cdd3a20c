// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/MainStatusBar.h"

#include <QLabel>

#include "ui/text/DisplayText.h"
#include "ui/widgets/BusyIndicator.h"

namespace wb::ui {

MainStatusBar::MainStatusBar(QWidget* parent)
    : QStatusBar(parent)
{
    m_ownerLabel = new QLabel(this);
    m_ownerLabel->setObjectName(QStringLiteral("ownerLabel"));
    m_ownerLabel->setTextFormat(Qt::PlainText);
    addPermanentWidget(m_ownerLabel);
    m_privacyLabel = new QLabel(this);
    m_privacyLabel->setObjectName(QStringLiteral("privacyLabel"));
    m_privacyLabel->setTextFormat(Qt::PlainText);
    addPermanentWidget(m_privacyLabel);
    m_busyIndicator =
        new BusyIndicator(tr("Working"), QStringLiteral("sessionBusyBar"), QStringLiteral("sessionBusyLabel"), this);
    m_busyIndicator->setHorizontal(true);
    addWidget(m_busyIndicator);
}

void MainStatusBar::showOwner(const core::WorkspaceInfo& info)
{
    const QString owner = DisplayText::fromStd(info.owner.displayName);
    const QString staff = DisplayText::fromStd(info.owner.staffNumber);
    m_ownerLabel->setText(staff.isEmpty() ? tr("Owner: %1").arg(owner) : tr("Owner: %1 (%2)").arg(owner, staff));
}

void MainStatusBar::clearOwner()
{
    m_ownerLabel->clear();
}

void MainStatusBar::showPrivacy(bool on)
{
    m_privacyLabel->setText(on ? tr("Privacy mode on: names hidden") : tr("Privacy mode off"));
}

void MainStatusBar::showBusy(bool busy, const QString& jobLabel)
{
    if (busy) {
        m_busyIndicator->start(jobLabel);
    } else {
        m_busyIndicator->stop();
    }
}

void MainStatusBar::showFormatUpgrade(const core::Workspace::FormatUpgrade& upgrade)
{
    // Opening a file from an older version upgrades it (4 KiB pages): say so, once.
    if (upgrade.fromFormat == 0) {
        return;
    }
    showMessage(upgrade.done
                    ? tr("This workspace file was upgraded to the current format. The same passphrase opens it, "
                         "and older backups still open.")
                    : tr("This workspace file could not be upgraded to the current format; it works as before, "
                         "and the upgrade will be tried again when it is next opened."));
}

} // namespace wb::ui
