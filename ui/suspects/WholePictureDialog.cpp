// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suspects/WholePictureDialog.h"

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <string>

#include <QAbstractItemView>
#include <QDialogButtonBox>
#include <QFont>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/reference/ReferenceData.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/suspects/MatchingService.h"
#include "ui/suspects/WholePictureText.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(text);
    return item;
}

QTableWidget* table(const QStringList& headers, const QString& objectName, const QString& name, QWidget* parent)
{
    auto* widget = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    widget->setObjectName(objectName);
    widget->setAccessibleName(name);
    widget->setHorizontalHeaderLabels(headers);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setSelectionMode(QAbstractItemView::SingleSelection);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setTabKeyNavigation(false);
    widget->verticalHeader()->setVisible(false);
    widget->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    widget->horizontalHeader()->setStretchLastSection(true);
    return widget;
}

/// Fills a list with `lines`, or with one line of words saying it is empty.
void fill(QListWidget* list, const QStringList& lines, const QString& emptyWords)
{
    list->clear();
    if (lines.isEmpty()) {
        auto* item = new QListWidgetItem(emptyWords, list);
        item->setFlags(Qt::ItemIsEnabled);
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
    }
    for (const QString& line : lines) {
        auto* item = new QListWidgetItem(line, list);
        item->setToolTip(line);
    }
    list->setFixedHeight(list->sizeHintForRow(0) * static_cast<int>(std::min<qsizetype>(lines.size() + 1, 5)) +
                         2 * list->frameWidth() + 4);
}

QString listLabel(const core::ReferenceData& lists, std::string_view kind, const std::string& code)
{
    if (lists.has(kind)) {
        if (const core::ReferenceItem* item = lists.list(kind).find(code)) {
            return DisplayText::fromStd(item->label);
        }
    }
    return DisplayText::fromStd(code);
}

} // namespace

