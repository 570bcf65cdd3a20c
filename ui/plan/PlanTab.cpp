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
#include "ui/plan/PlanDialogs.h"
#include "ui/session/Catalogues.h"
#include "ui/session/JobMonitor.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/FieldLabels.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

constexpr int KindRole = Qt::UserRole;
constexpr int IdRole = Qt::UserRole + 1;
constexpr int RecordRole = Qt::UserRole + 2;

enum Column { TitleColumn, StatusColumn, TimeColumn, IdColumn };

QString html(const std::string& text)
{
    return DisplayText::fromStd(text).toHtmlEscaped();
}

QString principleLabel(core::nom::Principle principle)
{
    return FieldLabels::option("enquiry", "principle", core::nom::toString(principle));
}

QString amount(long long n, const QString& one, const QString& many)
{
    return n == 1 ? one : many.arg(n);
}

QString duration(std::chrono::seconds span)
{
    const long long total = span.count();
    const long long days = total / 86400;
    const long long hours = (total % 86400) / 3600;
    const long long minutes = (total % 3600) / 60;
    if (days > 0) {
        const QString d = amount(days, PlanTab::tr("1 day"), PlanTab::tr("%1 days"));
        return hours > 0 ? PlanTab::tr("%1 %2").arg(d, amount(hours, PlanTab::tr("1 hour"), PlanTab::tr("%1 hours")))
                         : d;
    }
    if (hours > 0) {
        return amount(hours, PlanTab::tr("1 hour"), PlanTab::tr("%1 hours"));
    }
    if (minutes > 0) {
        return amount(minutes, PlanTab::tr("1 minute"), PlanTab::tr("%1 minutes"));
    }
    return PlanTab::tr("less than a minute");
}

/// "due 05/12/2026", or "overdue since 24/11/2026" for an open enquiry past its due date (Europe/London).
QString dueText(const core::Record& record, core::Instant now)
{
    const std::string due = record.get("due_on");
    if (due.empty()) {
        return {};
    }
    const std::string status = record.get("status");
    if ((status == "planned" || status == "in_progress") && due < core::plan::londonDate(now)) {
        return PlanTab::tr("overdue since %1").arg(DisplayText::ukDate(due));
    }
    return PlanTab::tr("due %1").arg(DisplayText::ukDate(due));
}

QString when(const std::string& iso)
{
    const auto instant = core::parseIsoUtc(iso);
    return instant ? DisplayText::ukDateTime(*instant) : DisplayText::fromStd(iso);
}

} // namespace

