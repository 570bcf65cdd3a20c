// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/victim/VictimTab.h"

#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/victim/VictimContact.h"
#include "ui/cases/FormValues.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordTab.h"
#include "ui/reports/LetterChooser.h"
#include "ui/reports/ReportDialog.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/victim/ContactPlanPanel.h"
#include "ui/victim/QuickContactRow.h"
#include "ui/victim/RightToReviewPanel.h"
#include "ui/victim/VictimsCodeView.h"

namespace wb::ui {

namespace rt = core::recordtype;

namespace {

QString todayIso(const core::Workspace* workspace)
{
    return DisplayText::toQDate(workspaceToday(workspace)).toString(Qt::ISODate);
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
    // Issue 15: as wide as the longest name, also when a victim is added or renamed after the tab was first shown.
    m_victim->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* victimLabel = new QLabel(tr("&Victim:"), this);
    victimLabel->setBuddy(m_victim);
    top->addWidget(victimLabel);
    top->addWidget(m_victim);
    m_noVictim = new QLabel(tr("This case has no victim yet. Add them on the People tab first."), this);
    m_noVictim->setObjectName(QStringLiteral("noVictimLabel"));
    top->addWidget(m_noVictim);
    top->addStretch(1);
    m_letterButton = new QPushButton(tr("Write a &letter…"), this);
    m_letterButton->setObjectName(QStringLiteral("writeLetterButton"));
    m_letterButton->setToolTip(tr("A plain-English letter to this victim about an arrest, a release, a charge, no "
                                  "further action or closing the case, to print or save as a PDF"));
    top->addWidget(m_letterButton);
    connect(m_letterButton, &QPushButton::clicked, this, [this] { writeLetter(); });
    layout->addLayout(top);

    m_vrr = new RightToReviewPanel(m_context, this);
    connect(m_vrr, &RightToReviewPanel::logRequested, this, &VictimTab::logVrrContact);
    layout->addWidget(m_vrr);

    m_sections = new QTabWidget(this);
    m_sections->setObjectName(QStringLiteral("victimSectionsTabWidget"));
    m_sections->addTab(buildPlanSection(), tr("Contact plan"));
    m_sections->addTab(buildContactsSection(), tr("Contact log"));
    m_sections->addTab(buildCodeSection(), tr("Victims' Code"));
    m_sections->addTab(addRecordTab(rt::kIsvaReferral, m_sections), tr("ISVA"));
    m_sections->addTab(addRecordTab(rt::kVictimWish, m_sections), tr("Wishes"));
    m_sections->addTab(addRecordTab(rt::kCaseEvent, m_sections), tr("Investigation events"));
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

ReportDialog* VictimTab::writeLetter()
{
    auto* dialog = new ReportDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKind(core::reports::ReportKind::VictimLetter);
    if (const auto victim = m_victim->currentData(); victim.isValid()) {
        dialog->letterChooser()->setVictim(victim.toLongLong());
    }
    dialog->open();
    return dialog;
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
    m_plan = new ContactPlanPanel(m_context, splitter);
    connect(m_plan, &ContactPlanPanel::changeRequested, this, &VictimTab::changePlan);
    auto* history = addRecordTab(rt::kContactPlan, splitter);
    splitter->addWidget(m_plan);
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
    m_quick = new QuickContactRow(m_context, page);
    connect(m_quick, &QuickContactRow::edited, this, &VictimTab::modifiedChanged);
    connect(m_quick, &QuickContactRow::saved, this, &VictimTab::modifiedChanged);
    layout->addWidget(m_quick);
    layout->addWidget(addRecordTab(rt::kContact, page), 1);
    return page;
}

QWidget* VictimTab::buildCodeSection()
{
    auto* splitter = new QSplitter(Qt::Vertical, m_sections);
    splitter->setObjectName(QStringLiteral("codeSplitter"));
    splitter->setChildrenCollapsible(false);
    m_code = new VictimsCodeView(m_context, splitter);
    auto* rights = addRecordTab(rt::kVictimRight, splitter);
    splitter->addWidget(m_code);
    splitter->addWidget(rights);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    connect(m_code, &VictimsCodeView::recordRequested, this, [this, rights](const QString& code) {
        startInTab(rights, {{"right_code", DisplayText::toStd(code)},
                            {"done_on", DisplayText::toStd(todayIso(m_context.workspace))}});
        if (auto* action = rights->form()->editor("action")) {
            action->setFocus();
        }
    });
    connect(m_code, &VictimsCodeView::optOutRequested, this, [this, rights] {
        startInTab(rights, {{"right_code", "r04"},
                            {"done_on", DisplayText::toStd(todayIso(m_context.workspace))},
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
    } catch (const core::Error& error) {
        m_noVictim->setText(tr("The victims of this case could not be read. %1").arg(ErrorText::message(error)));
        m_noVictim->show();
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
    m_noVictim->setText(tr("This case has no victim yet. Add them on the People tab first."));
    m_noVictim->setVisible(victims.empty());
    m_quick->setEnabled(!victims.empty());
    victimChosen();
}

void VictimTab::victimChosen()
{
    m_code->setVictim(victimId());
    m_code->refresh();
    refreshPlan();
    m_vrr->refresh(victimId());
    m_quick->setVictim(victimId());
}

// --- the contact plan -----------------------------------------------------------

std::optional<core::Record> VictimTab::currentPlan() const
{
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return std::nullopt;
    }
    try {
        return core::victim::currentContactPlan(m_context.workspace->records(), m_context.caseId, victimId());
    } catch (const core::Error&) {
        return std::nullopt; // safe: refreshPlan reads the plan itself and shows this error in the panel
    }
}

void VictimTab::refreshPlan()
{
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        m_plan->showPlan(victimId(), std::nullopt);
        return;
    }
    try {
        m_plan->showPlan(
            victimId(), core::victim::currentContactPlan(m_context.workspace->records(), m_context.caseId, victimId()));
    } catch (const core::Error& error) {
        m_plan->showError(ErrorText::message(error));
    }
}

void VictimTab::changePlan()
{
    auto* tab = recordTab(rt::kContactPlan);
    if (tab == nullptr || victimId() == 0 || m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return;
    }
    core::Values preset;
    try {
        preset = core::victim::planChangePreset(m_context.workspace->records(), m_context.caseId, victimId(),
                                                workspaceToday(m_context.workspace));
    } catch (const core::Error& error) {
        m_plan->showError(ErrorText::message(error));
        return;
    }
    startInTab(tab, preset);
}

bool VictimTab::saveFastContact()
{
    return m_quick->save();
}

void VictimTab::logVrrContact()
{
    startRecord(std::string(rt::kContact), {{"purpose", "vrr-information"}});
}

QWidget* VictimTab::fastEntry() const
{
    return m_quick;
}

QLabel* VictimTab::doNotContactLabel() const
{
    return m_plan->doNotContactLabel();
}

QWidget* VictimTab::planSummary() const
{
    return m_plan;
}

QWidget* VictimTab::vrrPanel() const
{
    return m_vrr;
}

QLabel* VictimTab::vrrLabel() const
{
    return m_vrr->label();
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
    if (tab->form()->spec().type == rt::kContact) {
        const auto plan = currentPlan();
        if (values.count("method") == 0 && plan) {
            values["method"] = plan->get("method");
        }
        if (values.count("by_whom") == 0 && m_context.workspace != nullptr) {
            try {
                values["by_whom"] = m_context.workspace->info().owner.displayName;
            } catch (const core::Error&) {
                // Safe: only a default; the form asks for "By" (a required field) before saving.
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
    if (type == rt::kContactPlan) {
        refreshPlan();
        if (m_quick->hasTypedText()) {
            return; // keep what is being typed; the method default follows on the next reset
        }
        m_quick->reset();
    }
    if (type == rt::kContact || type == rt::kVictimWish || type == rt::kCaseEvent) {
        m_vrr->refresh(victimId());
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
    if (m_sections->currentIndex() == ContactsSection && m_quick->hasTypedText()) {
        return saveFastContact();
    }
    for (auto* tab : m_parts) {
        if (tab->hasUnsavedChanges()) {
            return tab->save();
        }
    }
    if (m_quick->hasTypedText()) {
        return saveFastContact();
    }
    return false;
}

bool VictimTab::hasUnsavedChanges() const
{
    if (m_quick->hasTypedText()) {
        return true;
    }
    return std::any_of(m_parts.begin(), m_parts.end(), [](const RecordTab* tab) { return tab->hasUnsavedChanges(); });
}

std::vector<core::FormDraft> VictimTab::captureDrafts() const
{
    std::vector<core::FormDraft> drafts;
    for (const auto* tab : m_parts) {
        const auto own = tab->captureDrafts();
        drafts.insert(drafts.end(), own.begin(), own.end());
    }
    if (m_quick->hasTypedText()) {
        drafts.push_back({{}, "quick_contact", 0, victimId(), FormValues::capture(*m_quick)});
    }
    return drafts;
}

bool VictimTab::restoreDraft(const core::FormDraft& draft)
{
    if (draft.form == "quick_contact") {
        const int victim = m_victim->findData(QVariant::fromValue<qlonglong>(draft.parentId));
        if (victim < 0) {
            return false; // the victim is no longer in the case
        }
        m_victim->setCurrentIndex(victim);
        FormValues::restore(*m_quick, draft.fields);
        return m_quick->hasTypedText();
    }
    auto* tab = recordTab(draft.form);
    return tab != nullptr && tab->restoreDraft(draft);
}

void VictimTab::discardChanges()
{
    for (auto* tab : m_parts) {
        tab->discardChanges();
    }
    m_quick->clearTypedText();
}

} // namespace wb::ui
