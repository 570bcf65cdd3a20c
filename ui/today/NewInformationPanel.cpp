// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/today/NewInformationPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/training/Debrief.h"
#include "core/training/Exercise.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/training/AttachmentDialog.h"
#include "ui/training/DebriefDialog.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

constexpr int InjectIdRole = Qt::UserRole;
constexpr int TextRole = Qt::UserRole + 1;
constexpr int AttachmentsRole = Qt::UserRole + 2; ///< "file\ttitle" of each attachment
constexpr int FileRole = Qt::UserRole;

} // namespace

NewInformationPanel::NewInformationPanel(const Catalogues& catalogues, QWidget* parent)
    : QWidget(parent)
    , m_catalogues(catalogues)
{
    setObjectName(QStringLiteral("newInformationPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    auto* row = new QHBoxLayout();
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("newInformationList"));
    m_list->setAccessibleName(tr("New information in this exercise"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Arrived"), tr("New information")});
    m_list->headerItem()->setToolTip(0, tr("When it arrived, in the exercise's scenario time"));
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, m_list->fontMetrics().horizontalAdvance(QStringLiteral("00/00/0000 00:00")) + 24);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 8);
    row->addWidget(m_list, 2);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("newInformationText"));
    m_text->setAccessibleName(tr("What the selected new information says"));
    m_text->setReadOnly(true);
    m_text->setMaximumHeight(m_list->maximumHeight());
    auto* textColumn = new QVBoxLayout();
    textColumn->addWidget(m_text, 1);
    auto* attachmentRow = new QHBoxLayout();
    m_attachments = new QListWidget(this);
    m_attachments->setObjectName(QStringLiteral("newInformationAttachments"));
    m_attachments->setAccessibleName(tr("Attachments of the selected new information"));
    m_attachments->setMaximumHeight(m_attachments->fontMetrics().height() * 3);
    m_viewAttachment = new QPushButton(tr("View a&ttachment…"), this);
    m_viewAttachment->setObjectName(QStringLiteral("viewAttachmentButton"));
    attachmentRow->addWidget(m_attachments, 1);
    attachmentRow->addWidget(m_viewAttachment, 0, Qt::AlignTop);
    textColumn->addLayout(attachmentRow);
    row->addLayout(textColumn, 3);
    layout->addLayout(row);
    auto* codeRow = new QHBoxLayout();
    auto* codeLabel = new QLabel(tr("Release &code from the trainer:"), this);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("releaseCodeLineEdit"));
    m_code->setAccessibleName(tr("Release code from the trainer"));
    m_code->setPlaceholderText(tr("six letters and digits"));
    m_code->setMaxLength(12);
    m_code->setMinimumWidth(m_code->fontMetrics().horizontalAdvance(m_code->placeholderText()) + 24);
    codeLabel->setBuddy(m_code);
    m_release = new QPushButton(tr("Re&lease"), this);
    m_release->setObjectName(QStringLiteral("releaseCodeButton"));
    m_release->setToolTip(tr("Adds the new information the trainer released to the case (Alt+L)"));
    codeRow->addWidget(codeLabel);
    codeRow->addWidget(m_code);
    codeRow->addWidget(m_release);
    codeRow->addStretch(1);
    m_debrief = new QPushButton(tr("De&brief…"), this);
    m_debrief->setObjectName(QStringLiteral("debriefButton"));
    m_debrief->setToolTip(tr("Your plan, decisions, contacts and deadlines against the exercise's model answers, at "
                             "any point (Alt+B)"));
    m_reset = new QPushButton(tr("Reset e&xercise…"), this);
    m_reset->setObjectName(QStringLiteral("resetExerciseButton"));
    m_reset->setToolTip(tr("Start the exercise again from first report (Alt+X)"));
    codeRow->addWidget(m_debrief);
    codeRow->addWidget(m_reset);
    layout->addLayout(codeRow);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("newInformationMessage"));
    layout->addWidget(m_message);

    m_timer = new QTimer(this);
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &NewInformationPanel::checkDue);
    connect(m_release, &QPushButton::clicked, this, &NewInformationPanel::releaseTyped);
    connect(m_code, &QLineEdit::returnPressed, this, &NewInformationPanel::releaseTyped);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &NewInformationPanel::showSelected);
    connect(m_debrief, &QPushButton::clicked, this, &NewInformationPanel::showDebrief);
    connect(m_viewAttachment, &QPushButton::clicked, this, &NewInformationPanel::viewAttachment);
    connect(m_attachments, &QListWidget::itemActivated, this, &NewInformationPanel::viewAttachment);
    m_attachments->setVisible(false);
    m_viewAttachment->setVisible(false);
    connect(m_reset, &QPushButton::clicked, this, &NewInformationPanel::askReset);
    setVisible(false);
}

