// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/LockedPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wb::ui {

LockedPage::LockedPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lockedPage"));
    auto* layout = new QVBoxLayout(this);
    layout->addSpacing(48); // above the unlock dialog, which opens centred on the window
    auto* label = new QLabel(tr("The workspace is locked."), this);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    label->setFont(font);
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
    auto* hint = new QLabel(tr("Enter the passphrase to carry on working."), this);
    hint->setAlignment(Qt::AlignCenter);
    layout->addWidget(hint);
    auto* unlockButton = new QPushButton(tr("&Unlock…"), this);
    unlockButton->setObjectName(QStringLiteral("showUnlockButton"));
    unlockButton->setAccessibleName(tr("Unlock the workspace"));
    auto* row = new QHBoxLayout();
    row->addStretch(1);
    row->addWidget(unlockButton);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    connect(unlockButton, &QPushButton::clicked, this, &LockedPage::unlockRequested);
}

} // namespace wb::ui
