// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QWidget>

#include "core/repo/PersonRepository.h"
#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseTab.h"

class QModelIndex;
class QPushButton;
class QSplitter;
class QTableView;
class QVBoxLayout;

namespace wb::ui {

class IdentifierPanel;
class PersonEditor;
class PersonListModel;
class PossibleMatchesPanel;
class RelationshipPanel;

/// The People tab of a case workspace: the case's victims, suspects and
/// witnesses; an editor for the selected one with their identifiers (aliases,
/// phones, emails, handles, vehicles, addresses, police ids); and the case's
/// victim–suspect relationships. Names and contact details go through PrivacyMode.
/// Beside the editor, when the workspace's MatchingService is given, the possible
/// matches in other cases of a suspect or witness being edited (ui/suspects).
class PeopleTab final : public QWidget, public CaseTab
{
    Q_OBJECT

public:
    explicit PeopleTab(const CaseContext& context, QWidget* parent = nullptr);
    ~PeopleTab() override;

    void newRecord() override;
    bool save() override;
    bool hasUnsavedChanges() const override;
    void discardChanges() override;
    std::vector<core::FormDraft> captureDrafts() const override;
    bool restoreDraft(const core::FormDraft& draft) override;

    PersonListModel* peopleModel() const noexcept { return m_model; }
    PersonEditor* editor() const noexcept { return m_editor; }
    /// Repeat suspects: the possible matches of the person being edited; null without a MatchingService.
    PossibleMatchesPanel* possibleMatches() const noexcept { return m_matches; }
    /// Selects the person with this id (no question asked about unsaved edits).
    void selectPerson(std::int64_t personId);
    /// True when the possible matches are a column of their own beside the form; false when the tab is too narrow for
    /// three columns and they are under the form (or there is no panel).
    bool matchesBesideForm() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

Q_SIGNALS:
    void modifiedChanged();

private:
    void personChanged(const core::PersonRepository::Event& event);
    void recordChanged(const core::RecordRepository::Event& event);
    void currentPersonChanged(const QModelIndex& current, const QModelIndex& previous);
    void removePerson();
    void reloadIdentifiers();
    void updateButtons();
    /// Tells the possible-matches panel what the editor holds now.
    void updateMatches();
    /// Puts the possible matches beside the form when the tab is wide enough for three columns, else under it.
    void arrangeMatches();
    int widthForMatchesBeside() const;
    /// Gives the form's column at least the form's minimum width, from its neighbours' spare width.
    void keepFormWhole();

    CaseContext m_context;
    PersonListModel* m_model = nullptr;
    bool m_reverting = false;

    QSplitter* m_splitter = nullptr;
    QWidget* m_left = nullptr;
    QWidget* m_right = nullptr;
    QVBoxLayout* m_rightLayout = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    PersonEditor* m_editor = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_discardButton = nullptr;

    IdentifierPanel* m_identifiers = nullptr;
    RelationshipPanel* m_relationships = nullptr;
    PossibleMatchesPanel* m_matches = nullptr;
};

} // namespace wb::ui
