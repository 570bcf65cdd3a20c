// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/TpmReviewDialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/plan/TpmReview.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "ui/records/RecordListModel.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

QLabel* readOnly(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

TpmReviewDialog::TpmReviewDialog(const CaseContext& context, const core::Record& request, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_requestId(request.id)
{
    setObjectName(QStringLiteral("tpmReviewDialog"));
    setWindowTitle(tr("Review third-party material request"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = readOnly(RecordListModel::summary(m_context, request), this);
    heading->setObjectName(QStringLiteral("tpmReviewHeadingLabel"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);

    auto* form = new QFormLayout();
    auto* why = readOnly(DisplayText::fromStd(request.get("line_of_enquiry")), this);
    why->setObjectName(QStringLiteral("tpmReviewLineOfEnquiryLabel"));
    form->addRow(tr("Why it is a reasonable line of enquiry:"), why);
    auto* proportionality = readOnly(DisplayText::fromStd(request.get("proportionality")), this);
    proportionality->setObjectName(QStringLiteral("tpmReviewProportionalityLabel"));
    form->addRow(tr("Necessity and proportionality:"), proportionality);

    m_decision = new QComboBox(this);
    m_decision->setObjectName(QStringLiteral("tpmReviewDecisionComboBox"));
    m_decision->setAccessibleName(tr("Review decision"));
    // Opens on "Still pending": an approval or a refusal is a deliberate choice, never what Enter records by default.
    m_decision->addItem(tr("Still pending"), QStringLiteral("pending"));
    m_decision->addItem(tr("Approved"), QStringLiteral("approved"));
    m_decision->addItem(tr("Refused"), QStringLiteral("refused"));
    auto* decisionLabel = new QLabel(tr("&Decision:"), this);
    decisionLabel->setBuddy(m_decision);
    form->addRow(decisionLabel, m_decision);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("tpmReviewSupervisorLineEdit"));
    m_name->setAccessibleName(tr("Reviewing supervisor"));
    auto* nameLabel = new QLabel(tr("Reviewing &supervisor:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);

    m_rank = new QComboBox(this);
    m_rank->setObjectName(QStringLiteral("tpmReviewRankComboBox"));
    m_rank->setAccessibleName(tr("Supervisor's rank"));
    m_rank->addItem(tr("— not recorded —"), QString());
    if (m_context.workspace != nullptr && m_context.workspace->lists().has("police-ranks")) {
        for (const auto& item : m_context.workspace->lists().list("police-ranks").items()) {
            m_rank->addItem(DisplayText::fromStd(item.label), DisplayText::fromStd(item.code));
        }
    }
    auto* rankLabel = new QLabel(tr("&Rank:"), this);
    rankLabel->setBuddy(m_rank);
    form->addRow(rankLabel, m_rank);

    m_at = new QDateTimeEdit(this);
    m_at->setObjectName(QStringLiteral("tpmReviewedAtEdit"));
    m_at->setAccessibleName(tr("Reviewed at (UK time)"));
    m_at->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_at->setCalendarPopup(true);
    m_at->setDateTime(DisplayText::toUkDateTime(workspaceNow(m_context.workspace)));
    auto* atLabel = new QLabel(tr("Reviewed &at (UK time):"), this);
    atLabel->setBuddy(m_at);
    form->addRow(atLabel, m_at);
    layout->addLayout(form);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("tpmReviewMessage"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("&Record review"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("okButton"));
    m_ok->setDefault(true);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_ok, &QPushButton::clicked, this, [this] { submit(); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_decision, &QComboBox::currentIndexChanged, this, &TpmReviewDialog::updateEnabled);
    layout->addWidget(buttons);
    updateEnabled();
    m_decision->setFocus();
    // Sized to what it shows (was a fixed 620 x 360, whatever the screen).
    DialogFit::fit(*this, nullptr, 560);
}

void TpmReviewDialog::updateEnabled()
{
    const bool decided = m_decision->currentData().toString() != QLatin1String("pending");
    m_name->setEnabled(decided);
    m_rank->setEnabled(decided);
    m_at->setEnabled(decided);
}

bool TpmReviewDialog::submit()
{
    m_message->clearMessage();
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return false;
    }
    core::plan::SupervisoryReview review;
    review.decision = DisplayText::toStd(m_decision->currentData().toString());
    review.supervisorName = DisplayText::toStd(m_name->text().trimmed());
    review.supervisorRank = DisplayText::toStd(m_rank->currentData().toString());
    const QDateTime at = m_at->dateTime();
    review.reviewedAt = DisplayText::instantFromUk(at.date(), at.time());
    try {
        core::plan::recordTpmReview(*m_context.workspace, m_requestId, review);
    } catch (const core::Error& error) {
        const auto& spec = core::recordSpec(core::recordtype::kTpmRequest);
        m_message->showMessage(ErrorText::recordField(error, spec, true));
        const std::string& field = error.field();
        if (field == "supervisor_name") {
            m_name->setFocus();
        } else if (field == "supervisor_rank") {
            m_rank->setFocus();
        } else if (field == "supervisor_reviewed_at") {
            m_at->setFocus();
        } else {
            m_decision->setFocus();
        }
        return false;
    }
    accept();
    return true;
}

QString TpmReviewDialog::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

} // namespace wb::ui
