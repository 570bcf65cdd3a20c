// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/victim/RightToReviewPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordTypes.h"
#include "core/victim/RightToReview.h"
#include "ui/records/RecordListModel.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

RightToReviewPanel::RightToReviewPanel(const CaseContext& context, QWidget* parent)
    : QFrame(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("vrrPanel"));
    setAccessibleName(tr("Victims' Right to Review"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("vrrIconLabel"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("vrrLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    layout->addWidget(m_label, 1);
    m_button = new QPushButton(tr("Log the VRR &information contact…"), this);
    m_button->setObjectName(QStringLiteral("logVrrContactButton"));
    m_button->setAccessibleName(tr("Log a contact giving the Victims' Right to Review information"));
    layout->addWidget(m_button, 0, Qt::AlignTop);
    connect(m_button, &QPushButton::clicked, this, &RightToReviewPanel::logRequested);
    hide();
}

void RightToReviewPanel::refresh(std::int64_t victimId)
{
    if (victimId == 0 || m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        hide();
        return;
    }
    core::victim::VrrEligibility vrr;
    try {
        vrr = core::victim::rightToReviewEligibility(m_context.workspace->records(), m_context.caseId, victimId);
    } catch (const core::Error& error) {
        // Shown rather than hidden: a VRR duty must not vanish because a read failed.
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
        m_icon->setAccessibleName(tr("Warning"));
        m_label->setText(
            tr("Whether the Victims' Right to Review applies could not be read. %1").arg(ErrorText::message(error)));
        show();
        return;
    }
    if (!vrr.applies()) {
        hide();
        return;
    }
    QStringList text;
    const auto& events = core::recordSpec(core::recordtype::kCaseEvent);
    for (const auto& trigger : vrr.triggers) {
        if (trigger.kind == core::victim::VrrTrigger::Kind::Withdrawal) {
            text << tr("The victim has withdrawn from the investigation (recorded %1).")
                        .arg(DisplayText::ukDateTime(trigger.at));
        } else {
            text << tr("%1 on %2.")
                        .arg(RecordListModel::displayValue(m_context, events, *events.field("kind"), trigger.eventKind),
                             DisplayText::ukDateTime(trigger.at));
        }
    }
    text << tr("Victims' Right to Review (VRR). Police VRR: for a police decision not to charge, or not to refer "
               "to the CPS, where a suspect was interviewed under caution; the victim should be allowed to ask "
               "within 3 months of being told, with an acknowledgement within 10 working days and the result "
               "within 30 working days. It does not cover decisions made because the victim withdrew. CPS VRR: for "
               "a CPS decision not to charge, to discontinue or to offer no evidence; ask within 10 working days "
               "of the decision letter (the CPS considers requests for up to 3 months).");
    if (!vrr.informationGivenAt) {
        text << tr("Warning: the VRR information has not been logged as given. Tell the victim, then log the "
                   "contact.");
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
        m_icon->setAccessibleName(tr("Warning"));
        m_button->setText(tr("Log the VRR &information contact…"));
    } else {
        text << tr("VRR information given on %1.").arg(DisplayText::ukDateTime(*vrr.informationGivenAt));
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(32, 32));
        m_icon->setAccessibleName(tr("Information"));
        m_button->setText(tr("Log another VRR &information contact…"));
    }
    m_label->setText(text.join(QLatin1Char('\n')));
    show();
}

} // namespace wb::ui
