// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/DialogFit.h"

#include <algorithm>

#include <QDialog>
#include <QLayout>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>

namespace wb::ui {

void DialogFit::fit(QDialog& dialog, QScrollArea* scroll, int minWidth, bool growOnly)
{
    QLayout* layout = dialog.layout();
    if (layout == nullptr) {
        return;
    }
    const QScreen* screen = dialog.screen();
    const QRect available = screen != nullptr ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
    const int maxWidth = available.width() * 9 / 10;
    const int maxHeight = available.height() * 9 / 10;
    layout->activate();

    int width = std::max(minWidth, dialog.sizeHint().width());
    int height = 0;
    if (scroll != nullptr && scroll->widget() != nullptr) {
        QWidget* content = scroll->widget();
        if (content->layout() != nullptr) {
            content->layout()->activate();
        }
        // What the dialog needs besides the scroll area (margins, message line, buttons).
        const int chromeWidth = dialog.sizeHint().width() - scroll->sizeHint().width();
        const int chromeHeight = dialog.sizeHint().height() - scroll->sizeHint().height();
        const int frame = 2 * scroll->frameWidth();
        const int scrollBar = scroll->verticalScrollBar()->sizeHint().width();
        width = std::max(minWidth, content->sizeHint().width() + chromeWidth + frame + scrollBar);
        width = std::min(width, maxWidth);
        const int contentWidth = width - chromeWidth - frame - scrollBar;
        const int contentHeight =
            content->hasHeightForWidth() ? content->heightForWidth(contentWidth) : content->sizeHint().height();
        height = contentHeight + chromeHeight + frame;
    } else {
        width = std::min(width, maxWidth);
        height = dialog.hasHeightForWidth() ? dialog.heightForWidth(width) : dialog.sizeHint().height();
    }
    height = std::min(std::max(height, dialog.minimumSizeHint().height()), maxHeight);
    if (growOnly && dialog.isVisible()) {
        width = std::max(width, dialog.width());
        height = std::max(height, dialog.height());
    }
    dialog.resize(width, height);
}

void DialogFit::fitWindow(QWidget& window, const QSize& preferred)
{
    const QScreen* screen = window.screen();
    const QSize free = screen != nullptr ? screen->availableGeometry().size() : QSize(1280, 800);
    // Room for the window manager's frame and title bar.
    const QSize available(free.width() * 19 / 20, free.height() * 19 / 20);
    window.resize(preferred.boundedTo(available).expandedTo(window.minimumSizeHint().boundedTo(available)));
}

} // namespace wb::ui
