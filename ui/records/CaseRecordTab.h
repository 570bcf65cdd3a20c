// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QString>

#include "ui/cases/CaseTab.h"

class QWidget;

namespace wb::ui {

/// One tab of the case workspace: its key (stable and untranslated: kept drafts name
/// their tab by it), its title, the widget to add to the tab bar, and the CaseTab the
/// shell drives (the same object as widget).
struct CaseRecordTab {
    QString key;
    QString title;
    QWidget* widget = nullptr;
    CaseTab* tab = nullptr;
};

/// Decisions, Timeline, Evidence (exhibits with their movements, digital devices,
/// third-party material), Bail (bail/RUI with extensions and RUI reviews) and
/// Reviews, built from core::recordSpecs(). Widgets are parented to `parent`.
/// Ctrl+N / Ctrl+S are left to the shell, which calls CaseTab.
std::vector<CaseRecordTab> createRecordTabs(const CaseContext& context, QWidget* parent);

} // namespace wb::ui
