// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/DeclineDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "ui/session/Catalogues.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

DeclineDialog::DeclineDialog(const CaseContext& context, const core::plan::PlanItem& item, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_enquiryId(item.enquiryId)
{
    setObjectName(QStringLiteral("declineDialog"));
    setWindowTitle(tr("Decline line of enquiry"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("declineHeadingLabel"));
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    // The title only: the catalogue id goes to the decision log, not the officer's heading.
    heading->setText(item.entry != nullptr ? DisplayText::fromStd(item.entry->title)
                                           : DisplayText::fromStd(item.enquiryId));
    layout->addWidget(heading);
    auto* explain = new QLabel(tr("Declining is a decision: it goes to the case's decision log with the catalogue id "
                                  "and version, and cannot be changed afterwards (a later decision can supersede "
                                  "it). You can still accept this line of enquiry later."),
                               this);
    explain->setObjectName(QStringLiteral("declineExplanationLabel"));
    explain->setWordWrap(true);
    layout->addWidget(explain);
    auto* label = new QLabel(tr("&Rationale: why is this line of enquiry not being followed? (required)"), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_rationale = new QPlainTextEdit(this);
    m_rationale->setObjectName(QStringLiteral("rationaleTextEdit"));
    m_rationale->setAccessibleName(tr("Rationale (required)"));
    m_rationale->setTabChangesFocus(true);
    label->setBuddy(m_rationale);
    layout->addWidget(m_rationale, 1);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("rationaleErrorLabel"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("&Decline"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("okButton"));
    m_ok->setEnabled(false);
    m_ok->setToolTip(tr("Enter the rationale first."));
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_rationale, &QPlainTextEdit::textChanged, this,
            [this] { m_ok->setEnabled(!m_rationale->toPlainText().trimmed().isEmpty()); });
    connect(m_ok, &QPushButton::clicked, this, [this] { submit(); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Sized to its explanation and a few lines of rationale (was a fixed 620 x 380, whatever the screen).
    DialogFit::fit(*this, nullptr, 560);
}

bool DeclineDialog::submit()
{
    m_message->clearMessage();
    if (m_context.workspace == nullptr || m_context.catalogues == nullptr || !m_context.catalogues->enquiries) {
        return false;
    }
    try {
        m_saved =
            core::plan::decline(*m_context.workspace, m_context.caseId, *m_context.catalogues->enquiries, m_enquiryId,
                                DisplayText::toStd(m_rationale->toPlainText()), workspaceNow(m_context.workspace));
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::planMessage(error));
        m_rationale->setFocus();
        return false;
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
        return false;
    }
    accept();
    return true;
}

QString DeclineDialog::fieldMessage() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

} // namespace wb::ui
