// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <QWidget>

#include "core/domain/Person.h"
#include "core/matching/MatchTypes.h"
#include "ui/cases/CaseContext.h"

class QLabel;
class QListView;
class QPushButton;
class QTimer;

namespace wb::core {
class Error;
} // namespace wb::core

namespace wb::core::suspects {
struct CandidateResult;
} // namespace wb::core::suspects

namespace wb::ui {

class CandidateListModel;

/// Repeat suspects beside the People tab's person editor: while a suspect (or a witness, compared with suspects
/// only) is typed or edited, the persons recorded in other cases who may be the same person, strongest first, with
/// the match probability and the strongest reasons in words. A short pause after the last edit of the role, names,
/// date of birth or age starts a search through MatchingService (off the GUI thread, the latest wins). For a saved
/// person the stored identifiers take part, with the editor's names and date of birth as typed; a new person is
/// the draft alone. Per selected candidate: "Explain and decide…" (both must be saved), "Whole picture…" (a
/// suspect), "Open case". Victim rule: no search is ever made for a victim; the panel says so and shows nothing else.
class PossibleMatchesPanel final : public QWidget
{
    Q_OBJECT

public:
    /// context.matching must not be null.
    explicit PossibleMatchesPanel(const CaseContext& context, QWidget* parent = nullptr);
    ~PossibleMatchesPanel() override;

    /// What the editor holds now: the stored person's id (0 for a new one), the draft as typed, and whether it has
    /// changes not saved yet. A change of role, names, date of birth or age starts the pause before a search.
    void setSubject(std::int64_t personId, const core::PersonDraft& draft, bool unsaved);
    /// Nothing is being edited: the list is emptied and no search is made.
    void clearSubject();
    /// Searches again now for the current subject (after a decision, or identifiers changed).
    void refresh();

    /// The pause after the last edit before a search (tests shorten it).
    void setDebounceMs(int ms);
    int debounceMs() const;

    CandidateListModel* candidates() const noexcept { return m_model; }
    /// The number of searches asked of MatchingService since the panel was made.
    int searchesStarted() const noexcept { return m_searchesStarted; }

private:
    enum class State { Idle, NoName, Victim, Waiting, Searching, Done, Failed };

    void startSearch();
    void searchNow(quint64 generation);
    void showResult(const core::suspects::CandidateResult& result);
    void showError(const core::Error& error);
    void setState(State state, const QString& status);
    void emptyList();
    void selectionChanged();
    void explainAndDecide();
    void openWholePicture();
    void openCase();
    /// The subject as matching compares them: the stored details and identifiers with the draft's names, role, date
    /// of birth and age (reads the workspace: GUI thread, no job running).
    core::matching::PersonRecord buildSubject(core::Workspace& workspace) const;

    CaseContext m_context;
    CandidateListModel* m_model = nullptr;
    QTimer* m_debounce = nullptr;

    std::int64_t m_personId = 0;
    core::PersonDraft m_draft;
    bool m_unsaved = false;
    bool m_active = false;
    /// Each new subject (or clearing) makes answers to earlier searches stale.
    quint64 m_generation = 0;
    int m_searchesStarted = 0;
    State m_state = State::Idle;
    /// What the shown candidates were found for.
    core::matching::PersonRecord m_searched;
    std::string m_searchedReference;

    QLabel* m_status = nullptr;
    QWidget* m_results = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_counts = nullptr;
    QPushButton* m_decideButton = nullptr;
    QPushButton* m_pictureButton = nullptr;
    QPushButton* m_openCaseButton = nullptr;
    QLabel* m_buttonReason = nullptr;
};

} // namespace wb::ui
