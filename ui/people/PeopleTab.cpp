// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/people/PeopleTab.h"
#include "ui/cases/FormValues.h"

#include <algorithm>
#include <exception>

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/people/People.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "ui/people/IdentifierPanel.h"
#include "ui/people/PersonEditor.h"
#include "ui/people/PersonListModel.h"
#include "ui/people/RelationshipPanel.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"
#include "ui/suspects/PossibleMatchesPanel.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

PeopleTab::PeopleTab(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new PersonListModel(context.privacy, this))
{
    setObjectName(QStringLiteral("peopleTabWidget"));
    core::Workspace& workspace = *m_context.workspace;

    auto* outer = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("peopleSplitter"));
    splitter->setChildrenCollapsible(false);
    outer->addWidget(splitter);
    m_splitter = splitter;

    // Left: the people, then the case's relationships.
    auto* left = new QWidget(splitter);
    m_left = left;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* peopleLabel = new QLabel(tr("&People in this case:"), left);
    leftLayout->addWidget(peopleLabel);
    m_view = new QTableView(left);
    m_view->setObjectName(QStringLiteral("peopleTableView"));
    m_view->setAccessibleName(tr("People"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PersonListModel::NameColumn, QHeaderView::Stretch);
    peopleLabel->setBuddy(m_view);
    leftLayout->addWidget(m_view, 2);
    auto* peopleButtons = new QHBoxLayout();
    m_addButton = new QPushButton(tr("&Add person"), left);
    m_addButton->setObjectName(QStringLiteral("addPersonButton"));
    m_addButton->setToolTip(tr("Add a victim, suspect or witness (Ctrl+N)"));
    m_removeButton = new QPushButton(tr("&Remove person…"), left);
    m_removeButton->setObjectName(QStringLiteral("removePersonButton"));
    peopleButtons->addWidget(m_addButton);
    peopleButtons->addWidget(m_removeButton);
    peopleButtons->addStretch(1);
    leftLayout->addLayout(peopleButtons);

    m_relationships = new RelationshipPanel(m_context, m_model, left);
    leftLayout->addWidget(m_relationships, 1);

    // Right: the selected person's details and identifiers, scrollable.
    auto* scroll = new QScrollArea(splitter);
    scroll->setObjectName(QStringLiteral("personScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* right = new QWidget(scroll);
    m_right = right;
    auto* rightLayout = new QVBoxLayout(right);
    m_rightLayout = rightLayout;
    m_editor = new PersonEditor(workspace.people(), right);
    m_editor->setPrivacyMode(m_context.privacy);
    rightLayout->addWidget(m_editor);
    auto* editButtons = new QHBoxLayout();
    m_saveButton = new QPushButton(tr("&Save person"), right);
    m_saveButton->setObjectName(QStringLiteral("savePersonButton"));
    m_saveButton->setToolTip(tr("Save the person's details (Ctrl+S)"));
    m_discardButton = new QPushButton(tr("&Undo changes"), right);
    m_discardButton->setObjectName(QStringLiteral("discardPersonButton"));
    editButtons->addStretch(1);
    editButtons->addWidget(m_discardButton);
    editButtons->addWidget(m_saveButton);
    rightLayout->addLayout(editButtons);

    m_identifiers = new IdentifierPanel(m_context, m_model, right);
    rightLayout->addWidget(m_identifiers);
    rightLayout->addStretch(1);
    scroll->setWidget(right);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    if (m_context.matching != nullptr) {
        // Right of the form, its own narrow column, so that the form keeps its width while matches come and go; under
        // the form when the tab is too narrow for three columns (arrangeMatches).
        m_matches = new PossibleMatchesPanel(m_context, splitter);
        splitter->addWidget(m_matches);
        splitter->setStretchFactor(2, 1);
        splitter->setSizes({480, 480, 300});
    } else {
        splitter->setSizes({560, 640});
    }

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PeopleTab::currentPersonChanged);
    connect(m_addButton, &QPushButton::clicked, this, &PeopleTab::newRecord);
    connect(m_removeButton, &QPushButton::clicked, this, &PeopleTab::removePerson);
    connect(m_saveButton, &QPushButton::clicked, this, &PeopleTab::save);
    connect(m_discardButton, &QPushButton::clicked, this, &PeopleTab::discardChanges);
    connect(m_editor, &PersonEditor::modifiedChanged, this, [this] {
        updateButtons();
        updateMatches();
        Q_EMIT modifiedChanged();
    });
    connect(m_editor, &PersonEditor::saved, this, [this](std::int64_t id) {
        // The model row arrives from the bridge; apply it now so the selection can follow.
        if (auto person = m_context.workspace->people().find(id)) {
            m_model->applyChange({core::ChangeKind::Updated, *person});
        }
        m_relationships->reloadChoices();
        m_relationships->reload();
        selectPerson(id);
    });
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::personChanged, this, &PeopleTab::personChanged);
        connect(m_context.bridge, &SignalBridge::recordChanged, this, &PeopleTab::recordChanged);
    }
    if (m_context.privacy != nullptr) {
        connect(m_context.privacy, &PrivacyMode::changed, this, [this] {
            m_identifiers->reload();
            m_relationships->reloadChoices();
            m_relationships->reload();
        });
    }

    try {
        m_model->load(workspace.people(), m_context.caseId);
    } catch (const core::Error& e) {
        m_editor->clearEditor();
        m_relationships->showError(ErrorText::message(e));
    }
    m_relationships->reloadChoices();
    m_relationships->reload();
    reloadIdentifiers();
    updateButtons();
    updateMatches();
}

