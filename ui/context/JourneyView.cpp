// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/context/JourneyView.h"

#include <QApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/CaseDetails.h"
#include "core/journey/LoadCaseState.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/reference/ReferenceData.h"
#include "ui/session/Catalogues.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/FieldLabels.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

using core::nom::ItemState;

QString fromStd(const std::string& text)
{
    return DisplayText::fromStd(text);
}

QString caseFieldLabel(std::string_view field)
{
    if (field == "operation_name") {
        return JourneyView::tr("Operation name");
    }
    if (field == "other_offences") {
        return JourneyView::tr("Other offences");
    }
    if (field == "offence_date") {
        return JourneyView::tr("Offence date");
    }
    if (field == "location_type") {
        return JourneyView::tr("Location type");
    }
    if (field == "location_description") {
        return JourneyView::tr("Location description");
    }
    if (field == "report_channel") {
        return JourneyView::tr("How reported");
    }
    if (field == "outcome_code") {
        return JourneyView::tr("Outcome");
    }
    if (field == "outcome_date") {
        return JourneyView::tr("Outcome date");
    }
    if (field == "outcome_reason") {
        return JourneyView::tr("Outcome reason");
    }
    return DisplayText::fromStd(std::string(field));
}

QString stateText(ItemState state)
{
    switch (state) {
    case ItemState::Done: return JourneyView::tr("Done");
    case ItemState::Outstanding: return JourneyView::tr("Outstanding");
    case ItemState::Reminder: return JourneyView::tr("Check yourself");
    case ItemState::NotAsked: return JourneyView::tr("Does not apply");
    }
    return {};
}

/// A text mark for each state, so that state never rests on colour or icon alone.
QString stateMark(ItemState state)
{
    switch (state) {
    case ItemState::Done: return QStringLiteral("✔");
    case ItemState::Outstanding: return QStringLiteral("✗");
    case ItemState::Reminder: return QStringLiteral("•");
    case ItemState::NotAsked: return QStringLiteral("–");
    }
    return {};
}

} // namespace

JourneyView::JourneyView(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("journeyViewWidget"));
    auto* outer = new QVBoxLayout(this);

    auto* currentBox = new QGroupBox(tr("Where the case is"), this);
    currentBox->setObjectName(QStringLiteral("journeyCurrentBox"));
    auto* currentLayout = new QVBoxLayout(currentBox);
    auto* currentRow = new QHBoxLayout();
    m_currentLabel = new QLabel(currentBox);
    m_currentLabel->setObjectName(QStringLiteral("journeyCurrentStageLabel"));
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_currentLabel->setWordWrap(true);
    QFont bold = m_currentLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_currentLabel->setFont(bold);
    currentRow->addWidget(m_currentLabel, 1);
    m_nextButton = new QPushButton(currentBox);
    m_nextButton->setObjectName(QStringLiteral("journeyNextStageButton"));
    currentRow->addWidget(m_nextButton);
    currentLayout->addLayout(currentRow);
    m_guidanceLabel = new QLabel(currentBox);
    m_guidanceLabel->setObjectName(QStringLiteral("journeyGuidanceLabel"));
    m_guidanceLabel->setTextFormat(Qt::PlainText);
    m_guidanceLabel->setWordWrap(true);
    currentLayout->addWidget(m_guidanceLabel);
    m_outstandingTitle = new QLabel(tr("Outstanding in the current stage:"), currentBox);
    m_outstandingTitle->setObjectName(QStringLiteral("journeyOutstandingTitle"));
    m_outstandingTitle->setFont(bold);
    currentLayout->addWidget(m_outstandingTitle);
    m_outstandingLabel = new QLabel(currentBox);
    m_outstandingLabel->setObjectName(QStringLiteral("journeyOutstandingLabel"));
    m_outstandingLabel->setTextFormat(Qt::PlainText);
    m_outstandingLabel->setWordWrap(true);
    m_outstandingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_outstandingLabel->setFocusPolicy(Qt::StrongFocus);
    currentLayout->addWidget(m_outstandingLabel);
    // Wrapped labels must not set the window's minimum width from their longest line.
    for (QLabel* label : {m_currentLabel, m_guidanceLabel, m_outstandingLabel}) {
        label->setMinimumWidth(200);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    m_message = new InlineMessage(currentBox);
    m_message->setObjectName(QStringLiteral("journeyMessage"));
    currentLayout->addWidget(m_message);
    outer->addWidget(currentBox);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("journeyTree"));
    m_tree->setAccessibleName(tr("The investigator's journey: stages and their checklists"));
    // The sources of stages and items are on the Sources view (for the RASSO lead), not in the officer's list.
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Stage and checklist"), tr("State"), tr("What ticks it")});
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->resizeSection(0, 450);
    m_tree->header()->resizeSection(1, 180);
    m_tree->header()->resizeSection(2, 420);
    m_tree->header()->setStretchLastSection(true);
    outer->addWidget(m_tree, 1);

    setTabOrder(m_nextButton, m_outstandingLabel);
    setTabOrder(m_outstandingLabel, m_tree);

    connect(m_nextButton, &QPushButton::clicked, this, &JourneyView::moveToNextStage);
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::caseChanged, this, [this](const core::CaseRepository::Event& e) {
            if (e.record.id == m_context.caseId && e.kind != core::ChangeKind::Removed) {
                refresh();
            }
        });
        connect(m_context.bridge, &SignalBridge::recordChanged, this, [this](const core::RecordRepository::Event& e) {
            if (e.record.caseId == m_context.caseId) {
                refresh();
            }
        });
        connect(m_context.bridge, &SignalBridge::personChanged, this, [this](const core::PersonRepository::Event& e) {
            if (e.record.caseId == m_context.caseId) {
                refresh();
            }
        });
        connect(m_context.bridge, &SignalBridge::contextChanged, this, [this](const core::ContextRepository::Event& e) {
            if (e.caseId == m_context.caseId) {
                refresh();
            }
        });
        connect(m_context.bridge, &SignalBridge::matchDecisionChanged, this, [this] { refresh(); });
    }
    refresh();
}

