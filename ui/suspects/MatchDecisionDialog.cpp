// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/MatchDecisionDialog.h"

#include <exception>
#include <utility>

#include <QAbstractItemView>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/suspects/Decisions.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/suspects/MatchExplanationView.h"
#include "ui/suspects/MatchingService.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/MatchText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

constexpr int VerdictSame = 0;
constexpr int VerdictDifferent = 1;
constexpr int VerdictUndecided = 2;

int verdictId(core::MatchVerdict verdict)
{
    switch (verdict) {
    case core::MatchVerdict::Same: return VerdictSame;
    case core::MatchVerdict::Different: return VerdictDifferent;
    case core::MatchVerdict::Undecided: return VerdictUndecided;
    }
    return VerdictUndecided;
}

core::Person asPerson(const core::matching::PersonRecord& record)
{
    core::Person person;
    person.id = record.personId;
    person.uuid = record.personUuid;
    person.caseId = record.caseId;
    person.role = record.role;
    person.givenName = record.givenName;
    person.familyName = record.familyName;
    return person;
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(text);
    return item;
}

} // namespace

MatchDecisionDialog::MatchDecisionDialog(MatchingService& matching,
                                         const Catalogues& /*catalogues*/,
                                         PrivacyMode* privacy,
                                         core::suspects::PairProposal pair,
                                         QWidget* parent)
    : QDialog(parent)
    , m_matching(matching)
    , m_privacy(privacy)
    , m_pair(std::move(pair))
{
    setObjectName(QStringLiteral("matchDecisionDialog"));
    setWindowTitle(tr("Decide a possible match"));
    setAccessibleName(tr("Decide a possible match"));

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    auto* help = new QLabel(tr("Decide whether these two records are the same person, on the evidence in the "
                               "records, and say why. The decision is kept and audited; a pair decided different "
                               "people is not proposed again unless either person's details change. Matching is "
                               "for suspects: a victim is never searched for or called a repeat anything, and "
                               "nothing here judges anyone's credibility."),
                            content);
    help->setObjectName(QStringLiteral("decisionHelpLabel"));
    help->setWordWrap(true);
    layout->addWidget(help);

    m_explanation = new MatchExplanationView(content);
    m_explanation->showPair(display(m_pair.first.record, m_pair.first.caseReference),
                            display(m_pair.second.record, m_pair.second.caseReference), m_pair.score);
    // The explanation on the left, the decision beside it: both in view at once on a 1280×800 screen.
    auto* columns = new QHBoxLayout();
    columns->addWidget(m_explanation, 3);
    auto* side = new QVBoxLayout();
    side->addWidget(buildDecisionSection(content));
    side->addStretch(1);
    columns->addLayout(side, 2);
    layout->addLayout(columns);
    layout->addWidget(buildHistorySection(content));

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("decisionScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("decisionMessageLabel"));

    auto* buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("&Save decision"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveDecisionButton"));
    m_saveButton->setAccessibleName(tr("Save the decision"));
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelDecisionButton"));
    cancel->setAccessibleName(tr("Cancel without deciding"));
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_scroll, 1);
    outer->addWidget(m_message);
    outer->addWidget(buttons);

    // Personal data leaves the screen with the workspace.
    WorkspaceSession& session = m_matching.session();
    connect(&session, &WorkspaceSession::aboutToLock, this, &QDialog::reject);
    connect(&session, &WorkspaceSession::aboutToClose, this, &QDialog::reject);

    loadHistory();
    updateState();
    DialogFit::fit(*this, m_scroll, 1100);
}

MatchDecisionDialog::~MatchDecisionDialog() = default;

MatchPersonDisplay MatchDecisionDialog::display(const core::matching::PersonRecord& person,
                                                const std::string& caseReference) const
{
    const core::Person asStored = asPerson(person);
    return MatchPersonDisplay{m_privacy != nullptr ? m_privacy->displayName(asStored)
                                                   : DisplayText::personName(asStored),
                              DisplayText::role(person.role), DisplayText::fromStd(caseReference)};
}

QWidget* MatchDecisionDialog::buildHistorySection(QWidget* parent)
{
    auto* box = new QGroupBox(tr("Decisions on this pair, oldest first"), parent);
    box->setObjectName(QStringLiteral("decisionHistoryGroupBox"));
    m_historyBox = box;
    auto* layout = new QVBoxLayout(box);

    m_historyTable = new QTableWidget(0, 4, box);
    m_historyTable->setObjectName(QStringLiteral("decisionHistoryTable"));
    m_historyTable->setAccessibleName(tr("Decisions on this pair, oldest first"));
    m_historyTable->setHorizontalHeaderLabels({tr("Decision"), tr("Rationale"), tr("Decided by"), tr("When")});
    m_historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyTable->setTabKeyNavigation(false);
    m_historyTable->setWordWrap(true);
    m_historyTable->verticalHeader()->setVisible(false);
    m_historyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_historyTable->setMinimumHeight(90);
    m_historyTable->setMaximumHeight(180);
    layout->addWidget(m_historyTable);
    return box;
}

QWidget* MatchDecisionDialog::buildDecisionSection(QWidget* parent)
{
    auto* box = new QGroupBox(tr("Your decision"), parent);
    box->setObjectName(QStringLiteral("decisionGroupBox"));
    auto* layout = new QVBoxLayout(box);
    m_currentLabel = new QLabel(box);
    m_currentLabel->setObjectName(QStringLiteral("currentDecisionLabel"));
    m_currentLabel->setWordWrap(true);
    m_currentLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_currentLabel);

    auto* choices = new QHBoxLayout();
    m_verdicts = new QButtonGroup(box);
    m_verdicts->setExclusive(true);
    const std::pair<core::MatchVerdict, QString> options[] = {
        {core::MatchVerdict::Same, QStringLiteral("sameRadioButton")},
        {core::MatchVerdict::Different, QStringLiteral("differentRadioButton")},
        {core::MatchVerdict::Undecided, QStringLiteral("undecidedRadioButton")},
    };
    const QString shortcuts[] = {tr("S&ame person"), tr("&Different people"), tr("&Undecided")};
    for (int i = 0; i < 3; ++i) {
        auto* button = new QRadioButton(shortcuts[i], box);
        button->setObjectName(options[i].second);
        button->setAccessibleName(MatchText::verdict(options[i].first));
        m_verdicts->addButton(button, verdictId(options[i].first));
        choices->addWidget(button);
    }
    choices->addStretch(1);
    layout->addLayout(choices);
    m_verdictMessage = new InlineMessage(box);
    m_verdictMessage->setObjectName(QStringLiteral("verdictMessageLabel"));
    layout->addWidget(m_verdictMessage);

    auto* rationaleLabel = new QLabel(tr("&Rationale (required: what in the records shows it):"), box);
    layout->addWidget(rationaleLabel);
    m_rationale = new QPlainTextEdit(box);
    m_rationale->setObjectName(QStringLiteral("rationaleEdit"));
    m_rationale->setAccessibleName(tr("Rationale"));
    m_rationale->setAccessibleDescription(tr("Why you decided so; required. It is kept with the decision."));
    m_rationale->setTabChangesFocus(true);
    m_rationale->setMinimumHeight(70);
    m_rationale->setMaximumHeight(120);
    rationaleLabel->setBuddy(m_rationale);
    layout->addWidget(m_rationale);
    m_rationaleMessage = new InlineMessage(box);
    m_rationaleMessage->setObjectName(QStringLiteral("rationaleMessageLabel"));
    layout->addWidget(m_rationaleMessage);

    auto* pictures = new QVBoxLayout();
    auto pictureButton = [&](const core::suspects::MatchedPerson& person, const QString& objectName) {
        if (person.record.role != core::PersonRole::Suspect || person.record.personId == 0) {
            return static_cast<QPushButton*>(nullptr);
        }
        const QString name = display(person.record, person.caseReference).name;
        auto* button =
            new QPushButton(tr("Whole picture of %1 (%2)…").arg(name, DisplayText::fromStd(person.caseReference)), box);
        button->setObjectName(objectName);
        button->setAccessibleName(tr("Whole picture of %1").arg(name));
        button->setAutoDefault(false);
        const std::int64_t personId = person.record.personId;
        connect(button, &QPushButton::clicked, this, [this, personId] { m_matching.requestWholePicture(personId); });
        pictures->addWidget(button, 0, Qt::AlignLeft);
        return button;
    };
    m_firstPicture = pictureButton(m_pair.first, QStringLiteral("firstWholePictureButton"));
    m_secondPicture = pictureButton(m_pair.second, QStringLiteral("secondWholePictureButton"));
    layout->addLayout(pictures);
    return box;
}

