// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/PossibleMatchesPanel.h"

#include <exception>
#include <utility>

#include <QDate>
#include <QGridLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/suspects/Decisions.h"
#include "core/suspects/MatchingIndex.h"
#include "core/suspects/RepeatSuspects.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/suspects/CandidateListModel.h"
#include "ui/suspects/MatchingService.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

namespace {

constexpr int kDefaultDebounceMs = 400;

std::string isoToday(const core::Workspace& workspace)
{
    const auto today = workspaceToday(&workspace);
    const QDate date(static_cast<int>(today.year()), static_cast<int>(static_cast<unsigned>(today.month())),
                     static_cast<int>(static_cast<unsigned>(today.day())));
    return date.toString(Qt::ISODate).toStdString();
}

bool sameMatchingDetails(const core::PersonDraft& a, const core::PersonDraft& b)
{
    return a.role == b.role && a.givenName == b.givenName && a.familyName == b.familyName &&
           a.dateOfBirth == b.dateOfBirth && a.ageYears == b.ageYears && a.caseId == b.caseId;
}

} // namespace

PossibleMatchesPanel::PossibleMatchesPanel(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new CandidateListModel(context.privacy, this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("possibleMatchesPanel"));
    setAccessibleName(tr("Possible matches in other cases"));
    m_debounce->setObjectName(QStringLiteral("possibleMatchesDebounceTimer"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDefaultDebounceMs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(tr("Possible matches in other cases"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    auto* help = new QLabel(tr("While a suspect is entered or edited, people recorded in other cases who may be the "
                               "same person are listed here, strongest first, with the reasons. A witness is "
                               "compared with suspects only. Matching is never done for victims, and nothing here "
                               "judges anyone's credibility: a match is a lead to check, not a finding."),
                            this);
    help->setObjectName(QStringLiteral("possibleMatchesHelpLabel"));
    help->setWordWrap(true);
    layout->addWidget(help);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("possibleMatchesStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    // Everything but the status goes while the subject is a victim: nothing is shown for a victim.
    m_results = new QWidget(this);
    auto* resultsLayout = new QVBoxLayout(m_results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    auto* listLabel = new QLabel(tr("Possible &matches:"), m_results);
    resultsLayout->addWidget(listLabel);
    m_list = new QListView(m_results);
    m_list->setObjectName(QStringLiteral("possibleMatchesListView"));
    m_list->setAccessibleName(tr("Possible matches, strongest first"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(2);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    listLabel->setBuddy(m_list);
    resultsLayout->addWidget(m_list, 1);

    m_counts = new QLabel(m_results);
    m_counts->setObjectName(QStringLiteral("possibleMatchesCountsLabel"));
    m_counts->setWordWrap(true);
    resultsLayout->addWidget(m_counts);

    // Two rows, so that the column stays narrow beside the form.
    auto* buttons = new QGridLayout();
    m_decideButton = new QPushButton(tr("E&xplain and decide…"), m_results);
    m_decideButton->setObjectName(QStringLiteral("explainAndDecideButton"));
    m_decideButton->setToolTip(tr("See why the two may be the same person, and record a decision"));
    m_pictureButton = new QPushButton(tr("&Whole picture…"), m_results);
    m_pictureButton->setObjectName(QStringLiteral("wholePictureButton"));
    m_pictureButton->setToolTip(tr("Every case the selected suspect appears in, their identifiers and links"));
    m_openCaseButton = new QPushButton(tr("Open &case"), m_results);
    m_openCaseButton->setObjectName(QStringLiteral("openMatchCaseButton"));
    m_openCaseButton->setToolTip(tr("Open the selected person's case at that person"));
    buttons->addWidget(m_decideButton, 0, 0, 1, 2);
    buttons->addWidget(m_pictureButton, 1, 0);
    buttons->addWidget(m_openCaseButton, 1, 1);
    buttons->setColumnStretch(2, 1);
    resultsLayout->addLayout(buttons);
    m_buttonReason = new QLabel(m_results);
    m_buttonReason->setObjectName(QStringLiteral("possibleMatchesButtonReasonLabel"));
    m_buttonReason->setWordWrap(true);
    resultsLayout->addWidget(m_buttonReason);

    layout->addWidget(m_results, 1);

    connect(m_debounce, &QTimer::timeout, this, &PossibleMatchesPanel::startSearch);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PossibleMatchesPanel::selectionChanged);
    connect(m_list, &QListView::activated, this, [this] {
        if (m_decideButton->isEnabled()) {
            explainAndDecide();
        }
    });
    connect(m_decideButton, &QPushButton::clicked, this, &PossibleMatchesPanel::explainAndDecide);
    connect(m_pictureButton, &QPushButton::clicked, this, &PossibleMatchesPanel::openWholePicture);
    connect(m_openCaseButton, &QPushButton::clicked, this, &PossibleMatchesPanel::openCase);

    MatchingService& matching = *m_context.matching;
    connect(&matching, &MatchingService::decisionsChanged, this, &PossibleMatchesPanel::refresh);
    // Names and identifiers are personal data: nothing stays on screen once the key goes.
    connect(&matching.session(), &WorkspaceSession::aboutToLock, this, &PossibleMatchesPanel::clearSubject);
    connect(&matching.session(), &WorkspaceSession::aboutToClose, this, &PossibleMatchesPanel::clearSubject);
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::recordChanged, this, [this](const core::RecordRepository::Event& e) {
            // The subject's own identifiers take part in the search: a change means searching again.
            if (m_active && m_personId != 0 && e.record.spec != nullptr &&
                e.record.spec->type == core::recordtype::kIdentifier && e.record.parentId == m_personId) {
                refresh();
            }
        });
    }
    clearSubject();
}

PossibleMatchesPanel::~PossibleMatchesPanel() = default;

void PossibleMatchesPanel::setDebounceMs(int ms)
{
    m_debounce->setInterval(ms);
}

int PossibleMatchesPanel::debounceMs() const
{
    return m_debounce->interval();
}

void PossibleMatchesPanel::setSubject(std::int64_t personId, const core::PersonDraft& draft, bool unsaved)
{
    const bool changed = !m_active || personId != m_personId || !sameMatchingDetails(draft, m_draft);
    m_active = true;
    m_personId = personId;
    m_draft = draft;
    m_unsaved = unsaved;
    if (!changed) {
        selectionChanged(); // only whether it is saved may have changed
        return;
    }
    ++m_generation;
    m_debounce->stop();
    if (draft.role == core::PersonRole::Victim) {
        emptyList();
        setState(State::Victim, tr("Matching is not done for victims: a victim is never searched for, scored or "
                                   "listed as a repeat anything."));
        return;
    }
    if (draft.givenName.empty() && draft.familyName.empty()) {
        emptyList();
        setState(State::NoName, tr("Enter a name to look for possible matches in other cases."));
        return;
    }
    if (m_state != State::Searching && m_state != State::Done) {
        setState(State::Waiting, tr("Possible matches are looked for when you pause typing."));
    }
    m_debounce->start();
    selectionChanged();
}

void PossibleMatchesPanel::clearSubject()
{
    ++m_generation;
    m_debounce->stop();
    m_active = false;
    m_personId = 0;
    m_draft = core::PersonDraft{};
    m_unsaved = false;
    emptyList();
    setState(State::Idle, tr("Select or add a suspect to see possible matches in other cases."));
}

void PossibleMatchesPanel::refresh()
{
    if (!m_active || m_state == State::Victim || m_state == State::NoName) {
        return;
    }
    ++m_generation;
    m_debounce->stop();
    startSearch();
}

void PossibleMatchesPanel::startSearch()
{
    const quint64 generation = m_generation;
    // The stored identifiers are read on the GUI thread, so only once no job holds the workspace.
    m_context.matching->session().whenIdle(this, [this, generation] { searchNow(generation); });
}

void PossibleMatchesPanel::searchNow(quint64 generation)
{
    if (generation != m_generation || !m_active) {
        return; // a newer subject, or none, since
    }
    WorkspaceSession& session = m_context.matching->session();
    core::Workspace* workspace = session.isUnlocked() ? session.workspace() : nullptr;
    if (workspace == nullptr) {
        showError(core::Error(core::ErrorCode::Locked, "the workspace is locked or closed"));
        return;
    }
    core::matching::PersonRecord subject;
    std::string reference;
    try {
        subject = buildSubject(*workspace);
        if (const auto found = workspace->cases().find(subject.caseId)) {
            reference = found->reference;
        }
    } catch (const core::Error& e) {
        showError(e);
        return;
    }
    setState(State::Searching, tr("Searching…"));
    ++m_searchesStarted;
    m_context.matching->findCandidates(
        subject, this,
        [this, generation, subject, reference = std::move(reference)](const std::optional<core::Error>& error,
                                                                      const core::suspects::CandidateResult& result) {
            if (generation != m_generation) {
                return; // asked for an earlier subject
            }
            if (error) {
                showError(*error);
                return;
            }
            m_searched = subject;
            m_searchedReference = reference;
            showResult(result);
        });
}

core::matching::PersonRecord PossibleMatchesPanel::buildSubject(core::Workspace& workspace) const
{
    core::matching::PersonRecord subject;
    std::optional<core::Person> stored;
    if (m_personId != 0) {
        stored = workspace.people().find(m_personId);
    }
    if (stored) {
        subject = core::suspects::matchingDetails(workspace, *stored);
    } else {
        subject.caseId = m_draft.caseId;
    }
    // The editor's values as typed win over the stored ones.
    subject.role = m_draft.role;
    subject.givenName = m_draft.givenName;
    subject.familyName = m_draft.familyName;
    subject.dateOfBirth = m_draft.dateOfBirth;
    subject.ageYears = m_draft.dateOfBirth ? std::nullopt : m_draft.ageYears;
    if (!stored || stored->ageYears != subject.ageYears || !subject.ageOnDate) {
        subject.ageOnDate = isoToday(workspace); // an age typed now is true today
    }
    return subject;
}

void PossibleMatchesPanel::showResult(const core::suspects::CandidateResult& result)
{
    if (result.victimSubject) {
        emptyList();
        setState(State::Victim, tr("Matching is not done for victims: a victim is never searched for, scored or "
                                   "listed as a repeat anything."));
        return;
    }
    m_model->setCandidates(result.candidates);
    const auto found = static_cast<qlonglong>(result.candidates.size());
    setState(State::Done, found == 0 ? tr("No possible matches awaiting a decision in other cases.")
                                     : tr("Possible matches in other cases: %1, strongest first.").arg(found));
    QStringList counts;
    if (!result.linked.empty()) {
        counts << tr("Already confirmed as the same person: %1 (see the whole picture).")
                      .arg(static_cast<qlonglong>(result.linked.size()));
    }
    if (result.suppressed != 0) {
        counts << tr("Marked as different people, details unchanged since, so not shown: %1.")
                      .arg(static_cast<qlonglong>(result.suppressed));
    }
    m_counts->setText(counts.join(QLatin1Char('\n')));
    if (found != 0) {
        m_list->setCurrentIndex(m_model->index(0));
    }
    selectionChanged();
}

void PossibleMatchesPanel::showError(const core::Error& error)
{
    emptyList();
    setState(State::Failed, tr("Possible matches could not be looked for: %1").arg(ErrorText::message(error)));
}

void PossibleMatchesPanel::setState(State state, const QString& status)
{
    m_state = state;
    m_status->setText(status);
    m_status->setAccessibleName(status);
    m_results->setVisible(state != State::Victim);
    selectionChanged();
}

void PossibleMatchesPanel::emptyList()
{
    m_model->clear();
    m_counts->clear();
    m_searched = core::matching::PersonRecord{};
    m_searchedReference.clear();
}

void PossibleMatchesPanel::selectionChanged()
{
    const QModelIndex current = m_list->currentIndex();
    const bool selected = current.isValid() && m_state == State::Done;
    QString reason;
    bool decide = selected;
    bool picture = selected;
    if (!selected) {
        reason = m_model->rowCount() == 0 ? QString() : tr("Select a possible match to act on it.");
    } else {
        const auto& candidate = m_model->candidateAt(current.row());
        if (m_searched.personId == 0 || m_personId == 0) {
            decide = false;
            reason = tr("Save the person first: a decision is about two saved people.");
        } else if (m_unsaved) {
            decide = false;
            reason = tr("Save the changes first: a decision is about the details as saved.");
        }
        if (candidate.other.record.role != core::PersonRole::Suspect) {
            picture = false;
            const QString note = tr("The whole picture is shown for suspects.");
            reason = reason.isEmpty() ? note : reason + QLatin1Char(' ') + note;
        }
    }
    m_decideButton->setEnabled(decide);
    m_pictureButton->setEnabled(picture);
    m_openCaseButton->setEnabled(selected);
    m_buttonReason->setText(reason);
    m_buttonReason->setVisible(!reason.isEmpty());
}

void PossibleMatchesPanel::explainAndDecide()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || !m_decideButton->isEnabled()) {
        return;
    }
    const auto& candidate = m_model->candidateAt(current.row());
    core::suspects::PairProposal pair;
    pair.first = core::suspects::MatchedPerson{m_searched, m_searchedReference};
    pair.second = candidate.other;
    pair.score = candidate.score;
    pair.decision = candidate.decision;
    m_context.matching->requestDecision(pair);
}

void PossibleMatchesPanel::openWholePicture()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || !m_pictureButton->isEnabled()) {
        return;
    }
    m_context.matching->requestWholePicture(m_model->candidateAt(current.row()).other.record.personId);
}

void PossibleMatchesPanel::openCase()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || !m_openCaseButton->isEnabled()) {
        return;
    }
    const auto& other = m_model->candidateAt(current.row()).other.record;
    m_context.matching->requestOpenCase(other.caseId, QString::fromStdString(other.personUuid));
}

} // namespace wb::ui