JourneyView::~JourneyView() = default;

QString JourneyView::describe(const core::nom::DoneWhen& d) const
{
    using Kind = core::nom::DoneWhen::Kind;
    const Catalogues* catalogues = m_context.catalogues;
    switch (d.kind) {
    case Kind::Record: {
        const auto catalogueId = d.where.find("catalogue_id");
        if (d.recordType == "enquiry" && d.where.size() == 1 && catalogueId != d.where.end() &&
            catalogueId->second.size() == 1 && catalogues != nullptr && catalogues->enquiries) {
            if (const auto* entry = catalogues->enquiries->find(catalogueId->second.front())) {
                return tr("Line of enquiry accepted into the plan: %1").arg(fromStd(entry->title));
            }
        }
        QString text = tr("Recorded: %1").arg(FieldLabels::title(d.recordType));
        const core::RecordSpec& spec = core::recordSpec(d.recordType);
        QStringList conditions;
        for (const auto& [key, values] : d.where) {
            const core::FieldSpec* field = spec.field(key);
            QStringList labels;
            for (const auto& value : values) {
                QString label = fromStd(value);
                if (field != nullptr && field->kind == core::FieldKind::Boolean) {
                    label = value == "1" ? tr("Yes") : tr("No");
                } else if (field != nullptr && !field->options.empty()) {
                    label = FieldLabels::option(d.recordType, key, value);
                } else if (field != nullptr && !field->list.empty() && m_context.workspace != nullptr &&
                           m_context.workspace->lists().has(field->list)) {
                    if (const auto* item = m_context.workspace->lists().list(field->list).find(value)) {
                        label = fromStd(item->label);
                    }
                }
                labels << label;
            }
            conditions << tr("%1: %2").arg(FieldLabels::label(d.recordType, key), labels.join(tr(" or ")));
        }
        if (!conditions.isEmpty()) {
            text += tr(", with %1").arg(conditions.join(tr("; ")));
        }
        return text;
    }
    case Kind::Fact: {
        const core::nom::Question* q =
            catalogues != nullptr && catalogues->questions ? catalogues->questions->find(d.fact) : nullptr;
        return tr("Context question answered: %1").arg(q != nullptr ? fromStd(q->label) : fromStd(d.fact));
    }
    case Kind::CaseField: return tr("Case detail filled in: %1").arg(caseFieldLabel(d.caseField));
    case Kind::Person: return tr("A person with the role %1 in the case's people").arg(DisplayText::role(d.personRole));
    case Kind::Any: {
        QStringList parts;
        for (const auto& alternative : d.any) {
            parts << describe(alternative);
        }
        return parts.join(tr(", or "));
    }
    }
    return {};
}

