// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sources/SourcesDialog.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "core/catalogues/Catalogues.h"
#include "core/catalogues/SourceIndex.h"
#include "ui/sources/SourcesFilter.h"
#include "ui/sources/SourcesModel.h"
#include "ui/text/DisplayText.h"

namespace wb::ui {

namespace {

constexpr core::SourceKind Kinds[] = {
    core::SourceKind::Enquiry,       core::SourceKind::EnquiryTimeLimit, core::SourceKind::Question,
    core::SourceKind::ChecklistItem, core::SourceKind::DeadlineRule,     core::SourceKind::Offence,
    core::SourceKind::ReferenceItem,
};

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

SourcesDialog::SourcesDialog(const Catalogues& catalogues, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("sourcesDialog"));
    setWindowTitle(tr("Sources of the guidance"));
    setAccessibleName(tr("Sources of the guidance"));
    // As large as the table needs, within the screen (issue 15: 1300 pixels wide ran off a 1280×800 screen).
    const QRect area = screen() != nullptr ? screen()->availableGeometry() : QRect(0, 0, 1300, 800);
    resize(std::min(1300, area.width() * 9 / 10), std::min(800, area.height() * 9 / 10));

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Where each entry of the workbench's guidance comes from, for the force's RASSO lead and trainers. Review "
           "the entries that are not confirmed before relying on them. Officers see only one plain signal where a "
           "time limit or legal point is not confirmed. Tags from the domain brief: C confirmed from a primary or "
           "official source; S confirmed only from a secondary source; U unconfirmed; D a design suggestion."),
        this);
    intro->setObjectName(QStringLiteral("sourcesIntroLabel"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);

    auto* filters = new QHBoxLayout();
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("sourcesSearchEdit"));
    m_search->setAccessibleName(tr("Search the sources"));
    m_search->setPlaceholderText(tr("Words in any column, e.g. PACE or FOR-"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(buddyLabel(tr("&Search:"), m_search, this));
    filters->addWidget(m_search, 2);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("sourcesKindCombo"));
    m_kind->setAccessibleName(tr("Kind of entry"));
    m_kind->addItem(tr("All kinds"), -1);
    for (const auto kind : Kinds) {
        m_kind->addItem(SourcesModel::kindText(kind), static_cast<int>(kind));
    }
    filters->addWidget(buddyLabel(tr("&Kind:"), m_kind, this));
    filters->addWidget(m_kind, 1);

    m_confirmation = new QComboBox(this);
    m_confirmation->setObjectName(QStringLiteral("sourcesConfirmationCombo"));
    m_confirmation->setAccessibleName(tr("Confirmed or not"));
    m_confirmation->addItem(tr("Confirmed or not"), static_cast<int>(SourcesFilter::Confirmation::Any));
    m_confirmation->addItem(tr("Not confirmed only"), static_cast<int>(SourcesFilter::Confirmation::NotConfirmed));
    m_confirmation->addItem(tr("Confirmed only"), static_cast<int>(SourcesFilter::Confirmation::Confirmed));
    filters->addWidget(buddyLabel(tr("&Confirmed:"), m_confirmation, this));
    filters->addWidget(m_confirmation, 1);
    layout->addLayout(filters);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("sourcesCountLabel"));
    m_count->setTextFormat(Qt::PlainText);
    layout->addWidget(m_count);

    m_model = new SourcesModel(core::sourceIndex(catalogues), this);
    m_filter = new SourcesFilter(this);
    m_filter->setSourceModel(m_model);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("sourcesTable"));
    m_table->setAccessibleName(tr("Catalogue and reference list entries with their sources"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the index's own order until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(SourcesModel::KindColumn, 190);
    m_table->setColumnWidth(SourcesModel::IdColumn, 150);
    m_table->setColumnWidth(SourcesModel::EntryColumn, 330);
    m_table->setColumnWidth(SourcesModel::SourceColumn, 330);
    m_table->setColumnWidth(SourcesModel::TagColumn, 60);
    m_table->setColumnWidth(SourcesModel::ConfirmedColumn, 110);
    splitter->addWidget(m_table);

    m_detail = new QTextBrowser(splitter);
    m_detail->setObjectName(QStringLiteral("sourcesDetailBrowser"));
    m_detail->setAccessibleName(tr("Provenance of the selected entry"));
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("sourcesCloseButton"));
    // Enter in the search field or the table must not close the view (Esc or Alt+F4 do).
    close->setAutoDefault(false);
    close->setDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &SourcesDialog::applyFilter);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SourcesDialog::applyFilter);
    connect(m_confirmation, &QComboBox::currentIndexChanged, this, &SourcesDialog::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SourcesDialog::showDetail);
    setTabOrder(m_search, m_kind);
    setTabOrder(m_kind, m_confirmation);
    setTabOrder(m_confirmation, m_table);
    setTabOrder(m_table, m_detail);
    applyFilter();
    m_search->setFocus();
}

SourcesDialog* SourcesDialog::showFor(const Catalogues& catalogues, QWidget* parent)
{
    auto* dialog =
        parent != nullptr ? parent->findChild<SourcesDialog*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (dialog == nullptr) {
        dialog = new SourcesDialog(catalogues, parent);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void SourcesDialog::applyFilter()
{
    m_filter->setSearchText(m_search->text());
    const int kind = m_kind->currentData().toInt();
    m_filter->setKind(kind < 0 ? std::nullopt : std::optional(static_cast<core::SourceKind>(kind)));
    m_filter->setConfirmation(static_cast<SourcesFilter::Confirmation>(m_confirmation->currentData().toInt()));
    m_count->setText(tr("Showing %1 of %2 entries.").arg(shownCount()).arg(totalCount()));
    showDetail();
}

void SourcesDialog::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->setPlainText(tr("Select an entry to see its full provenance."));
        return;
    }
    const core::SourceEntry& e = m_model->entry(m_filter->mapToSource(current).row());
    QStringList tags;
    for (const auto& tag : e.tags) {
        tags << SourcesModel::tagMeaning(DisplayText::fromStd(tag));
    }
    QString html;
    const auto para = [&html](const QString& heading, const QString& body) {
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(heading.toHtmlEscaped(), body.toHtmlEscaped());
    };
    html += QStringLiteral("<h3>%1</h3>").arg(DisplayText::fromStd(e.title).toHtmlEscaped());
    para(tr("Kind:"), tr("%1, id %2").arg(SourcesModel::kindText(e.kind), DisplayText::fromStd(e.id)));
    para(tr("Source:"), DisplayText::fromStd(e.source));
    para(tr("Tags:"), tags.isEmpty() ? tr("none in the source text") : tags.join(QStringLiteral("; ")));
    para(tr("Confirmed:"), e.confirmed ? tr("yes, confirmed against a primary source")
                                       : tr("no: not yet checked against a primary source; review it before it is "
                                            "relied on"));
    para(tr("Read from:"),
         tr("%1, catalogue version %2").arg(DisplayText::fromStd(e.file), DisplayText::fromStd(e.version)));
    m_detail->setHtml(html);
}

int SourcesDialog::shownCount() const
{
    return m_filter->rowCount();
}

int SourcesDialog::totalCount() const
{
    return m_model->rowCount();
}

QString SourcesDialog::detailText() const
{
    return m_detail->toPlainText();
}

} // namespace wb::ui
