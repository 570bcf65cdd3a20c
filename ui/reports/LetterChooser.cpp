// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/LetterChooser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/letters/VictimLetter.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/reference/ReferenceList.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

LetterChooser::LetterChooser(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("letterChooser"));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_victim = new QComboBox(this);
    m_victim->setObjectName(QStringLiteral("letterVictimComboBox"));
    m_victim->setAccessibleName(tr("The victim the letter is to"));
    form->addRow(tr("&To:"), m_victim);
    m_event = new QComboBox(this);
    m_event->setObjectName(QStringLiteral("letterEventComboBox"));
    m_event->setAccessibleName(tr("What the letter tells the victim of"));
    form->addRow(tr("&About:"), m_event);
    m_letter = new QComboBox(this);
    m_letter->setObjectName(QStringLiteral("letterTemplateComboBox"));
    m_letter->setAccessibleName(tr("The letter"));
    form->addRow(tr("&Letter:"), m_letter);
    m_log = new QCheckBox(tr("&Log it as a contact with the victim"), this);
    m_log->setObjectName(QStringLiteral("letterLogCheckBox"));
    m_log->setChecked(true);
    m_log->setToolTip(tr("When the letter is printed or saved: a contact by letter, for the letter's purpose, saying "
                         "which letter; for an update it also records the event it told the victim of (Right 6)."));
    form->addRow(m_log);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("letterEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    form->addRow(m_empty);

    connect(m_victim, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            fillEvents();
            Q_EMIT choiceChanged();
        }
    });
    connect(m_event, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            fillLetters();
            Q_EMIT choiceChanged();
        }
    });
    connect(m_letter, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            Q_EMIT choiceChanged();
        }
    });
    reload();
}

void LetterChooser::reload()
{
    const QVariant chosen = m_victim->currentData();
    m_filling = true;
    m_victim->clear();
    try {
        if (m_context.workspace != nullptr && !m_context.workspace->isLocked()) {
            for (const auto& person : m_context.workspace->people().listForCase(m_context.caseId)) {
                if (person.role == core::PersonRole::Victim) {
                    m_victim->addItem(m_context.privacy != nullptr ? m_context.privacy->displayName(person)
                                                                   : DisplayText::personName(person),
                                      QVariant::fromValue<qlonglong>(person.id));
                }
            }
        }
        m_empty->clear();
    } catch (const core::Error& e) {
        m_empty->setText(tr("The victims could not be read. %1").arg(ErrorText::message(e)));
    }
    const int again = m_victim->findData(chosen);
    m_victim->setCurrentIndex(again >= 0 ? again : 0);
    m_filling = false;
    fillEvents();
}

void LetterChooser::setVictim(std::int64_t personId)
{
    const int index = m_victim->findData(QVariant::fromValue<qlonglong>(personId));
    if (index >= 0) {
        m_victim->setCurrentIndex(index);
    }
}

QString LetterChooser::eventText(const core::Record& event) const
{
    const QString date = DisplayText::fromStd(core::letters::eventDate(event));
    if (event.spec != nullptr && event.spec->type == core::recordtype::kBail) {
        return event.get("kind") == "rui" ? tr("Released under investigation, %1").arg(date)
                                          : tr("Released on bail, %1").arg(date);
    }
    if (event.spec != nullptr && event.spec->type == core::recordtype::kVictimWish) {
        return event.get("wish") == "withdrawn" ? tr("The victim withdrew, %1").arg(date)
                                                : tr("The victim's wishes, %1").arg(date);
    }
    QString kind = DisplayText::fromStd(event.get("kind"));
    if (m_context.workspace != nullptr && m_context.workspace->lists().has("case-event-kinds")) {
        if (const auto* item = m_context.workspace->lists().list("case-event-kinds").find(event.get("kind"))) {
            kind = DisplayText::fromStd(item->label);
        }
    }
    return tr("%1, %2").arg(kind, date);
}

void LetterChooser::fillEvents()
{
    m_filling = true;
    m_event->clear();
    m_events.clear();
    const auto victim = m_victim->currentData();
    const bool haveLetters = m_context.catalogues != nullptr && m_context.catalogues->letters != nullptr &&
                             !m_context.catalogues->letters->empty();
    try {
        if (haveLetters && victim.isValid() && m_context.workspace != nullptr && !m_context.workspace->isLocked()) {
            m_events = core::letters::eventsForLetters(*m_context.workspace, m_context.caseId, victim.toLongLong(),
                                                       *m_context.catalogues->letters);
        }
        for (const auto& event : m_events) {
            m_event->addItem(eventText(event));
        }
        if (!haveLetters) {
            m_empty->setText(tr("No victim letters are installed (the letters folder of the workbench's data)."));
        } else if (!victim.isValid()) {
            m_empty->setText(tr("The case has no victim recorded: add them on the People tab first."));
        } else if (m_events.empty()) {
            m_empty->setText(tr("Nothing has happened yet that a letter tells of: record the arrest, the bail or "
                                "release under investigation, the charge, no further action or the victim's "
                                "withdrawal first."));
        } else {
            m_empty->clear();
        }
    } catch (const core::Error& e) {
        m_empty->setText(tr("The case's events could not be read. %1").arg(ErrorText::message(e)));
    }
    m_empty->setVisible(!m_empty->text().isEmpty());
    m_filling = false;
    fillLetters();
}

void LetterChooser::fillLetters()
{
    m_filling = true;
    m_letter->clear();
    const int index = m_event->currentIndex();
    if (index >= 0 && index < static_cast<int>(m_events.size()) && m_context.catalogues != nullptr &&
        m_context.catalogues->letters != nullptr) {
        for (const auto* letter : core::letters::lettersAbout(*m_context.catalogues->letters, m_events[index])) {
            m_letter->addItem(DisplayText::fromStd(letter->name), DisplayText::fromStd(letter->occasion));
            m_letter->setItemData(m_letter->count() - 1,
                                  tr("Version %1. Based on: %2")
                                      .arg(DisplayText::fromStd(letter->version), DisplayText::fromStd(letter->source)),
                                  Qt::ToolTipRole);
        }
    }
    m_filling = false;
}

std::optional<reports::LetterChoice> LetterChooser::choice() const
{
    const int index = m_event->currentIndex();
    if (!m_victim->currentData().isValid() || index < 0 || index >= static_cast<int>(m_events.size()) ||
        m_letter->currentIndex() < 0) {
        return std::nullopt;
    }
    const auto& event = m_events[index];
    return reports::LetterChoice{m_victim->currentData().toLongLong(), std::string(event.spec->type), event.id,
                                 DisplayText::toStd(m_letter->currentData().toString())};
}

bool LetterChooser::logAsContact() const
{
    return m_log->isChecked();
}

} // namespace wb::ui
