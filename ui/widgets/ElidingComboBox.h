// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>
#include <QString>

namespace wb::ui {

/// A (non-editable) combo box that may be narrower than its longest choice: the current choice is drawn shortened with
/// an ellipsis ("Update on the investigat…") when it does not fit, never clipped mid-letter, and its whole text is the
/// tooltip. The choice itself, what assistive technology reads and what the list shows when opened stay whole. Width:
/// at least `minimumContentsLength` characters (QComboBox::AdjustToMinimumContentsLengthWithIcon).
class ElidingComboBox final : public QComboBox
{
    Q_OBJECT

public:
    explicit ElidingComboBox(int minimumContentsLength, QWidget* parent = nullptr);

    /// What the closed box shows now: the current choice, shortened with an ellipsis when it does not fit.
    QString shownText() const;
    /// True when the current choice is shown shortened.
    bool isElided() const { return shownText() != currentText(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateToolTip();
};

} // namespace wb::ui
