// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/PlanTab.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordTypes.h"
#include "ui/plan/DeclineDialog.h"
#include "ui/plan/EnquiryDialog.h"
#include "ui/plan/OpeningQuestionsPanel.h"
#include "ui/plan/PlanDetailView.h"
#include "ui/plan/PlanText.h"
#include "ui/plan/PlanTree.h"
#include "ui/session/Catalogues.h"
#include "ui/session/JobMonitor.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/FieldLabels.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

core::Instant PlanTab::now() const
{
    return workspaceNow(m_context.workspace);
}

PlanTab::PlanTab(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("planTab"));
    build();
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::recordChanged, this,
                [this](const core::RecordRepository::Event& event) {
                    const auto type = event.record.spec != nullptr ? event.record.spec->type : std::string_view();
                    // Relationships, ISVA referrals and bail records hold facts too (core/nom/DerivedFacts).
                    if (event.record.caseId == m_context.caseId &&
                        (type == core::recordtype::kEnquiry || type == core::recordtype::kDecision ||
                         type == core::recordtype::kPlanSnapshot || type == core::recordtype::kRelationship ||
                         type == core::recordtype::kIsvaReferral || type == core::recordtype::kBail)) {
                        refresh();
                    }
                });
        connect(m_context.bridge, &SignalBridge::contextChanged, this,
                [this](const core::ContextRepository::Event& event) {
                    if (event.caseId == m_context.caseId) {
                        refresh();
                    }
                });
        connect(m_context.bridge, &SignalBridge::personChanged, this, [this](const core::PersonRepository::Event& e) {
            if (e.record.caseId == m_context.caseId) {
                refresh(); // a named suspect, an age: facts the plan reads
            }
        });
        connect(m_context.bridge, &SignalBridge::caseChanged, this, [this](const core::CaseRepository::Event& e) {
            if (e.record.id == m_context.caseId && e.kind != core::ChangeKind::Removed) {
                refresh(); // the offence date on Overview
            }
        });
        // A suspect confirmed the same as one elsewhere: the linked reports (repeat-suspect lines of enquiry).
        connect(m_context.bridge, &SignalBridge::matchDecisionChanged, this, [this] { refresh(); });
        connect(m_context.bridge, &SignalBridge::lockChanged, this, [this](bool locked) {
            if (locked) {
                m_tree->clearPlan();
                m_view = {};
                m_detail->clear();
                m_questions->clear();
                m_banner->clear();
            } else {
                refresh();
            }
        });
    }
    // Countdowns move on: re-read every minute while shown.
    m_timer = new QTimer(this);
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible() && !JobMonitor::instance().busy()) { // paused while a job holds the workspace
            refresh();
        }
    });
    m_timer->start();
    refresh();
}

PlanTab::~PlanTab() = default;

bool PlanTab::ready() const
{
    return m_context.workspace != nullptr && m_context.catalogues != nullptr && m_context.catalogues->enquiries &&
           m_context.catalogues->questions;
}

