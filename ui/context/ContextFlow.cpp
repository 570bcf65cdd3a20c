// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/context/ContextFlow.h"
#include "ui/cases/FormValues.h"

#include <algorithm>
#include <tuple>

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/CaseFacts.h"
#include "core/cases/ContextAnswers.h"
#include "core/nom/QuestionCatalogue.h"
#include "ui/context/ContextProgress.h"
#include "ui/context/ContextSummaryView.h"
#include "ui/context/QuestionRow.h"
#include "ui/context/QuestionStepPage.h"
#include "ui/session/Catalogues.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

ContextFlow::ContextFlow(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("contextFlowWidget"));
    if (m_context.catalogues != nullptr) {
        m_questions = m_context.catalogues->questions.get();
    }
    auto* outer = new QVBoxLayout(this);

    m_progress = new ContextProgress(this);
    outer->addWidget(m_progress);

    auto* body = new QHBoxLayout();
    m_stepList = new QListWidget(this);
    m_stepList->setObjectName(QStringLiteral("contextStepList"));
    m_stepList->setAccessibleName(tr("Steps of the context questions"));
    m_stepList->setMaximumWidth(280);
    m_stepList->setMinimumWidth(220);
    body->addWidget(m_stepList);

    auto* right = new QVBoxLayout();
    m_stepTitle = new QLabel(this);
    m_stepTitle->setObjectName(QStringLiteral("contextStepTitle"));
    m_stepTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_stepTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_stepTitle->setFont(titleFont);
    right->addWidget(m_stepTitle);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("contextPages"));
    right->addWidget(m_pages, 1);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("contextMessage"));
    right->addWidget(m_message);
    auto* buttons = new QHBoxLayout();
    m_backButton = new QPushButton(tr("◀ Back (Alt+B)"), this);
    m_backButton->setObjectName(QStringLiteral("contextBackButton"));
    m_backButton->setToolTip(tr("Save this step's answers and go to the previous step (Alt+B)"));
    m_backButton->setAccessibleName(tr("Back to the previous step"));
    m_saveButton = new QPushButton(tr("Save &answers"), this);
    m_saveButton->setObjectName(QStringLiteral("contextSaveButton"));
    m_saveButton->setToolTip(tr("Save the answers changed on this step (Ctrl+S)"));
    m_nextButton = new QPushButton(tr("Next (Alt+N) ▶"), this);
    m_nextButton->setObjectName(QStringLiteral("contextNextButton"));
    m_nextButton->setToolTip(tr("Save this step's answers and go to the next step (Alt+N)"));
    m_nextButton->setAccessibleName(tr("Next step"));
    buttons->addWidget(m_backButton);
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_nextButton);
    right->addLayout(buttons);
    body->addLayout(right, 1);
    outer->addLayout(body, 1);

    if (m_questions == nullptr || m_context.workspace == nullptr) {
        m_stepTitle->setText(tr("The context questions could not be loaded."));
        m_backButton->setEnabled(false);
        m_nextButton->setEnabled(false);
        m_saveButton->setEnabled(false);
        return;
    }

    buildQuestionStep(static_cast<int>(core::nom::ContextGroup::Relationship), tr("Relationship context"),
                      tr("How the victim and the suspect know each other. The relationship shapes the lines of "
                         "enquiry and safeguarding; it never makes an offence less serious."));
    buildQuestionStep(static_cast<int>(core::nom::ContextGroup::Victim), tr("Victim's context"),
                      tr("The victim's wishes, needs and circumstances, recorded as facts to plan support, safe "
                         "contact and any adjustments. Nothing here is a judgement about the victim or their "
                         "account."));
    buildQuestionStep(static_cast<int>(core::nom::ContextGroup::Suspect), tr("Suspect's context"),
                      tr("What is known about the suspect: identity, previous reports and intelligence, access to "
                         "the victim and others, and digital contact. The investigation starts here."));
    buildQuestionStep(static_cast<int>(core::nom::ContextGroup::Offence), tr("Offence circumstances"),
                      tr("When and where, and the circumstances that open lines of enquiry and forensic "
                         "opportunities. The time of last contact starts the forensic windows."));
    buildSummaryStep();
    for (int i = 0; i < stepCount(); ++i) {
        auto* item = new QListWidgetItem(m_stepList);
        item->setData(Qt::UserRole, i);
    }

    // Tab order: steps, the page, then the buttons.
    setTabOrder(m_stepList, m_pages);
    setTabOrder(m_backButton, m_saveButton);
    setTabOrder(m_saveButton, m_nextButton);

    connect(m_stepList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_moving && row >= 0 && row != m_pages->currentIndex()) {
            goToStep(row);
        }
    });
    connect(m_backButton, &QPushButton::clicked, this, [this] {
        if (goToStep(currentStep() - 1)) {
            focusFirstAnswer();
        }
    });
    connect(m_nextButton, &QPushButton::clicked, this, [this] {
        if (goToStep(currentStep() + 1)) {
            focusFirstAnswer();
        }
    });
    connect(m_saveButton, &QPushButton::clicked, this, &ContextFlow::save);
    // Alt+B / Alt+N anywhere in the tab (actions rather than mnemonics, so they work from any answer field).
    for (auto [button, key, name] : {std::tuple{m_backButton, Qt::Key_B, "contextBackAction"},
                                     std::tuple{m_nextButton, Qt::Key_N, "contextNextAction"}}) {
        auto* action = new QAction(this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(QKeySequence(Qt::ALT | key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QPushButton* target = button;
        connect(action, &QAction::triggered, target, [target] {
            if (target->isEnabled()) {
                target->click();
            }
        });
        addAction(action);
    }
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::contextChanged, this, &ContextFlow::contextChanged);
        // Facts read from the records (People, Overview, ISVA, bail) change with them.
        connect(m_context.bridge, &SignalBridge::caseChanged, this, [this](const core::CaseRepository::Event& e) {
            if (e.kind != core::ChangeKind::Removed) {
                contextChanged({e.record.id, {}});
            }
        });
        connect(m_context.bridge, &SignalBridge::recordChanged, this, [this](const core::RecordRepository::Event& e) {
            contextChanged({e.record.caseId, {}});
        });
        connect(m_context.bridge, &SignalBridge::personChanged, this, [this](const core::PersonRepository::Event& e) {
            contextChanged({e.record.caseId, {}});
        });
        // The linked reports follow repeat-suspect decisions, which may be about any case's people.
        connect(m_context.bridge, &SignalBridge::matchDecisionChanged, this, [this] {
            contextChanged({m_context.caseId, {}});
        });
    }

    reload();
    m_moving = true;
    m_stepList->setCurrentRow(0);
    m_moving = false;
    m_pages->setCurrentIndex(0);
    updateButtons();
}

