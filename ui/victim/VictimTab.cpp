// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/victim/VictimTab.h"

#include <algorithm>
#include <functional>
#include <set>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/reference/ReferenceData.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordListModel.h"
#include "ui/records/RecordTab.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/FieldLabels.h"
#include "ui/victim/VictimsCodeView.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/MaskedField.h"

namespace wb::ui {

namespace {

/// The fast contact row: Enter anywhere in it saves (a line edit, combo box or
/// date editor passes Enter up to its parent).
class FastEntryBox final : public QGroupBox
{
public:
    FastEntryBox(const QString& title, QWidget* parent, std::function<void()> onEnter)
        : QGroupBox(title, parent)
        , m_onEnter(std::move(onEnter))
    {
    }

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
            (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            m_onEnter();
            event->accept();
            return;
        }
        QGroupBox::keyPressEvent(event);
    }

private:
    std::function<void()> m_onEnter;
};

QString todayIso()
{
    return DisplayText::toUkDateTime(core::nowUtc()).date().toString(Qt::ISODate);
}

/// The sentinel below every real date: a QDateEdit at it shows "Not set".
const QDate kNotSet(2000, 1, 1);

QLabel* boldLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

VictimTab::VictimTab(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("victimTab"));
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout();
    m_victim = new QComboBox(this);
    m_victim->setObjectName(QStringLiteral("victimComboBox"));
    m_victim->setAccessibleName(tr("Victim"));
    auto* victimLabel = new QLabel(tr("&Victim:"), this);
    victimLabel->setBuddy(m_victim);
    top->addWidget(victimLabel);
    top->addWidget(m_victim);
    m_noVictim = new QLabel(tr("This case has no victim yet. Add them on the People tab first."), this);
    m_noVictim->setObjectName(QStringLiteral("noVictimLabel"));
    top->addWidget(m_noVictim);
    top->addStretch(1);
    layout->addLayout(top);

    // Victims' Right to Review: shown when the victim withdrew or the case ended in a
    // decision not to proceed.
    m_vrrPanel = new QFrame(this);
    m_vrrPanel->setObjectName(QStringLiteral("vrrPanel"));
    m_vrrPanel->setAccessibleName(tr("Victims' Right to Review"));
    static_cast<QFrame*>(m_vrrPanel)->setFrameShape(QFrame::StyledPanel);
    auto* vrrLayout = new QHBoxLayout(m_vrrPanel);
    m_vrrIcon = new QLabel(m_vrrPanel);
    m_vrrIcon->setObjectName(QStringLiteral("vrrIconLabel"));
    vrrLayout->addWidget(m_vrrIcon, 0, Qt::AlignTop);
    m_vrrLabel = new QLabel(m_vrrPanel);
    m_vrrLabel->setObjectName(QStringLiteral("vrrLabel"));
    m_vrrLabel->setTextFormat(Qt::PlainText);
    m_vrrLabel->setWordWrap(true);
    vrrLayout->addWidget(m_vrrLabel, 1);
    m_vrrButton = new QPushButton(tr("Log the VRR &information contact…"), m_vrrPanel);
    m_vrrButton->setObjectName(QStringLiteral("logVrrContactButton"));
    m_vrrButton->setAccessibleName(tr("Log a contact giving the Victims' Right to Review information"));
    vrrLayout->addWidget(m_vrrButton, 0, Qt::AlignTop);
    connect(m_vrrButton, &QPushButton::clicked, this, &VictimTab::logVrrContact);
    m_vrrPanel->hide();
    layout->addWidget(m_vrrPanel);

    m_sections = new QTabWidget(this);
    m_sections->setObjectName(QStringLiteral("victimSectionsTabWidget"));
    m_sections->addTab(buildPlanSection(), tr("Contact plan"));
    m_sections->addTab(buildContactsSection(), tr("Contact log"));
    m_sections->addTab(buildCodeSection(), tr("Victims' Code"));
    m_sections->addTab(addRecordTab("isva_referral", m_sections), tr("ISVA"));
    m_sections->addTab(addRecordTab("victim_wish", m_sections), tr("Wishes"));
    m_sections->addTab(addRecordTab("case_event", m_sections), tr("Investigation events"));
    layout->addWidget(m_sections, 1);