void PlanTab::build()
{
    auto* layout = new QVBoxLayout(this);
    m_unavailable = new QLabel(tr("The investigation plan is not available: the catalogue of lines of enquiry and the "
                                  "context questions were not loaded. Check the installation's resources/nom folder."),
                               this);
    m_unavailable->setObjectName(QStringLiteral("planUnavailableLabel"));
    m_unavailable->setWordWrap(true);
    m_unavailable->setTextFormat(Qt::PlainText);
    layout->addWidget(m_unavailable);

    m_body = new QWidget(this);
    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_body, 1);

    m_banner = new QLabel(m_body);
    m_banner->setObjectName(QStringLiteral("planReviewBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_banner->setAccessibleName(tr("Changes since the last plan review"));
    body->addWidget(m_banner);

    auto* splitter = new QSplitter(Qt::Horizontal, m_body);
    splitter->setObjectName(QStringLiteral("planSplitter"));
    splitter->setChildrenCollapsible(false);
    m_tree = new PlanTree(splitter);
    splitter->addWidget(m_tree);

    // Beside the proposals: the selected line's detail, and the questions that would open more lines.
    auto* side = new QSplitter(Qt::Vertical, splitter);
    side->setObjectName(QStringLiteral("planSideSplitter"));
    side->setChildrenCollapsible(false);
    m_detail = new PlanDetailView(side);
    if (m_context.catalogues != nullptr) {
        m_detail->setQuestions(m_context.catalogues->questions.get());
    }
    side->addWidget(m_detail);
    m_questions = new OpeningQuestionsPanel(side);
    side->addWidget(m_questions);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    connect(m_questions, &OpeningQuestionsPanel::answerRequested, this, &PlanTab::contextQuestionRequested);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({720, 400}); // issue 15: the lines' names need the room more than the detail
    body->addWidget(splitter, 1);

    m_message = new InlineMessage(m_body);
    m_message->setObjectName(QStringLiteral("planMessage"));
    body->addWidget(m_message);

    auto* buttons = new QHBoxLayout();
    const auto button = [this, buttons](const QString& text, const QString& name, const QString& accessible,
                                        const QString& tip) {
        auto* b = new QPushButton(text, m_body);
        b->setObjectName(name);
        b->setAccessibleName(accessible);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    m_accept = button(tr("&Accept…"), QStringLiteral("acceptEnquiryButton"), tr("Accept line of enquiry"),
                      tr("Make the selected line of enquiry a tracked enquiry with an owner and a due date (Alt+A)"));
    m_decline = button(tr("&Decline…"), QStringLiteral("declineEnquiryButton"), tr("Decline line of enquiry"),
                       tr("Decline the selected line of enquiry with a rationale for the decision log (Alt+D)"));
    m_edit = button(tr("&Edit enquiry…"), QStringLiteral("editEnquiryButton"), tr("Edit tracked enquiry"),
                    tr("Record the status, result, s.37 notice or supervisory review of the selected enquiry (Alt+E)"));
    m_own = button(tr("Add &own enquiry…"), QStringLiteral("addOwnEnquiryButton"), tr("Add own line of enquiry"),
                   tr("Add a line of enquiry that is not in the catalogue (Alt+O or Ctrl+N)"));
    buttons->addStretch(1);
    m_reviewed = button(tr("&Mark plan as reviewed"), QStringLiteral("markReviewedButton"), tr("Mark plan as reviewed"),
                        tr("Record that the plan was reviewed now: later changes are shown against it (Alt+M)"));
    body->addLayout(buttons);

    connect(m_accept, &QPushButton::clicked, this, &PlanTab::acceptSelected);
    connect(m_decline, &QPushButton::clicked, this, &PlanTab::declineSelected);
    connect(m_edit, &QPushButton::clicked, this, &PlanTab::editSelected);
    connect(m_own, &QPushButton::clicked, this, &PlanTab::addOwn);
    connect(m_reviewed, &QPushButton::clicked, this, &PlanTab::markReviewed);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        updateDetail();
        updateButtons();
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] {
        if (m_edit->isEnabled()) {
            editSelected();
        } else if (m_accept->isEnabled()) {
            acceptSelected();
        }
    });
    setTabOrder(m_tree, m_detail);
    setTabOrder(m_detail, m_questions->list());
    setTabOrder(m_questions->list(), m_questions->answerButton());
    setTabOrder(m_questions->answerButton(), m_accept);
    setTabOrder(m_accept, m_decline);
    setTabOrder(m_decline, m_edit);
    setTabOrder(m_edit, m_own);
    setTabOrder(m_own, m_reviewed);
}

void PlanTab::refresh()
{
    const bool available = ready();
    m_unavailable->setVisible(!available);
    m_body->setVisible(available);
    if (!available) {
        return;
    }
    if (m_context.workspace->isLocked()) {
        return;
    }
    try {
        m_builtAt = now();
        m_view = core::plan::build(*m_context.workspace, m_context.caseId, *m_context.catalogues->enquiries,
                                   *m_context.catalogues->questions, m_builtAt);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        return;
    }
    m_tree->showPlan(m_view, m_builtAt);
    m_questions->showQuestions(m_view.openingQuestions);
    updateBanner();
    updateDetail();
    updateButtons();
}

void PlanTab::updateDetail()
{
    m_detail->showSelection(m_tree->selectedItem(), m_tree->selectedRecord(), m_view, m_builtAt);
}

QString PlanTab::countdownText(core::Instant due, core::Instant now)
{
    return PlanText::countdown(due, now);
}