QRadioButton* MatchDecisionDialog::verdictButton(core::MatchVerdict verdict) const
{
    return qobject_cast<QRadioButton*>(m_verdicts->button(verdictId(verdict)));
}

QPushButton* MatchDecisionDialog::wholePictureButton(int index) const
{
    return index == 0 ? m_firstPicture : m_secondPicture;
}

void MatchDecisionDialog::loadHistory()
{
    WorkspaceSession& session = m_matching.session();
    if (session.busy()) {
        m_currentLabel->setText(tr("Reading the decisions on this pair…"));
        session.whenIdle(this, [this] { loadHistory(); });
        return;
    }
    core::Workspace* const workspace = session.unlockedWorkspaceOrShow(*m_message);
    if (workspace == nullptr) {
        return;
    }
    try {
        m_history = workspace->matchDecisions().history(
            core::PersonPair::of(m_pair.first.record.personUuid, m_pair.second.record.personUuid));
        m_historyRead = true;
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
    }
    showHistory();
    updateState();
}

void MatchDecisionDialog::showHistory()
{
    m_historyTable->setRowCount(static_cast<int>(m_history.size()));
    for (int row = 0; row < static_cast<int>(m_history.size()); ++row) {
        const core::MatchDecision& decision = m_history[static_cast<std::size_t>(row)];
        m_historyTable->setItem(row, 0, cell(MatchText::verdict(decision.verdict)));
        m_historyTable->setItem(row, 1, cell(DisplayText::fromStd(decision.rationale)));
        m_historyTable->setItem(row, 2, cell(DisplayText::fromStd(decision.decidedBy)));
        m_historyTable->setItem(row, 3, cell(DisplayText::ukDateTime(decision.decidedAt)));
    }
    m_historyTable->resizeRowsToContents();
    m_historyBox->setVisible(!m_history.empty());
    if (!m_historyRead) {
        return;
    }
    if (m_history.empty()) {
        m_currentLabel->setText(tr("No decision on this pair yet."));
        return;
    }
    const core::MatchDecision& current = m_history.back();
    QString text = tr("Current decision: %1, by %2 on %3. A new decision here revises it; the earlier ones stay in "
                      "the history below.")
                       .arg(MatchText::verdict(current.verdict), DisplayText::fromStd(current.decidedBy),
                            DisplayText::ukDateTime(current.decidedAt));
    if (current.verdict == core::MatchVerdict::Different && m_pair.decision && m_pair.decision->uuid == current.uuid) {
        text += QLatin1Char(' ') + tr("It is proposed again because the details of one of the two have changed "
                                      "since.");
    }
    m_currentLabel->setText(text);
    if (chosenVerdict() == std::nullopt) {
        verdictButton(current.verdict)->setChecked(true);
    }
}

