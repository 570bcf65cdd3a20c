// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/CaseWorkspace.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/nom/OffenceCatalogue.h"
#include "ui/cases/OverviewTab.h"
#include "ui/context/ContextFlow.h"
#include "ui/context/JourneyView.h"
#include "ui/people/PeopleTab.h"
#include "ui/plan/PlanTab.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/CaseRecordTab.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordTab.h"
#include "ui/reports/AnalystExportDialog.h"
#include "ui/reports/ReportDialog.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/training/SavePackDialog.h"
#include "ui/victim/VictimTab.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

CaseWorkspace::CaseWorkspace(const CaseContext& context, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_context(context)
{
    setObjectName(QStringLiteral("caseWorkspaceWidget"));
    setAttribute(Qt::WA_DeleteOnClose);
    // Everything scrolls when the window is smaller than its content (a 1280×800 screen at 150 % is 853×533
    // logical pixels): the window's least size stays within any screen it opens on.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("caseWorkspaceScrollArea"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    outer->addWidget(scroll);
    auto* page = new QWidget(scroll);
    scroll->setWidget(page);
    auto* layout = new QVBoxLayout(page);
    m_header = new QLabel(page);
    m_header->setObjectName(QStringLiteral("caseHeaderLabel"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    QFont font = m_header->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    m_header->setFont(font);
    m_trainingBanner = new QLabel(tr("TRAINING — a fictional scenario, not a real case"), page);
    m_trainingBanner->setObjectName(QStringLiteral("trainingBanner"));
    m_trainingBanner->setAlignment(Qt::AlignCenter);
    m_trainingBanner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; font-weight: bold; "
                                                   "padding: 3px; border: 1px solid #b38f00; }"));
    m_trainingBanner->setVisible(false);
    layout->addWidget(m_trainingBanner);
    auto* headerRow = new QHBoxLayout();
    headerRow->addWidget(m_header, 1);
    auto* reportsButton = new QPushButton(tr("&Reports…"), page);
    reportsButton->setObjectName(QStringLiteral("caseReportsButton"));
    reportsButton->setToolTip(tr("Preview, print or save as a PDF a report of this case (Ctrl+P)"));
    headerRow->addWidget(reportsButton, 0, Qt::AlignTop);
    auto* exportButton = new QPushButton(tr("Export for anal&ysts…"), page);
    exportButton->setObjectName(QStringLiteral("caseAnalystExportButton"));
    exportButton->setToolTip(tr("Save the case as POLE CSV for i2 Analyst's Notebook or a spreadsheet, or as JSON for "
                                "the force's records system (Alt+Y)"));
    headerRow->addWidget(exportButton, 0, Qt::AlignTop);
    layout->addLayout(headerRow);
    connect(reportsButton, &QPushButton::clicked, this, &CaseWorkspace::showReports);
    connect(exportButton, &QPushButton::clicked, this, &CaseWorkspace::showAnalystExport);
    if (m_context.workspace != nullptr && m_context.workspace->info().training) {
        // Authoring (issue 17): a training case saved as a new scenario pack. Never offered in a live workspace.
        auto* packButton = new QPushButton(tr("Save as scenario pac&k…"), page);
        packButton->setObjectName(QStringLiteral("caseSavePackButton"));
        packButton->setToolTip(tr("Save this training case as a new scenario pack for a trainer to edit (Alt+K)"));
        headerRow->insertWidget(headerRow->count(), packButton, 0, Qt::AlignTop);
        connect(packButton, &QPushButton::clicked, this, [this] {
            auto* dialog = new SavePackDialog(m_context, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    }
    m_restored = new InlineMessage(page);
    m_restored->setObjectName(QStringLiteral("restoredDraftsMessage"));
    layout->addWidget(m_restored);

    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(QStringLiteral("caseTabWidget"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    m_overview = new OverviewTab(m_context, m_tabs);
    addTab(m_overview, m_overview, QStringLiteral("overview"), tr("Overview"));
    auto* contextFlow = new ContextFlow(m_context, m_tabs);
    addTab(contextFlow, contextFlow, QStringLiteral("context"), tr("Context"));
    connect(contextFlow, &ContextFlow::modifiedChanged, this, &CaseWorkspace::updateModifiedMarks);
    m_people = new PeopleTab(m_context, m_tabs);
    addTab(m_people, m_people, QStringLiteral("people"), tr("People"));
    m_victim = new VictimTab(m_context, m_tabs);
    addTab(m_victim, m_victim, QStringLiteral("victim"), tr("Victim"));
    connect(m_victim, &VictimTab::modifiedChanged, this, &CaseWorkspace::updateModifiedMarks);
    auto* plan = new PlanTab(m_context, m_tabs);
    addTab(plan, plan, QStringLiteral("plan"), tr("Plan"));
    // "Questions that would open more lines" on the Plan tab: one step to the Context question that asks it.
    connect(plan, &PlanTab::contextQuestionRequested, this, [this, contextFlow](const QString& questionId) {
        m_tabs->setCurrentWidget(contextFlow);
        contextFlow->showQuestion(questionId.toStdString());
    });
    for (const CaseRecordTab& recordTab : createRecordTabs(m_context, m_tabs)) {
        addTab(recordTab.widget, recordTab.tab, recordTab.key, recordTab.title);
    }
    auto* journeyView = new JourneyView(m_context, m_tabs);
    addTab(journeyView, journeyView, QStringLiteral("journey"), tr("Journey"));
    connect(m_people, &PeopleTab::modifiedChanged, this, &CaseWorkspace::updateModifiedMarks);
    connect(m_overview, &OverviewTab::modifiedChanged, this, &CaseWorkspace::updateModifiedMarks);

    createActions();
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::caseChanged, this, &CaseWorkspace::caseChanged);
        connect(m_context.bridge, &SignalBridge::personChanged, this,
                [this](const core::PersonRepository::Event& event) {
                    if (event.record.caseId == m_context.caseId) {
                        refreshHeader();
                    }
                });
        connect(m_context.bridge, &SignalBridge::lockChanged, this, [this](bool locked) {
            if (locked) {
                discardAndClose();
            }
        });
    }
    if (m_context.privacy != nullptr) {
        connect(m_context.privacy, &PrivacyMode::changed, this, &CaseWorkspace::refreshHeader);
    }
    refreshHeader();
    DialogFit::fitWindow(*this, QSize(1280, 800));
}

CaseWorkspace::~CaseWorkspace() = default;

void CaseWorkspace::addTab(QWidget* widget, CaseTab* tab, const QString& key, const QString& title)
{
    m_tabs->addTab(widget, title);
    m_caseTabs.push_back(tab);
    m_keys.push_back(key);
    m_titles.push_back(title);
}

CaseTab* CaseWorkspace::tabAt(int index) const
{
    if (index < 0 || index >= static_cast<int>(m_caseTabs.size())) {
        return nullptr;
    }
    return m_caseTabs[static_cast<std::size_t>(index)];
}

bool CaseWorkspace::hasUnsavedChanges() const
{
    for (const CaseTab* tab : m_caseTabs) {
        if (tab != nullptr && tab->hasUnsavedChanges()) {
            return true;
        }
    }
    return false;
}

QStringList CaseWorkspace::unsavedTabTitles() const
{
    QStringList titles;
    for (std::size_t i = 0; i < m_caseTabs.size(); ++i) {
        if (m_caseTabs[i] != nullptr && m_caseTabs[i]->hasUnsavedChanges()) {
            titles << m_titles[i];
        }
    }
    return titles;
}

void CaseWorkspace::createActions()
{
    auto add = [this](const QString& name, const QKeySequence& keys, auto slot) {
        auto* action = new QAction(this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    add(QStringLiteral("newRecordAction"), QKeySequence::New, [this] { newRecord(); })->setText(tr("New record"));
    add(QStringLiteral("saveAction"), QKeySequence::Save, [this] { saveCurrent(); })->setText(tr("Save"));
    add(QStringLiteral("reportsAction"), QKeySequence::Print, [this] { showReports(); })->setText(tr("Reports"));
    add(QStringLiteral("nextTabAction"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    })->setText(tr("Next tab"));
    add(QStringLiteral("previousTabAction"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    })->setText(tr("Previous tab"));
}

void CaseWorkspace::showAnalystExport()
{
    auto* dialog = new AnalystExportDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CaseWorkspace::showReports()
{
    auto* dialog = new ReportDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CaseWorkspace::newRecord()
{
    if (CaseTab* tab = tabAt(m_tabs->currentIndex())) {
        tab->newRecord();
    }
}

void CaseWorkspace::saveCurrent()
{
    if (CaseTab* tab = tabAt(m_tabs->currentIndex())) {
        tab->save();
    }
    updateModifiedMarks();
}

bool CaseWorkspace::showTabFor(const QString& entity)
{
    QString title;
    if (entity == QLatin1String("case")) {
        title = tr("Overview");
    } else if (entity == QLatin1String("person") || entity == QLatin1String("identifier") ||
               entity == QLatin1String("relationship")) {
        title = tr("People");
    } else if (entity == QLatin1String("decision")) {
        title = tr("Decisions");
    } else if (entity == QLatin1String("timeline_event")) {
        title = tr("Timeline");
    } else if (entity == QLatin1String("exhibit") || entity == QLatin1String("exhibit_movement") ||
               entity == QLatin1String("device") || entity == QLatin1String("tpm_request") ||
               entity == QLatin1String("unused_material")) {
        title = tr("Evidence");
    } else if (entity == QLatin1String("bail") || entity == QLatin1String("bail_extension") ||
               entity == QLatin1String("bail_pause") || entity == QLatin1String("rui_review")) {
        title = tr("Bail");
    } else if (entity == QLatin1String("order")) {
        title = tr("Orders and notices");
    } else if (entity == QLatin1String("review")) {
        title = tr("Reviews");
    } else if (entity == QLatin1String("enquiry") || entity == QLatin1String("plan_snapshot")) {
        title = tr("Plan");
    } else if (entity == QLatin1String("contact_plan") || entity == QLatin1String("contact") ||
               entity == QLatin1String("victim_right") || entity == QLatin1String("isva_referral") ||
               entity == QLatin1String("victim_wish") || entity == QLatin1String("case_event")) {
        title = tr("Victim");
    }
    for (std::size_t i = 0; i < m_titles.size(); ++i) {
        if (!title.isEmpty() && m_titles[i] == title) {
            m_tabs->setCurrentIndex(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

namespace {

/// Makes every tab page on the way from the window down to `widget` current.
void reveal(QWidget* widget)
{
    for (QWidget* child = widget; child != nullptr && child->parentWidget() != nullptr; child = child->parentWidget()) {
        // A QTabWidget's pages sit in its internal stack: switch through the tab widget.
        if (auto* tabs = qobject_cast<QTabWidget*>(
                child->parentWidget() != nullptr ? child->parentWidget()->parentWidget() : nullptr);
            tabs != nullptr && tabs->indexOf(child) >= 0) {
            tabs->setCurrentWidget(child);
        }
    }
}

RecordTab* findRecordTab(QWidget* root, const std::string& recordType)
{
    for (auto* tab : root->findChildren<RecordTab*>()) {
        if (tab->form()->spec().type == recordType) {
            return tab;
        }
    }
    return nullptr;
}

} // namespace

bool CaseWorkspace::startRecord(const std::string& recordType, const core::Values& preset)
{
    // A proposed line of enquiry is dealt with on the Plan tab (accept or decline it there).
    if (const auto entry = preset.find("catalogue_id"); recordType == "enquiry" && entry != preset.end()) {
        if (auto* plan = m_tabs->findChild<PlanTab*>()) {
            m_tabs->setCurrentWidget(plan);
            return plan->selectEntry(entry->second);
        }
    }
    if (m_victim->recordTab(recordType) != nullptr) {
        m_tabs->setCurrentWidget(m_victim);
        return m_victim->startRecord(recordType, preset);
    }
    RecordTab* tab = findRecordTab(m_tabs, recordType);
    if (tab == nullptr) {
        showTabFor(QString::fromStdString(recordType)); // at least the tab where it is dealt with
        return false;
    }
    reveal(tab);
    tab->newRecord();
    if (!tab->form()->isOpen()) {
        return false; // a child type whose parent is not chosen
    }
    tab->form()->startNew(tab->form()->parentId(), preset);
    updateModifiedMarks();
    return true;
}

bool CaseWorkspace::openRecord(const std::string& recordType, std::int64_t id)
{
    if (recordType == "enquiry") { // tracked enquiries are listed on the Plan tab
        if (auto* plan = m_tabs->findChild<PlanTab*>()) {
            m_tabs->setCurrentWidget(plan);
            return plan->selectRecord(id);
        }
    }
    if (m_victim->recordTab(recordType) != nullptr) {
        m_tabs->setCurrentWidget(m_victim);
        return m_victim->openRecord(recordType, id);
    }
    RecordTab* tab = findRecordTab(m_tabs, recordType);
    if (tab == nullptr) {
        showTabFor(QString::fromStdString(recordType)); // at least the tab where it is dealt with
        return false;
    }
    reveal(tab);
    if (!tab->selectRecord(id)) {
        return false;
    }
    tab->openSelected();
    return true;
}

void CaseWorkspace::caseChanged(const core::CaseRepository::Event& event)
{
    if (event.record.id != m_context.caseId) {
        return;
    }
    if (event.kind == core::ChangeKind::Removed) {
        discardAndClose();
    } else {
        refreshHeader();
    }
}

void CaseWorkspace::refreshHeader()
{
    if (m_closing || m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return;
    }
    try {
        const auto record = m_context.workspace->cases().find(m_context.caseId);
        if (!record) {
            return;
        }
        const QString reference = DisplayText::fromStd(record->reference);
        // The crime reference only: titles show in task bars and screen shares. A training workspace says so in
        // every window's title, as on every page it prints (issue 17).
        const bool training = m_context.workspace->info().training;
        setWindowTitle(training ? tr("Case %1 — TRAINING").arg(reference) : tr("Case %1").arg(reference));
        m_trainingBanner->setVisible(training);
        QStringList parts{reference};
        if (record->operationName) {
            parts << DisplayText::fromStd(*record->operationName);
        }
        parts << DisplayText::offenceTitle(m_context.workspace->offences(), record->primaryOffence);
        QStringList victims;
        for (const core::Person& person : m_context.workspace->people().listForCase(m_context.caseId)) {
            if (person.role == core::PersonRole::Victim) {
                victims << (m_context.privacy != nullptr ? m_context.privacy->displayName(person)
                                                         : DisplayText::personName(person));
            }
        }
        if (!victims.isEmpty()) {
            parts << tr("Victim: %1").arg(victims.join(QStringLiteral(", ")));
        }
        m_header->setText(parts.join(QStringLiteral(" — ")));
    } catch (const core::Error& error) {
        // Locked or removed: the window is about to close and keeps its last header. Anything else is shown.
        if (error.code() != core::ErrorCode::Locked && error.code() != core::ErrorCode::NotFound) {
            m_header->setText(ErrorText::message(error));
        }
    }
}

void CaseWorkspace::updateModifiedMarks()
{
    for (std::size_t i = 0; i < m_caseTabs.size(); ++i) {
        const bool modified = m_caseTabs[i] != nullptr && m_caseTabs[i]->hasUnsavedChanges();
        m_tabs->setTabText(static_cast<int>(i), modified ? tr("%1 *").arg(m_titles[i]) : m_titles[i]);
    }
    if (!hasUnsavedChanges()) {
        m_restored->clearMessage(); // the restored edits are saved or discarded
    }
}

core::WindowDraft CaseWorkspace::captureDraft() const
{
    core::WindowDraft draft;
    draft.caseId = m_context.caseId;
    const int current = m_tabs->currentIndex();
    if (current >= 0 && current < static_cast<int>(m_titles.size())) {
        draft.currentTab = DisplayText::toStd(m_keys[static_cast<std::size_t>(current)]);
    }
    for (std::size_t i = 0; i < m_caseTabs.size(); ++i) {
        if (m_caseTabs[i] == nullptr) {
            continue;
        }
        for (core::FormDraft form : m_caseTabs[i]->captureDrafts()) {
            form.tab = DisplayText::toStd(m_keys[i]);
            draft.forms.push_back(std::move(form));
        }
    }
    return draft;
}

int CaseWorkspace::restoreDraft(const core::WindowDraft& draft)
{
    const auto indexOf = [this](const std::string& key) {
        for (std::size_t i = 0; i < m_keys.size(); ++i) {
            if (DisplayText::toStd(m_keys[i]) == key) {
                return static_cast<int>(i);
            }
        }
        return -1;
    };
    int lost = 0;
    for (const core::FormDraft& form : draft.forms) {
        const int index = indexOf(form.tab);
        CaseTab* tab = tabAt(index);
        if (tab == nullptr) {
            ++lost;
            continue;
        }
        m_tabs->setCurrentIndex(index); // a record list fills its form only while it can select
        if (!tab->restoreDraft(form)) {
            ++lost;
        }
    }
    if (const int current = indexOf(draft.currentTab); current >= 0) {
        m_tabs->setCurrentIndex(current);
    }
    updateModifiedMarks();
    if (hasUnsavedChanges()) {
        m_restored->showMessage(tr("Edits you had not saved when the workbench locked are back in the tabs marked "
                                   "*. They are not saved yet: save or discard them."),
                                InlineMessage::Kind::Warning);
    }
    if (lost > 0) {
        m_restored->showMessage(
            tr("%n unsaved edits from before the lock could not be put back: the records were removed.", nullptr, lost),
            InlineMessage::Kind::Warning);
    }
    return lost;
}

void CaseWorkspace::discardAndClose()
{
    m_closing = true;
    for (CaseTab* tab : m_caseTabs) {
        if (tab != nullptr) {
            tab->discardChanges();
        }
    }
    m_header->clear();
    close();
}

void CaseWorkspace::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CaseWorkspace::closeEvent(QCloseEvent* event)
{
    if (!m_closing && hasUnsavedChanges()) {
        // The prompt names the tabs holding the changes (issue 15), as their "*" marks do.
        const QStringList titles = unsavedTabTitles();
        const QString text =
            titles.size() == 1
                ? tr("The %1 tab of this case has changes that are not saved.").arg(titles.front())
                : tr("These tabs of this case have changes that are not saved: %1.").arg(titles.join(tr(", ")));
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"), text,
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("unsavedChangesMessageBox"));
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        if (m_closing) {
            // Locked while the question was open: discardAndClose() took over.
            event->accept();
            return;
        }
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        for (std::size_t i = 0; i < m_caseTabs.size(); ++i) {
            CaseTab* tab = m_caseTabs[i];
            if (tab == nullptr || !tab->hasUnsavedChanges()) {
                continue;
            }
            if (answer == QMessageBox::Save && !tab->save()) {
                m_tabs->setCurrentIndex(static_cast<int>(i)); // show the error
                updateModifiedMarks();
                event->ignore();
                return;
            }
            if (answer == QMessageBox::Discard) {
                tab->discardChanges();
            }
        }
    }
    m_closing = true;
    event->accept();
}

} // namespace wb::ui