    connect(m_victim, &QComboBox::currentIndexChanged, this, &VictimTab::victimChosen);
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::recordChanged, this, &VictimTab::recordChanged);
        connect(m_context.bridge, &SignalBridge::personChanged, this,
                [this](const core::PersonRepository::Event& event) {
                    if (event.record.caseId == m_context.caseId) {
                        reloadVictims();
                    }
                });
    }
    if (m_context.privacy != nullptr) {
        connect(m_context.privacy, &PrivacyMode::changed, this, &VictimTab::reloadVictims);
    }
    reloadVictims();
}

// --- building -------------------------------------------------------------------

RecordTab* VictimTab::addRecordTab(std::string_view type, QWidget* parent)
{
    auto* tab = new RecordTab(m_context, core::recordSpec(type), parent, false);
    m_parts.push_back(tab);
    connect(tab->form(), &RecordForm::edited, this, &VictimTab::modifiedChanged);
    connect(tab->form(), &RecordForm::saved, this, &VictimTab::modifiedChanged);
    // "New …" in a victim's list starts with the chosen victim filled in.
    if (tab->form()->spec().field("victim_id") != nullptr) {
        if (auto* button = tab->findChild<QPushButton*>(QStringLiteral("newButton"))) {
            connect(button, &QPushButton::clicked, this, [this, tab] {
                if (victimId() != 0 && tab->form()->isOpen()) {
                    tab->form()->startNew(tab->form()->parentId(), {{"victim_id", std::to_string(victimId())}});
                }
            });
        }
    }
    return tab;
}

QWidget* VictimTab::buildPlanSection()
{
    auto* splitter = new QSplitter(Qt::Vertical, m_sections);
    splitter->setObjectName(QStringLiteral("planSplitter"));
    splitter->setChildrenCollapsible(false);

    auto* summary = new QGroupBox(tr("Current contact plan"), splitter);
    summary->setObjectName(QStringLiteral("planSummaryGroupBox"));
    m_planSummary = summary;
    auto* summaryLayout = new QVBoxLayout(summary);

    auto* dnc = new QFrame(summary);
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
    summaryLayout->addWidget(dnc);

    m_planState = new QLabel(summary);
    m_planState->setObjectName(QStringLiteral("planStateLabel"));
    m_planState->setTextFormat(Qt::PlainText);
    m_planState->setWordWrap(true);
    summaryLayout->addWidget(m_planState);
    m_planForm = new QFormLayout();
    m_planForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    summaryLayout->addLayout(m_planForm);
    auto* buttons = new QHBoxLayout();
    m_changePlan = new QPushButton(tr("C&hange the plan…"), summary);
    m_changePlan->setObjectName(QStringLiteral("changePlanButton"));
    m_changePlan->setAccessibleName(tr("Change the contact plan (the current one is kept in the history)"));
    buttons->addWidget(m_changePlan);
    buttons->addStretch(1);
    summaryLayout->addLayout(buttons);
    summaryLayout->addStretch(1);
    connect(m_changePlan, &QPushButton::clicked, this, &VictimTab::changePlan);

    auto* history = addRecordTab("contact_plan", splitter);
    splitter->addWidget(summary);
    splitter->addWidget(history);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    return splitter;
}