ContextFlow::~ContextFlow() = default;

void ContextFlow::buildQuestionStep(int group, const QString& title, const QString& intro)
{
    auto* page = new QuestionStepPage(m_context, *m_questions, group, intro, static_cast<int>(m_steps.size()), m_pages);
    connect(page, &QuestionStepPage::edited, this, &ContextFlow::rowEdited);
    connect(page, &QuestionStepPage::withdrawn, this, [this] {
        if (loadStored()) {
            refreshRows(false);
        }
        Q_EMIT modifiedChanged();
    });
    connect(page, &QuestionStepPage::problem, this, [this](const QString& text) { m_message->showMessage(text); });
    for (QuestionRow* row : page->rows()) {
        // After the page has withdrawn the answer (connected first): this step's message is stale.
        connect(row->notKnownButton(), &QPushButton::clicked, m_message, &InlineMessage::clearMessage);
    }
    m_pages->addWidget(page);
    m_steps.push_back(Step{title, page, page, group});
}

void ContextFlow::buildSummaryStep()
{
    m_summary = new ContextSummaryView(m_pages);
    m_pages->addWidget(m_summary);
    m_steps.push_back(Step{tr("Summary"), m_summary, nullptr, -1});
}

void ContextFlow::focusFirstAnswer()
{
    if (QuestionStepPage* questions = m_steps[static_cast<std::size_t>(currentStep())].questions;
        questions != nullptr && questions->focusFirstAnswer()) {
        return;
    }
    // The summary: keep the keyboard on the buttons.
    QWidget* target = m_backButton->isEnabled() ? static_cast<QWidget*>(m_backButton) : m_stepList;
    target->setFocus(Qt::TabFocusReason);
}

int ContextFlow::currentStep() const
{
    return m_pages->currentIndex();
}

int ContextFlow::stepCount() const
{
    return static_cast<int>(m_steps.size());
}