void PlanTab::updateBanner()
{
    QStringList lines;
    const auto titleOf = [this](const std::string& id) {
        const auto* entry = m_context.catalogues->enquiries->find(id);
        return entry != nullptr ? DisplayText::fromStd(entry->title) : DisplayText::fromStd(id);
    };
    const bool suspectFocused =
        std::any_of(m_view.proposals.begin(), m_view.proposals.end(), [](const core::plan::PlanItem& item) {
            return item.entry != nullptr && item.entry->principle == core::nom::Principle::SuspectFocused;
        });
    if (!suspectFocused) {
        lines << tr("No suspect-focused line of enquiry is proposed yet: answer the Context questions about the "
                    "suspect and the offence (whether the suspect is known, how, digital contact, when the last "
                    "contact was) and the plan will start with the suspect. \"Questions that would open more lines "
                    "of enquiry\" beside the plan lists the ones that matter most.");
    }
    if (!m_view.lastReview) {
        lines << tr("This plan has not been reviewed yet. When you have gone through it, choose \"Mark plan as "
                    "reviewed\": from then on the plan shows what is new since that review and what no longer "
                    "applies.");
    } else {
        lines << tr("Plan last reviewed %1 by %2.")
                     .arg(PlanText::when(m_view.lastReview->get("taken_at")),
                          DisplayText::fromStd(m_view.lastReview->get("taken_by")));
        if (m_view.newSinceReview.empty() && m_view.noLongerProposed.empty()) {
            lines << tr("Nothing is new since the last review and nothing has stopped applying.");
        }
        if (!m_view.newSinceReview.empty()) {
            QStringList titles;
            for (const auto& id : m_view.newSinceReview) {
                titles << titleOf(id);
            }
            lines << tr("New since last review (%1): %2").arg(titles.size()).arg(titles.join(QStringLiteral("; ")));
        }
        if (!m_view.noLongerProposed.empty()) {
            QStringList titles;
            for (const auto& id : m_view.noLongerProposed) {
                titles << titleOf(id);
            }
            lines << tr("No longer applies (%1): %2. Earlier choices are kept at the end of the list.")
                         .arg(titles.size())
                         .arg(titles.join(QStringLiteral("; ")));
        }
    }
    m_banner->setText(lines.join(QLatin1Char('\n')));
}

void PlanTab::updateButtons()
{
    const auto* item = m_tree->selectedItem();
    const bool usable = ready() && !m_context.workspace->isLocked();
    m_accept->setEnabled(usable && item != nullptr && item->entry != nullptr &&
                         item->choice != core::plan::Choice::Accepted);
    m_decline->setEnabled(usable && item != nullptr && item->entry != nullptr &&
                          item->choice != core::plan::Choice::Accepted);
    m_edit->setEnabled(usable && m_tree->selectedRecord().has_value());
    m_own->setEnabled(usable);
    m_reviewed->setEnabled(usable);
}

bool PlanTab::selectEntry(const std::string& enquiryId)
{
    return m_tree->selectEntry(enquiryId);
}

bool PlanTab::selectRecord(std::int64_t recordId)
{
    return m_tree->selectRecord(recordId);
}

void PlanTab::acceptSelected()
{
    const auto* item = m_tree->selectedItem();
    if (item == nullptr || !m_accept->isEnabled()) {
        return;
    }
    auto* dialog = new EnquiryDialog(m_context, EnquiryDialog::Mode::Accept, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setItem(*item);
    connect(dialog, &QDialog::accepted, this, &PlanTab::refresh);
    dialog->open();
}

void PlanTab::declineSelected()
{
    const auto* item = m_tree->selectedItem();
    if (item == nullptr || !m_decline->isEnabled()) {
        return;
    }
    auto* dialog = new DeclineDialog(m_context, *item, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &PlanTab::refresh);
    dialog->open();
}

void PlanTab::editSelected()
{
    const auto record = m_tree->selectedRecord();
    if (!record) {
        return;
    }
    auto* dialog = new EnquiryDialog(m_context, EnquiryDialog::Mode::Edit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->load(*record);
    connect(dialog, &QDialog::accepted, this, &PlanTab::refresh);
    dialog->open();
}

void PlanTab::addOwn()
{
    if (!ready()) {
        return;
    }
    auto* dialog = new EnquiryDialog(m_context, EnquiryDialog::Mode::Own, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &PlanTab::refresh);
    dialog->open();
}

void PlanTab::newRecord()
{
    addOwn();
}

void PlanTab::markReviewed()
{
    if (!ready()) {
        return;
    }
    m_message->clearMessage();
    try {
        core::plan::markReviewed(*m_context.workspace, m_context.caseId, *m_context.catalogues->enquiries,
                                 *m_context.catalogues->questions, now());
        m_message->showMessage(tr("Plan review recorded. Later changes to the facts are shown against it."),
                               InlineMessage::Kind::Information);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        return;
    }
    refresh();
}

QTreeWidget* PlanTab::tree() const noexcept
{
    return m_tree;
}

QString PlanTab::bannerText() const
{
    return m_banner->text();
}

QString PlanTab::detailText() const
{
    return m_detail->toPlainText();
}

QString PlanTab::messageText() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

} // namespace wb::ui