QWidget* VictimTab::buildContactsSection()
{
    auto* page = new QWidget(m_sections);
    page->setObjectName(QStringLiteral("contactLogPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildFastEntry(page));
    layout->addWidget(addRecordTab("contact", page), 1);
    return page;
}

QWidget* VictimTab::buildFastEntry(QWidget* parent)
{
    auto* box = new FastEntryBox(tr("Quick contact (Enter saves)"), parent, [this] { saveFastContact(); });
    box->setObjectName(QStringLiteral("fastContactGroupBox"));
    m_fastEntry = box;
    auto* grid = new QGridLayout(box);

    const auto addLabelled = [box, grid](const QString& text, QWidget* editor, int row, int column, int span = 1) {
        auto* label = new QLabel(text, box);
        label->setBuddy(editor);
        grid->addWidget(label, row, column);
        grid->addWidget(editor, row, column + 1, 1, span);
    };

    m_fastWhen = new QDateTimeEdit(box);
    m_fastWhen->setObjectName(QStringLiteral("fastWhenDateTimeEdit"));
    m_fastWhen->setAccessibleName(tr("When (UK time)"));
    m_fastWhen->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_fastWhen->setCalendarPopup(true);
    addLabelled(tr("&When:"), m_fastWhen, 0, 0);

    m_fastMethod = new QComboBox(box);
    m_fastMethod->setObjectName(QStringLiteral("fastMethodComboBox"));
    m_fastMethod->setAccessibleName(tr("Method"));
    addLabelled(tr("&Method:"), m_fastMethod, 0, 2);

    m_fastPurpose = new QComboBox(box);
    m_fastPurpose->setObjectName(QStringLiteral("fastPurposeComboBox"));
    m_fastPurpose->setAccessibleName(tr("Purpose"));
    addLabelled(tr("&Purpose:"), m_fastPurpose, 0, 4);

    m_fastBy = new QLineEdit(box);
    m_fastBy->setObjectName(QStringLiteral("fastByLineEdit"));
    m_fastBy->setAccessibleName(tr("By whom"));
    m_fastBy->setMinimumWidth(200);
    addLabelled(tr("&By:"), m_fastBy, 0, 6);

    m_fastExplained = new QLineEdit(box);
    m_fastExplained->setObjectName(QStringLiteral("fastExplainedLineEdit"));
    m_fastExplained->setAccessibleName(tr("What was explained"));
    m_fastExplained->setPlaceholderText(tr("What was explained, and any questions"));
    m_fastExplained->setMaxLength(4000);
    addLabelled(tr("E&xplained:"), m_fastExplained, 1, 0, 5);

    m_fastNextDue = new QDateEdit(box);
    m_fastNextDue->setObjectName(QStringLiteral("fastNextDueDateEdit"));
    m_fastNextDue->setAccessibleName(tr("Next contact due"));
    m_fastNextDue->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_fastNextDue->setMinimumDate(kNotSet);
    m_fastNextDue->setSpecialValueText(tr("Not set"));
    m_fastNextDue->setCalendarPopup(true);
    addLabelled(tr("&Next due:"), m_fastNextDue, 1, 6);

    m_fastFollowed = new QCheckBox(tr("Contact &plan followed"), box);
    m_fastFollowed->setObjectName(QStringLiteral("fastPlanFollowedCheckBox"));
    m_fastFollowed->setAccessibleName(tr("Contact plan followed"));
    grid->addWidget(m_fastFollowed, 2, 0, 1, 2);
    m_fastDeviation = new QLineEdit(box);
    m_fastDeviation->setObjectName(QStringLiteral("fastDeviationLineEdit"));
    m_fastDeviation->setAccessibleName(tr("Why the plan could not be followed"));
    m_fastDeviation->setMaxLength(2000);
    addLabelled(tr("Why &not:"), m_fastDeviation, 2, 2, 3);
    m_fastSave = new QPushButton(tr("&Save contact"), box);
    m_fastSave->setObjectName(QStringLiteral("fastSaveButton"));
    m_fastSave->setAccessibleName(tr("Save the quick contact"));
    grid->addWidget(m_fastSave, 2, 7);
    m_fastMessage = new InlineMessage(box);
    m_fastMessage->setObjectName(QStringLiteral("fastMessageLabel"));
    grid->addWidget(m_fastMessage, 3, 0, 1, 8);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 2);

    if (m_context.workspace != nullptr) {
        const auto& lists = m_context.workspace->lists();
        m_fastMethod->addItem(tr("— choose —"), QString());
        for (const auto& item : lists.list("contact-methods").items()) {
            m_fastMethod->addItem(DisplayText::fromStd(item.label), DisplayText::fromStd(item.code));
        }
        m_fastPurpose->addItem(tr("— choose —"), QString());
        for (const auto& item : lists.list("contact-purposes").items()) {
            m_fastPurpose->addItem(DisplayText::fromStd(item.label), DisplayText::fromStd(item.code));
        }
    }
    QWidget::setTabOrder(m_fastWhen, m_fastMethod);
    QWidget::setTabOrder(m_fastMethod, m_fastPurpose);
    QWidget::setTabOrder(m_fastPurpose, m_fastBy);
    QWidget::setTabOrder(m_fastBy, m_fastExplained);
    QWidget::setTabOrder(m_fastExplained, m_fastNextDue);
    QWidget::setTabOrder(m_fastNextDue, m_fastFollowed);
    QWidget::setTabOrder(m_fastFollowed, m_fastDeviation);
    QWidget::setTabOrder(m_fastDeviation, m_fastSave);

    connect(m_fastSave, &QPushButton::clicked, this, [this] { saveFastContact(); });
    connect(m_fastFollowed, &QCheckBox::toggled, this, &VictimTab::updateDeviation);
    connect(m_fastExplained, &QLineEdit::textChanged, this, &VictimTab::modifiedChanged);
    connect(m_fastDeviation, &QLineEdit::textChanged, this, &VictimTab::modifiedChanged);
    return box;
}

QWidget* VictimTab::buildCodeSection()
{
    auto* splitter = new QSplitter(Qt::Vertical, m_sections);
    splitter->setObjectName(QStringLiteral("codeSplitter"));
    splitter->setChildrenCollapsible(false);
    m_code = new VictimsCodeView(m_context, splitter);
    auto* rights = addRecordTab("victim_right", splitter);
    splitter->addWidget(m_code);
    splitter->addWidget(rights);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    connect(m_code, &VictimsCodeView::recordRequested, this, [this, rights](const QString& code) {
        startInTab(rights, {{"right_code", DisplayText::toStd(code)}, {"done_on", DisplayText::toStd(todayIso())}});
        if (auto* action = rights->form()->editor("action")) {
            action->setFocus();
        }
    });
    connect(m_code, &VictimsCodeView::optOutRequested, this, [this, rights] {
        startInTab(rights, {{"right_code", "r04"},
                            {"done_on", DisplayText::toStd(todayIso())},
                            {"action", DisplayText::toStd(VictimsCodeView::optOutMarker() + tr(": "))}});
        if (auto* action = rights->form()->editor("action")) {
            action->setFocus();
        }
    });
    return splitter;
}

// --- victims --------------------------------------------------------------------

std::int64_t VictimTab::victimId() const
{
    return m_victim->currentData().toLongLong();
}

bool VictimTab::selectVictim(std::int64_t personId)
{
    const int index = m_victim->findData(QVariant::fromValue(static_cast<qint64>(personId)));
    if (index < 0) {
        return false;
    }
    m_victim->setCurrentIndex(index);
    return true;
}

void VictimTab::reloadVictims()
{
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return;
    }
    const std::int64_t current = victimId();
    std::vector<core::Person> victims;
    try {
        for (auto& person : m_context.workspace->people().listForCase(m_context.caseId)) {
            if (person.role == core::PersonRole::Victim) {
                victims.push_back(std::move(person));
            }
        }
    } catch (const core::Error&) {
        return;
    }
    {
        const QSignalBlocker blocker(m_victim);
        m_victim->clear();
        for (const auto& person : victims) {
            const QString name =
                m_context.privacy != nullptr ? m_context.privacy->displayName(person) : DisplayText::personName(person);
            m_victim->addItem(name, QVariant::fromValue(static_cast<qint64>(person.id)));
        }
        const int index = m_victim->findData(QVariant::fromValue(static_cast<qint64>(current)));
        m_victim->setCurrentIndex(index >= 0 ? index : 0);
    }
    m_victim->setVisible(!victims.empty());
    m_noVictim->setVisible(victims.empty());
    m_fastEntry->setEnabled(!victims.empty());
    victimChosen();
}