QString ContextFlow::stepLabel(int step) const
{
    const Step& s = m_steps[static_cast<std::size_t>(step)];
    if (s.questions == nullptr || s.questions->rows().empty()) {
        return tr("%1. %2").arg(step + 1).arg(s.title);
    }
    // Counted as the progress line counts (ContextProgress::tally), so the steps add up to its total.
    const ContextProgress::Tally tally =
        ContextProgress::tally(*m_questions, effectiveFacts(), m_facts, workspaceNow(m_context.workspace), s.group);
    return tr("%1. %2 (%3 of %4)").arg(step + 1).arg(s.title).arg(tally.answered).arg(tally.shown);
}

bool ContextFlow::goToStep(int step)
{
    if (step < 0 || step >= stepCount() || m_questions == nullptr) {
        return false;
    }
    if (step != currentStep() && !save()) {
        m_moving = true;
        m_stepList->setCurrentRow(currentStep());
        m_moving = false;
        return false;
    }
    m_pages->setCurrentIndex(step);
    m_moving = true;
    m_stepList->setCurrentRow(step);
    m_moving = false;
    if (step == stepCount() - 1) {
        updateSummary();
    }
    updateButtons();
    return true;
}

bool ContextFlow::showQuestion(const std::string& questionId)
{
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        QuestionStepPage* page = m_steps[i].questions;
        if (page == nullptr) {
            continue;
        }
        for (QuestionRow* row : page->rows()) {
            if (row->question().id != questionId) {
                continue;
            }
            if (!goToStep(static_cast<int>(i)) || row->isHidden()) {
                return false;
            }
            page->ensureWidgetVisible(row);
            if (QWidget* editor = row->firstEditor()) {
                editor->setFocus(Qt::OtherFocusReason);
            }
            return true;
        }
    }
    return false;
}

void ContextFlow::updateButtons()
{
    const int step = currentStep();
    m_backButton->setEnabled(step > 0);
    m_nextButton->setEnabled(step < stepCount() - 1);
    const QuestionStepPage* questions = m_steps[static_cast<std::size_t>(step)].questions;
    m_saveButton->setEnabled(questions != nullptr && !questions->rows().empty());
    m_stepTitle->setText(
        tr("Step %1 of %2: %3").arg(step + 1).arg(stepCount()).arg(m_steps[static_cast<std::size_t>(step)].title));
    for (int i = 0; i < stepCount(); ++i) {
        QListWidgetItem* item = m_stepList->item(i);
        const QString text = stepLabel(i);
        // The current step is marked by text as well as by the selection colour.
        item->setText(i == step ? tr("▶ %1").arg(text) : text);
        item->setData(Qt::AccessibleTextRole, i == step ? tr("Current step: %1").arg(text) : text);
    }
}

bool ContextFlow::loadStored()
{
    if (m_context.workspace == nullptr || m_context.workspace->isLocked() || m_questions == nullptr) {
        return false;
    }
    try {
        // The facts every reader sees: the answers merged with what the case's records hold (asked once).
        auto merged = core::cases::caseFacts(*m_context.workspace, m_context.caseId, *m_questions,
                                             workspaceNow(m_context.workspace));
        m_latest = core::cases::latestChanges(*m_context.workspace, m_context.caseId);
        m_facts = merged.facts;
        m_merged = std::move(merged);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        return false;
    }
    return true;
}

void ContextFlow::reload()
{
    if (loadStored()) {
        refreshRows(true);
    }
}

void ContextFlow::refreshRows(bool resetEditors)
{
    if (m_questions == nullptr || m_steps.empty()) {
        return; // no catalogue: the tab only says so
    }
    for (Step& step : m_steps) {
        if (step.questions != nullptr) {
            step.questions->showStored(m_merged, m_latest, resetEditors);
        }
    }
    updateVisibility();
    updateProgress();
    if (currentStep() == stepCount() - 1) {
        updateSummary();
    }
    updateButtons();
}

core::nom::Facts ContextFlow::effectiveFacts() const
{
    core::nom::Facts facts = m_facts;
    for (const Step& step : m_steps) {
        if (step.questions != nullptr) {
            step.questions->applyEdits(facts);
        }
    }
    return facts;
}

