// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/RecordTab.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/RecordEditing.h"
#include "core/records/RecordTypes.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordListModel.h"
#include "ui/text/ErrorText.h"
#include "ui/text/FieldLabels.h"

namespace wb::ui {

namespace {

/// "Decision" → "decision", but "RUI review" stays as it is.
QString inSentence(const QString& title)
{
    if (title.size() > 1 && title.at(1).isLower()) {
        return title.at(0).toLower() + title.mid(1);
    }
    return title;
}

/// Columns as wide as their content when the list has room, never narrower than their header. The narrative text
/// column (RecordListModel::textColumn()) keeps at least 30 % of the width (less if its text is shorter) and takes
/// whatever the others leave; the others share the rest, a narrow one giving what it does not need to the wider ones
/// (a value still too long is elided, its tooltip shows it whole). Without a text column, the columns share the whole
/// width and the last one takes what is left.
void fitColumns(QTableView* view, int textColumn)
{
    auto* header = view->horizontalHeader();
    const auto* base = static_cast<QAbstractItemView*>(view); // sizeHintForColumn() is public there
    header->setStretchLastSection(textColumn < 0);
    std::vector<std::pair<int, int>> wanted; // (content width, column), narrowest first
    for (int column = 0; column < view->model()->columnCount(); ++column) {
        if (column == textColumn) {
            header->setSectionResizeMode(column, QHeaderView::Stretch);
            continue;
        }
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        wanted.emplace_back(std::max(base->sizeHintForColumn(column), header->sectionSizeHint(column)), column);
    }
    std::sort(wanted.begin(), wanted.end());
    const int width = view->viewport()->width();
    int budget = textColumn < 0 ? width : width - std::min(base->sizeHintForColumn(textColumn), width * 3 / 10);
    auto left = static_cast<int>(wanted.size());
    for (const auto& [content, column] : wanted) {
        const int share = std::max(0, budget) / std::max(1, left);
        const int fitted = std::max(header->sectionSizeHint(column), std::min(content, share));
        view->setColumnWidth(column, fitted);
        budget -= fitted;
        --left;
    }
}

} // namespace

RecordTab::RecordTab(const CaseContext& context, const core::RecordSpec& spec, QWidget* parent, bool ownShortcuts)
    : QWidget(parent)
    , m_context(context)
    , m_spec(spec)
{
    const QString base = camelCase(spec.type);
    setObjectName(base + QStringLiteral("RecordTab"));
    confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Remove record"), question) == QMessageBox::Yes;
    };

    m_model = new RecordListModel(context, spec, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RecordListModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterRole(Qt::DisplayRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto* listSide = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(FieldLabels::plural(spec.type), listSide);
    heading->setObjectName(QStringLiteral("headingLabel"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    listLayout->addWidget(heading);

    m_filter = new QLineEdit(listSide);
    m_filter->setObjectName(QStringLiteral("filterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter…"));
    m_filter->setAccessibleName(tr("Filter %1").arg(FieldLabels::plural(spec.type)));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    listLayout->addWidget(m_filter);

    m_view = new QTableView(listSide);
    m_view->setObjectName(QStringLiteral("recordTableView"));
    m_view->setAccessibleName(FieldLabels::plural(spec.type));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, spec.orderBy.find("DESC") != std::string_view::npos ? Qt::DescendingOrder
                                                                                : Qt::AscendingOrder);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->setWordWrap(false);
    listLayout->addWidget(m_view, 1);
    // The columns' widths depend on the view's: fitted again when it changes (see eventFilter()).
    m_view->viewport()->installEventFilter(this);

    auto* buttons = new QHBoxLayout();
    m_new = new QPushButton(tr("New %1").arg(inSentence(FieldLabels::title(spec.type))), listSide);
    if (spec.type == core::recordtype::kBail) {
        m_new->setText(tr("New bail or RUI"));
    }
    m_new->setObjectName(QStringLiteral("newButton"));
    m_edit = new QPushButton(spec.immutable ? tr("Correct this entry…") : tr("Edit"), listSide);
    m_edit->setObjectName(spec.immutable ? QStringLiteral("correctButton") : QStringLiteral("editButton"));
    m_remove = new QPushButton(tr("Remove…"), listSide);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setVisible(!spec.immutable);
    buttons->addWidget(m_new);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    listLayout->addLayout(buttons);

    auto* formSide = new QWidget(this);
    auto* formLayout = new QVBoxLayout(formSide);
    formLayout->setContentsMargins(0, 0, 0, 0);
    m_formTitle = new QLabel(formSide);
    m_formTitle->setObjectName(QStringLiteral("formTitleLabel"));
    m_formTitle->setFont(bold);
    m_formTitle->setWordWrap(true);
    formLayout->addWidget(m_formTitle);
    m_form = new RecordForm(context, spec, formSide);
    auto* scroll = new QScrollArea(formSide);
    scroll->setObjectName(QStringLiteral("formScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    formLayout->addWidget(scroll, 1);
    auto* formButtons = new QHBoxLayout();
    formButtons->addStretch(1);
    m_cancel = new QPushButton(tr("Cancel"), formSide);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_save = new QPushButton(tr("Save"), formSide);
    m_save->setObjectName(QStringLiteral("saveButton"));
    formButtons->addWidget(m_cancel);
    formButtons->addWidget(m_save);
    formLayout->addLayout(formButtons);

    m_formScroll = scroll;
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("recordSplitter"));
    m_splitter->addWidget(listSide);
    m_splitter->addWidget(formSide);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_new, &QPushButton::clicked, this, &RecordTab::newRecord);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_spec.immutable) {
            correctSelected();
        } else {
            openSelected();
        }
    });
    connect(m_remove, &QPushButton::clicked, this, &RecordTab::removeSelected);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_cancel, &QPushButton::clicked, this, &RecordTab::discardChanges);
    connect(m_view, &QAbstractItemView::activated, this, [this] { openSelected(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showSelected();
        updateButtons();
        Q_EMIT selectionChanged(selectedId());
    });
    connect(m_form, &RecordForm::edited, this, &RecordTab::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { fitColumns(m_view, m_model->textColumn()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        fitColumns(m_view, m_model->textColumn());
        if (m_form->isOpen() && m_form->isReadOnly() && m_form->recordId() != 0 && !selectRecord(m_form->recordId())) {
            closeForm(); // the record shown read-only is gone
        }
        updateButtons();
        Q_EMIT selectionChanged(selectedId());
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_form->recordId() != 0 && m_model->rowOf(m_form->recordId()) < 0) {
            closeForm();
        }
        updateButtons();
    });

    if (ownShortcuts) {
        auto* newAction = new QAction(tr("New record"), this);
        newAction->setShortcut(QKeySequence::New);
        newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(newAction, &QAction::triggered, this, &RecordTab::newRecord);
        addAction(newAction);
        auto* saveAction = new QAction(tr("Save"), this);
        saveAction->setShortcut(QKeySequence::Save);
        saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(saveAction, &QAction::triggered, this, [this] { save(); });
        addAction(saveAction);
    }
    closeForm();
    fitColumns(m_view, m_model->textColumn());
    updateButtons();
}