void VictimTab::victimChosen()
{
    m_code->setVictim(victimId());
    m_code->refresh();
    refreshPlan();
    refreshVrr();
    resetFastEntry();
}

// --- the contact plan -----------------------------------------------------------

std::optional<core::Record> VictimTab::currentPlan() const
{
    const std::int64_t victim = victimId();
    if (victim == 0 || m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return std::nullopt;
    }
    std::vector<core::Record> plans;
    try {
        plans = m_context.workspace->records().listForCase(core::recordSpec("contact_plan"), m_context.caseId);
    } catch (const core::Error&) {
        return std::nullopt;
    }
    std::set<std::string> superseded;
    for (const auto& plan : plans) {
        if (!plan.get("supersedes_id").empty()) {
            superseded.insert(plan.get("supersedes_id"));
        }
    }
    std::optional<core::Record> best;
    for (auto& plan : plans) {
        if (plan.get("victim_id") != std::to_string(victim) || superseded.count(std::to_string(plan.id)) > 0) {
            continue;
        }
        // The latest agreed; on the same day the later entry.
        if (!best || plan.get("agreed_on") > best->get("agreed_on") ||
            (plan.get("agreed_on") == best->get("agreed_on") && plan.id > best->id)) {
            best = std::move(plan);
        }
    }
    return best;
}