void JourneyView::refresh()
{
    m_tree->clear();
    const Catalogues* catalogues = m_context.catalogues;
    if (m_context.workspace == nullptr || m_context.workspace->isLocked() || catalogues == nullptr ||
        !catalogues->journey || !catalogues->questions) {
        m_currentLabel->setText(tr("The journey checklists could not be loaded."));
        m_nextButton->setEnabled(false);
        return;
    }
    const core::nom::JourneyChecklists& journey = *catalogues->journey;
    core::nom::CaseState state;
    try {
        state = core::nom::loadCaseState(*m_context.workspace, m_context.caseId, *catalogues->questions, journey);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        m_nextButton->setEnabled(false);
        return;
    }
    const core::ReferenceList& stages = m_context.workspace->lists().list("journey-stages");
    const std::string current = state.record.journeyStage.value_or(std::string());
    const core::ReferenceItem* currentItem = current.empty() ? nullptr : stages.find(current);
    const QIcon currentIcon = style()->standardIcon(QStyle::SP_ArrowRight);
    QTreeWidgetItem* currentTreeItem = nullptr;

    for (const core::ReferenceItem& stage : stages.items()) {
        const bool isCurrent = currentItem != nullptr && stage.code == currentItem->code;
        const bool isPast = currentItem != nullptr && stage.order < currentItem->order;
        const auto results = journey.evaluate(stage.code, state);
        int done = 0;
        int tracked = 0;
        for (const auto& r : results) {
            tracked += r.state == ItemState::Done || r.state == ItemState::Outstanding ? 1 : 0;
            done += r.state == ItemState::Done ? 1 : 0;
        }
        const QString title = tr("%1. %2").arg(stage.order + 1).arg(fromStd(stage.label));
        auto* stageItem = new QTreeWidgetItem(m_tree);
        stageItem->setText(0, isCurrent ? tr("▶ %1 — current stage").arg(title) : title);
        const QString position = isPast ? tr("Earlier stage") : (isCurrent ? tr("Current stage") : tr("Later stage"));
        stageItem->setText(1, tr("%1: %2 of %3 done").arg(position).arg(done).arg(tracked));
        stageItem->setToolTip(0, title);
        stageItem->setData(0, Qt::UserRole, fromStd(stage.code));
        if (isCurrent) {
            stageItem->setIcon(0, currentIcon);
            QFont font = stageItem->font(0);
            font.setBold(true);
            for (int c = 0; c < 3; ++c) {
                stageItem->setFont(c, font);
            }
            currentTreeItem = stageItem;
        }
        for (const auto& r : results) {
            auto* child = new QTreeWidgetItem(stageItem);
            child->setText(0, tr("%1 %2").arg(stateMark(r.state), fromStd(r.item->text)));
            child->setText(1, stateText(r.state));
            child->setText(2, r.item->doneWhen ? describe(*r.item->doneWhen)
                                               : tr("Not tracked by the workbench: a reminder"));
            child->setData(0, Qt::UserRole, fromStd(r.item->id));
            child->setData(1, Qt::UserRole, static_cast<int>(r.state));
            for (int c = 0; c < 3; ++c) {
                child->setToolTip(c, child->text(c));
            }
        }
        stageItem->setExpanded(isCurrent || (currentItem == nullptr && stage.order == 0));
    }
    // Issue 15: the current stage's state ("Current stage: 2 of 4 done", in bold) was cut in a fixed-width column.
    fitColumns();

    // The summary at the top.
    if (currentItem == nullptr) {
        m_currentLabel->setText(tr("No journey stage is set for this case yet."));
        m_guidanceLabel->setText(tr("Start the journey to see the checklist of the first stage."));
        m_outstandingLabel->setText(QString());
        m_outstandingTitle->setVisible(false);
        m_outstandingLabel->setVisible(false);
        m_nextButton->setText(tr("&Start the journey at stage 1"));
        m_nextButton->setEnabled(true);
    } else {
        m_currentLabel->setText(tr("▶ Current stage %1 of %2: %3")
                                    .arg(currentItem->order + 1)
                                    .arg(stages.items().size())
                                    .arg(fromStd(currentItem->label)));
        const std::string_view guidance = currentItem->extraValue("guidance");
        m_guidanceLabel->setText(guidance.empty() ? QString() : tr("Guidance: %1").arg(fromStd(std::string(guidance))));
        QStringList outstanding;
        QStringList reminders;
        for (const auto& r : journey.evaluate(currentItem->code, state)) {
            if (r.state == ItemState::Outstanding) {
                outstanding << tr("✗ %1 (ticks when: %2)").arg(fromStd(r.item->text), describe(*r.item->doneWhen));
            } else if (r.state == ItemState::Reminder) {
                reminders << tr("• %1 (check yourself)").arg(fromStd(r.item->text));
            }
        }
        QString text = outstanding.isEmpty() ? tr("✔ Nothing outstanding that the workbench can check.")
                                             : outstanding.join(QLatin1Char('\n'));
        if (!reminders.isEmpty()) {
            text += QLatin1Char('\n') + reminders.join(QLatin1Char('\n'));
        }
        m_outstandingTitle->setText(tr("Outstanding in the current stage: %1 to do").arg(outstanding.size()));
        m_outstandingTitle->setVisible(true);
        m_outstandingLabel->setText(text);
        m_outstandingLabel->setAccessibleName(tr("Outstanding in the current stage: %1").arg(text));
        m_outstandingLabel->setVisible(true);
        const bool last = currentItem->order + 1 >= static_cast<int>(stages.items().size());
        if (last) {
            m_nextButton->setText(tr("Last stage"));
            m_nextButton->setEnabled(false);
        } else {
            const core::ReferenceItem& next = stages.items()[static_cast<std::size_t>(currentItem->order + 1)];
            m_nextButton->setText(tr("&Move to stage %1").arg(next.order + 1));
            m_nextButton->setToolTip(tr("Move the case to stage %1: %2").arg(next.order + 1).arg(fromStd(next.label)));
            m_nextButton->setEnabled(true);
        }
    }
    m_nextButton->setAccessibleName(m_nextButton->text().remove(QLatin1Char('&')));
    if (currentTreeItem != nullptr) {
        m_tree->scrollToItem(currentTreeItem, QAbstractItemView::PositionAtTop);
    }
}

