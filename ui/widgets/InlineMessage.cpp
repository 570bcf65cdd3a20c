// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/InlineMessage.h"

#include <QFormLayout>
#include <QLayout>

namespace wb::ui {

InlineMessage::InlineMessage(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText); // never interpret text (it may echo user input) as HTML
    setWordWrap(true);
    // Take the whole width of a form's field column, not a narrow wrapped width.
    QSizePolicy policy = sizePolicy();
    policy.setHorizontalPolicy(QSizePolicy::Expanding);
    setSizePolicy(policy);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setVisible(false);
}

void InlineMessage::showMessage(const QString& text, Kind kind)
{
    m_kind = kind;
    // Font and palette rather than a style sheet: a style sheet's font is
    // applied late and throws off the wrapped label's height-for-width.
    QFont font = this->font();
    QPalette colours = palette();
    switch (kind) {
    case Kind::Error:
        setText(tr("Error: %1").arg(text));
        font.setBold(true);
        colours.setColor(QPalette::WindowText, QColor(0xa4, 0x00, 0x0f));
        break;
    case Kind::Warning:
        setText(tr("Warning: %1").arg(text));
        font.setBold(false);
        colours.setColor(QPalette::WindowText, QColor(0x7a, 0x4b, 0x00));
        break;
    case Kind::Information:
        setText(text);
        font.setBold(false);
        colours = QPalette();
        break;
    }
    setFont(font);
    setPalette(colours);
    setAccessibleName(text);
    setShown(true);
}

void InlineMessage::clearMessage()
{
    clear();
    setAccessibleName(QString());
    setShown(false);
}

void InlineMessage::setShown(bool shown)
{
    // In a form, show or hide the whole row: a hidden field alone still leaves
    // its row's spacing behind.
    if (parentWidget() != nullptr) {
        const auto forms = parentWidget()->findChildren<QFormLayout*>();
        for (QFormLayout* form : forms) {
            if (form->indexOf(this) >= 0) {
                form->setRowVisible(this, shown);
                if (shown) {
                    growWindowToFit();
                }
                return;
            }
        }
    }
    setVisible(shown);
    if (shown) {
        growWindowToFit();
    }
}

void InlineMessage::growWindowToFit()
{
    // A wrapped message appearing in an open dialog needs more height than the
    // dialog was given; grow it (never shrink: the user may have resized it).
    QWidget* top = window();
    if (top == nullptr || top == this || !top->isVisible() || top->layout() == nullptr) {
        return;
    }
    QLayout* layout = top->layout();
    layout->activate();
    const int needed =
        layout->hasHeightForWidth() ? layout->totalHeightForWidth(top->width()) : layout->totalMinimumSize().height();
    if (needed > top->height()) {
        top->resize(top->width(), needed);
    }
}

} // namespace wb::ui
