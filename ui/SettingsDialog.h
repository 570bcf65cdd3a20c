// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QSpinBox;

namespace wb::ui {

/// The few settings kept outside the workspace: the auto-lock delay.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(int autoLockMinutes, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    int autoLockMinutes() const;

private:
    QSpinBox* m_autoLockSpin = nullptr;
};

} // namespace wb::ui