bool JourneyView::moveToNextStage()
{
    m_message->clearMessage();
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return false;
    }
    try {
        const bool withChecklists = m_context.catalogues != nullptr;
        const core::cases::StageMove move = core::cases::moveToNextStage(
            *m_context.workspace, m_context.caseId, withChecklists ? m_context.catalogues->questions.get() : nullptr,
            withChecklists ? m_context.catalogues->journey.get() : nullptr);
        if (!move.moved) {
            return false;
        }
        refresh();
        QString text = tr("The case is now at stage %1: %2.").arg(move.stageNumber).arg(fromStd(move.stageLabel));
        if (move.stillOutstanding > 0) {
            text += QLatin1Char(' ') +
                    tr("%n items of the previous stage are still outstanding; they stay listed under that stage.",
                       nullptr, static_cast<int>(move.stillOutstanding));
        }
        m_message->showMessage(text, InlineMessage::Kind::Information);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        return false;
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
        return false;
    }
    return true;
}

void JourneyView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitColumns(); // refreshed while its tab was hidden, the list had no width to share out
}

void JourneyView::fitColumns()
{
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(0);
    // Capped at half the width only once the list is shown: a hidden tab's viewport is a few pixels wide, and the
    // cap cut the stage names to "1…" (seen at 150 % scaling). The rest of a long line is in its tooltip.
    if (!m_tree->isVisible()) {
        return;
    }
    const int half = m_tree->viewport()->width() / 2;
    if (half > 0 && m_tree->columnWidth(0) > half) {
        m_tree->setColumnWidth(0, half);
    }
}

} // namespace wb::ui
