// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace wb::ui {

/// The page behind the unlock dialog while the workspace is locked: says so,
/// and offers the unlock dialog again (unlockRequested) if it was closed.
class LockedPage final : public QWidget
{
    Q_OBJECT

public:
    explicit LockedPage(QWidget* parent = nullptr);

Q_SIGNALS:
    void unlockRequested();
};

} // namespace wb::ui
