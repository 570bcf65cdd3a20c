// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/today/TodayModel.h"

#include <algorithm>
#include <utility>

#include <QApplication>
#include <QLocale>
#include <QScopeGuard>
#include <QStyle>
#include <QTimer>

#include "core/Error.h"
#include "core/Workspace.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/CountdownText.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/ProvenanceText.h"

namespace wb::ui {

namespace dl = core::deadlines;

namespace {

QDate ukDate(core::Instant instant)
{
    return DisplayText::toUkDateTime(instant).date();
}

} // namespace

TodayModel::TodayModel(std::shared_ptr<const dl::DeadlineService> service, QObject* parent)
    : QStandardItemModel(parent)
    , m_service(std::move(service))
    , m_debounce(new QTimer(this))
    , m_minute(new QTimer(this))
{
    setObjectName(QStringLiteral("todayModel"));
    m_debounce->setObjectName(QStringLiteral("todayRefreshTimer"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &TodayModel::refresh);
    m_minute->setObjectName(QStringLiteral("todayMinuteTimer"));
    m_minute->setInterval(60 * 1000);
    connect(m_minute, &QTimer::timeout, this, &TodayModel::tick);
    rebuild();
}

TodayModel::~TodayModel() = default;

core::Instant TodayModel::now() const
{
    return workspaceNow(m_workspace);
}

void TodayModel::setDebounceMs(int ms)
{
    m_debounce->setInterval(ms);
}

void TodayModel::setPaused(bool paused)
{
    if (paused == m_paused) {
        return;
    }
    m_paused = paused;
    if (paused) {
        m_refreshPending = m_refreshPending || m_debounce->isActive();
        m_debounce->stop();
        m_minute->stop();
        return;
    }
    if (m_workspace != nullptr && std::exchange(m_refreshPending, false)) {
        refresh();
    } else if (m_workspace != nullptr && !m_workspace->isLocked()) {
        m_minute->start();
        tick(); // a minute may have passed meanwhile
    }
}

bool TodayModel::isTicking() const
{
    return m_minute->isActive();
}

void TodayModel::setWorkspace(core::Workspace* workspace, SignalBridge* bridge)
{
    clearWorkspace();
    m_workspace = workspace;
    m_bridge = bridge;
    if (bridge != nullptr) {
        // Any change can move a deadline: re-evaluate once per burst, not per row.
        m_connections.push_back(connect(bridge, &SignalBridge::caseChanged, this, &TodayModel::scheduleRefresh));
        m_connections.push_back(connect(bridge, &SignalBridge::personChanged, this, &TodayModel::scheduleRefresh));
        m_connections.push_back(connect(bridge, &SignalBridge::recordChanged, this, &TodayModel::scheduleRefresh));
        m_connections.push_back(connect(bridge, &SignalBridge::contextChanged, this, &TodayModel::scheduleRefresh));
        m_connections.push_back(
            connect(bridge, &SignalBridge::matchDecisionChanged, this, &TodayModel::scheduleRefresh));
        m_connections.push_back(connect(bridge, &SignalBridge::lockChanged, this, [this](bool locked) {
            if (locked) {
                m_debounce->stop();
                m_all.clear();
                m_truncated = false;
                m_counts.clear();
                rebuild();
                Q_EMIT refreshed();
            } else {
                refresh(); // deferred while paused
            }
        }));
    }
    refresh();
}

void TodayModel::clearWorkspace()
{
    for (const auto& connection : m_connections) {
        disconnect(connection);
    }
    m_connections.clear();
    m_debounce->stop();
    m_minute->stop();
    m_refreshPending = false;
    m_workspace = nullptr;
    m_bridge = nullptr;
    m_all.clear();
    m_truncated = false;
    m_counts.clear();
    m_error.clear();
    m_nextChange.reset();
    rebuild();
    Q_EMIT refreshed();
}

void TodayModel::scheduleRefresh()
{
    if (m_workspace != nullptr && m_paused) {
        m_refreshPending = true;
    } else if (m_workspace != nullptr) {
        m_debounce->start();
    }
}

void TodayModel::refresh()
{
    m_debounce->stop();
    if (m_paused) {
        m_refreshPending = m_workspace != nullptr;
        return;
    }
    m_refreshPending = false;
    m_error.clear();
    m_all.clear();
    m_truncated = false;
    m_counts.clear();
    m_nextChange.reset();
    const core::Instant at = now();
    m_evaluatedDay = ukDate(at);
    if (m_workspace != nullptr && m_service != nullptr && !m_workspace->isLocked()) {
        try {
            // Usually instant; the first refresh after the rules or the workbench were updated
            // re-evaluates every case, which takes a while in a workspace of thousands.
            QApplication::setOverrideCursor(Qt::WaitCursor);
            const auto restoreCursor = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
            // The most urgent page only (one indexed read of the stored due list), and one more to know
            // whether there are others.
            m_all = m_service->today(*m_workspace, at, {}, std::chrono::days(14), m_pageSize + 1);
            m_truncated = m_all.size() > m_pageSize;
            if (m_truncated) {
                m_all.resize(m_pageSize);
            }
            m_counts = m_service->countsByCase(*m_workspace, at);
        } catch (const core::Error& error) {
            m_all.clear();
            m_truncated = false;
            m_counts.clear();
            m_error = ErrorText::message(error);
        }
        for (const auto& item : m_all) {
            // Due today or upcoming turns overdue at its due instant.
            if (item.state != dl::DueState::Overdue && item.due > at && (!m_nextChange || item.due < *m_nextChange)) {
                m_nextChange = item.due;
            }
        }
        m_minute->start();
    } else if (m_workspace != nullptr && m_service == nullptr) {
        m_error = tr("The deadline rules could not be loaded, so nothing can be listed here.");
    }
    rebuild();
    Q_EMIT refreshed();
}

void TodayModel::tick()
{
    if (m_paused) {
        return;
    }
    const core::Instant at = now();
    if (ukDate(at) != m_evaluatedDay || (m_nextChange && at >= *m_nextChange)) {
        refresh();
    }
}

void TodayModel::setPageSize(std::size_t size)
{
    m_pageSize = std::max<std::size_t>(size, 1);
    if (m_workspace != nullptr) {
        refresh();
    }
}

std::vector<dl::DueItem> TodayModel::filtered()
{
    std::vector<dl::DueItem> out;
    if (!m_kind && m_case == 0) {
        return m_all;
    }
    if (m_truncated && !m_paused && m_workspace != nullptr && m_service != nullptr && !m_workspace->isLocked()) {
        // m_all is only the most urgent page: ask the stored due list for the filter's own page.
        dl::DueFilter filter;
        if (m_kind) {
            filter.kinds = {*m_kind};
        }
        if (m_case != 0) {
            filter.caseIds = {m_case};
        }
        try {
            out = m_service->today(*m_workspace, now(), filter, std::chrono::days(14), m_pageSize);
        } catch (const core::Error& error) {
            m_error = ErrorText::message(error);
        }
        return out;
    }
    for (const auto& item : m_all) {
        if ((!m_kind || item.kind == *m_kind) && (m_case == 0 || item.caseId == m_case)) {
            out.push_back(item);
        }
    }
    return out;
}

void TodayModel::setKindFilter(std::optional<dl::DueKind> kind)
{
    m_kind = kind;
    rebuild();
}

void TodayModel::setCaseFilter(std::int64_t caseId)
{
    m_case = caseId;
    rebuild();
}

const dl::DueItem* TodayModel::itemAt(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return nullptr;
    }
    const QVariant value = index.siblingAtColumn(0).data(ItemRole);
    const int at = value.isValid() ? value.toInt() : -1;
    if (at < 0 || at >= static_cast<int>(m_shown.size())) {
        return nullptr;
    }
    return &m_shown[static_cast<std::size_t>(at)];
}

QStringList TodayModel::groups() const
{
    QStringList titles;
    for (int row = 0; row < rowCount(); ++row) {
        titles << item(row, 0)->data(GroupRole).toString();
    }
    return titles;
}

QString TodayModel::groupTitle(const dl::DueItem& item, core::Instant now)
{
    if (item.state == dl::DueState::Overdue) {
        return tr("Overdue");
    }
    const QDate today = ukDate(now);
    const QDate due = ukDate(item.due);
    if (due <= today) {
        return tr("Today");
    }
    if (due == today.addDays(1)) {
        return tr("Tomorrow");
    }
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(due, QStringLiteral("dddd d MMMM yyyy"));
}

QString TodayModel::stateText(const dl::DueItem& item, core::Instant now)
{
    const QString text = deadlineStateText(item, now);
    if (!item.target || item.state == dl::DueState::MetOnTime || item.state == dl::DueState::MetLate) {
        return text;
    }
    // A government aim, not a legal deadline (the 24-hour phone return): said where the state is read.
    return item.state == dl::DueState::Overdue ? tr("Target missed: %1").arg(text)
                                               : tr("Target (not a legal deadline): %1").arg(text);
}

QString TodayModel::deadlineStateText(const dl::DueItem& item, core::Instant now)
{
    const QDateTime due = DisplayText::toUkDateTime(item.due);
    const QDate today = ukDate(now);
    switch (item.state) {
    case dl::DueState::Overdue: {
        if (item.timed) {
            return tr("Overdue by %1").arg(CountdownText::span(item.due, now));
        }
        const auto days = static_cast<int>(due.date().daysTo(today));
        return days <= 1 ? tr("Overdue by 1 day") : tr("Overdue by %1 days").arg(days);
    }
    case dl::DueState::DueToday:
    case dl::DueState::Upcoming: {
        // A deadline with a time of its own counts the hours to it (the same words as the Plan tab); one that runs
        // to the end of a day counts days and shows no time.
        if (item.timed) {
            const auto left = dl::countdown(item.due, now);
            const QString span = CountdownText::span(left);
            return left.days == 0 && due.date() == today
                       ? tr("Due today at %1 (in %2)").arg(due.toString(QStringLiteral("HH:mm")), span)
                       : tr("Due in %1").arg(span);
        }
        const auto days = static_cast<int>(today.daysTo(due.date()));
        if (days <= 0) {
            return tr("Due today");
        }
        return days == 1 ? tr("Due tomorrow") : tr("Due in %n days", nullptr, days);
    }
    case dl::DueState::MetOnTime: return tr("Met on time");
    case dl::DueState::MetLate: return tr("Met late");
    }
    return {};
}

QString TodayModel::kindText(dl::DueKind kind)
{
    switch (kind) {
    case dl::DueKind::VictimUpdate: return tr("Victim update (Right 6)");
    case dl::DueKind::DecisionExplained: return tr("Decision explained to the victim");
    case dl::DueKind::AgreedUpdate: return tr("Agreed update");
    case dl::DueKind::SupportReferral: return tr("Referral to support (Right 4)");
    case dl::DueKind::BailEnd: return tr("Bail period ends");
    case dl::DueKind::RuiReview: return tr("RUI review");
    case dl::DueKind::ForensicWindow: return tr("Forensic window");
    case dl::DueKind::DeviceReturn: return tr("Victim's phone held (24-hour target)");
    case dl::DueKind::SupervisoryReview: return tr("Supervisory review");
    case dl::DueKind::EnquiryDue: return tr("Line of enquiry due");
    case dl::DueKind::CpsEarlyAdvice: return tr("CPS early advice");
    case dl::DueKind::RightToReview: return tr("Victims' Right to Review");
    case dl::DueKind::VictimStatement: return tr("Victim Personal Statement (Right 7)");
    case dl::DueKind::Order: return tr("Order or notice");
    case dl::DueKind::Other: return tr("Other");
    }
    return tr("Other");
}

void TodayModel::rebuild()
{
    QStandardItemModel::clear();
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("Due"), tr("What"), tr("Case"), tr("State")});
    m_shown = filtered();

    const core::Instant at = now();
    QStyle* style = QApplication::style();
    const QIcon overdueIcon = style->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon todayIcon = style->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon upcomingIcon = style->standardIcon(QStyle::SP_MessageBoxInformation);
    QStandardItem* group = nullptr;
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        const dl::DueItem& due = m_shown[i];
        const QString title = groupTitle(due, at);
        if (group == nullptr || group->data(GroupRole).toString() != title) {
            group = new QStandardItem(title);
            group->setData(title, GroupRole);
            group->setData(-1, ItemRole);
            group->setFlags(Qt::ItemIsEnabled);
            QFont font = group->font();
            font.setBold(true);
            group->setFont(font);
            if (due.state == dl::DueState::Overdue) {
                group->setIcon(overdueIcon);
                group->setForeground(QColor(0xa4, 0x26, 0x2c));
            }
            QList<QStandardItem*> groupRow{group};
            for (int column = 1; column < ColumnCount; ++column) {
                auto* filler = new QStandardItem();
                filler->setFlags(Qt::ItemIsEnabled);
                groupRow << filler;
            }
            appendRow(groupRow);
        }
        const QString state = stateText(due, at);
        // A time only where the deadline has one: a day's deadline shows its date, never "23:59".
        auto* when = new QStandardItem(
            due.timed ? DisplayText::ukDateTime(due.due)
                      : DisplayText::toUkDateTime(due.due).date().toString(QStringLiteral("dd/MM/yyyy")));
        auto* what = new QStandardItem(DisplayText::fromStd(due.title));
        auto* reference = new QStandardItem(DisplayText::fromStd(due.caseReference));
        auto* stateItem = new QStandardItem(state);
        QString tip = DisplayText::fromStd(due.detail);
        if (!due.satisfiedBy.empty()) {
            tip += QLatin1Char('\n') + tr("Met by: %1").arg(DisplayText::fromStd(due.satisfiedBy));
        }
        // The one plain signal an officer needs; the rule's source is on the Sources view.
        if (!due.confirmed) {
            tip += QLatin1Char('\n') + ProvenanceText::unconfirmedTimeLimit();
        }
        if (due.target) {
            tip += QLatin1Char('\n') + tr("This is a target, not a legal deadline.");
        }
        what->setToolTip(tip.trimmed());
        what->setData(kindText(due.kind), Qt::AccessibleDescriptionRole);
        QList<QStandardItem*> row{when, what, reference, stateItem};
        for (auto* cell : row) {
            cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            cell->setData(static_cast<int>(i), ItemRole);
            cell->setData(static_cast<int>(due.state), StateRole);
            cell->setData(title, GroupRole);
        }
        // Colour, icon and text: overdue is never colour alone.
        if (due.state == dl::DueState::Overdue) {
            stateItem->setIcon(overdueIcon);
            for (auto* cell : row) {
                cell->setForeground(QColor(0xa4, 0x26, 0x2c));
                cell->setBackground(QColor(0xfd, 0xe2, 0xe1));
            }
            QFont font = stateItem->font();
            font.setBold(true);
            stateItem->setFont(font);
        } else if (due.state == dl::DueState::DueToday) {
            stateItem->setIcon(todayIcon);
            for (auto* cell : row) {
                cell->setBackground(QColor(0xff, 0xf4, 0xce));
                cell->setForeground(QColor(0x4a, 0x35, 0x00));
            }
        } else {
            stateItem->setIcon(upcomingIcon);
        }
        group->appendRow(row);
    }
}

} // namespace wb::ui
