// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QDialog;
class QScrollArea;
class QSize;
class QWidget;

namespace wb::ui {

/// Sizes a dialog to what it shows (issue 15: the Accept dialog was 760×760 and mostly empty): as wide as its
/// content asks for, at least `minWidth`, and as tall as its content at that width, both capped at nine tenths of
/// the screen's free area (the scroll area, if any, scrolls the rest).
class DialogFit final
{
public:
    DialogFit() = delete;

    /// `scroll` is the dialog's scroll area holding its form (nullptr when there is none); `growOnly` keeps a
    /// shown dialog from shrinking under the officer's pointer when part of its form is hidden.
    static void fit(QDialog& dialog, QScrollArea* scroll, int minWidth, bool growOnly = false);

    /// Sizes a top-level window to `preferred`, but never larger than the free area of the screen it opens on
    /// (issue 15: a 1280×800 screen at 150 % is 853×533 logical pixels; the case window asked for 1280×800).
    static void fitWindow(QWidget& window, const QSize& preferred);
};

} // namespace wb::ui
