// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/victim/VictimsCodeView.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/victim/VictimsCodeRecord.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

namespace {

const core::RecordSpec& rightSpec()
{
    return core::recordSpec(core::recordtype::kVictimRight);
}

} // namespace

VictimsCodeView::VictimsCodeView(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("victimsCodeView"));
    build();
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::recordChanged, this,
                [this](const core::RecordRepository::Event& event) {
                    if (event.record.caseId == m_context.caseId && event.record.spec == &rightSpec()) {
                        refresh();
                    }
                });
        connect(m_context.bridge, &SignalBridge::personChanged, this,
                [this](const core::PersonRepository::Event& event) {
                    if (event.record.id == m_victim) {
                        refresh();
                    }
                });
    }
    refresh();
}

QString VictimsCodeView::optOutMarker()
{
    return tr("Opted out of enhanced rights");
}

void VictimsCodeView::build()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* enhancedRow = new QHBoxLayout();
    m_enhanced = new QLabel(this);
    m_enhanced->setObjectName(QStringLiteral("enhancedRightsLabel"));
    m_enhanced->setTextFormat(Qt::PlainText);
    m_enhanced->setWordWrap(true);
    enhancedRow->addWidget(m_enhanced, 1);
    layout->addLayout(enhancedRow);

    auto* optOutRow = new QHBoxLayout();
    m_optOut = new QLabel(this);
    m_optOut->setObjectName(QStringLiteral("optOutLabel"));
    m_optOut->setTextFormat(Qt::PlainText);
    m_optOut->setWordWrap(true);
    optOutRow->addWidget(m_optOut, 1);
    m_optOutButton = new QPushButton(tr("Record the &opt-out…"), this);
    m_optOutButton->setObjectName(QStringLiteral("recordOptOutButton"));
    m_optOutButton->setAccessibleName(tr("Record the victim's opt-out of enhanced rights"));
    optOutRow->addWidget(m_optOutButton);
    layout->addLayout(optOutRow);
    connect(m_optOutButton, &QPushButton::clicked, this, &VictimsCodeView::optOutRequested);

    m_grid = new QTableWidget(this);
    m_grid->setObjectName(QStringLiteral("victimsCodeTableWidget"));
    m_grid->setAccessibleName(tr("The Victims' Code rights and what was done to meet them"));
    m_grid->setColumnCount(ColumnCount);
    m_grid->setHorizontalHeaderLabels(
        {tr("Right"), tr("Status"), tr("What was done"), tr("What meets it (guidance)"), tr("Action")});
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setWordWrap(true);
    m_grid->verticalHeader()->setVisible(false);
    // Rows follow the wrapped text as the columns are resized.
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->horizontalHeader()->setSectionResizeMode(RightColumn, QHeaderView::Interactive);
    m_grid->horizontalHeader()->setSectionResizeMode(DoneColumn, QHeaderView::Stretch);
    m_grid->horizontalHeader()->setSectionResizeMode(GuidanceColumn, QHeaderView::Stretch);
    m_grid->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_grid->horizontalHeader()->setSectionResizeMode(ActionColumn, QHeaderView::ResizeToContents);
    m_grid->setColumnWidth(RightColumn, 300);

    if (m_context.workspace != nullptr && m_context.workspace->lists().has("victims-code-rights")) {
        const auto& items = m_context.workspace->lists().list("victims-code-rights").items();
        m_grid->setRowCount(static_cast<int>(items.size()));
        for (std::size_t i = 0; i < items.size(); ++i) {
            const int row = static_cast<int>(i);
            const auto& item = items[i];
            auto* right = new QTableWidgetItem(DisplayText::fromStd(item.label));
            right->setData(Qt::UserRole, DisplayText::fromStd(item.code));
            m_grid->setItem(row, RightColumn, right);
            m_grid->setItem(row, StatusColumn, new QTableWidgetItem());
            m_grid->setItem(row, DoneColumn, new QTableWidgetItem());
            m_grid->setItem(row, GuidanceColumn,
                            new QTableWidgetItem(DisplayText::fromStd(std::string(item.extraValue("examples")))));
            auto* button = new QPushButton(tr("Record…"), m_grid);
            button->setObjectName(QStringLiteral("recordRightButton_%1").arg(DisplayText::fromStd(item.code)));
            button->setAccessibleName(tr("Record what was done for %1").arg(DisplayText::fromStd(item.label)));
            const QString code = DisplayText::fromStd(item.code);
            connect(button, &QPushButton::clicked, this, [this, code] { Q_EMIT recordRequested(code); });
            m_grid->setCellWidget(row, ActionColumn, button);
        }
    }
    // Enter or a double-click on a row records for that right too.
    connect(m_grid, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { Q_EMIT recordRequested(rightCode(index.row())); });
    layout->addWidget(m_grid, 1);
}