QString VictimTab::planValue(const core::Record& plan, std::string_view key) const
{
    const auto& spec = core::recordSpec("contact_plan");
    const auto* field = spec.field(key);
    if (field == nullptr) {
        return {};
    }
    // The plain label, without the "(unconfirmed)" the lists add for reviewers.
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

void VictimTab::refreshPlan()
{
    while (m_planForm->rowCount() > 0) {
        m_planForm->removeRow(0);
    }
    auto* dnc = m_doNotContact->parentWidget();
    const auto plan = currentPlan();
    if (!plan) {
        dnc->hide();
        m_planState->setText(victimId() == 0
                                 ? tr("No victim chosen.")
                                 : tr("No contact plan recorded yet. Agree one with the victim: how often and by what "
                                      "method, safe times and channels, whether messages may be left, through whom, "
                                      "and any words or topics to avoid."));
        m_changePlan->setText(tr("Record the &plan…"));
        m_changePlan->setEnabled(victimId() != 0);
        return;
    }
    m_changePlan->setText(tr("C&hange the plan…"));
    m_changePlan->setEnabled(true);
    if (plan->get("do_not_contact") == "1") {
        const QString reason = DisplayText::fromStd(plan->get("do_not_contact_reason"));
        m_doNotContact->setText(reason.isEmpty() ? tr("DO NOT CONTACT this victim.")
                                                 : tr("DO NOT CONTACT this victim. Reason: %1").arg(reason));
        dnc->show();
    } else {
        dnc->hide();
    }
    m_planState->setText(
        tr("Agreed on %1, recorded by %2. The victim can change it at any time.")
            .arg(DisplayText::ukDate(plan->get("agreed_on")), DisplayText::fromStd(plan->get("recorded_by"))));

    // Contact details (safe numbers and addresses, the go-between's details) are
    // masked in privacy mode, each shown by its own Show button.
    const bool hideContacts = m_context.privacy != nullptr && m_context.privacy->isOn();
    const auto addRow = [this, hideContacts](const QString& label, const QString& value, const char* name,
                                             const QString& maskText = QString()) {
        auto* text = new QLabel(value.isEmpty() ? tr("Not recorded") : value, m_planSummary);
        text->setObjectName(QString::fromLatin1(name));
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        text->setAccessibleName(label);
        if (hideContacts && !maskText.isEmpty()) {
            auto* mask = new MaskedField(text, label, m_planSummary);
            mask->setMasked(true, maskText);
            m_planForm->addRow(boldLabel(label, m_planSummary), mask);
            return;
        }
        m_planForm->addRow(boldLabel(label, m_planSummary), text);
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

void VictimTab::changePlan()
{
    auto* tab = recordTab("contact_plan");
    if (tab == nullptr || victimId() == 0) {
        return;
    }
    core::Values preset;
    if (const auto plan = currentPlan()) {
        preset = plan->values;
        preset["supersedes_id"] = std::to_string(plan->id);
    }
    preset["agreed_on"] = DisplayText::toStd(todayIso());
    startInTab(tab, preset);
}

// --- the fast contact entry -----------------------------------------------------

void VictimTab::resetFastEntry()
{
    m_fastWhen->setDateTime(DisplayText::toUkDateTime(core::nowUtc()));
    m_fastWhen->setMaximumDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(23, 59)));
    const auto plan = currentPlan();
    const QString method = plan ? DisplayText::fromStd(plan->get("method")) : QString();
    m_fastMethod->setCurrentIndex(std::max(0, m_fastMethod->findData(method)));
    m_fastPurpose->setCurrentIndex(std::max(0, m_fastPurpose->findData(QStringLiteral("routine-update"))));
    m_fastExplained->clear();
    m_fastDeviation->clear();
    m_fastFollowed->setChecked(true);
    QString owner;
    if (m_context.workspace != nullptr && !m_context.workspace->isLocked()) {
        try {
            owner = DisplayText::fromStd(m_context.workspace->info().owner.displayName);
        } catch (const core::Error&) {
            owner.clear();
        }
    }
    m_fastBy->setText(owner);
    const QDate today = DisplayText::toUkDateTime(core::nowUtc()).date();
    if (plan && !plan->get("frequency_days").empty()) {
        m_fastNextDue->setDate(today.addDays(std::stoi(plan->get("frequency_days"))));
    } else {
        m_fastNextDue->setDate(kNotSet);
    }
    updateDeviation();
    m_fastMessage->clearMessage();
    if (plan && plan->get("do_not_contact") == "1") {
        m_fastMessage->showMessage(tr("Warning: the contact plan says DO NOT CONTACT this victim."),
                                   InlineMessage::Kind::Warning);
    }
}

void VictimTab::updateDeviation()
{
    const bool followed = m_fastFollowed->isChecked();
    m_fastDeviation->setEnabled(!followed);
    m_fastDeviation->setPlaceholderText(followed ? QString() : tr("Required: why the plan could not be followed"));
}

bool VictimTab::saveFastContact()
{
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return false;
    }
    const auto fail = [this](const QString& text, QWidget* focus) {
        m_fastMessage->showMessage(text);
        if (focus != nullptr) {
            focus->setFocus();
        }
        return false;
    };
    if (victimId() == 0) {
        return fail(tr("Not saved: the case has no victim. Add them on the People tab first."), nullptr);
    }
    if (m_fastMethod->currentData().toString().isEmpty()) {
        return fail(tr("Not saved: choose the method of contact."), m_fastMethod);
    }
    if (m_fastPurpose->currentData().toString().isEmpty()) {
        return fail(tr("Not saved: choose the purpose of the contact."), m_fastPurpose);
    }
    if (m_fastBy->text().trimmed().isEmpty()) {
        return fail(tr("Not saved: say who made the contact."), m_fastBy);
    }
    if (!m_fastFollowed->isChecked() && m_fastDeviation->text().trimmed().isEmpty()) {
        return fail(tr("Not saved: the contact plan was not followed, so record why."), m_fastDeviation);
    }
    const QDateTime when = m_fastWhen->dateTime();
    core::Values values{
        {"victim_id", std::to_string(victimId())},
        {"contacted_at", core::toIsoUtc(DisplayText::instantFromUk(when.date(), when.time()))},
        {"method", DisplayText::toStd(m_fastMethod->currentData().toString())},
        {"purpose", DisplayText::toStd(m_fastPurpose->currentData().toString())},
        {"by_whom", DisplayText::toStd(m_fastBy->text().trimmed())},
        {"explained", DisplayText::toStd(m_fastExplained->text().trimmed())},
        {"plan_followed", m_fastFollowed->isChecked() ? "1" : "0"},
        {"deviation_reason",
         m_fastFollowed->isChecked() ? std::string() : DisplayText::toStd(m_fastDeviation->text().trimmed())},
    };
    if (m_fastNextDue->date() != kNotSet) {
        values["next_due"] = DisplayText::toStd(m_fastNextDue->date().toString(Qt::ISODate));
    }
    try {
        m_context.workspace->records().add(core::recordSpec("contact"), m_context.caseId, values);
    } catch (const core::Error& error) {
        if (error.code() == core::ErrorCode::Validation && !error.field().empty()) {
            QWidget* focus = nullptr;
            if (error.field() == "contacted_at") {
                focus = m_fastWhen;
            } else if (error.field() == "next_due") {
                focus = m_fastNextDue;
            }
            return fail(tr("Not saved: check \"%1\".").arg(FieldLabels::label("contact", error.field())), focus);
        }
        return fail(ErrorText::message(error), nullptr);
    }
    resetFastEntry();
    m_fastMessage->showMessage(tr("Contact saved."), InlineMessage::Kind::Information);
    m_fastWhen->setFocus();
    Q_EMIT modifiedChanged();
    return true;
}