PeopleTab::~PeopleTab() = default;

// --- CaseTab --------------------------------------------------------------------

void PeopleTab::newRecord()
{
    m_reverting = true;
    m_view->clearSelection();
    m_view->setCurrentIndex(QModelIndex());
    m_reverting = false;
    m_editor->startNew(m_context.caseId);
    reloadIdentifiers();
    updateButtons();
}

bool PeopleTab::save()
{
    return m_editor->save();
}

bool PeopleTab::hasUnsavedChanges() const
{
    return m_editor->hasUnsavedChanges();
}

std::vector<core::FormDraft> PeopleTab::captureDrafts() const
{
    if (!m_editor->hasUnsavedChanges()) {
        return {};
    }
    return {core::FormDraft{{}, "person", m_editor->personId(), 0, FormValues::capture(*m_editor)}};
}

bool PeopleTab::restoreDraft(const core::FormDraft& draft)
{
    if (draft.form != "person") {
        return false;
    }
    if (draft.recordId != 0) {
        selectPerson(draft.recordId);
        if (m_editor->personId() != draft.recordId) {
            return false; // removed since
        }
    } else {
        newRecord();
    }
    FormValues::restore(*m_editor, draft.fields);
    updateButtons();
    return m_editor->hasUnsavedChanges();
}

void PeopleTab::discardChanges()
{
    m_editor->discardChanges();
    m_identifiers->clearInputs();
    m_relationships->clearInputs();
    updateButtons();
}

void PeopleTab::selectPerson(std::int64_t personId)
{
    const int row = m_model->rowOf(personId);
    if (row < 0) {
        return;
    }
    m_reverting = true;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->selectRow(row);
    m_reverting = false;
    if (m_editor->personId() != personId || !m_editor->isEditing()) {
        m_editor->edit(m_model->personAt(row));
    }
    reloadIdentifiers();
    updateButtons();
}

// --- people ---------------------------------------------------------------------

void PeopleTab::currentPersonChanged(const QModelIndex& current, const QModelIndex& previous)
{
    if (m_reverting) {
        return;
    }
    const std::int64_t id = current.isValid() ? m_model->idAt(current.row()) : 0;
    if (id == m_editor->personId() && m_editor->isEditing()) {
        return;
    }
    if (m_editor->hasUnsavedChanges()) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                        tr("The person's details have changes that are not saved."),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("unsavedPersonMessageBox"));
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !m_editor->save())) {
            m_reverting = true;
            m_view->setCurrentIndex(previous);
            m_reverting = false;
            return;
        }
    }
    if (id == 0) {
        m_editor->clearEditor();
    } else {
        m_editor->edit(m_model->personAt(current.row()));
    }
    reloadIdentifiers();
    updateButtons();
}

void PeopleTab::removePerson()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const std::int64_t id = m_model->idAt(current.row());
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove person"),
                                tr("Remove this person, their identifiers and relationships from the case? "
                                   "The removal is recorded in the audit log."),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("removePersonMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::No);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result != QMessageBox::Yes) {
            return;
        }
        try {
            core::people::remove(m_context.workspace->people(), id);
        } catch (const core::Error& e) {
            m_relationships->showError(ErrorText::message(e));
        }
    });
    box->open();
}

void PeopleTab::personChanged(const core::PersonRepository::Event& event)
{
    if (event.record.caseId != m_context.caseId && m_model->rowOf(event.record.id) < 0) {
        return;
    }
    m_model->applyChange(event);
    if (event.record.id == m_editor->personId()) {
        if (event.kind == core::ChangeKind::Removed) {
            m_editor->clearEditor();
        } else if (!m_editor->hasUnsavedChanges()) {
            m_editor->edit(event.record);
        }
    }
    reloadIdentifiers();
    m_relationships->reloadChoices();
    m_relationships->reload();
    updateButtons();
}

