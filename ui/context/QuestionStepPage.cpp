// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/context/QuestionStepPage.h"

#include <exception>

#include <QApplication>
#include <QCursor>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QStringList>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/nom/QuestionCatalogue.h"
#include "ui/context/AnswerHistoryDialog.h"
#include "ui/context/QuestionRow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

QuestionStepPage::QuestionStepPage(const CaseContext& context,
                                   const core::nom::QuestionCatalogue& questions,
                                   int group,
                                   const QString& intro,
                                   int index,
                                   QWidget* parent)
    : QScrollArea(parent)
    , m_context(context)
    , m_questions(questions)
{
    setObjectName(QStringLiteral("contextStepPage%1").arg(index));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    auto* introLabel = new QLabel(intro, content);
    introLabel->setObjectName(QStringLiteral("contextStepIntro%1").arg(index));
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);
    introLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #eef4fb; border: 1px solid #9bb8d8; padding: 4px; }"));
    layout->addWidget(introLabel);
    for (const core::nom::Question& question : m_questions.questions()) {
        if (static_cast<int>(question.group) != group) {
            continue;
        }
        auto* row = new QuestionRow(question, content);
        if (!question.showIf.isAlways()) {
            // A follow-up says which answer it follows, so it is not taken for the question the officer was about
            // to answer when it appears.
            QStringList labels;
            for (const std::string& key : question.showIf.factKeys()) {
                const core::nom::Question* parentQuestion = m_questions.find(key);
                labels << DisplayText::fromStd(parentQuestion != nullptr ? parentQuestion->label : key);
            }
            row->setFollowUpOf(labels.join(tr(", ")));
        }
        row->onEdited = [this] { Q_EMIT edited(); };
        connect(row->notKnownButton(), &QPushButton::clicked, this, [this, row] { withdraw(*row); });
        connect(row->historyButton(), &QPushButton::clicked, this, [this, row] { showHistory(*row); });
        layout->addWidget(row);
        m_rows.push_back(row);
    }
    layout->addStretch(1);
    // Room below the last question that keepInPlace() lends when rows are hidden while the page is scrolled to its
    // end: without it the page would get shorter than the view needs and slide down under the pointer.
    m_bottomRoom = new QWidget(content);
    m_bottomRoom->setObjectName(QStringLiteral("contextStepBottomRoom%1").arg(index));
    m_bottomRoom->setFixedHeight(0);
    layout->addWidget(m_bottomRoom);
    setWidget(content);
}

namespace {

QString recordName(core::nom::RecordSource source)
{
    switch (source) {
    case core::nom::RecordSource::People:
    case core::nom::RecordSource::Relationships: return QuestionStepPage::tr("People");
    case core::nom::RecordSource::Overview: return QuestionStepPage::tr("Overview");
    case core::nom::RecordSource::IsvaReferrals: return QuestionStepPage::tr("ISVA referrals");
    case core::nom::RecordSource::Bail: return QuestionStepPage::tr("Bail and RUI");
    }
    return QuestionStepPage::tr("the case's records");
}

} // namespace

QString QuestionStepPage::sourceText(const core::nom::Question& question, const core::nom::FactProvenance& provenance)
{
    using core::nom::FactOrigin;
    const QString reason = DisplayText::fromStd(provenance.overrideReason);
    switch (provenance.origin) {
    case FactOrigin::Answer: return {};
    case FactOrigin::Record:
        if (provenance.derived) {
            return tr("From %1: %2")
                .arg(recordName(provenance.derived->source),
                     QuestionRow::valueText(question, provenance.derived->value));
        }
        return {};
    case FactOrigin::Override:
        if (provenance.derived) {
            return tr("Answered otherwise than %1 (%2). Reason: %3")
                .arg(recordName(provenance.derived->source),
                     QuestionRow::valueText(question, provenance.derived->value), reason);
        }
        return tr("Answered over the records. Reason: %1").arg(reason);
    }
    return {};
}

void QuestionStepPage::showStored(const core::nom::MergedFacts& merged,
                                  const std::map<std::string, core::cases::LatestChange>& latest,
                                  bool resetEditors)
{
    const core::nom::Facts& facts = merged.facts;
    for (QuestionRow* row : m_rows) {
        const std::string& id = row->question().id;
        const auto fact = facts.find(id);
        if (resetEditors || !row->isModified()) {
            row->setSaved(fact == facts.end() ? std::nullopt : std::optional<core::nom::FactValue>(fact->second));
        }
        const auto provenance = merged.provenance.find(id);
        const bool fromRecords = provenance != merged.provenance.end() && provenance->second.derived.has_value();
        row->setSource(provenance == merged.provenance.end() ? QString()
                                                             : sourceText(row->question(), provenance->second),
                       fromRecords);
        const auto change = latest.find(id);
        if (change == latest.end()) {
            row->setLastChange(fact == facts.end() ? tr("Not answered yet.") : tr("Not answered on Context."));
            row->historyButton()->setEnabled(false);
        } else {
            const QString when = DisplayText::ukDateTime(change->second.at);
            const QString who = DisplayText::fromStd(change->second.by);
            row->setLastChange(fact == facts.end() ? tr("Marked not known %1 by %2.").arg(when, who)
                                                   : tr("Answered %1 by %2.").arg(when, who));
            row->historyButton()->setEnabled(true);
        }
    }
}

void QuestionStepPage::applyEdits(core::nom::Facts& facts) const
{
    for (const QuestionRow* row : m_rows) {
        if (!row->isModified()) {
            continue;
        }
        QString error;
        const auto value = row->edited(&error);
        if (!error.isEmpty()) {
            continue;
        }
        if (value) {
            facts[row->question().id] = *value;
        } else {
            facts.erase(row->question().id);
        }
    }
}