// --- Victims' Right to Review ---------------------------------------------------

void VictimTab::refreshVrr()
{
    const std::int64_t victim = victimId();
    if (victim == 0 || m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        m_vrrPanel->hide();
        return;
    }
    const std::string victimText = std::to_string(victim);
    QStringList why;
    std::string since; // the latest trigger (UTC ISO text sorts as time)
    try {
        auto& records = m_context.workspace->records();
        // The victim's current wish: the latest entry not superseded.
        const auto wishes = records.listForCase(core::recordSpec("victim_wish"), m_context.caseId);
        std::set<std::string> superseded;
        for (const auto& wish : wishes) {
            superseded.insert(wish.get("supersedes_id"));
        }
        const core::Record* current = nullptr;
        for (const auto& wish : wishes) {
            if (wish.get("victim_id") == victimText && superseded.count(std::to_string(wish.id)) == 0 &&
                (current == nullptr || wish.get("recorded_at") > current->get("recorded_at"))) {
                current = &wish;
            }
        }
        if (current != nullptr && current->get("wish") == "withdrawn") {
            why << tr("The victim has withdrawn from the investigation (recorded %1).")
                       .arg(DisplayText::ukDateTime(
                           core::parseIsoUtc(current->get("recorded_at")).value_or(core::Instant{})));
            since = std::max(since, current->get("recorded_at"));
        }
        for (const auto& event : records.listForCase(core::recordSpec("case_event"), m_context.caseId)) {
            const std::string kind = event.get("kind");
            if (kind == "no-further-action" || kind == "decision-not-to-investigate") {
                const auto& spec = core::recordSpec("case_event");
                why << tr("%1 on %2.")
                           .arg(RecordListModel::displayValue(m_context, spec, *spec.field("kind"), kind),
                                DisplayText::ukDateTime(
                                    core::parseIsoUtc(event.get("occurred_at")).value_or(core::Instant{})));
                since = std::max(since, event.get("occurred_at"));
            }
        }
        if (why.isEmpty()) {
            m_vrrPanel->hide();
            return;
        }
        std::string given;
        for (const auto& contact : records.listForCase(core::recordSpec("contact"), m_context.caseId)) {
            if (contact.get("victim_id") == victimText && contact.get("purpose") == "vrr-information" &&
                contact.get("contacted_at") >= since) {
                given = std::max(given, contact.get("contacted_at"));
            }
        }
        QStringList text = why;
        text << tr("Victims' Right to Review (VRR). Police VRR: for a police decision not to charge, or not to refer "
                   "to the CPS, where a suspect was interviewed under caution; the victim should be allowed to ask "
                   "within 3 months of being told, with an acknowledgement within 10 working days and the result "
                   "within 30 working days. It does not cover decisions made because the victim withdrew. CPS VRR: for "
                   "a CPS decision not to charge, to discontinue or to offer no evidence; ask within 10 working days "
                   "of the decision letter (the CPS considers requests for up to 3 months).");
        if (given.empty()) {
            text << tr("Warning: the VRR information has not been logged as given. Tell the victim, then log the "
                       "contact.");
            m_vrrIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
            m_vrrIcon->setAccessibleName(tr("Warning"));
            m_vrrButton->setText(tr("Log the VRR &information contact…"));
        } else {
            text << tr("VRR information given on %1.")
                        .arg(DisplayText::ukDateTime(core::parseIsoUtc(given).value_or(core::Instant{})));
            m_vrrIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(32, 32));
            m_vrrIcon->setAccessibleName(tr("Information"));
            m_vrrButton->setText(tr("Log another VRR &information contact…"));
        }
        m_vrrLabel->setText(text.join(QLatin1Char('\n')));
        m_vrrPanel->show();
    } catch (const core::Error&) {
        m_vrrPanel->hide();
    }
}