// --- identifiers and relationships ------------------------------------------------

void PeopleTab::recordChanged(const core::RecordRepository::Event& event)
{
    if (event.record.caseId != m_context.caseId || event.record.spec == nullptr) {
        return;
    }
    if (event.record.spec->type == core::recordtype::kIdentifier) {
        reloadIdentifiers();
    } else if (event.record.spec->type == "relationship") {
        m_relationships->reload();
    }
}

void PeopleTab::reloadIdentifiers()
{
    m_identifiers->showPerson(m_editor->personId());
}

void PeopleTab::updateButtons()
{
    m_removeButton->setEnabled(m_view->currentIndex().isValid() && m_editor->personId() != 0);
    m_saveButton->setEnabled(m_editor->isEditing());
    m_discardButton->setEnabled(m_editor->hasUnsavedChanges());
}

void PeopleTab::updateMatches()
{
    if (m_matches == nullptr) {
        return;
    }
    if (m_editor->isEditing()) {
        m_matches->setSubject(m_editor->personId(), m_editor->draft(), m_editor->hasUnsavedChanges());
    } else {
        m_matches->clearSubject();
    }
}

bool PeopleTab::matchesBesideForm() const
{
    return m_matches != nullptr && m_matches->parentWidget() == m_splitter;
}

int PeopleTab::widthForMatchesBeside() const
{
    // The three columns at their smallest, the splitter's two handles, the form's scroll bar and the tab's margins.
    const QMargins margins = layout()->contentsMargins();
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    return margins.left() + margins.right() + m_left->minimumSizeHint().width() + m_right->minimumSizeHint().width() +
           scrollBar + m_matches->minimumSizeHint().width() + 2 * m_splitter->handleWidth();
}

void PeopleTab::arrangeMatches()
{
    if (m_matches == nullptr) {
        keepFormWhole();
        return;
    }
    const bool beside = width() >= widthForMatchesBeside();
    if (beside == matchesBesideForm()) {
        keepFormWhole();
        return;
    }
    const int total = m_splitter->width();
    const int leftMinimum = m_left->minimumSizeHint().width();
    if (beside) {
        m_rightLayout->removeWidget(m_matches);
        m_splitter->addWidget(m_matches);
        m_splitter->setStretchFactor(2, 1);
        const int matchesWidth = std::max(m_matches->minimumSizeHint().width(), total / 5);
        const int rest = total - matchesWidth - 2 * m_splitter->handleWidth();
        const int leftWidth = std::max(leftMinimum, rest / 2);
        m_splitter->setSizes({leftWidth, rest - leftWidth, matchesWidth});
    } else {
        // Under the form and its identifiers, inside the form's scroll area: the list and the form keep the width.
        m_rightLayout->insertWidget(m_rightLayout->count() - 1, m_matches);
        const int formMinimum =
            m_right->minimumSizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
        const int rest = total - m_splitter->handleWidth();
        const int leftWidth = std::max(leftMinimum, std::min(rest / 2, rest - formMinimum));
        m_splitter->setSizes({leftWidth, rest - leftWidth});
    }
    m_matches->show();
}

void PeopleTab::keepFormWhole()
{
    // A scroll area gives the splitter no minimum width of its own, so the splitter's share for the form can fall
    // below the form's own minimum and cut its fields and buttons on the right ("Save pe", seen at 150 %). Its
    // neighbours give up what they have beyond their own minimums until the form is whole. (Not a minimum width on
    // the scroll area: it would reach the window and stop it narrowing to where the matches move under the form.)
    QList<int> sizes = m_splitter->sizes();
    if (sizes.size() < 2) {
        return;
    }
    const int formMinimum =
        m_right->minimumSizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    int need = formMinimum - sizes[1];
    if (need <= 0) {
        return;
    }
    const auto take = [&](int index, int minimum) {
        const int spare = std::min(need, std::max(0, sizes[index] - minimum));
        sizes[index] -= spare;
        sizes[1] += spare;
        need -= spare;
    };
    take(0, m_left->minimumSizeHint().width());
    if (sizes.size() > 2 && matchesBesideForm()) {
        take(2, m_matches->minimumSizeHint().width());
    }
    m_splitter->setSizes(sizes);
}

void PeopleTab::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Once the splitter has taken its new width and shared it out (its children's sizes are not yet laid out while
    // the tab's resize event is delivered, and are nothing before the tab is first shown).
    QTimer::singleShot(0, this, &PeopleTab::arrangeMatches);
}

} // namespace wb::ui
