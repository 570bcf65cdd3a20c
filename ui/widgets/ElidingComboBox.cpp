// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/ElidingComboBox.h"

#include <QStyleOptionComboBox>
#include <QStylePainter>

namespace wb::ui {

ElidingComboBox::ElidingComboBox(int minimumContentsLength, QWidget* parent)
    : QComboBox(parent)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(minimumContentsLength);
    connect(this, &QComboBox::currentIndexChanged, this, &ElidingComboBox::updateToolTip);
    connect(this, &QComboBox::currentTextChanged, this, &ElidingComboBox::updateToolTip);
}

QString ElidingComboBox::shownText() const
{
    QStyleOptionComboBox option;
    initStyleOption(&option);
    const QRect field = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    int width = field.width();
    if (!option.currentIcon.isNull()) {
        width -= option.iconSize.width() + 4; // the style's gap between icon and text
    }
    return fontMetrics().elidedText(option.currentText, Qt::ElideRight, std::max(width, 0));
}

void ElidingComboBox::paintEvent(QPaintEvent* /*event*/)
{
    QStylePainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    option.currentText = shownText();
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

void ElidingComboBox::resizeEvent(QResizeEvent* event)
{
    QComboBox::resizeEvent(event);
    updateToolTip();
}

void ElidingComboBox::updateToolTip()
{
    // The whole choice when it is shortened; otherwise no tooltip repeating what is already readable.
    setToolTip(isElided() ? currentText() : QString());
}

} // namespace wb::ui
