// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/SettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/mainwindow/AppSettings.h"

namespace wb::ui {

SettingsDialog::SettingsDialog(int autoLockMinutes, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout();
    m_autoLockSpin = new QSpinBox(this);
    m_autoLockSpin->setObjectName(QStringLiteral("autoLockSpinBox"));
    m_autoLockSpin->setAccessibleName(tr("Lock after this many minutes without use"));
    m_autoLockSpin->setRange(AppSettings::MinAutoLockMinutes, AppSettings::MaxAutoLockMinutes);
    m_autoLockSpin->setSuffix(tr(" minutes"));
    m_autoLockSpin->setValue(autoLockMinutes);
    form->addRow(tr("&Lock the workspace after:"), m_autoLockSpin);
    layout->addLayout(form);
    auto* note = new QLabel(tr("The workspace locks itself when the mouse and keyboard have not been used for "
                               "this long. Unsaved input in open forms is discarded when it locks."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_suspendCheck = new QCheckBox(tr("Lock when the computer goes to &sleep"), this);
    m_suspendCheck->setObjectName(QStringLiteral("lockOnSuspendCheckBox"));
    m_suspendCheck->setChecked(true);
    layout->addWidget(m_suspendCheck);
    m_screenLockCheck = new QCheckBox(tr("Lock when the &screen locks"), this);
    m_screenLockCheck->setObjectName(QStringLiteral("lockOnScreenLockCheckBox"));
    m_screenLockCheck->setChecked(true);
    layout->addWidget(m_screenLockCheck);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(380);
}

SettingsDialog::~SettingsDialog() = default;

int SettingsDialog::autoLockMinutes() const
{
    return m_autoLockSpin->value();
}

void SettingsDialog::setLockOnSuspend(bool on)
{
    m_suspendCheck->setChecked(on);
}

bool SettingsDialog::lockOnSuspend() const
{
    return m_suspendCheck->isChecked();
}

void SettingsDialog::setLockOnScreenLock(bool on)
{
    m_screenLockCheck->setChecked(on);
}

bool SettingsDialog::lockOnScreenLock() const
{
    return m_screenLockCheck->isChecked();
}

} // namespace wb::ui
