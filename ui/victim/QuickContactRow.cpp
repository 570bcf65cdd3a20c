// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/victim/QuickContactRow.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Time.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/victim/VictimContact.h"
#include "ui/records/RecordListModel.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/ElidingComboBox.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

/// The sentinel below every real date: a QDateEdit at it shows "Not set".
const QDate kNotSet(2000, 1, 1);

} // namespace

QuickContactRow::QuickContactRow(const CaseContext& context, QWidget* parent)
    : QGroupBox(tr("Quick contact (Enter saves)"), parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("fastContactGroupBox"));
    auto* grid = new QGridLayout(this);

    const auto addLabelled = [this, grid](const QString& text, QWidget* editor, int row, int column, int span = 1) {
        auto* label = new QLabel(text, this);
        label->setBuddy(editor);
        grid->addWidget(label, row, column);
        grid->addWidget(editor, row, column + 1, 1, span);
    };

    m_when = new QDateTimeEdit(this);
    m_when->setObjectName(QStringLiteral("fastWhenDateTimeEdit"));
    m_when->setAccessibleName(tr("When (UK time)"));
    m_when->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_when->setCalendarPopup(true);
    addLabelled(tr("&When:"), m_when, 0, 0);

    // Long method and purpose names would make the row, and so the case window, wider than a 1280-pixel screen:
    // the boxes take a sensible width, shorten the current choice with an ellipsis when it does not fit, and give
    // the whole of it in the tooltip.
    m_method = new ElidingComboBox(14, this);
    m_method->setObjectName(QStringLiteral("fastMethodComboBox"));
    m_method->setAccessibleName(tr("Method"));
    addLabelled(tr("&Method:"), m_method, 0, 2);

    m_purpose = new ElidingComboBox(24, this);
    m_purpose->setObjectName(QStringLiteral("fastPurposeComboBox"));
    m_purpose->setAccessibleName(tr("Purpose"));
    addLabelled(tr("&Purpose:"), m_purpose, 0, 4);

    m_by = new QLineEdit(this);
    m_by->setObjectName(QStringLiteral("fastByLineEdit"));
    m_by->setAccessibleName(tr("By whom"));
    m_by->setMinimumWidth(200);
    addLabelled(tr("&By:"), m_by, 0, 6);

    m_explained = new QLineEdit(this);
    m_explained->setObjectName(QStringLiteral("fastExplainedLineEdit"));
    m_explained->setAccessibleName(tr("What was explained"));
    m_explained->setPlaceholderText(tr("What was explained, and any questions"));
    m_explained->setMaxLength(4000);
    addLabelled(tr("E&xplained:"), m_explained, 1, 0, 5);

    m_events = new QListWidget(this);
    m_events->setObjectName(QStringLiteral("fastExplainedEventsListWidget"));
    m_events->setAccessibleName(tr("Events explained to the victim"));
    m_events->setAccessibleDescription(
        tr("Tick each event this contact told the victim about: only those count as explained (Right 6). "
           "Space ticks or unticks the current event."));
    m_events->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_eventsLabel = new QLabel(tr("Even&ts explained:"), this);
    m_eventsLabel->setBuddy(m_events);
    grid->addWidget(m_eventsLabel, 3, 0);
    grid->addWidget(m_events, 3, 1, 1, 7);

    m_nextDue = new QDateEdit(this);
    m_nextDue->setObjectName(QStringLiteral("fastNextDueDateEdit"));
    m_nextDue->setAccessibleName(tr("Next contact due"));
    m_nextDue->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_nextDue->setMinimumDate(kNotSet);
    m_nextDue->setSpecialValueText(tr("Not set"));
    m_nextDue->setCalendarPopup(true);
    addLabelled(tr("&Next due:"), m_nextDue, 1, 6);

    m_followed = new QCheckBox(tr("Contact &plan followed"), this);
    m_followed->setObjectName(QStringLiteral("fastPlanFollowedCheckBox"));
    m_followed->setAccessibleName(tr("Contact plan followed"));
    grid->addWidget(m_followed, 2, 0, 1, 2);
    m_deviation = new QLineEdit(this);
    m_deviation->setObjectName(QStringLiteral("fastDeviationLineEdit"));
    m_deviation->setAccessibleName(tr("Why the plan could not be followed"));
    m_deviation->setMaxLength(2000);
    addLabelled(tr("Why &not:"), m_deviation, 2, 2, 3);
    m_save = new QPushButton(tr("&Save contact"), this);
    m_save->setObjectName(QStringLiteral("fastSaveButton"));
    m_save->setAccessibleName(tr("Save the quick contact"));
    grid->addWidget(m_save, 2, 7);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("fastMessageLabel"));
    grid->addWidget(m_message, 4, 0, 1, 8);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 2);

    if (m_context.workspace != nullptr) {
        const auto& lists = m_context.workspace->lists();
        m_method->addItem(tr("— choose —"), QString());
        for (const auto& item : lists.list("contact-methods").items()) {
            m_method->addItem(DisplayText::fromStd(item.label), DisplayText::fromStd(item.code));
        }
        m_purpose->addItem(tr("— choose —"), QString());
        for (const auto& item : lists.list("contact-purposes").items()) {
            m_purpose->addItem(DisplayText::fromStd(item.label), DisplayText::fromStd(item.code));
        }
    }
    QWidget::setTabOrder(m_when, m_method);
    QWidget::setTabOrder(m_method, m_purpose);
    QWidget::setTabOrder(m_purpose, m_by);
    QWidget::setTabOrder(m_by, m_explained);
    QWidget::setTabOrder(m_explained, m_events);
    QWidget::setTabOrder(m_events, m_nextDue);
    QWidget::setTabOrder(m_nextDue, m_followed);
    QWidget::setTabOrder(m_followed, m_deviation);
    QWidget::setTabOrder(m_deviation, m_save);

    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_followed, &QCheckBox::toggled, this, &QuickContactRow::updateDeviation);
    connect(m_purpose, &QComboBox::currentIndexChanged, this, &QuickContactRow::updateEvents);
    connect(m_explained, &QLineEdit::textChanged, this, &QuickContactRow::edited);
    connect(m_deviation, &QLineEdit::textChanged, this, &QuickContactRow::edited);
}

