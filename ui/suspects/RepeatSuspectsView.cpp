// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/RepeatSuspectsView.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "core/Workspace.h"
#include "core/suspects/Decisions.h"
#include "core/suspects/RepeatSuspects.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/suspects/AwaitingDecisionModel.h"
#include "ui/suspects/PersonOfInterestListModel.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

namespace {

QLabel* wrappedLabel(const char* objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QTableView* listView(const char* objectName, QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(QString::fromLatin1(objectName));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTabKeyNavigation(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->setMinimumHeight(view->fontMetrics().height() * 4); // a heading and a row or two at the least
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

int selectedRow(const QTableView* view)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.front().row();
}

} // namespace

RepeatSuspectsView::RepeatSuspectsView(MatchingService& matching, PrivacyMode* privacy, QWidget* parent)
    : QWidget(parent)
    , m_matching(matching)
    , m_suspects(new PersonOfInterestListModel(privacy, this))
    , m_proposals(new AwaitingDecisionModel(privacy, this))
{
    setObjectName(QStringLiteral("repeatSuspectsView"));
    // Few rows, each short: the main window, whose least size is its largest page's, still fits a 1280x800 screen
    // at 150 % (MainWindowTest).
    auto* layout = new QVBoxLayout(this);

    // (c) What this is, and the victim rule.
    auto* help = wrappedLabel("repeatSuspectsHelpLabel", this);
    help->setText(tr("The same person may be a suspect in more than one report. Below are the suspects officers have "
                     "decided are one person across cases, and pairs of recorded people the workbench thinks may be "
                     "the same person. The workbench only proposes: an officer decides, with a rationale, and "
                     "nothing is merged — each case keeps its own records. Matching is about suspects: a victim is "
                     "never searched for nor called a repeat anything, and nothing here scores or orders anyone's "
                     "credibility."));
    help->setAccessibleName(tr("About repeat suspects"));
    layout->addWidget(help);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("repeatSuspectsSplitter"));
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    // (a) Suspects in more than one case.
    auto* suspectsBox = new QGroupBox(tr("Suspects in more than one case"), splitter);
    suspectsBox->setObjectName(QStringLiteral("repeatSuspectsGroup"));
    auto* suspectsLayout = new QVBoxLayout(suspectsBox);
    m_suspectsEmpty = wrappedLabel("repeatSuspectsEmptyLabel", suspectsBox);
    m_suspectsEmpty->setText(tr("No suspect is linked across cases yet. A person appears here once an officer decides "
                                "that suspects recorded in two cases are the same person."));
    auto* suspectsRow = new QHBoxLayout();
    suspectsRow->addWidget(m_suspectsEmpty, 1);
    suspectsLayout->addLayout(suspectsRow);
    m_suspectsError = wrappedLabel("repeatSuspectsErrorLabel", suspectsBox);
    m_suspectsError->hide();
    suspectsLayout->addWidget(m_suspectsError);
    m_suspectsView = listView("repeatSuspectsTableView", m_suspects, suspectsBox);
    m_suspectsView->setAccessibleName(tr("Suspects in more than one case, most cases first"));
    m_suspectsView->setAccessibleDescription(tr("Enter opens the person's whole picture across cases"));
    m_suspectsView->horizontalHeader()->resizeSection(PersonOfInterestListModel::NamesColumn, 360);
    m_suspectsView->horizontalHeader()->resizeSection(PersonOfInterestListModel::CasesColumn, 90);
    suspectsLayout->addWidget(m_suspectsView, 1);
    auto* pictureButton = new QPushButton(tr("&Whole picture…"), suspectsBox);
    pictureButton->setObjectName(QStringLiteral("wholePictureButton"));
    pictureButton->setAccessibleName(tr("Whole picture of the selected suspect across cases"));
    pictureButton->setEnabled(false);
    suspectsRow->addStretch(0);
    suspectsRow->addWidget(pictureButton, 0, Qt::AlignRight);
    splitter->addWidget(suspectsBox);

    // (b) Possible matches awaiting a decision.
    auto* proposalsBox = new QGroupBox(tr("Possible matches awaiting a decision"), splitter);
    proposalsBox->setObjectName(QStringLiteral("possibleMatchesGroup"));
    auto* proposalsLayout = new QVBoxLayout(proposalsBox);
    auto* scanRow = new QHBoxLayout();
    m_scanButton = new QPushButton(tr("&Look for possible matches"), proposalsBox);
    m_scanButton->setObjectName(QStringLiteral("scanButton"));
    m_scanButton->setAccessibleName(tr("Look for possible matches across every case"));
    m_cancelButton = new QPushButton(tr("Ca&ncel"), proposalsBox);
    m_cancelButton->setObjectName(QStringLiteral("cancelScanButton"));
    m_cancelButton->setAccessibleName(tr("Stop looking for possible matches"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar(proposalsBox);
    m_progress->setObjectName(QStringLiteral("scanProgressBar"));
    m_progress->setAccessibleName(tr("Pairs compared"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false); // the words are in the status beside it
    m_progress->hide();
    m_scanStatus = wrappedLabel("scanStatusLabel", proposalsBox);
    m_scanStatus->setAccessibleName(tr("Search status"));
    scanRow->addWidget(m_scanButton);
    scanRow->addWidget(m_cancelButton);
    scanRow->addWidget(m_progress);
    scanRow->addWidget(m_scanStatus, 1);
    proposalsLayout->addLayout(scanRow);
    m_counts = wrappedLabel("decidedCountsLabel", proposalsBox);
    m_counts->setAccessibleName(tr("Pairs decided already"));
    m_counts->hide();
    proposalsLayout->addWidget(m_counts);
    m_proposalsEmpty = wrappedLabel("possibleMatchesEmptyLabel", proposalsBox);
    proposalsLayout->addWidget(m_proposalsEmpty);
    m_proposalsView = listView("possibleMatchesTableView", m_proposals, proposalsBox);
    m_proposalsView->setWordWrap(true);
    m_proposalsView->setAccessibleName(tr("Possible matches awaiting a decision, strongest first"));
    m_proposalsView->setAccessibleDescription(tr("Enter opens the explanation and the decision on the pair"));
    m_proposalsView->horizontalHeader()->resizeSection(AwaitingDecisionModel::FirstColumn, 260);
    m_proposalsView->horizontalHeader()->resizeSection(AwaitingDecisionModel::SecondColumn, 260);
    m_proposalsView->horizontalHeader()->resizeSection(AwaitingDecisionModel::ProbabilityColumn, 220);
    proposalsLayout->addWidget(m_proposalsView, 1);
    auto* decideButton = new QPushButton(tr("&Explain and decide…"), proposalsBox);
    decideButton->setObjectName(QStringLiteral("explainAndDecideButton"));
    decideButton->setAccessibleName(tr("Explain the selected pair and decide on it"));
    decideButton->setEnabled(false);
    scanRow->addWidget(decideButton);
    splitter->addWidget(proposalsBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    connect(m_scanButton, &QPushButton::clicked, this, &RepeatSuspectsView::startScan);
    connect(m_cancelButton, &QPushButton::clicked, this, &RepeatSuspectsView::cancelScan);
    connect(m_suspectsView, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { openWholePicture(index.row()); });
    connect(m_proposalsView, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { openDecision(index.row()); });
    connect(pictureButton, &QPushButton::clicked, this, [this] { openWholePicture(selectedRow(m_suspectsView)); });
    connect(decideButton, &QPushButton::clicked, this, [this] { openDecision(selectedRow(m_proposalsView)); });
    connect(m_suspectsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, pictureButton] {
        pictureButton->setEnabled(m_suspects->personIdAt(selectedRow(m_suspectsView)) != 0);
    });
    connect(m_proposalsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, decideButton] { decideButton->setEnabled(selectedRow(m_proposalsView) >= 0); });
    connect(m_suspects, &QAbstractItemModel::modelReset, this, [pictureButton] { pictureButton->setEnabled(false); });
    connect(m_proposals, &QAbstractItemModel::modelReset, this, [this, decideButton] {
        decideButton->setEnabled(false);
        m_proposalsView->resizeRowsToContents(); // the reasons, one a line
    });

    WorkspaceSession& session = m_matching.session();
    connect(&session, &WorkspaceSession::attached, this, [this] {
        clear();
        watchBridge();
        reload();
    });
    connect(&session, &WorkspaceSession::aboutToLock, this, &RepeatSuspectsView::clear);
    connect(&session, &WorkspaceSession::aboutToClose, this, &RepeatSuspectsView::clear);
    connect(&m_matching, &MatchingService::decisionsChanged, this, &RepeatSuspectsView::reload);
    updateEmptyStates();
    if (session.isOpen()) {
        watchBridge();
        reload();
    }
}

void RepeatSuspectsView::watchBridge()
{
    if (SignalBridge* bridge = m_matching.session().bridge(); bridge != nullptr) {
        // Unlocked again after a lock: the same workspace, read again.
        connect(bridge, &SignalBridge::lockChanged, this, [this](bool locked) {
            if (!locked) {
                reload();
            }
        });
    }
}

RepeatSuspectsView::~RepeatSuspectsView()
{
    if (m_scan != nullptr) {
        m_scan->cancel();
    }
}

QString RepeatSuspectsView::progressText(std::size_t scored, std::size_t total)
{
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    return tr("%1 of %2 pairs compared")
        .arg(uk.toString(static_cast<qulonglong>(scored)), uk.toString(static_cast<qulonglong>(total)));
}

QString RepeatSuspectsView::countsText(std::size_t linked, std::size_t suppressed)
{
    QStringList parts;
    if (linked > 0) {
        parts << tr("%n pairs found are already decided to be the same person (listed above, not here).", nullptr,
                    static_cast<int>(linked));
    }
    if (suppressed > 0) {
        parts << tr("%n pairs found were decided to be different people and are not proposed again unless either "
                    "person's details change.",
                    nullptr, static_cast<int>(suppressed));
    }
    return parts.join(QLatin1Char(' '));
}

void RepeatSuspectsView::reload()
{
    WorkspaceSession& session = m_matching.session();
    if (!session.isUnlocked()) {
        return;
    }
    if (!session.busy()) {
        readNow();
        return;
    }
    if (!m_readPending) {
        m_readPending = true; // once no job holds the workspace (a scan, the due list)
        session.whenIdle(this, [this] { readNow(); });
    }
}

void RepeatSuspectsView::readNow()
{
    m_readPending = false;
    WorkspaceSession& session = m_matching.session();
    if (!session.isUnlocked() || session.busy()) {
        if (session.isUnlocked()) {
            reload();
        }
        return;
    }
    try {
        m_suspects->setPersons(core::suspects::repeatSuspects(*session.workspace()));
        m_suspectsError->hide();
        dropDecided();
    } catch (const core::Error& e) {
        m_suspects->clear();
        m_suspectsError->setText(ErrorText::message(e));
        m_suspectsError->show();
    }
    updateEmptyStates();
}

void RepeatSuspectsView::dropDecided()
{
    // A pair decided since the scan leaves the list: "same" joins the linked, "different" the suppressed.
    if (m_proposals->proposals().empty()) {
        return;
    }
    core::Workspace& workspace = *m_matching.session().workspace();
    std::vector<core::suspects::PairProposal> kept;
    bool dropped = false;
    for (const auto& proposal : m_proposals->proposals()) {
        const auto current = workspace.matchDecisions().current(
            core::PersonPair::of(proposal.first.record.personUuid, proposal.second.record.personUuid));
        if (core::suspects::awaitsDecision(current, proposal.first.record, proposal.second.record)) {
            kept.push_back(proposal);
            kept.back().decision = current;
            continue;
        }
        dropped = true;
        if (current && current->verdict == core::MatchVerdict::Same) {
            ++m_linked;
        } else {
            ++m_suppressed;
        }
    }
    if (dropped) {
        m_proposals->setProposals(std::move(kept));
        showCounts();
    }
}

void RepeatSuspectsView::startScan()
{
    if (m_scanActive) {
        return;
    }
    m_scanButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setValue(0);
    m_progress->show();
    m_scanStatus->setText(tr("Searching…"));
    m_proposalsEmpty->hide();
    // The generation tells this scan's answers from those of a scan stopped by a lock or close since.
    const int generation = ++m_generation;
    m_scanActive = true;
    auto handle = m_matching.scan(
        this,
        [this, generation](std::size_t scored, std::size_t total) {
            if (generation == m_generation) {
                scanProgress(scored, total);
            }
        },
        [this, generation](const std::optional<core::Error>& error, const core::suspects::AwaitingDecision& result) {
            if (generation == m_generation) {
                scanDone(error, result);
            }
        });
    if (m_scanActive) {
        m_scan = std::move(handle); // (else answered at once: locked, or no model)
    }
}

void RepeatSuspectsView::cancelScan()
{
    if (m_scan != nullptr) {
        m_scan->cancel();
        m_cancelButton->setEnabled(false);
        m_scanStatus->setText(tr("Stopping…"));
    }
}

void RepeatSuspectsView::scanProgress(std::size_t scored, std::size_t total)
{
    if (total == 0) {
        return;
    }
    m_progress->setValue(static_cast<int>(std::min<std::size_t>(scored, total) * 1000 / total));
    m_scanStatus->setText(progressText(scored, total));
}

void RepeatSuspectsView::scanDone(const std::optional<core::Error>& error,
                                  const core::suspects::AwaitingDecision& result)
{
    m_scanActive = false;
    m_scan.reset();
    m_scanButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_progress->hide();
    if (error) {
        m_scanStatus->setText(ErrorText::message(*error));
        updateEmptyStates();
        return;
    }
    m_scanned = true;
    m_linked = result.linked;
    m_suppressed = result.suppressed;
    m_proposals->setProposals(result.proposals);
    if (result.cancelled) {
        m_scanStatus->setText(tr("Stopped: the pairs found so far are listed."));
    } else {
        m_scanStatus->setText(
            tr("Finished: %n pairs await a decision.", nullptr, static_cast<int>(result.proposals.size())));
    }
    showCounts();
    updateEmptyStates();
}

void RepeatSuspectsView::showCounts()
{
    const QString text = countsText(m_linked, m_suppressed);
    m_counts->setText(text);
    m_counts->setVisible(!text.isEmpty());
}

void RepeatSuspectsView::updateEmptyStates()
{
    m_suspectsEmpty->setVisible(m_suspects->isEmpty() && m_suspectsError->isHidden());
    if (m_scanActive) {
        m_proposalsEmpty->hide();
        return;
    }
    if (!m_scanned) {
        m_proposalsEmpty->setText(tr("Choose Look for possible matches to compare the people of every case with one "
                                     "another. In a large workspace this can take a minute; you can stop it."));
    } else {
        m_proposalsEmpty->setText(tr("No possible matches await a decision."));
    }
    m_proposalsEmpty->setVisible(m_proposals->rowCount() == 0);
}

void RepeatSuspectsView::clear()
{
    if (m_scan != nullptr) {
        m_scan->cancel();
        m_scan.reset();
    }
    ++m_generation; // a running scan's answers are ignored from here on
    m_scanActive = false;
    m_readPending = false;
    m_scanned = false;
    m_linked = 0;
    m_suppressed = 0;
    m_suspects->clear();
    m_proposals->clear();
    m_suspectsError->hide();
    m_scanButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_progress->hide();
    m_scanStatus->clear();
    showCounts();
    updateEmptyStates();
}

void RepeatSuspectsView::openWholePicture(int row)
{
    if (const std::int64_t personId = m_suspects->personIdAt(row); personId != 0) {
        m_matching.requestWholePicture(personId);
    }
}

void RepeatSuspectsView::openDecision(int row)
{
    if (const auto* proposal = m_proposals->proposalAt(row); proposal != nullptr) {
        m_matching.requestDecision(*proposal);
    }
}

} // namespace wb::ui