void VictimTab::logVrrContact()
{
    startRecord("contact", {{"purpose", "vrr-information"}});
}

// --- records in the sections ----------------------------------------------------

RecordTab* VictimTab::recordTab(std::string_view type) const
{
    for (auto* tab : m_parts) {
        if (tab->form()->spec().type == type) {
            return tab;
        }
    }
    return nullptr;
}

void VictimTab::showSection(Section section)
{
    m_sections->setCurrentIndex(static_cast<int>(section));
}

void VictimTab::startInTab(RecordTab* tab, const core::Values& preset)
{
    for (int i = 0; i < m_sections->count(); ++i) {
        if (m_sections->widget(i) == tab || m_sections->widget(i)->isAncestorOf(tab)) {
            m_sections->setCurrentIndex(i);
        }
    }
    tab->newRecord();
    core::Values values = preset;
    if (tab->form()->spec().field("victim_id") != nullptr && values.count("victim_id") == 0 && victimId() != 0) {
        values["victim_id"] = std::to_string(victimId());
    }
    if (tab->form()->spec().type == "contact") {
        const auto plan = currentPlan();
        if (values.count("method") == 0 && plan) {
            values["method"] = plan->get("method");
        }
        if (values.count("by_whom") == 0 && m_context.workspace != nullptr) {
            try {
                values["by_whom"] = m_context.workspace->info().owner.displayName;
            } catch (const core::Error&) {
                values.erase("by_whom");
            }
        }
    }
    tab->form()->startNew(tab->form()->parentId(), values);
    Q_EMIT modifiedChanged();
}

