// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace wb::ui {

/// The few settings kept outside the workspace: the auto-lock delay and whether
/// the workspace locks when the computer sleeps or the screen locks.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(int autoLockMinutes, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    int autoLockMinutes() const;

    void setLockOnSuspend(bool on);
    bool lockOnSuspend() const;
    void setLockOnScreenLock(bool on);
    bool lockOnScreenLock() const;

private:
    QSpinBox* m_autoLockSpin = nullptr;
    QCheckBox* m_suspendCheck = nullptr;
    QCheckBox* m_screenLockCheck = nullptr;
};

} // namespace wb::ui
