// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/victim/ContactPlanPanel.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include "core/Workspace.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordListModel.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"
#include "ui/widgets/MaskedField.h"

namespace wb::ui {

namespace {

QLabel* boldLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ContactPlanPanel::ContactPlanPanel(const CaseContext& context, QWidget* parent)
    : QGroupBox(tr("Current contact plan"), parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("planSummaryGroupBox"));
    auto* layout = new QVBoxLayout(this);

    auto* dnc = new QFrame(this);
    dnc->setObjectName(QStringLiteral("doNotContactFrame"));
    dnc->setStyleSheet(QStringLiteral("QFrame#doNotContactFrame { background: #fde2e1; border: 2px solid #a4262c; }"
                                      "QFrame#doNotContactFrame QLabel { color: #6b0f14; font-weight: bold; }"));
    auto* dncLayout = new QHBoxLayout(dnc);
    auto* dncIcon = new QLabel(dnc);
    dncIcon->setObjectName(QStringLiteral("doNotContactIconLabel"));
    dncIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(32, 32));
    dncIcon->setAccessibleName(tr("Warning"));
    dncLayout->addWidget(dncIcon, 0, Qt::AlignTop);
    m_doNotContact = new QLabel(dnc);
    m_doNotContact->setObjectName(QStringLiteral("doNotContactLabel"));
    m_doNotContact->setTextFormat(Qt::PlainText);
    m_doNotContact->setWordWrap(true);
    QFont big = m_doNotContact->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_doNotContact->setFont(big);
    dncLayout->addWidget(m_doNotContact, 1);
    dnc->hide();
    layout->addWidget(dnc);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("planStateLabel"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_form = new QFormLayout();
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);
    auto* buttons = new QHBoxLayout();
    m_change = new QPushButton(tr("C&hange the plan…"), this);
    m_change->setObjectName(QStringLiteral("changePlanButton"));
    m_change->setAccessibleName(tr("Change the contact plan (the current one is kept in the history)"));
    buttons->addWidget(m_change);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_change, &QPushButton::clicked, this, &ContactPlanPanel::changeRequested);
}

QString ContactPlanPanel::planValue(const core::Record& plan, std::string_view key) const
{
    const auto& spec = core::recordSpec(core::recordtype::kContactPlan);
    const auto* field = spec.field(key);
    if (field == nullptr) {
        return {};
    }
    // The plain label of the list item.
    const std::string& code = plan.get(key);
    if (!field->list.empty() && m_context.workspace != nullptr && m_context.workspace->lists().has(field->list)) {
        if (const auto* item = m_context.workspace->lists().list(field->list).find(code)) {
            return DisplayText::fromStd(item->label);
        }
    }
    if (!field->options.empty() && !code.empty()) {
        return FieldLabels::option(spec.type, key, code);
    }
    return RecordListModel::displayValue(m_context, spec, *field, code);
}

void ContactPlanPanel::showError(const QString& text)
{
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_doNotContact->parentWidget()->hide();
    m_state->setText(tr("The contact plan could not be read. %1").arg(text));
    m_change->setEnabled(false);
}

void ContactPlanPanel::showPlan(std::int64_t victimId, const std::optional<core::Record>& plan)
{
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    auto* dnc = m_doNotContact->parentWidget();
    if (!plan) {
        dnc->hide();
        m_state->setText(victimId == 0
                             ? tr("No victim chosen.")
                             : tr("No contact plan recorded yet. Agree one with the victim: how often and by what "
                                  "method, safe times and channels, whether messages may be left, through whom, "
                                  "and any words or topics to avoid."));
        m_change->setText(tr("Record the &plan…"));
        m_change->setEnabled(victimId != 0);
        return;
    }
    m_change->setText(tr("C&hange the plan…"));
    m_change->setEnabled(true);
    if (plan->get("do_not_contact") == "1") {
        const QString reason = DisplayText::fromStd(plan->get("do_not_contact_reason"));
        m_doNotContact->setText(reason.isEmpty() ? tr("DO NOT CONTACT this victim.")
                                                 : tr("DO NOT CONTACT this victim. Reason: %1").arg(reason));
        dnc->show();
    } else {
        dnc->hide();
    }
    m_state->setText(
        tr("Agreed on %1, recorded by %2. The victim can change it at any time.")
            .arg(DisplayText::ukDate(plan->get("agreed_on")), DisplayText::fromStd(plan->get("recorded_by"))));

    const bool hideContacts = m_context.privacy != nullptr && m_context.privacy->isOn();
    const auto addRow = [this, hideContacts](const QString& label, const QString& value, const char* name,
                                             const QString& maskText = QString()) {
        auto* text = new QLabel(value.isEmpty() ? tr("Not recorded") : value, this);
        text->setObjectName(QString::fromLatin1(name));
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        text->setAccessibleName(label);
        if (hideContacts && !maskText.isEmpty()) {
            auto* mask = new MaskedField(text, label, this);
            mask->setMasked(true, maskText);
            m_form->addRow(boldLabel(label, this), mask);
            return;
        }
        m_form->addRow(boldLabel(label, this), text);
    };
    QString method = planValue(*plan, "method");
    if (plan->get("method") == "other" && !plan->get("other_method").empty()) {
        method = tr("%1: %2").arg(method, DisplayText::fromStd(plan->get("other_method")));
    }
    addRow(tr("Method"), method, "planMethodLabel");
    const std::string frequency = plan->get("frequency_days");
    addRow(tr("How often"),
           frequency.empty()  ? tr("Not agreed")
           : frequency == "1" ? tr("At least every day")
                              : tr("At least every %1 days").arg(DisplayText::fromStd(frequency)),
           "planFrequencyLabel");
    addRow(tr("Safe times"), DisplayText::fromStd(plan->get("safe_times")), "planSafeTimesLabel");
    addRow(tr("Safe channels"), DisplayText::fromStd(plan->get("safe_channels")), "planSafeChannelsLabel",
           plan->get("safe_channels").empty() ? QString() : PrivacyMode::hiddenMark());
    addRow(tr("Messages"),
           plan->get("may_leave_messages") == "1" ? tr("Messages may be left") : tr("Do NOT leave messages"),
           "planMessagesLabel");
    QString through = planValue(*plan, "through_whom");
    QString throughMask;
    if (!plan->get("through_details").empty()) {
        throughMask = tr("%1: %2").arg(through, PrivacyMode::hiddenMark());
        through = tr("%1: %2").arg(through, DisplayText::fromStd(plan->get("through_details")));
    }
    addRow(tr("Through whom"), through, "planThroughLabel", throughMask);
    addRow(tr("Language"), DisplayText::fromStd(plan->get("language")), "planLanguageLabel");
    addRow(tr("Words or topics to avoid"), DisplayText::fromStd(plan->get("avoid")), "planAvoidLabel");
}

} // namespace wb::ui