bool RecordTab::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        const auto* resize = static_cast<QResizeEvent*>(event);
        if (resize->size().width() != resize->oldSize().width()) {
            fitColumns(m_view, m_model->textColumn());
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RecordTab::splitForTheForm()
{
    // Issue 15: the list's wide columns took two thirds of the tab and the form beside it scrolled sideways (the
    // contact form's purpose and events were cut off at 1280 x 800). The form gets the width its fields ask for, up to
    // half the tab, the first time a record is shown in it; the officer can move the divider after that.
    if (m_splitFitted || m_splitter->width() <= 0) {
        return;
    }
    m_splitFitted = true;
    m_form->layout()->activate();
    const int total = m_splitter->width() - m_splitter->handleWidth();
    const int wanted = m_form->sizeHint().width() + m_formScroll->verticalScrollBar()->sizeHint().width() +
                       2 * m_formScroll->frameWidth();
    const int least = m_splitter->widget(1)->minimumSizeHint().width();
    const int form = std::clamp(wanted, least, std::max(total / 2, least));
    if (form > m_splitter->sizes().value(1)) {
        m_splitter->setSizes({total - form, form});
    }
}

void RecordTab::setParentRecord(std::int64_t parentId)
{
    if (m_model->parentId() == parentId) {
        return;
    }
    closeForm();
    m_model->setParentId(parentId);
    updateButtons();
}

void RecordTab::closeForm()
{
    m_form->close();
    const QString item = inSentence(FieldLabels::title(m_spec.type));
    if (m_model->parentId() == 0) {
        m_formTitle->clear();
        m_form->setClosedText(tr("No %1 selected.").arg(item));
    } else {
        m_formTitle->setText(tr("No %1 selected").arg(item));
        m_form->setClosedText(tr("Select one in the list to see it, or press %1.").arg(m_new->text()));
    }
}

void RecordTab::showSelected()
{
    if (m_form->hasUnsavedChanges()) {
        return; // the officer's edits stay until saved or cancelled
    }
    const std::int64_t id = selectedId();
    if (id == 0) {
        if (m_form->isOpen() && (m_form->isReadOnly() || m_form->recordId() != 0)) {
            closeForm();
        }
        return;
    }
    if (m_form->isOpen() && !m_form->isReadOnly() && m_form->recordId() == id) {
        return; // already being edited
    }
    const auto* record = m_model->recordAt(m_model->rowOf(id));
    if (record == nullptr) {
        return;
    }
    m_form->load(*record);
    splitForTheForm();
    m_form->setReadOnly(true);
    const QString title = FieldLabels::title(m_spec.type);
    if (m_spec.immutable) {
        m_formTitle->setText(tr("%1 (entries cannot be changed; %2)").arg(title, m_model->supersededText(*record)));
    } else {
        m_formTitle->setText(tr("%1 — read only: press Edit or Enter to change it").arg(title));
    }
}

void RecordTab::updateButtons()
{
    const bool selected = selectedId() != 0;
    m_new->setEnabled(m_model->parentId() != 0);
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_save->setEnabled(m_form->isOpen() && !m_form->isReadOnly());
    m_cancel->setEnabled(m_form->isOpen() && !m_form->isReadOnly());
}

std::int64_t RecordTab::selectedId() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return 0;
    }
    return m_proxy->data(rows.first(), RecordListModel::IdRole).toLongLong();
}

