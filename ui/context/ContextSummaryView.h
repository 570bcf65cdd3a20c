// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>
#include <vector>

#include <QString>
#include <QTextBrowser>

#include "core/nom/Facts.h"

namespace wb::core::nom {
struct Question;
}

namespace wb::ui {

/// The last step of the guided context flow: the saved answers step by step, then the important questions (those
/// the plan or the journey checklists read, core decides) not answered yet.
class ContextSummaryView final : public QTextBrowser
{
    Q_OBJECT

public:
    /// One answered question: its value and, when the case's records hold it, where it came from (shown after it).
    struct Answer {
        const core::nom::Question* question = nullptr;
        core::nom::FactValue value;
        QString source;
    };
    /// One step of the flow: its title and its answered questions with their saved values.
    struct Section {
        QString title;
        std::vector<Answer> answers;
    };

    explicit ContextSummaryView(QWidget* parent = nullptr);

    void showSummary(const std::vector<Section>& sections, const std::vector<const core::nom::Question*>& missing);
};

} // namespace wb::ui