bool VictimTab::startRecord(const std::string& type, const core::Values& preset)
{
    RecordTab* tab = recordTab(type);
    if (tab == nullptr) {
        return false;
    }
    if (const auto it = preset.find("victim_id"); it != preset.end() && !it->second.empty()) {
        selectVictim(std::stoll(it->second));
    }
    startInTab(tab, preset);
    return true;
}

bool VictimTab::openRecord(const std::string& type, std::int64_t id)
{
    RecordTab* tab = recordTab(type);
    if (tab == nullptr) {
        return false;
    }
    for (int i = 0; i < m_sections->count(); ++i) {
        if (m_sections->widget(i) == tab || m_sections->widget(i)->isAncestorOf(tab)) {
            m_sections->setCurrentIndex(i);
        }
    }
    if (!tab->selectRecord(id)) {
        return false;
    }
    tab->openSelected();
    return true;
}

void VictimTab::recordChanged(const core::RecordRepository::Event& event)
{
    if (event.record.caseId != m_context.caseId || event.record.spec == nullptr) {
        return;
    }
    const std::string_view type = event.record.spec->type;
    if (type == "contact_plan") {
        refreshPlan();
        if (!m_fastExplained->text().isEmpty() || !m_fastDeviation->text().isEmpty()) {
            return; // keep what is being typed; the method default follows on the next reset
        }
        resetFastEntry();
    }
    if (type == "contact" || type == "victim_wish" || type == "case_event") {
        refreshVrr();
    }
}

// --- CaseTab --------------------------------------------------------------------

RecordTab* VictimTab::activeRecordTab() const
{
    QWidget* page = m_sections->currentWidget();
    for (auto* tab : m_parts) {
        if (page == tab || (page != nullptr && page->isAncestorOf(tab))) {
            return tab;
        }
    }
    return nullptr;
}

void VictimTab::newRecord()
{
    if (m_sections->currentIndex() == PlanSection) {
        changePlan();
        return;
    }
    if (auto* tab = activeRecordTab()) {
        startInTab(tab, {});
    }
}

bool VictimTab::save()
{
    if (auto* tab = activeRecordTab(); tab != nullptr && tab->hasUnsavedChanges()) {
        return tab->save();
    }
    if (m_sections->currentIndex() == ContactsSection &&
        (!m_fastExplained->text().isEmpty() || !m_fastDeviation->text().isEmpty())) {
        return saveFastContact();
    }
    for (auto* tab : m_parts) {
        if (tab->hasUnsavedChanges()) {
            return tab->save();
        }
    }
    if (!m_fastExplained->text().isEmpty() || !m_fastDeviation->text().isEmpty()) {
        return saveFastContact();
    }
    return false;
}

bool VictimTab::hasUnsavedChanges() const
{
    if (!m_fastExplained->text().isEmpty() || !m_fastDeviation->text().isEmpty()) {
        return true;
    }
    return std::any_of(m_parts.begin(), m_parts.end(), [](const RecordTab* tab) { return tab->hasUnsavedChanges(); });
}

void VictimTab::discardChanges()
{
    for (auto* tab : m_parts) {
        tab->discardChanges();
    }
    m_fastExplained->clear();
    m_fastDeviation->clear();
}

} // namespace wb::ui