bool RecordTab::selectRecord(std::int64_t id)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        return false;
    }
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    return true;
}

void RecordTab::newRecord()
{
    if (m_model->parentId() == 0) {
        return;
    }
    m_form->startNew(m_model->parentId());
    splitForTheForm();
    m_formTitle->setText(tr("New %1").arg(inSentence(FieldLabels::title(m_spec.type))));
    updateButtons();
    m_form->setFocus(); // the first editor via the focus chain
    if (auto* first = m_form->nextInFocusChain()) {
        first->setFocus();
    }
}

void RecordTab::openSelected()
{
    const int row = m_model->rowOf(selectedId());
    const auto* record = m_model->recordAt(row);
    if (record == nullptr) {
        return;
    }
    m_form->load(*record);
    splitForTheForm();
    if (m_spec.immutable) {
        const QString status = m_model->supersededText(*record);
        m_formTitle->setText(tr("%1 (entries cannot be changed; %2)").arg(FieldLabels::title(m_spec.type), status));
    } else {
        m_formTitle->setText(tr("Edit %1").arg(inSentence(FieldLabels::title(m_spec.type))));
    }
    updateButtons();
}

void RecordTab::correctSelected()
{
    const int row = m_model->rowOf(selectedId());
    const auto* record = m_model->recordAt(row);
    if (record == nullptr) {
        return;
    }
    core::Values preset = record->values;
    preset["supersedes_id"] = std::to_string(record->id);
    preset.erase("decided_at"); // the correction is decided now, not when the original was
    m_form->startNew(m_model->parentId(), preset);
    splitForTheForm();
    m_formTitle->setText(tr("Correction: a new entry that supersedes the selected one"));
    updateButtons();
}

void RecordTab::removeSelected()
{
    const int row = m_model->rowOf(selectedId());
    const auto* record = m_model->recordAt(row);
    if (record == nullptr || m_spec.immutable || m_context.workspace == nullptr) {
        return;
    }
    const QString question =
        tr("Remove this %1: %2? Records under it are removed with it. This cannot be undone.")
            .arg(inSentence(FieldLabels::title(m_spec.type)), RecordListModel::summary(m_context, *record));
    if (!confirm || !confirm(question)) {
        return;
    }
    try {
        core::records::removeRecord(m_context.workspace->records(), m_spec, record->id);
    } catch (const core::Error& error) {
        QMessageBox::warning(this, tr("Remove record"), ErrorText::message(error));
    }
}

bool RecordTab::save()
{
    const auto record = m_form->save();
    updateButtons();
    if (!record) {
        return false;
    }
    m_formTitle->setText(tr("Saved — read only: press Edit or Enter to change it"));
    const auto id = record->id;
    // The list learns of the new row from the signal bridge (queued); select it then.
    QMetaObject::invokeMethod(
        this, [this, id] { selectRecord(id); }, Qt::QueuedConnection);
    return true;
}

bool RecordTab::hasUnsavedChanges() const
{
    return m_form->hasUnsavedChanges();
}

std::vector<core::FormDraft> RecordTab::captureDrafts() const
{
    if (!m_form->hasUnsavedChanges()) {
        return {};
    }
    const core::Values values = m_form->values();
    return {core::FormDraft{{},
                            std::string(m_spec.type),
                            m_form->recordId(),
                            m_form->parentId(),
                            std::map<std::string, std::string>(values.begin(), values.end())}};
}

bool RecordTab::restoreDraft(const core::FormDraft& draft)
{
    if (draft.form != m_spec.type) {
        return false;
    }
    if (draft.parentId != 0) {
        setParentRecord(draft.parentId);
    }
    if (draft.recordId != 0) {
        if (!selectRecord(draft.recordId)) {
            return false; // removed since: the edits have nothing to apply to
        }
        openSelected();
    } else {
        newRecord();
    }
    if (!m_form->isOpen() || m_form->isReadOnly()) {
        return false;
    }
    m_form->setValues(core::Values(draft.fields.begin(), draft.fields.end()));
    updateButtons();
    return true;
}

void RecordTab::discardChanges()
{
    closeForm();
    showSelected(); // back to the selected record, read-only
    updateButtons();
}

} // namespace wb::ui
