// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QWidget>

#include "core/domain/Time.h"
#include "core/nom/Facts.h"

class QLabel;
class QProgressBar;

namespace wb::core::nom {
class QuestionCatalogue;
}

namespace wb::ui {

/// The Context tab's progress line: "N of M questions answered" (and how many more depend on earlier answers) with
/// a bar. The one count of the tab: the step list counts each step with tally() too, so the totals agree.
class ContextProgress final : public QWidget
{
    Q_OBJECT

public:
    explicit ContextProgress(QWidget* parent = nullptr);

    struct Tally {
        int answered = 0; ///< shown questions with a saved answer (or one the records hold)
        int shown = 0;    ///< questions that apply to what the officer sees, unsaved answers included
        int waiting = 0;  ///< questions that depend on answers not given (shown + waiting is every question)
    };
    /// Counts the questions of `group` (a core::nom::ContextGroup; every group when empty). `shownOn` decides
    /// which questions apply (the saved facts with the officer's unsaved edits, as the pages show them), `saved`
    /// which are answered: revealing a follow-up counts it at once, and saving an answer moves no total.
    static Tally tally(const core::nom::QuestionCatalogue& questions,
                       const core::nom::Facts& shownOn,
                       const core::nom::Facts& saved,
                       core::Instant now,
                       std::optional<int> group = std::nullopt);

    void showTally(const Tally& tally);

private:
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
};

} // namespace wb::ui