void ContextFlow::updateVisibility()
{
    const auto facts = effectiveFacts();
    const core::Instant now = workspaceNow(m_context.workspace);
    for (Step& step : m_steps) {
        if (step.questions != nullptr) {
            step.questions->updateVisibility(facts, now);
        }
    }
}

void ContextFlow::updateProgress()
{
    if (m_questions != nullptr) { // without the catalogue the tab shows why instead
        // What applies follows what the pages show (unsaved answers included), so a revealed follow-up is counted
        // as it appears and saving moves no total; only saved answers count as answered.
        m_progress->showTally(
            ContextProgress::tally(*m_questions, effectiveFacts(), m_facts, workspaceNow(m_context.workspace)));
    }
}

void ContextFlow::updateSummary()
{
    if (m_summary == nullptr) {
        return;
    }
    std::vector<ContextSummaryView::Section> sections;
    for (std::size_t i = 0; i + 1 < m_steps.size(); ++i) {
        ContextSummaryView::Section section{m_steps[i].title, {}};
        if (m_steps[i].questions == nullptr) {
            continue;
        }
        for (const QuestionRow* row : m_steps[i].questions->rows()) {
            if (const auto fact = m_facts.find(row->question().id); fact != m_facts.end()) {
                const auto provenance = m_merged.provenance.find(row->question().id);
                section.answers.push_back({&row->question(), fact->second,
                                           provenance == m_merged.provenance.end()
                                               ? QString()
                                               : QuestionStepPage::sourceText(row->question(), provenance->second)});
            }
        }
        sections.push_back(std::move(section));
    }
    const bool have = m_context.catalogues != nullptr;
    m_summary->showSummary(sections, core::cases::unansweredImportant(
                                         *m_questions, m_facts, have ? m_context.catalogues->enquiries.get() : nullptr,
                                         have ? m_context.catalogues->journey.get() : nullptr,
                                         workspaceNow(m_context.workspace)));
}

void ContextFlow::rowEdited()
{
    m_message->clearMessage();
    updateVisibility();
    updateProgress();
    updateButtons();
    Q_EMIT modifiedChanged();
}

bool ContextFlow::save()
{
    if (m_questions == nullptr || m_context.workspace == nullptr) {
        return false;
    }
    m_message->clearMessage();
    QuestionStepPage* questions = m_steps[static_cast<std::size_t>(currentStep())].questions;
    const QuestionStepPage::SaveResult result =
        questions != nullptr ? questions->save() : QuestionStepPage::SaveResult{};
    if (result.any && loadStored()) {
        // Saved rows now show what is stored (who and when included); refused rows keep the officer's edit.
        refreshRows(false);
    }
    if (!result.ok) {
        m_message->showMessage(tr("Some answers on this step were not saved: see the messages beside them."));
        if (result.firstBad != nullptr && result.firstBad->firstEditor() != nullptr) {
            result.firstBad->firstEditor()->setFocus(Qt::OtherFocusReason);
        }
    } else if (result.any) {
        m_message->showMessage(tr("Answers saved."), InlineMessage::Kind::Information);
    }
    Q_EMIT modifiedChanged();
    return result.ok;
}

bool ContextFlow::hasUnsavedChanges() const
{
    return std::any_of(m_steps.begin(), m_steps.end(),
                       [](const Step& step) { return step.questions != nullptr && step.questions->isModified(); });
}

std::vector<core::FormDraft> ContextFlow::captureDrafts() const
{
    if (!hasUnsavedChanges()) {
        return {};
    }
    return {core::FormDraft{{}, "context", 0, 0, FormValues::capture(*this)}};
}

bool ContextFlow::restoreDraft(const core::FormDraft& draft)
{
    if (draft.form != "context") {
        return false;
    }
    FormValues::restore(*this, draft.fields);
    Q_EMIT modifiedChanged();
    return hasUnsavedChanges();
}

void ContextFlow::discardChanges()
{
    m_message->clearMessage();
    refreshRows(true);
    Q_EMIT modifiedChanged();
}

void ContextFlow::contextChanged(const core::ContextRepository::Event& event)
{
    if (event.caseId != m_context.caseId || m_questions == nullptr || m_context.workspace == nullptr ||
        m_context.workspace->isLocked()) {
        return;
    }
    if (!loadStored()) {
        return;
    }
    // Rows being edited keep the officer's edits; the others show the new answer.
    refreshRows(false);
}

} // namespace wb::ui