void VictimsCodeView::setVictim(std::int64_t personId)
{
    if (personId != m_victim) {
        m_victim = personId;
        refresh();
    }
}

QString VictimsCodeView::statusText(int row) const
{
    const auto* item = m_grid->item(row, StatusColumn);
    return item != nullptr ? item->text() : QString();
}

QString VictimsCodeView::rightCode(int row) const
{
    const auto* item = m_grid->item(row, RightColumn);
    return item != nullptr ? item->data(Qt::UserRole).toString() : QString();
}

void VictimsCodeView::refresh()
{
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return;
    }
    // What was done for each right, and the opt-out, come from core (the printed report reads the same record).
    core::victim::VictimsCodeRecord code;
    std::optional<core::Person> person;
    try {
        if (m_victim != 0) {
            person = m_context.workspace->people().find(m_victim);
        }
        if (m_context.workspace->lists().has("victims-code-rights")) {
            const QByteArray marker = optOutMarker().toUtf8();
            code = core::victim::victimsCodeRecord(
                m_victim != 0 ? m_context.workspace->records().listForCase(rightSpec(), m_context.caseId)
                              : std::vector<core::Record>{},
                m_context.workspace->lists().list("victims-code-rights"), m_victim,
                person ? person->enhancedRights : true,
                std::string_view(marker.constData(), static_cast<std::size_t>(marker.size())));
        }
    } catch (const core::Error& error) {
        // Said, not swallowed: the grid would otherwise show stale rights as current.
        m_enhanced->setText(tr("The Victims' Code entries could not be read. %1").arg(ErrorText::message(error)));
        m_optOut->hide();
        m_optOutButton->hide();
        return;
    }

    const QIcon done = style()->standardIcon(QStyle::SP_DialogApplyButton);
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        const QString rowCode = rightCode(row);
        const auto found = std::find_if(code.rights.begin(), code.rights.end(),
                                        [&](const auto& right) { return DisplayText::fromStd(right.code) == rowCode; });
        auto* status = m_grid->item(row, StatusColumn);
        auto* what = m_grid->item(row, DoneColumn);
        if (found == code.rights.end() || found->entries.empty()) {
            status->setText(tr("Not yet recorded"));
            status->setIcon(QIcon());
            what->setText(QString());
            continue;
        }
        const auto& latest = found->entries.back();
        const int more = static_cast<int>(found->entries.size()) - 1;
        status->setText(
            more > 0 ? tr("Done on %1 (and %2 earlier)").arg(DisplayText::ukDate(latest.get("done_on"))).arg(more)
                     : tr("Done on %1").arg(DisplayText::ukDate(latest.get("done_on"))));
        status->setIcon(done);
        QString text = DisplayText::fromStd(latest.get("action"));
        if (!latest.get("done_by").empty()) {
            text = tr("%1 (by %2)").arg(text, DisplayText::fromStd(latest.get("done_by")));
        }
        what->setText(text);
        what->setToolTip(text);
    }

    // Enhanced rights: on by default for these offences; an opt-out is switched off
    // on the person (People tab) and recorded here as a Right 4 entry, so the
    // Code's record says what the victim chose and when.
    if (!person) {
        m_enhanced->setText(m_victim == 0 ? tr("No victim chosen.") : QString());
        m_optOut->hide();
        m_optOutButton->hide();
        return;
    }
    if (person->enhancedRights) {
        m_enhanced->setText(tr("Enhanced rights: yes (the default for victims of these offences). Right 6 updates are "
                               "due within 1 working day. If the victim opts out, untick \"Enhanced rights\" for them "
                               "on the People tab and record the opt-out here."));
        m_optOut->hide();
        m_optOutButton->hide();
        return;
    }
    m_enhanced->setText(tr("Enhanced rights: NO — the victim opted out. Right 6 updates are due within 5 working "
                           "days."));
    m_optOut->show();
    if (code.optOut) {
        m_optOut->setText(
            tr("Opt-out recorded on %1 (Right 4).").arg(DisplayText::ukDate(code.optOut->get("done_on"))));
        m_optOutButton->hide();
    } else {
        m_optOut->setText(tr("Warning: the opt-out has not been recorded. Record what the victim said and when."));
        m_optOutButton->show();
    }
}

} // namespace wb::ui