void QuickContactRow::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        save();
        event->accept();
        return;
    }
    QGroupBox::keyPressEvent(event);
}

void QuickContactRow::setVictim(std::int64_t victimId)
{
    m_victimId = victimId;
    reset();
}

bool QuickContactRow::hasTypedText() const
{
    return !m_explained->text().isEmpty() || !m_deviation->text().isEmpty();
}

void QuickContactRow::clearTypedText()
{
    m_explained->clear();
    m_deviation->clear();
}

void QuickContactRow::reset()
{
    const QDateTime nowUk = DisplayText::toUkDateTime(workspaceNow(m_context.workspace));
    m_when->setDateTime(nowUk);
    m_when->setMaximumDateTime(QDateTime(nowUk.date().addDays(1), QTime(23, 59)));
    m_message->clearMessage();
    core::victim::ContactDefaults defaults;
    QString owner;
    if (m_context.workspace != nullptr && !m_context.workspace->isLocked()) {
        try {
            defaults = core::victim::contactDefaults(m_context.workspace->records(), m_context.caseId, m_victimId,
                                                     workspaceToday(m_context.workspace));
            owner = DisplayText::fromStd(m_context.workspace->info().owner.displayName);
        } catch (const core::Error& error) {
            m_message->showMessage(ErrorText::message(error));
        }
    }
    m_method->setCurrentIndex(std::max(0, m_method->findData(DisplayText::fromStd(defaults.method))));
    m_purpose->setCurrentIndex(std::max(0, m_purpose->findData(QStringLiteral("routine-update"))));
    clearTypedText();
    m_followed->setChecked(true);
    m_by->setText(owner);
    m_nextDue->setDate(defaults.nextDue ? DisplayText::toQDate(*defaults.nextDue) : kNotSet);
    updateDeviation();
    reloadEvents();
    updateEvents();
    if (defaults.doNotContact) {
        m_message->showMessage(tr("Warning: the contact plan says DO NOT CONTACT this victim."),
                               InlineMessage::Kind::Warning);
    }
}

