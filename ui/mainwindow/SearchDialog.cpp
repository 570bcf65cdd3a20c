// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/SearchDialog.h"

#include <exception>
#include <map>

#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSize>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DialogFit.h"

namespace wb::ui {

namespace {

enum ItemRole { CaseIdRole = Qt::UserRole, EntityRole, UuidRole };

} // namespace

SearchDialog::SearchDialog(WorkspaceSession& session, PrivacyMode* privacy, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_privacy(privacy)
{
    setObjectName(QStringLiteral("searchDialog"));
    setWindowTitle(tr("Search the workspace"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(tr("&Search names, references, decisions, timeline and notes:"), this);
    layout->addWidget(label);
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchEdit->setAccessibleName(tr("Search"));
    m_searchEdit->setPlaceholderText(tr("Type words to find; Enter opens the selected result"));
    m_searchEdit->setClearButtonEnabled(true);
    label->setBuddy(m_searchEdit);
    layout->addWidget(m_searchEdit);
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("resultsTreeWidget"));
    m_results->setAccessibleName(tr("Search results, grouped by case"));
    m_results->setColumnCount(2);
    m_results->setHeaderLabels({tr("Kind"), tr("Found")});
    m_results->setRootIsDecorated(true);
    m_results->setUniformRowHeights(true);
    m_results->setAlternatingRowColors(true);
    m_results->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_results->header()->setStretchLastSection(true);
    layout->addWidget(m_results, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    layout->addWidget(m_summary);

    connect(m_searchEdit, &QLineEdit::textChanged, this, &SearchDialog::runSearch);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &SearchDialog::openCurrent);
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { openItem(item); });
    if (m_privacy != nullptr) {
        connect(m_privacy, &PrivacyMode::changed, this, &SearchDialog::runSearch);
    }
    m_searchEdit->installEventFilter(this);
    // At most the screen's free area (a 1280×800 screen at 150 % is 853×533 logical pixels).
    DialogFit::fitWindow(*this, QSize(720, 520));
}

SearchDialog::~SearchDialog() = default;

QString SearchDialog::kindLabel(const QString& entity)
{
    static const std::map<QString, const char*> labels = {
        {QStringLiteral("case"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Case")},
        {QStringLiteral("person"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Person")},
        {QStringLiteral("identifier"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Identifier")},
        {QStringLiteral("relationship"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Relationship")},
        {QStringLiteral("decision"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Decision")},
        {QStringLiteral("timeline_event"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Timeline event")},
        {QStringLiteral("exhibit"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Exhibit")},
        {QStringLiteral("exhibit_movement"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Exhibit movement")},
        {QStringLiteral("device"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Digital device")},
        {QStringLiteral("tpm_request"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Third-party material")},
        {QStringLiteral("bail"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Bail")},
        {QStringLiteral("bail_extension"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Bail extension")},
        {QStringLiteral("rui_review"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "RUI review")},
        {QStringLiteral("review"), QT_TRANSLATE_NOOP("wb::ui::SearchDialog", "Supervisory review")},
    };
    const auto it = labels.find(entity);
    return it == labels.end() ? entity : tr(it->second);
}

QString SearchDialog::summaryText(int results, int cases)
{
    // The singular and plural forms come from the translation (translations/, installed by AppTranslator).
    if (results <= 0) {
        return tr("Nothing found.");
    }
    return tr("%1 in %2.", "1 result in 1 case.")
        .arg(tr("%n results", nullptr, results), tr("%n cases", nullptr, cases));
}

QString SearchDialog::kindText(core::Workspace& workspace, const QString& entity, const std::string& uuid) const
{
    // A person is found as what they are in the case: victim, suspect or witness (issue 15).
    if (entity == QLatin1String("person")) {
        if (auto person = workspace.people().findByUuid(uuid)) {
            return DisplayText::role(person->role);
        }
    }
    return kindLabel(entity);
}

QString SearchDialog::hitText(core::Workspace& workspace,
                              const QString& entity,
                              const std::string& uuid,
                              const std::string& snippet) const
{
    const QString text = DisplayText::fromStd(snippet);
    if (m_privacy == nullptr || !m_privacy->isOn()) {
        return text;
    }
    // Names and contact details of victims and witnesses stay hidden.
    if (entity == QLatin1String("person")) {
        if (auto person = workspace.people().findByUuid(uuid)) {
            return m_privacy->displayName(*person);
        }
    } else if (entity == QLatin1String("identifier")) {
        if (auto record = workspace.records().findByUuid(core::recordSpec(core::recordtype::kIdentifier), uuid)) {
            if (auto person = workspace.people().find(record->parentId)) {
                return m_privacy->displayContact(*person, text);
            }
        }
    }
    return text;
}

void SearchDialog::runSearch()
{
    m_results->clear();
    const QString query = m_searchEdit->text().trimmed();
    if (query.isEmpty()) {
        m_summary->clear();
        return;
    }
    try {
        core::Workspace& workspace = m_session.unlockedWorkspace();
        const auto hits = workspace.search(DisplayText::toStd(query));
        std::map<std::int64_t, QTreeWidgetItem*> groups;
        QTreeWidgetItem* first = nullptr;
        for (const auto& hit : hits) {
            QTreeWidgetItem*& group = groups[hit.caseId];
            if (group == nullptr) {
                const auto record = workspace.cases().find(hit.caseId);
                group = new QTreeWidgetItem(m_results);
                group->setText(0, record ? DisplayText::fromStd(record->reference) : tr("Case"));
                group->setFirstColumnSpanned(true);
                QFont bold = group->font(0);
                bold.setBold(true);
                group->setFont(0, bold);
                group->setData(0, CaseIdRole, QVariant::fromValue(static_cast<qint64>(hit.caseId)));
                group->setData(0, EntityRole, QStringLiteral("case"));
                group->setExpanded(true);
            }
            const QString entity = DisplayText::fromStd(hit.entity);
            auto* item = new QTreeWidgetItem(group);
            item->setText(0, kindText(workspace, entity, hit.uuid));
            item->setText(1, hitText(workspace, entity, hit.uuid, hit.snippet));
            item->setData(0, CaseIdRole, QVariant::fromValue(static_cast<qint64>(hit.caseId)));
            item->setData(0, EntityRole, entity);
            item->setData(0, UuidRole, DisplayText::fromStd(hit.uuid));
            if (first == nullptr) {
                first = item;
            }
        }
        for (auto& [id, group] : groups) {
            group->setExpanded(true);
        }
        if (first != nullptr) {
            m_results->setCurrentItem(first);
        }
        m_summary->setText(summaryText(static_cast<int>(hits.size()), static_cast<int>(groups.size())));
    } catch (const core::Error& e) {
        m_summary->setText(ErrorText::message(e));
    } catch (const std::exception&) {
        m_summary->setText(ErrorText::unexpected());
    }
}

bool SearchDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_searchEdit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_results, &copy);
            return true;
        }
        default: break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SearchDialog::openCurrent()
{
    openItem(m_results->currentItem());
}

void SearchDialog::openItem(QTreeWidgetItem* item)
{
    if (item == nullptr) {
        return;
    }
    const auto caseId = static_cast<std::int64_t>(item->data(0, CaseIdRole).toLongLong());
    if (caseId == 0) {
        return;
    }
    const QString entity = item->data(0, EntityRole).toString();
    const QString uuid = item->data(0, UuidRole).toString();
    accept();
    Q_EMIT openRequested(caseId, entity, uuid);
}

} // namespace wb::ui