void NewInformationPanel::setWorkspace(core::Workspace* workspace, SignalBridge* bridge)
{
    QObject::disconnect(m_bridgeConnection);
    m_workspace = workspace;
    m_list->clear();
    m_text->clear();
    m_code->clear();
    m_message->clearMessage();
    bool exercise = false;
    if (m_workspace != nullptr) {
        try {
            exercise = core::training::exerciseState(*m_workspace).has_value();
        } catch (const core::Error& e) {
            m_message->showMessage(ErrorText::message(e));
            exercise = true; // shown, with what went wrong
        }
    }
    setVisible(exercise);
    if (!exercise) {
        m_timer->stop();
        return;
    }
    if (bridge != nullptr) {
        // A record saved may be what an inject waits for (an arrest, an interview).
        m_bridgeConnection = connect(bridge, &SignalBridge::recordChanged, this, [this] { checkDue(); });
    }
    m_timer->start();
    check(true);
}

DebriefDialog* NewInformationPanel::showDebrief()
{
    if (m_workspace == nullptr) {
        return nullptr;
    }
    try {
        const auto state = core::training::exerciseState(*m_workspace);
        const auto exerciseCase = state ? m_workspace->cases().findByUuid(state->caseUuid) : std::nullopt;
        if (!exerciseCase) {
            throw core::Error(core::ErrorCode::NotFound, "the exercise's case", "exercise");
        }
        CaseContext context;
        context.workspace = m_workspace;
        context.caseId = exerciseCase->id;
        context.catalogues = &m_catalogues;
        auto* dialog = new DebriefDialog(core::training::makeDebrief(*m_workspace, m_catalogues), context, window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return dialog;
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        return nullptr;
    }
}

void NewInformationPanel::askReset()
{
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Reset exercise"),
                                tr("Start this exercise again from first report?"), QMessageBox::NoButton, window());
    box->setObjectName(QStringLiteral("resetExerciseQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Everything recorded in this exercise is removed and the scenario clock goes back "
                               "to the start. The audit trail keeps a note of what was removed. Save your debrief "
                               "file first if your trainer wants it."));
    QPushButton* reset = box->addButton(tr("&Reset exercise"), QMessageBox::DestructiveRole);
    reset->setObjectName(QStringLiteral("confirmResetButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QDialog::finished, this, [this, box, reset] {
        if (box->clickedButton() == reset) {
            resetNow();
        }
    });
    box->open();
}

bool NewInformationPanel::resetNow()
{
    if (m_workspace == nullptr) {
        return false;
    }
    m_checking = true; // the records the reset writes come back through the bridge
    try {
        core::training::resetExercise(*m_workspace, m_catalogues);
        m_checking = false;
        m_list->clear();
        m_text->clear();
        check(true);
        m_message->showMessage(tr("The exercise starts again from first report."), InlineMessage::Kind::Information);
        Q_EMIT released();
        return true;
    } catch (const core::Error& e) {
        m_checking = false;
        m_message->showMessage(ErrorText::message(e));
        return false;
    }
}

void NewInformationPanel::checkDue()
{
    check(false);
}

void NewInformationPanel::check(bool showAnyway)
{
    if (m_workspace == nullptr || m_checking) {
        return;
    }
    m_checking = true; // what a release saves comes back through the bridge: not released twice, nor re-entered
    try {
        const auto arrived = core::training::releaseDue(*m_workspace, m_catalogues);
        if (!arrived.empty() || showAnyway) { // the list changes only when something arrives
            showReleased(!arrived.empty());
        }
        if (!arrived.empty()) {
            m_message->showMessage(tr("New information: %1").arg(DisplayText::fromStd(arrived.back().title)),
                                   InlineMessage::Kind::Information);
            Q_EMIT released();
        }
    } catch (const core::Error& e) {
        if (e.code() != core::ErrorCode::Locked) {
            m_message->showMessage(ErrorText::message(e));
        }
    }
    m_checking = false;
}