void QuickContactRow::updateDeviation()
{
    const bool followed = m_followed->isChecked();
    m_deviation->setEnabled(!followed);
    m_deviation->setPlaceholderText(followed ? QString() : tr("Required: why the plan could not be followed"));
}

void QuickContactRow::updateEvents()
{
    const bool shown = core::victim::purposeExplainsEvents(DisplayText::toStd(m_purpose->currentData().toString()));
    m_eventsLabel->setVisible(shown);
    m_events->setVisible(shown);
}

void QuickContactRow::reloadEvents()
{
    m_events->clear();
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return;
    }
    try {
        for (const auto& record : core::victim::explainableEvents(m_context.workspace->records(), m_context.caseId)) {
            auto* item = new QListWidgetItem(RecordListModel::summary(m_context, record), m_events);
            item->setData(Qt::UserRole, QString::fromStdString(record.uuid));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Unchecked);
        }
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
    }
    if (m_events->count() == 0) {
        auto* none = new QListWidgetItem(tr("No events recorded on this case yet"), m_events);
        none->setFlags(Qt::ItemIsEnabled);
    } else {
        m_events->setCurrentRow(0);
    }
}

QWidget* QuickContactRow::editorFor(const std::string& field) const
{
    if (field == "contacted_at") {
        return m_when;
    }
    if (field == "method") {
        return m_method;
    }
    if (field == "purpose") {
        return m_purpose;
    }
    if (field == "by_whom") {
        return m_by;
    }
    if (field == "explained") {
        return m_explained;
    }
    if (field == "explained_events") {
        return m_events;
    }
    if (field == "deviation_reason") {
        return m_deviation;
    }
    if (field == "next_due") {
        return m_nextDue;
    }
    return nullptr;
}

bool QuickContactRow::save()
{
    if (m_context.workspace == nullptr || m_context.workspace->isLocked()) {
        return false;
    }
    const QDateTime when = m_when->dateTime();
    core::victim::ContactDraft draft;
    draft.caseId = m_context.caseId;
    draft.victimId = m_victimId;
    draft.contactedAt = DisplayText::instantFromUk(when.date(), when.time());
    draft.method = DisplayText::toStd(m_method->currentData().toString());
    draft.purpose = DisplayText::toStd(m_purpose->currentData().toString());
    draft.byWhom = DisplayText::toStd(m_by->text().trimmed());
    draft.explained = DisplayText::toStd(m_explained->text().trimmed());
    for (int i = 0; i < m_events->count(); ++i) {
        const auto* item = m_events->item(i);
        if (item->checkState() == Qt::Checked) {
            draft.explainedEvents.push_back(DisplayText::toStd(item->data(Qt::UserRole).toString()));
        }
    }
    draft.planFollowed = m_followed->isChecked();
    draft.deviationReason = DisplayText::toStd(m_deviation->text().trimmed());
    if (m_nextDue->date() != kNotSet) {
        draft.nextDue = DisplayText::toYmd(m_nextDue->date());
    }
    try {
        core::victim::recordContact(m_context.workspace->records(), draft);
    } catch (const core::Error& error) {
        const auto& spec = core::recordSpec(core::recordtype::kContact);
        m_message->showMessage(tr("Not saved. %1").arg(ErrorText::recordField(error, spec, true)));
        if (auto* editor = editorFor(error.field())) {
            editor->setFocus();
        }
        return false;
    }
    reset();
    m_message->showMessage(tr("Contact saved."), InlineMessage::Kind::Information);
    m_when->setFocus();
    Q_EMIT saved();
    return true;
}

} // namespace wb::ui