WholePictureDialog::WholePictureDialog(MatchingService& matching,
                                       const Catalogues& catalogues,
                                       PrivacyMode* privacy,
                                       std::int64_t personId,
                                       QWidget* parent)
    : QDialog(parent)
    , m_matching(matching)
    , m_catalogues(catalogues)
    , m_privacy(privacy)
    , m_personId(personId)
{
    setObjectName(QStringLiteral("wholePictureDialog"));
    setWindowTitle(tr("Whole picture"));
    setAccessibleName(tr("Whole picture of a person across cases"));

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    m_heading = new QLabel(content);
    m_heading->setObjectName(QStringLiteral("wholePictureHeadingLabel"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);
    auto* help = new QLabel(tr("Every case this person appears in, with the records of everyone an officer confirmed "
                               "to be the same person. Each case keeps its own records, unaltered. Matching is for "
                               "suspects: a victim is never called a repeat anything, and nothing here judges "
                               "anyone's credibility."),
                            content);
    help->setWordWrap(true);
    layout->addWidget(help);

    auto* casesBox = new QGroupBox(tr("Cases"), content);
    auto* casesLayout = new QVBoxLayout(casesBox);
    m_cases = table(
        {tr("Case"), tr("Operation"), tr("Offence"), tr("Status"), tr("Outcome"), tr("Role there"), tr("Name there")},
        QStringLiteral("pictureCasesTable"), tr("Cases this person appears in"), casesBox);
    m_cases->setAccessibleDescription(tr("Press Enter to open the selected case at this person."));
    casesLayout->addWidget(m_cases);
    auto* caseButtons = new QHBoxLayout();
    m_openCase = new QPushButton(tr("&Open case"), casesBox);
    m_openCase->setObjectName(QStringLiteral("pictureOpenCaseButton"));
    m_openCase->setAccessibleName(tr("Open the selected case at this person"));
    m_openCase->setAutoDefault(false);
    caseButtons->addWidget(m_openCase);
    caseButtons->addStretch(1);
    casesLayout->addLayout(caseButtons);
    layout->addWidget(casesBox);
    connect(m_openCase, &QPushButton::clicked, this, &WholePictureDialog::openSelectedCase);
    connect(m_cases, &QTableWidget::activated, this, [this] { openSelectedCase(); });

    auto* identifiersBox = new QGroupBox(tr("Identifiers"), content);
    auto* identifiersLayout = new QVBoxLayout(identifiersBox);
    m_identifiers = table({tr("Kind"), tr("Value"), tr("Case")}, QStringLiteral("pictureIdentifiersTable"),
                          tr("Identifiers recorded for this person"), identifiersBox);
    m_identifiersEmpty = new QLabel(tr("No identifiers recorded in any of these cases."), identifiersBox);
    m_identifiersEmpty->setObjectName(QStringLiteral("pictureIdentifiersEmptyLabel"));
    identifiersLayout->addWidget(m_identifiers);
    identifiersLayout->addWidget(m_identifiersEmpty);
    layout->addWidget(identifiersBox);

    layout->addWidget(listSection(tr("Orders and notices"), QStringLiteral("pictureOrdersList"), m_orders, content));
    layout->addWidget(
        listSection(tr("Bail and released under investigation"), QStringLiteral("pictureBailList"), m_bail, content));
    layout->addWidget(
        listSection(tr("Confirmed the same person"), QStringLiteral("pictureLinksList"), m_links, content));
    layout->addWidget(listSection(tr("Conflicting decisions to resolve"), QStringLiteral("pictureConflictsList"),
                                  m_conflicts, content));
    layout->addStretch(1);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("wholePictureMessageLabel"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_scroll, 1);
    outer->addWidget(m_message);
    outer->addWidget(buttons);

    WorkspaceSession& session = m_matching.session();
    connect(&session, &WorkspaceSession::aboutToLock, this, &QDialog::reject);
    connect(&session, &WorkspaceSession::aboutToClose, this, &QDialog::reject);
    connect(&m_matching, &MatchingService::decisionsChanged, this, &WholePictureDialog::reload);

    reload();
    DialogFit::fit(*this, m_scroll, 860);
}

WholePictureDialog::~WholePictureDialog() = default;

QGroupBox*
WholePictureDialog::listSection(const QString& title, const QString& objectName, QListWidget*& list, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    list = new QListWidget(box);
    list->setObjectName(objectName);
    list->setAccessibleName(title);
    list->setWordWrap(true);
    layout->addWidget(list);
    return box;
}

void WholePictureDialog::reload()
{
    WorkspaceSession& session = m_matching.session();
    if (session.busy()) {
        session.whenIdle(this, [this] { reload(); });
        return;
    }
    core::Workspace* const workspace = session.unlockedWorkspaceOrShow(*m_message);
    if (workspace == nullptr) {
        return;
    }
    try {
        m_picture = core::suspects::wholePicture(*workspace, m_personId);
    } catch (const core::Error& error) {
        m_picture.reset();
        m_message->showMessage(ErrorText::message(error));
        return;
    } catch (const std::exception&) {
        m_picture.reset();
        m_message->showMessage(ErrorText::unexpected());
        return;
    }
    m_message->clearMessage();
    showPicture(*m_picture);
}

QString WholePictureDialog::personName(const core::Person& person) const
{
    return m_privacy != nullptr ? m_privacy->displayName(person) : DisplayText::personName(person);
}

QString WholePictureDialog::caseReference(std::int64_t caseId) const
{
    if (m_picture) {
        for (const auto& pictureCase : m_picture->cases) {
            if (pictureCase.caseId == caseId) {
                return DisplayText::fromStd(pictureCase.reference);
            }
        }
    }
    return QString();
}

void WholePictureDialog::showPicture(const core::suspects::WholePicture& picture)
{
    const core::Person* subject = nullptr;
    std::set<std::int64_t> caseIds;
    for (const auto& pictureCase : picture.cases) {
        caseIds.insert(pictureCase.caseId);
        if (pictureCase.person.id == m_personId) {
            subject = &pictureCase.person;
        }
    }
    const QString name = subject != nullptr ? personName(*subject) : tr("This person");
    m_heading->setText(caseIds.size() == 1 ? tr("%1: recorded in one case").arg(name)
                                           : tr("%1: recorded in %2 cases").arg(name).arg(caseIds.size()));
    setWindowTitle(tr("Whole picture: %1").arg(name));
    showCases(picture);
    showIdentifiers(picture);
    showRecords(picture);
    showDecisions(picture);
}

void WholePictureDialog::showCases(const core::suspects::WholePicture& picture)
{
    m_cases->setRowCount(static_cast<int>(picture.cases.size()));
    for (int row = 0; row < m_cases->rowCount(); ++row) {
        const auto& c = picture.cases[static_cast<std::size_t>(row)];
        m_cases->setItem(row, 0, cell(DisplayText::fromStd(c.reference)));
        m_cases->setItem(row, 1, cell(c.operationName ? DisplayText::fromStd(*c.operationName) : tr("None")));
        m_cases->setItem(row, 2, cell(DisplayText::offenceTitle(*m_catalogues.offences, c.primaryOffence)));
        m_cases->setItem(row, 3, cell(DisplayText::status(c.status)));
        m_cases->setItem(row, 4,
                         cell(c.outcomeCode ? listLabel(*m_catalogues.lists, "outcome-codes", *c.outcomeCode)
                                            : tr("No outcome yet")));
        m_cases->setItem(row, 5, cell(DisplayText::role(c.person.role)));
        m_cases->setItem(row, 6, cell(personName(c.person)));
    }
    m_cases->resizeColumnsToContents();
    m_cases->setFixedHeight(m_cases->horizontalHeader()->height() +
                            m_cases->verticalHeader()->defaultSectionSize() *
                                std::min(std::max(m_cases->rowCount(), 1), 6) +
                            2 * m_cases->frameWidth() + 2);
    if (m_cases->rowCount() > 0 && m_cases->currentRow() < 0) {
        m_cases->selectRow(0);
    }
    m_openCase->setEnabled(m_cases->rowCount() > 0);
}

void WholePictureDialog::showIdentifiers(const core::suspects::WholePicture& picture)
{
    std::map<std::int64_t, const core::Person*> people;
    for (const auto& pictureCase : picture.cases) {
        people[pictureCase.person.id] = &pictureCase.person;
    }
    m_identifiers->setRowCount(static_cast<int>(picture.identifiers.size()));
    for (int row = 0; row < m_identifiers->rowCount(); ++row) {
        const auto& identifier = picture.identifiers[static_cast<std::size_t>(row)];
        const auto owner = people.find(identifier.personId);
        const bool hidden = m_privacy != nullptr && owner != people.end() && m_privacy->hides(*owner->second);
        m_identifiers->setItem(row, 0, cell(listLabel(*m_catalogues.lists, "identifier-kinds", identifier.kind)));
        m_identifiers->setItem(row, 1,
                               cell(hidden ? PrivacyMode::hiddenMark() : DisplayText::fromStd(identifier.value)));
        m_identifiers->setItem(row, 2, cell(caseReference(identifier.caseId)));
    }
    m_identifiers->resizeColumnsToContents();
    m_identifiers->setFixedHeight(m_identifiers->horizontalHeader()->height() +
                                  m_identifiers->verticalHeader()->defaultSectionSize() *
                                      std::min(std::max(m_identifiers->rowCount(), 1), 6) +
                                  2 * m_identifiers->frameWidth() + 2);
    m_identifiers->setVisible(!picture.identifiers.empty());
    m_identifiersEmpty->setVisible(picture.identifiers.empty());
}

void WholePictureDialog::showRecords(const core::suspects::WholePicture& picture)
{
    QStringList orders;
    for (const auto& order : picture.orders) {
        orders << WholePictureText::order(order, *m_catalogues.lists, caseReference(order.caseId));
    }
    fill(m_orders, orders, tr("No orders or notices recorded in these cases."));
    QStringList bail;
    for (const auto& record : picture.bail) {
        bail << WholePictureText::bail(record, caseReference(record.caseId));
    }
    fill(m_bail, bail, tr("No bail or release under investigation recorded in these cases."));
}

void WholePictureDialog::showDecisions(const core::suspects::WholePicture& picture)
{
    std::map<std::string, QString> people;
    for (const auto& pictureCase : picture.cases) {
        people[pictureCase.person.uuid] =
            tr("%1 (%2)", "name (case reference)")
                .arg(personName(pictureCase.person), DisplayText::fromStd(pictureCase.reference));
    }
    QStringList links;
    for (const auto& decision : picture.links) {
        links << WholePictureText::decision(decision, people);
    }
    fill(m_links, links, tr("Nobody is confirmed the same person yet: this record stands alone."));
    QStringList conflicts;
    for (const auto& decision : picture.conflicts) {
        conflicts << WholePictureText::decision(decision, people);
    }
    fill(m_conflicts, conflicts, tr("No conflicting decisions."));
}

void WholePictureDialog::openSelectedCase()
{
    if (!m_picture || m_picture->cases.empty()) {
        return;
    }
    const int row = std::max(m_cases->currentRow(), 0);
    if (row >= static_cast<int>(m_picture->cases.size())) {
        return;
    }
    const auto& pictureCase = m_picture->cases[static_cast<std::size_t>(row)];
    m_matching.requestOpenCase(pictureCase.caseId, DisplayText::fromStd(pictureCase.person.uuid));
}

} // namespace wb::ui