void QuestionStepPage::updateVisibility(const core::nom::Facts& facts, core::Instant now)
{
    const QuestionRow* anchor = anchorRow();
    const int top = anchor != nullptr ? anchor->mapTo(viewport(), QPoint(0, 0)).y() : 0;
    bool changed = false;
    for (QuestionRow* row : m_rows) {
        // A question that no longer applies keeps its stored answer; only its row is hidden.
        const bool hide = !m_questions.isVisible(row->question(), facts, now);
        if (hide != row->isHidden()) {
            row->setHidden(hide);
            changed = true;
        }
    }
    if (changed && anchor != nullptr && !anchor->isHidden()) {
        keepInPlace(*anchor, top);
    }
}

QuestionRow* QuestionStepPage::rowOf(QWidget* widget) const
{
    for (QWidget* w = widget; w != nullptr && w != this; w = w->parentWidget()) {
        for (QuestionRow* row : m_rows) {
            if (row == w) {
                return row;
            }
        }
    }
    return nullptr;
}

QuestionRow* QuestionStepPage::anchorRow() const
{
    if (!isVisible() || widget() == nullptr) {
        return nullptr;
    }
    // What is under the pointer first: the answer just clicked, or the question about to be clicked.
    const QPoint pointer = viewport()->mapFromGlobal(QCursor::pos());
    if (viewport()->rect().contains(pointer)) {
        if (QuestionRow* row = rowOf(widget()->childAt(widget()->mapFrom(viewport(), pointer)));
            row != nullptr && !row->isHidden()) {
            return row;
        }
    }
    // Then the answer being typed or chosen with the keyboard.
    if (QuestionRow* row = rowOf(QApplication::focusWidget()); row != nullptr && !row->isHidden()) {
        return row;
    }
    // Else the view holds still: the first question in view keeps its place.
    for (QuestionRow* row : m_rows) {
        if (!row->isHidden() && row->mapTo(viewport(), QPoint(0, row->height())).y() > 0) {
            return row;
        }
    }
    return nullptr;
}

void QuestionStepPage::keepInPlace(const QuestionRow& anchor, int top)
{
    // Shown and hidden rows are laid out when the event loop next runs; the scroll position must follow in the same
    // step, or the page jumps and then jumps back. Re-applying the resizable setting sizes the content (and the
    // scroll range) to the rows shown now.
    const auto layOut = [this] {
        widget()->layout()->activate();
        setWidgetResizable(true);
        widget()->layout()->activate();
    };
    m_bottomRoom->setFixedHeight(0);
    layOut();
    const int moved = anchor.mapTo(viewport(), QPoint(0, 0)).y() - top;
    const int wanted = verticalScrollBar()->value() + moved;
    if (wanted > verticalScrollBar()->maximum()) {
        // Rows hidden near the end of the page: the page lends the room they took, so the anchor can stay put.
        m_bottomRoom->setFixedHeight(wanted - verticalScrollBar()->maximum());
        layOut();
    }
    if (moved != 0) {
        verticalScrollBar()->setValue(wanted);
    }
}

bool QuestionStepPage::isModified() const
{
    for (const QuestionRow* row : m_rows) {
        if (row->isModified()) {
            return true;
        }
    }
    return false;
}

bool QuestionStepPage::focusFirstAnswer()
{
    for (QuestionRow* row : m_rows) {
        if (!row->isHidden() && row->firstEditor() != nullptr) {
            row->firstEditor()->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return false;
}

QuestionStepPage::SaveResult QuestionStepPage::save()
{
    SaveResult result;
    for (QuestionRow* row : m_rows) {
        if (!row->isModified()) {
            continue;
        }
        result.any = true;
        if (!saveRow(*row)) {
            result.ok = false;
            result.firstBad = result.firstBad == nullptr ? row : result.firstBad;
        }
    }
    return result;
}

bool QuestionStepPage::saveRow(QuestionRow& row)
{
    row.clearError();
    QString parseError;
    const auto value = row.edited(&parseError);
    if (!parseError.isEmpty()) {
        row.showError(parseError);
        return false;
    }
    try {
        // Core records nothing when the answer equals the stored one.
        // A reason typed beside a fact the records hold makes the answer an override (core decides when one is
        // needed and refuses without it).
        core::cases::answer(*m_context.workspace, m_context.caseId, row.question().id, value, m_questions,
                            value ? row.overrideReason() : std::nullopt);
    } catch (const core::Error& error) {
        // A refused value is explained in the question's own terms (ErrorText decides by code and field).
        row.showError(ErrorText::answerMessage(error, row.question(), value));
        return false;
    } catch (const std::exception&) {
        row.showError(ErrorText::unexpected());
        return false;
    }
    row.setSaved(value);
    return true;
}

void QuestionStepPage::withdraw(QuestionRow& row)
{
    row.clearError();
    try {
        // Core records nothing when there is no answer to withdraw.
        core::cases::answer(*m_context.workspace, m_context.caseId, row.question().id, std::nullopt, m_questions);
    } catch (const core::Error& error) {
        row.showError(ErrorText::message(error));
        return;
    } catch (const std::exception&) {
        row.showError(ErrorText::unexpected());
        return;
    }
    row.setSaved(std::nullopt);
    Q_EMIT withdrawn();
}

void QuestionStepPage::showHistory(const QuestionRow& row)
{
    std::vector<core::ContextAnswer> history;
    try {
        history = m_context.workspace->context().history(m_context.caseId, row.question().id, m_questions);
    } catch (const core::Error& error) {
        Q_EMIT problem(ErrorText::message(error));
        return;
    }
    AnswerHistoryDialog dialog(row.question(), history, this);
    dialog.exec();
}

} // namespace wb::ui