std::optional<core::MatchVerdict> MatchDecisionDialog::chosenVerdict() const
{
    switch (m_verdicts->checkedId()) {
    case VerdictSame: return core::MatchVerdict::Same;
    case VerdictDifferent: return core::MatchVerdict::Different;
    case VerdictUndecided: return core::MatchVerdict::Undecided;
    default: return std::nullopt;
    }
}

void MatchDecisionDialog::updateState()
{
    m_saveButton->setEnabled(m_historyRead && !m_saveWaiting);
}

bool MatchDecisionDialog::save()
{
    m_message->clearMessage();
    m_verdictMessage->clearMessage();
    m_rationaleMessage->clearMessage();
    const std::optional<core::MatchVerdict> verdict = chosenVerdict();
    if (!verdict) {
        m_verdictMessage->showMessage(tr("Choose Same person, Different people or Undecided."));
        verdictButton(core::MatchVerdict::Same)->setFocus();
        return false;
    }
    WorkspaceSession& session = m_matching.session();
    if (session.busy()) {
        // The workspace is one thread's at a time: record it once the running job ends.
        m_saveWaiting = true;
        m_message->showMessage(tr("Waiting for the workspace: the decision is saved in a moment."),
                               InlineMessage::Kind::Information);
        session.whenIdle(this, [this] {
            m_saveWaiting = false;
            updateState();
            save();
        });
        updateState();
        return false;
    }
    core::Workspace* const workspace = session.unlockedWorkspaceOrShow(*m_message);
    if (workspace == nullptr) {
        return false;
    }
    const core::suspects::DecisionRequest request{m_pair.first.record.personId, m_pair.second.record.personId, *verdict,
                                                  DisplayText::toStd(m_rationale->toPlainText())};
    try {
        const auto current = workspace->matchDecisions().current(
            core::PersonPair::of(m_pair.first.record.personUuid, m_pair.second.record.personUuid));
        m_recorded =
            current ? core::suspects::revise(*workspace, request) : core::suspects::decide(*workspace, request);
    } catch (const core::Error& error) {
        if (error.code() == core::ErrorCode::Validation && error.field() == "rationale") {
            m_rationaleMessage->showMessage(ErrorText::message(error));
            m_rationale->setFocus();
        } else {
            m_message->showMessage(ErrorText::message(error));
        }
        return false;
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
        return false;
    }
    m_history.push_back(*m_recorded);
    showHistory();
    Q_EMIT decisionSaved(*m_recorded);
    accept();
    return true;
}

} // namespace wb::ui