bool NewInformationPanel::releaseTyped()
{
    if (m_workspace == nullptr) {
        return false;
    }
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        m_message->showMessage(tr("Type the release code the trainer gave: six letters and digits."));
        m_code->setFocus();
        return false;
    }
    m_checking = true;
    bool ok = false;
    try {
        const auto result = core::training::releaseByCode(*m_workspace, m_catalogues, code.toStdString());
        const QString title = DisplayText::fromStd(result.inject.title);
        m_message->showMessage(result.alreadyReleased ? tr("Already here: %1").arg(title)
                                                      : tr("New information: %1").arg(title),
                               InlineMessage::Kind::Information);
        m_code->clear();
        showReleased(!result.alreadyReleased);
        if (!result.alreadyReleased) {
            Q_EMIT released();
        }
        ok = true;
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        m_code->selectAll();
        m_code->setFocus();
    }
    m_checking = false;
    return ok;
}

void NewInformationPanel::showReleased(bool selectNewest)
{
    const auto news = core::training::releasedInjects(*m_workspace, m_catalogues);
    m_heading->setText(tr("New information in this exercise (%n)", nullptr, static_cast<int>(news.size())));
    // What just arrived is shown; otherwise the officer's own choice stays selected.
    const QString selected = !selectNewest && m_list->currentItem() != nullptr
                                 ? m_list->currentItem()->data(0, InjectIdRole).toString()
                                 : QString();
    m_list->clear();
    for (const auto& [released, inject] : news) {
        auto* item =
            new QTreeWidgetItem(m_list, {DisplayText::ukDateTime(released.at), DisplayText::fromStd(inject.title)});
        item->setData(0, InjectIdRole, DisplayText::fromStd(inject.id));
        item->setData(0, TextRole, DisplayText::fromStd(inject.text));
        QStringList attachments;
        for (const auto& attachment : inject.attachments) {
            attachments << DisplayText::fromStd(attachment.file + "\t" + attachment.title);
        }
        item->setData(0, AttachmentsRole, attachments);
        item->setToolTip(1, DisplayText::fromStd(inject.title));
        if (DisplayText::fromStd(inject.id) == selected) {
            m_list->setCurrentItem(item);
        }
    }
    if (m_list->currentItem() == nullptr && m_list->topLevelItemCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0)); // the newest
    }
    if (news.empty()) {
        m_text->setPlainText(tr("Nothing yet. New information arrives as the scenario unfolds, or when the trainer "
                                "gives you a release code."));
    }
}

void NewInformationPanel::showSelected()
{
    const auto* item = m_list->currentItem();
    m_attachments->clear();
    if (item != nullptr) {
        m_text->setPlainText(item->data(0, TextRole).toString());
        for (const QString& entry : item->data(0, AttachmentsRole).toStringList()) {
            auto* attachment = new QListWidgetItem(entry.section(QLatin1Char('\t'), 1), m_attachments);
            attachment->setData(FileRole, entry.section(QLatin1Char('\t'), 0, 0));
        }
    }
    const bool any = m_attachments->count() > 0;
    m_attachments->setVisible(any);
    m_viewAttachment->setVisible(any);
    if (any) {
        m_attachments->setCurrentRow(0);
    }
}

AttachmentDialog* NewInformationPanel::viewAttachment()
{
    const auto* item = m_attachments->currentItem();
    if (m_workspace == nullptr || item == nullptr) {
        return nullptr;
    }
    try {
        const QString file = item->data(FileRole).toString();
        const auto content = core::training::exerciseAttachment(*m_workspace, DisplayText::toStd(file));
        if (!content) {
            throw core::Error(core::ErrorCode::NotFound, "attachment", "exercise");
        }
        auto* dialog = new AttachmentDialog(item->text(), file, *content, window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return dialog;
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        return nullptr;
    }
}

} // namespace wb::ui
