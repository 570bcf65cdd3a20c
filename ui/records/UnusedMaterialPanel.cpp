// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/UnusedMaterialPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/disclosure/DisclosureSchedules.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordTab.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

namespace disclosure = core::disclosure;

/// The items a gap concerns, as the officer finds them in the list: "MG6C 2 (Exhibit GEN-3-2: Synthetic…)", the
/// first three, then how many more. In privacy mode the description (kept as sensitive) is left out, as in the list.
QString itemList(const disclosure::DisclosureSchedules& s, disclosure::Gap gap, bool privacy)
{
    constexpr int shown = 3;
    constexpr int descriptionChars = 32;
    QStringList items;
    int more = 0;
    for (const auto& g : s.gaps) {
        if (g.gap != gap) {
            continue;
        }
        if (items.size() == shown) {
            ++more;
            continue;
        }
        const auto& list = g.schedule == disclosure::Schedule::MG6D ? s.sensitive : s.nonSensitive;
        QString description =
            QString::fromStdString(list.at(static_cast<std::size_t>(g.number - 1)).record.get("description"))
                .simplified();
        if (description.size() > descriptionChars) {
            description = description.left(descriptionChars - 1) + QChar(0x2026);
        }
        const QString item =
            QStringLiteral("%1 %2").arg(QString::fromUtf8(disclosure::toString(g.schedule))).arg(g.number);
        items << (privacy ? item : QStringLiteral("%1 (%2)").arg(item, description));
    }
    QString text = items.join(QStringLiteral("; "));
    if (more > 0) {
        text = UnusedMaterialPanel::tr("%1 and %n more", nullptr, more).arg(text);
    }
    return text;
}

QString summaryText(const disclosure::DisclosureSchedules& s, bool privacy)
{
    QStringList lines;
    lines << UnusedMaterialPanel::tr("MG6C (not sensitive): %n items. MG6D (sensitive): %1. "
                                     "Might meet the disclosure test (MG6E): %2.",
                                     nullptr, static_cast<int>(s.nonSensitive.size()))
                 .arg(s.sensitive.size())
                 .arg(s.mayMeetTest.size());
    const QString location = itemList(s, disclosure::Gap::Location, privacy);
    if (!location.isEmpty()) {
        lines << UnusedMaterialPanel::tr("Where it is held is not recorded: %1.").arg(location);
    }
    const QString reason = itemList(s, disclosure::Gap::SensitivityReason, privacy);
    if (!reason.isEmpty()) {
        lines << UnusedMaterialPanel::tr("No reason for the sensitivity: %1.").arg(reason);
    }
    const QString assessed = itemList(s, disclosure::Gap::NotAssessed, privacy);
    if (!assessed.isEmpty()) {
        lines << UnusedMaterialPanel::tr("Not yet assessed against the disclosure test: %1.").arg(assessed);
    }
    if (s.notYetScheduled > 0) {
        lines << UnusedMaterialPanel::tr(
                     "Exhibits, devices or third-party material requests not yet on a schedule: %1.")
                     .arg(s.notYetScheduled);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

UnusedMaterialPanel::UnusedMaterialPanel(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("unusedMaterialPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Unused material for the disclosure schedules, kept as you go: drafts for the disclosure officer. An item "
           "marked sensitive is listed on the MG6D only, never on the MG6C. Print the schedules from Reports."),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("unusedMaterialSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_summary->setFocusPolicy(Qt::StrongFocus);
    m_summary->setAccessibleName(tr("What the disclosure schedules hold and still need"));
    layout->addWidget(m_summary);
    auto* buttons = new QHBoxLayout();
    m_draft = new QPushButton(tr("Add &drafts from the evidence"), this);
    m_draft->setObjectName(QStringLiteral("draftUnusedMaterialButton"));
    m_draft->setAccessibleName(tr("Add draft unused material from the exhibits, devices and third-party material"));
    m_draft->setToolTip(tr("Adds an item for each exhibit, digital device and third-party material request not yet on "
                           "a schedule, to be checked and completed (Alt+D)"));
    buttons->addWidget(m_draft);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("unusedMaterialMessage"));
    layout->addWidget(m_message);
    m_records = new RecordTab(context, core::recordSpec(core::recordtype::kUnusedMaterial), this, false);
    layout->addWidget(m_records, 1);

    connect(m_draft, &QPushButton::clicked, this, &UnusedMaterialPanel::addDrafts);
    if (context.bridge != nullptr) {
        connect(context.bridge, &SignalBridge::recordChanged, this, [this](const core::RecordRepository::Event& event) {
            const auto* spec = event.record.spec;
            if (event.record.caseId == m_context.caseId && spec != nullptr &&
                (spec->type == core::recordtype::kUnusedMaterial || spec->type == core::recordtype::kExhibit ||
                 spec->type == core::recordtype::kDevice || spec->type == core::recordtype::kTpmRequest)) {
                refresh();
            }
        });
    }
    if (context.privacy != nullptr) {
        connect(context.privacy, &PrivacyMode::changed, this, &UnusedMaterialPanel::refresh);
    }
    refresh();
}

void UnusedMaterialPanel::refresh()
{
    if (m_context.workspace == nullptr) {
        return;
    }
    try {
        const auto schedules = disclosure::disclosureSchedules(*m_context.workspace, m_context.caseId);
        m_summary->setText(summaryText(schedules, m_context.privacy != nullptr && m_context.privacy->isOn()));
        m_draft->setEnabled(schedules.notYetScheduled > 0);
    } catch (const core::Error& error) {
        // Locked: the window is about to close. Anything else is shown, not an empty summary.
        if (error.code() != core::ErrorCode::Locked) {
            m_message->showMessage(ErrorText::message(error));
        }
    }
}

void UnusedMaterialPanel::addDrafts()
{
    if (m_context.workspace == nullptr) {
        return;
    }
    try {
        const auto added = disclosure::draftUnusedMaterial(*m_context.workspace, m_context.caseId);
        if (!added.empty()) {
            // After the saves reach the list: the signal bridge delivers them as queued events, posted before this.
            QMetaObject::invokeMethod(
                this, [this, id = added.front().id] { m_records->selectRecord(id); }, Qt::QueuedConnection);
        }
        m_message->showMessage(tr("%n draft items added: check each one, and complete where it is held, its "
                                  "sensitivity and the disclosure test.",
                                  nullptr, static_cast<int>(added.size())),
                               InlineMessage::Kind::Information);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
    }
    refresh();
}

} // namespace wb::ui
