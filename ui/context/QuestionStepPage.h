// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>
#include <vector>

#include <QScrollArea>

#include "core/cases/ContextAnswers.h"
#include "core/nom/DerivedFacts.h"
#include "core/nom/Facts.h"
#include "ui/cases/CaseContext.h"

namespace wb::core::nom {
class QuestionCatalogue;
}

namespace wb::ui {

class QuestionRow;

/// One step of the guided context flow: an introduction and the questions of one group, each a QuestionRow. Saves
/// and withdraws its answers through core::cases; shows the history of an answer.
class QuestionStepPage final : public QScrollArea
{
    Q_OBJECT

public:
    /// `group` is a core::nom::ContextGroup; `index` names the page's widgets (contextStepPage<index>).
    QuestionStepPage(const CaseContext& context,
                     const core::nom::QuestionCatalogue& questions,
                     int group,
                     const QString& intro,
                     int index,
                     QWidget* parent = nullptr);

    const std::vector<QuestionRow*>& rows() const noexcept { return m_rows; }

    /// Shows the case's facts (answers merged with what the records hold, core::cases::caseFacts), where each
    /// derived one comes from, and who last changed each answer; edits are kept unless `resetEditors`.
    void showStored(const core::nom::MergedFacts& merged,
                    const std::map<std::string, core::cases::LatestChange>& latest,
                    bool resetEditors);
    /// "From People: met online / dating app"; an override with what the records say and the reason; empty for
    /// a plain answer.
    static QString sourceText(const core::nom::Question& question, const core::nom::FactProvenance& provenance);
    /// Puts this page's readable edits on top of `facts` (what the officer sees, for showIf).
    void applyEdits(core::nom::Facts& facts) const;
    /// Hides the questions whose showIf does not hold on `facts` (their stored answers are kept). Follow-ups are
    /// revealed without moving what is under the pointer: the question under it (else the one with the keyboard,
    /// else the first one in view) keeps its place on screen, so the follow-ups open below the answered question
    /// and the view holds still.
    void updateVisibility(const core::nom::Facts& facts, core::Instant now);
    bool isModified() const;
    /// Focuses the first shown answer; false when there is none.
    bool focusFirstAnswer();

    struct SaveResult {
        bool any = false;                ///< an answer was changed
        bool ok = true;                  ///< every changed answer was saved
        QuestionRow* firstBad = nullptr; ///< the first refused one (its message shown beside it)
    };
    /// Saves every changed answer of the page.
    SaveResult save();

Q_SIGNALS:
    /// An answer was edited (not saved).
    void edited();
    /// An answer was withdrawn ("not known"): the stored answers changed.
    void withdrawn();
    /// A problem that concerns no single answer (the history could not be read).
    void problem(const QString& text);

private:
    /// The question that must not move when rows are shown or hidden; nullptr when the page is not shown.
    QuestionRow* anchorRow() const;
    QuestionRow* rowOf(QWidget* widget) const;
    /// Lays the page out now and scrolls so that `anchor` is back at `top` (its y in the viewport before).
    void keepInPlace(const QuestionRow& anchor, int top);
    bool saveRow(QuestionRow& row);
    void withdraw(QuestionRow& row);
    void showHistory(const QuestionRow& row);

    CaseContext m_context;
    const core::nom::QuestionCatalogue& m_questions;
    std::vector<QuestionRow*> m_rows;
    QWidget* m_bottomRoom = nullptr; ///< empty room at the end that keeps the anchor in place (keepInPlace)
};

} // namespace wb::ui