PlanTab::PlanTab(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("planTab"));
    clock = [] { return core::nowUtc(); };
    build();
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::recordChanged, this,
                [this](const core::RecordRepository::Event& event) {
                    const auto type = event.record.spec != nullptr ? event.record.spec->type : std::string_view();
                    if (event.record.caseId == m_context.caseId &&
                        (type == "enquiry" || type == "decision" || type == "plan_snapshot")) {
                        refresh();
                    }
                });
        connect(m_context.bridge, &SignalBridge::contextChanged, this,
                [this](const core::ContextRepository::Event& event) {
                    if (event.caseId == m_context.caseId) {
                        refresh();
                    }
                });
        connect(m_context.bridge, &SignalBridge::lockChanged, this, [this](bool locked) {
            if (locked) {
                m_view = {};
                m_tree->clear();
                m_detail->clear();
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
    m_tree = new QTreeWidget(splitter);
    m_tree->setObjectName(QStringLiteral("planTreeWidget"));
    m_tree->setAccessibleName(tr("Lines of enquiry by principle"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Line of enquiry"), tr("Status"), tr("Time limit"), tr("Id")});
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(StatusColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(TimeColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(IdColumn, QHeaderView::ResizeToContents);
    m_tree->setColumnWidth(StatusColumn, 180);
    m_tree->setColumnWidth(TimeColumn, 200);
    splitter->addWidget(m_tree);

    m_detail = new QTextBrowser(splitter);
    m_detail->setObjectName(QStringLiteral("planDetailBrowser"));
    m_detail->setAccessibleName(tr("Why this is suggested"));
    m_detail->setOpenLinks(false);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({680, 320});
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
    setTabOrder(m_detail, m_accept);
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
        m_builtAt = clock();
        m_view = core::plan::build(*m_context.workspace, m_context.caseId, *m_context.catalogues->enquiries,
                                   *m_context.catalogues->questions, m_builtAt);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        return;
    }
    fill();
}

void PlanTab::fill()
{
    // Keep the selection across a refresh.
    QString selectedKind;
    QString selectedId;
    qint64 selectedRecord = 0;
    if (const auto* current = m_tree->currentItem()) {
        selectedKind = current->data(0, KindRole).toString();
        selectedId = current->data(0, IdRole).toString();
        selectedRecord = current->data(0, RecordRole).toLongLong();
    }
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();

    QTreeWidgetItem* group = nullptr;
    std::optional<core::nom::Principle> groupPrinciple;
    int groupCount = 0;
    const auto closeGroup = [&group, &groupCount, &groupPrinciple] {
        if (group != nullptr && groupPrinciple) {
            group->setText(TitleColumn, tr("%1 (%2)").arg(principleLabel(*groupPrinciple)).arg(groupCount));
        }
    };
    for (const auto& item : m_view.proposals) {
        if (!groupPrinciple || *groupPrinciple != item.entry->principle) {
            closeGroup();
            group = new QTreeWidgetItem(m_tree);
            groupPrinciple = item.entry->principle;
            groupCount = 0;
            QFont bold = group->font(TitleColumn);
            bold.setBold(true);
            group->setFont(TitleColumn, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        }
        addItemRow(group, item, RowKind::Proposal);
        ++groupCount;
    }
    closeGroup();
    if (m_view.proposals.empty()) {
        auto* none = new QTreeWidgetItem(m_tree);
        none->setText(TitleColumn, tr("No line of enquiry is proposed yet: answer the context questions for this case "
                                      "(who the suspect is, what happened, when) to build the plan."));
        none->setFirstColumnSpanned(true);
    }

    auto* own = new QTreeWidgetItem(m_tree);
    own->setText(TitleColumn, tr("Your own lines of enquiry (%1)").arg(m_view.ownEnquiries.size()));
    own->setFirstColumnSpanned(true);
    QFont bold = own->font(TitleColumn);
    bold.setBold(true);
    own->setFont(TitleColumn, bold);
    for (const auto& record : m_view.ownEnquiries) {
        addOwnRow(own, record);
    }
    if (m_view.ownEnquiries.empty()) {
        auto* hint = new QTreeWidgetItem(own);
        hint->setText(TitleColumn,
                      tr("None yet: use \"Add own enquiry…\" for a line of enquiry outside the catalogue."));
        hint->setFirstColumnSpanned(true);
    }

    if (!m_view.noLongerApplies.empty()) {
        auto* stale = new QTreeWidgetItem(m_tree);
        stale->setText(TitleColumn, tr("No longer applies on the current facts (%1): earlier choices are kept")
                                        .arg(m_view.noLongerApplies.size()));
        stale->setFirstColumnSpanned(true);
        stale->setFont(TitleColumn, bold);
        for (const auto& item : m_view.noLongerApplies) {
            addItemRow(stale, item, RowKind::NoLongerApplies);
        }
    }
    m_tree->expandAll();

    // Restore the selection, else select the first line of enquiry.
    QTreeWidgetItem* select = nullptr;
    QTreeWidgetItem* first = nullptr;
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        QTreeWidgetItem* row = *it;
        if (row->data(0, KindRole).isNull()) {
            continue;
        }
        if (first == nullptr) {
            first = row;
        }
        const bool sameRecord = selectedRecord != 0 && row->data(0, RecordRole).toLongLong() == selectedRecord;
        const bool sameEntry = !selectedId.isEmpty() && row->data(0, IdRole).toString() == selectedId &&
                               row->data(0, KindRole).toString() == selectedKind;
        if (sameEntry || (sameRecord && selectedId.isEmpty())) {
            select = row;
            break;
        }
    }
    m_tree->setCurrentItem(select != nullptr ? select : first);
    updateBanner();
    updateDetail();
    updateButtons();
}

QString PlanTab::enquiryStatus(const core::Record& record)
{
    QString text = FieldLabels::option("enquiry", "status", record.get("status"));
    const std::string review = record.get("supervisor_review");
    if (review == "pending") {
        text = tr("%1 · awaiting supervisory review").arg(text);
    } else if (review == "refused") {
        text = tr("%1 · refused by supervisor").arg(text);
    } else if (review == "approved") {
        text = tr("%1 · approved by supervisor").arg(text);
    }
    return text;
}

QString PlanTab::statusText(const core::plan::PlanItem& item) const
{
    QString text;
    switch (item.choice) {
    case core::plan::Choice::Open:
        text = tr("Proposed");
        if (item.entry != nullptr && item.entry->intrudesOnVictimPrivacy) {
            text = tr("Proposed · intrusive");
        }
        break;
    case core::plan::Choice::Accepted: text = tr("Accepted: %1").arg(enquiryStatus(*item.enquiry)); break;
    case core::plan::Choice::Declined: text = tr("Declined (decision log)"); break;
    }
    if (item.newSinceReview) {
        text = tr("New since last review · %1").arg(text);
    }
    return text;
}

void PlanTab::addItemRow(QTreeWidgetItem* group, const core::plan::PlanItem& item, RowKind kind)
{
    auto* row = new QTreeWidgetItem(group);
    const QString title =
        item.entry != nullptr ? DisplayText::fromStd(item.entry->title) : tr("(no longer in the catalogue)");
    row->setText(TitleColumn, title);
    row->setToolTip(TitleColumn, title);
    row->setText(StatusColumn, statusText(item));
    row->setToolTip(StatusColumn, statusText(item));
    QString time;
    if (item.proposal && item.proposal->due) {
        time = countdownText(*item.proposal->due, m_builtAt);
    } else if (item.enquiry && !item.enquiry->get("due_on").empty()) {
        time = dueText(*item.enquiry, m_builtAt);
    } else if (item.entry != nullptr && item.entry->deadline && kind == RowKind::Proposal) {
        time = tr("window not known yet");
    }
    row->setText(TimeColumn, time);
    row->setToolTip(TimeColumn, time);
    row->setText(IdColumn, DisplayText::fromStd(item.enquiryId));
    row->setData(0, KindRole, kind == RowKind::Proposal ? QStringLiteral("proposal") : QStringLiteral("stale"));
    row->setData(0, IdRole, DisplayText::fromStd(item.enquiryId));
    row->setData(0, RecordRole, item.enquiry ? static_cast<qint64>(item.enquiry->id) : qint64(0));
    if (item.newSinceReview || (item.proposal && item.proposal->due && !item.proposal->expired)) {
        QFont bold = row->font(StatusColumn);
        bold.setBold(true);
        row->setFont(item.newSinceReview ? StatusColumn : TimeColumn, bold);
    }
}

void PlanTab::addOwnRow(QTreeWidgetItem* group, const core::Record& record)
{
    auto* row = new QTreeWidgetItem(group);
    row->setText(TitleColumn, DisplayText::fromStd(record.get("title")));
    row->setToolTip(TitleColumn, DisplayText::fromStd(record.get("title")));
    row->setText(StatusColumn, tr("Own: %1").arg(enquiryStatus(record)));
    row->setText(TimeColumn, dueText(record, m_builtAt));
    row->setData(0, KindRole, QStringLiteral("own"));
    row->setData(0, RecordRole, static_cast<qint64>(record.id));
}

QString PlanTab::countdownText(core::Instant due, core::Instant now)
{
    if (now <= due) {
        return tr("window closes in %1").arg(duration(due - now));
    }
    return tr("closed %1 ago").arg(duration(now - due));
}

void PlanTab::updateBanner()
{
    QStringList lines;
    const auto titleOf = [this](const std::string& id) {
        const auto* entry = m_context.catalogues->enquiries->find(id);
        return entry != nullptr ? tr("%1 (%2)").arg(DisplayText::fromStd(entry->title), DisplayText::fromStd(id))
                                : DisplayText::fromStd(id);
    };
    const bool suspectFocused =
        std::any_of(m_view.proposals.begin(), m_view.proposals.end(), [](const core::plan::PlanItem& item) {
            return item.entry != nullptr && item.entry->principle == core::nom::Principle::SuspectFocused;
        });
    if (!suspectFocused) {
        lines << tr("No suspect-focused line of enquiry is proposed yet: answer the Context questions about the "
                    "suspect and the offence (whether the suspect is known, how, digital contact, when the last "
                    "contact was) and the plan will start with the suspect.");
    }
    if (!m_view.lastReview) {
        lines << tr("This plan has not been reviewed yet. When you have gone through it, choose \"Mark plan as "
                    "reviewed\": from then on the plan shows what is new since that review and what no longer "
                    "applies.");
    } else {
        lines << tr("Plan last reviewed %1 by %2 (catalogue %3).")
                     .arg(when(m_view.lastReview->get("taken_at")),
                          DisplayText::fromStd(m_view.lastReview->get("taken_by")),
                          DisplayText::fromStd(m_view.lastReview->get("catalogue_version")));
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

const core::plan::PlanItem* PlanTab::selectedItem() const
{
    const auto* current = m_tree->currentItem();
    if (current == nullptr) {
        return nullptr;
    }
    const QString kind = current->data(0, KindRole).toString();
    const std::string id = DisplayText::toStd(current->data(0, IdRole).toString());
    const auto& items = kind == QLatin1String("proposal") ? m_view.proposals : m_view.noLongerApplies;
    if (kind != QLatin1String("proposal") && kind != QLatin1String("stale")) {
        return nullptr;
    }
    for (const auto& item : items) {
        if (item.enquiryId == id) {
            return &item;
        }
    }
    return nullptr;
}

std::optional<core::Record> PlanTab::selectedRecord() const
{
    if (const auto* item = selectedItem(); item != nullptr) {
        return item->enquiry;
    }
    const auto* current = m_tree->currentItem();
    if (current == nullptr || current->data(0, KindRole).toString() != QLatin1String("own")) {
        return std::nullopt;
    }
    const qint64 id = current->data(0, RecordRole).toLongLong();
    for (const auto& record : m_view.ownEnquiries) {
        if (record.id == id) {
            return record;
        }
    }
    return std::nullopt;
}

void PlanTab::updateDetail()
{
    QString out;
    const auto para = [&out](const QString& heading, const QString& body) {
        out += QStringLiteral("<p><b>%1</b> %2</p>").arg(heading.toHtmlEscaped(), body);
    };
    if (const auto* item = selectedItem()) {
        const auto* entry = item->entry;
        if (entry == nullptr) {
            out += QStringLiteral("<h3>%1</h3>").arg(html(item->enquiryId));
            out += QStringLiteral("<p>%1</p>")
                       .arg(tr("The catalogue in use no longer has this line of enquiry. The "
                               "earlier choice about it is kept.")
                                .toHtmlEscaped());
        } else {
            out += QStringLiteral("<h3>%1</h3>").arg(html(entry->title));
            out += QStringLiteral("<p>%1</p>")
                       .arg(tr("%1 · %2 · catalogue %3")
                                .arg(DisplayText::fromStd(entry->id), principleLabel(entry->principle),
                                     DisplayText::fromStd(m_view.catalogueVersion))
                                .toHtmlEscaped());
            if (item->newSinceReview) {
                out += QStringLiteral("<p><b>%1</b></p>").arg(tr("New since the last plan review.").toHtmlEscaped());
            }
            if (!item->proposal) {
                out +=
                    QStringLiteral("<p><b>%1</b></p>")
                        .arg(
                            tr("No longer proposed on the current facts. The earlier choice is kept.").toHtmlEscaped());
            }
            out += QStringLiteral("<h4>%1</h4><p>%2</p>")
                       .arg(tr("Why this is suggested").toHtmlEscaped(), html(entry->why));
            if (item->proposal) {
                QString reasons;
                for (const auto& reason : item->proposal->reasons) {
                    reasons += QStringLiteral("<li>%1</li>").arg(DisplayText::withUkTimes(reason.text).toHtmlEscaped());
                }
                if (reasons.isEmpty()) {
                    para(tr("Proposed because:"), tr("it applies to every case.").toHtmlEscaped());
                } else {
                    out += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>")
                               .arg(tr("Proposed because these facts hold:").toHtmlEscaped(), reasons);
                }
            }
            if (entry->deadline) {
                QString from = DisplayText::fromStd(entry->deadline->from);
                if (const auto* q = m_context.catalogues->questions->find(entry->deadline->from)) {
                    from = DisplayText::fromStd(q->label);
                }
                QString deadline = tr("%1 (counted from: %2).").arg(DisplayText::fromStd(entry->deadline->label), from);
                if (item->proposal && item->proposal->due) {
                    deadline += QLatin1Char(' ') + tr("Ends %1: %2.")
                                                       .arg(DisplayText::ukDateTime(*item->proposal->due),
                                                            countdownText(*item->proposal->due, m_builtAt));
                } else if (item->proposal) {
                    deadline += QLatin1Char(' ') + tr("Not known yet: record the time it is counted from.");
                }
                deadline +=
                    QLatin1Char(' ') + tr("Source of the time limit: %1 (%2).")
                                           .arg(DisplayText::fromStd(entry->deadline->source),
                                                entry->deadline->confirmed ? tr("confirmed") : tr("unconfirmed"));
                para(tr("Time limit:"), deadline.toHtmlEscaped());
            }
            para(tr("Basis:"), html(entry->basis));
            para(tr("Source:"),
                 (DisplayText::fromStd(entry->source) + QStringLiteral(" — ") +
                  (entry->confirmed ? tr("confirmed against a primary source")
                                    : tr("UNCONFIRMED: not yet checked against a primary source; your force's "
                                         "RASSO lead should review it before it is relied on")))
                     .toHtmlEscaped());
            if (entry->intrudesOnVictimPrivacy) {
                para(tr("Credibility guardrail:"),
                     tr("this enquiry intrudes on the victim's private life. Accepting it needs the reasonable line of "
                        "enquiry it serves, necessity and proportionality, and the less intrusive options considered; "
                        "it is flagged for supervisory review%1.")
                         .arg(entry->category == core::nom::EnquiryCategory::DigitalForensics
                                  ? tr(", and a device cannot be examined before the s.37 notice has been given")
                                  : QString())
                         .toHtmlEscaped());
            }
        }
        if (item->enquiry) {
            const auto& r = *item->enquiry;
            para(tr("Accepted:"),
                 tr("on %1 by %2. Owner: %3. Due: %4. Status: %5.")
                     .arg(when(r.get("accepted_at")), DisplayText::fromStd(r.get("accepted_by")),
                          DisplayText::fromStd(r.get("owner")),
                          r.get("due_on").empty() ? tr("none") : DisplayText::ukDate(r.get("due_on")), enquiryStatus(r))
                     .toHtmlEscaped());
            if (!r.get("result").empty()) {
                para(tr("Result:"), html(r.get("result")));
            }
        }
        if (item->decline) {
            const auto& d = *item->decline;
            para(item->choice == core::plan::Choice::Declined ? tr("Declined:") : tr("Declined earlier:"),
                 tr("on %1 by %2. Rationale: %3")
                     .arg(when(d.get("decided_at")), DisplayText::fromStd(d.get("decided_by")),
                          DisplayText::fromStd(d.get("rationale")))
                     .toHtmlEscaped());
        }
    } else if (const auto record = selectedRecord()) {
        out += QStringLiteral("<h3>%1</h3>").arg(html(record->get("title")));
        para(tr("Your own line of enquiry:"),
             tr("principle %1; added on %2 by %3. Owner: %4. Due: %5. Status: %6.")
                 .arg(FieldLabels::option("enquiry", "principle", record->get("principle")),
                      when(record->get("accepted_at")), DisplayText::fromStd(record->get("accepted_by")),
                      DisplayText::fromStd(record->get("owner")),
                      record->get("due_on").empty() ? tr("none") : DisplayText::ukDate(record->get("due_on")),
                      enquiryStatus(*record))
                 .toHtmlEscaped());
        if (!record->get("result").empty()) {
            para(tr("Result:"), html(record->get("result")));
        }
    } else {
        out = QStringLiteral("<p>%1</p>")
                  .arg(tr("Select a line of enquiry to see why it is suggested, the facts that made it apply, its "
                          "basis and where it comes from.")
                           .toHtmlEscaped());
    }
    m_detail->setHtml(out);
}

void PlanTab::updateButtons()
{
    const auto* item = selectedItem();
    const bool usable = ready() && !m_context.workspace->isLocked();
    m_accept->setEnabled(usable && item != nullptr && item->entry != nullptr &&
                         item->choice != core::plan::Choice::Accepted);
    m_decline->setEnabled(usable && item != nullptr && item->entry != nullptr &&
                          item->choice != core::plan::Choice::Accepted);
    m_edit->setEnabled(usable && selectedRecord().has_value());
    m_own->setEnabled(usable);
    m_reviewed->setEnabled(usable);
}

bool PlanTab::selectEntry(const std::string& enquiryId)
{
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        const QString kind = (*it)->data(0, KindRole).toString();
        if ((kind == QLatin1String("proposal") || kind == QLatin1String("stale")) &&
            (*it)->data(0, IdRole).toString() == DisplayText::fromStd(enquiryId)) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

bool PlanTab::selectRecord(std::int64_t recordId)
{
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        if ((*it)->data(0, RecordRole).toLongLong() == recordId && recordId != 0) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

void PlanTab::acceptSelected()
{
    const auto* item = selectedItem();
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
    const auto* item = selectedItem();
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
    const auto record = selectedRecord();
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
                                 *m_context.catalogues->questions, clock());
        m_message->showMessage(tr("Plan review recorded. Later changes to the facts are shown against it."),
                               InlineMessage::Kind::Information);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        return;
    }
    refresh();
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
