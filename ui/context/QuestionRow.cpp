// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/context/QuestionRow.h"

#include <algorithm>
#include <cmath>
#include <variant>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "core/nom/QuestionCatalogue.h"
#include "ui/text/DisplayText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

using core::nom::AnswerType;
using core::nom::FactValue;
using core::nom::Question;

namespace {

QString fromStd(const std::string& text)
{
    return DisplayText::fromStd(text);
}

/// "12/03/2026 21:30", "12/03/2026" (midnight, or the end of the day when endOfDay), "1/3/2026 9:05".
std::optional<core::Instant> parseUkDateTime(const QString& text, bool endOfDay)
{
    const QString trimmed = text.simplified();
    for (const auto* format : {"dd/MM/yyyy HH:mm", "d/M/yyyy H:mm"}) {
        const QDateTime dt = QDateTime::fromString(trimmed, QString::fromLatin1(format));
        if (dt.isValid()) {
            return DisplayText::instantFromUk(dt.date(), dt.time());
        }
    }
    for (const auto* format : {"dd/MM/yyyy", "d/M/yyyy"}) {
        const QDate date = QDate::fromString(trimmed, QString::fromLatin1(format));
        if (date.isValid()) {
            return DisplayText::instantFromUk(date, endOfDay ? QTime(23, 59, 59) : QTime(0, 0));
        }
    }
    return std::nullopt;
}

} // namespace

QuestionRow::QuestionRow(const Question& question, QWidget* parent)
    : QFrame(parent)
    , m_question(question)
{
    const QString id = fromStd(question.id);
    setObjectName(QStringLiteral("question_%1").arg(id));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    m_followUp = new QLabel(this);
    m_followUp->setObjectName(QStringLiteral("questionFollowUp_%1").arg(id));
    m_followUp->setTextFormat(Qt::PlainText);
    m_followUp->setWordWrap(true);
    m_followUp->setHidden(true);
    layout->addWidget(m_followUp);
    auto* text = new QLabel(fromStd(question.text), this);
    text->setObjectName(QStringLiteral("questionText_%1").arg(id));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    QFont bold = text->font();
    bold.setBold(true);
    text->setFont(bold);
    layout->addWidget(text);
    auto* help = new QLabel(fromStd(question.help), this);
    help->setObjectName(QStringLiteral("questionHelp_%1").arg(id));
    help->setTextFormat(Qt::PlainText);
    help->setWordWrap(true);
    help->setAccessibleName(QuestionRow::tr("Guidance: %1").arg(fromStd(question.help)));
    layout->addWidget(help);
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("questionSource_%1").arg(id));
    m_source->setTextFormat(Qt::PlainText);
    m_source->setWordWrap(true);
    m_source->setHidden(true);
    layout->addWidget(m_source);
    buildEditor(layout);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("overrideReason_%1").arg(id));
    m_reason->setPlaceholderText(QuestionRow::tr("Reason, if you answer otherwise than the records"));
    m_reason->setAccessibleName(
        QuestionRow::tr("Reason for answering otherwise than the records: %1").arg(fromStd(question.label)));
    m_reason->setMaxLength(2000);
    m_reason->setHidden(true);
    // textChanged, not textEdited: a reason put back from a draft after an unlock is an edit too.
    connect(m_reason, &QLineEdit::textChanged, this, [this] { noteEdited(); });
    layout->addWidget(m_reason);
    m_error = new InlineMessage(this);
    m_error->setObjectName(QStringLiteral("questionError_%1").arg(id));
    layout->addWidget(m_error);

    auto* footer = new QHBoxLayout();
    m_lastChange = new QLabel(this);
    m_lastChange->setObjectName(QStringLiteral("lastChange_%1").arg(id));
    m_lastChange->setTextFormat(Qt::PlainText);
    m_lastChange->setWordWrap(true);
    footer->addWidget(m_lastChange, 1);
    m_notKnownButton = new QPushButton(QuestionRow::tr("Mark not known"), this);
    m_notKnownButton->setObjectName(QStringLiteral("notKnownButton_%1").arg(id));
    m_notKnownButton->setAccessibleName(QuestionRow::tr("Not known: %1").arg(fromStd(question.label)));
    m_notKnownButton->setToolTip(QuestionRow::tr("Clear this answer and record that it is not known"));
    footer->addWidget(m_notKnownButton);
    m_historyButton = new QPushButton(QuestionRow::tr("History…"), this);
    m_historyButton->setObjectName(QStringLiteral("historyButton_%1").arg(id));
    m_historyButton->setAccessibleName(QuestionRow::tr("History of the answer: %1").arg(fromStd(question.label)));
    footer->addWidget(m_historyButton);
    layout->addLayout(footer);
}

void QuestionRow::setSaved(const std::optional<FactValue>& value)
{
    m_loading = true;
    clearEditor();
    if (value) {
        showValue(*value);
    }
    m_reason->clear();
    m_loading = false;
    m_modified = false;
    m_error->clearMessage();
}

void QuestionRow::setSource(const QString& text, bool fromRecords)
{
    m_source->setText(text);
    m_source->setAccessibleName(text);
    m_source->setHidden(text.isEmpty());
    m_reason->setHidden(!fromRecords);
    if (!fromRecords) {
        const bool loading = m_loading;
        m_loading = true; // not an edit of the officer's
        m_reason->clear();
        m_loading = loading;
    }
}

std::optional<std::string> QuestionRow::overrideReason() const
{
    const QString text = m_reason->text().trimmed();
    return text.isEmpty() ? std::nullopt : std::optional(text.toStdString());
}

void QuestionRow::setFollowUpOf(const QString& labels)
{
    const QString text = QuestionRow::tr("↳ Follow-up to: %1").arg(labels);
    m_followUp->setText(text);
    m_followUp->setAccessibleName(
        QuestionRow::tr("Follow-up question, asked because of the answer to: %1").arg(labels));
    QFont italic = m_followUp->font();
    italic.setItalic(true);
    m_followUp->setFont(italic);
    m_followUp->setHidden(labels.isEmpty());
}

void QuestionRow::setLastChange(const QString& text)
{
    m_lastChange->setText(text);
    m_lastChange->setAccessibleName(text);
}

std::optional<FactValue> QuestionRow::edited(QString* error) const
{
    switch (m_question.type) {
    case AnswerType::YesNo:
        if (m_yes->isChecked()) {
            return FactValue{true};
        }
        if (m_no->isChecked()) {
            return FactValue{false};
        }
        return std::nullopt;
    case AnswerType::Choice: {
        const QString code = m_combo->currentData().toString();
        return code.isEmpty() ? std::nullopt : std::optional<FactValue>(FactValue{DisplayText::toStd(code)});
    }
    case AnswerType::MultiChoice: {
        core::nom::TextList values;
        for (const auto* box : m_boxes) {
            if (box->isChecked()) {
                values.push_back(DisplayText::toStd(box->property("code").toString()));
            }
        }
        return values.empty() ? std::nullopt : std::optional<FactValue>(FactValue{values});
    }
    case AnswerType::Text: {
        const QString text = m_line->text().trimmed();
        return text.isEmpty() ? std::nullopt : std::optional<FactValue>(FactValue{DisplayText::toStd(text)});
    }
    case AnswerType::Number: {
        const QString text = m_line->text().trimmed();
        if (text.isEmpty()) {
            return std::nullopt;
        }
        bool ok = false;
        const double number = QLocale::c().toDouble(text, &ok);
        if (!ok || !std::isfinite(number)) {
            *error = rangeText(QuestionRow::tr("Enter a number, for example 25."));
            return std::nullopt;
        }
        return FactValue{number};
    }
    case AnswerType::Instant: {
        const QString text = m_line->text().trimmed();
        if (text.isEmpty()) {
            return std::nullopt;
        }
        const auto instant = parseUkDateTime(text, false);
        if (!instant) {
            *error = QuestionRow::tr("Enter the date and time in UK time as dd/mm/yyyy hh:mm, for example "
                                     "14/03/2026 21:30.");
            return std::nullopt;
        }
        return FactValue{*instant};
    }
    case AnswerType::DateRange: {
        const QString fromText = m_line->text().trimmed();
        const QString toText = m_line2->text().trimmed();
        if (fromText.isEmpty() && toText.isEmpty()) {
            return std::nullopt;
        }
        const auto from = parseUkDateTime(fromText.isEmpty() ? toText : fromText, false);
        const auto to = parseUkDateTime(toText.isEmpty() ? fromText : toText, true);
        if (!from || !to) {
            *error = QuestionRow::tr("Enter the dates in UK time as dd/mm/yyyy (a time hh:mm may follow). "
                                     "Leave 'To' empty for a single day.");
            return std::nullopt;
        }
        return FactValue{core::nom::DateRange{*from, *to}};
    }
    }
    return std::nullopt;
}

QString QuestionRow::valueText(const Question& q, const FactValue& value)
{
    return std::visit(
        [&q](const auto& v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return v ? QuestionRow::tr("Yes") : QuestionRow::tr("No");
            } else if constexpr (std::is_same_v<T, double>) {
                return DisplayText::number(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                const auto* option = q.findOption(v);
                return option != nullptr ? fromStd(option->label) : fromStd(v);
            } else if constexpr (std::is_same_v<T, core::nom::TextList>) {
                QStringList labels;
                for (const auto& code : v) {
                    const auto* option = q.findOption(code);
                    labels << (option != nullptr ? fromStd(option->label) : fromStd(code));
                }
                return labels.join(QStringLiteral("; "));
            } else if constexpr (std::is_same_v<T, core::Instant>) {
                return QuestionRow::tr("%1 (UK time)").arg(DisplayText::ukDateTime(v));
            } else {
                return QuestionRow::tr("%1 to %2 (UK time)")
                    .arg(DisplayText::ukDateTime(v.from), DisplayText::ukDateTime(v.to));
            }
        },
        value);
}

QString QuestionRow::rangeText(const QString& lead) const
{
    if (m_question.min && m_question.max) {
        return QuestionRow::tr("%1 Enter a number from %2 to %3.")
            .arg(lead, DisplayText::number(*m_question.min), DisplayText::number(*m_question.max));
    }
    return lead;
}

void QuestionRow::noteEdited()
{
    if (m_loading) {
        return;
    }
    m_modified = true;
    if (onEdited) {
        onEdited();
    }
}

QLineEdit*
QuestionRow::addLine(QLayout* layout, const QString& objectName, const QString& accessible, const QString& hint)
{
    auto* line = new QLineEdit(this);
    line->setObjectName(objectName);
    line->setAccessibleName(accessible);
    line->setPlaceholderText(hint);
    line->setMaxLength(1000);
    connect(line, &QLineEdit::textEdited, this, [this] { noteEdited(); });
    layout->addWidget(line);
    return line;
}

void QuestionRow::buildEditor(QVBoxLayout* layout)
{
    const QString id = fromStd(m_question.id);
    const QString label = fromStd(m_question.label);
    switch (m_question.type) {
    case AnswerType::YesNo: {
        auto* row = new QHBoxLayout();
        m_group = new QButtonGroup(this);
        m_yes = new QRadioButton(QuestionRow::tr("Yes"), this);
        m_no = new QRadioButton(QuestionRow::tr("No"), this);
        m_unknown = new QRadioButton(QuestionRow::tr("Not known"), this);
        const std::pair<QRadioButton*, const char*> buttons[] = {{m_yes, "yes"}, {m_no, "no"}, {m_unknown, "unknown"}};
        for (const auto& [button, name] : buttons) {
            button->setObjectName(QStringLiteral("answer_%1_%2").arg(id, QString::fromLatin1(name)));
            button->setAccessibleName(QStringLiteral("%1: %2").arg(label, button->text()));
            m_group->addButton(button);
            row->addWidget(button);
            connect(button, &QRadioButton::toggled, this, [this](bool on) {
                if (on) {
                    noteEdited();
                }
            });
        }
        row->addStretch(1);
        layout->addLayout(row);
        m_first = m_yes;
        break;
    }
    case AnswerType::Choice: {
        m_combo = new QComboBox(this);
        m_combo->setObjectName(QStringLiteral("answer_%1").arg(id));
        m_combo->setAccessibleName(label);
        m_combo->addItem(QuestionRow::tr("Not known"), QString());
        for (const auto& option : m_question.options) {
            m_combo->addItem(fromStd(option.label), fromStd(option.value));
        }
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { noteEdited(); });
        auto* row = new QHBoxLayout();
        row->addWidget(m_combo);
        row->addStretch(1);
        layout->addLayout(row);
        m_first = m_combo;
        break;
    }
    case AnswerType::MultiChoice: {
        auto* grid = new QGridLayout();
        int i = 0;
        for (const auto& option : m_question.options) {
            auto* box = new QCheckBox(fromStd(option.label), this);
            box->setObjectName(QStringLiteral("answer_%1_%2").arg(id, fromStd(option.value)));
            box->setAccessibleName(QStringLiteral("%1: %2").arg(label, box->text()));
            box->setProperty("code", fromStd(option.value));
            connect(box, &QCheckBox::toggled, this, [this] { noteEdited(); });
            grid->addWidget(box, i / 2, i % 2);
            m_boxes.push_back(box);
            ++i;
        }
        layout->addLayout(grid);
        m_first = m_boxes.empty() ? nullptr : m_boxes.front();
        break;
    }
    case AnswerType::Text:
        m_line =
            addLine(layout, QStringLiteral("answer_%1").arg(id), label, QuestionRow::tr("Leave empty if not known"));
        m_first = m_line;
        break;
    case AnswerType::Number:
        m_line = addLine(layout, QStringLiteral("answer_%1").arg(id), label,
                         m_question.min && m_question.max
                             ? QuestionRow::tr("A number from %1 to %2")
                                   .arg(DisplayText::number(*m_question.min), DisplayText::number(*m_question.max))
                             : QuestionRow::tr("A number"));
        m_line->setMaximumWidth(240);
        m_first = m_line;
        break;
    case AnswerType::Instant: {
        auto* row = new QHBoxLayout();
        m_line = addLine(row, QStringLiteral("answer_%1").arg(id), QuestionRow::tr("%1 (UK time)").arg(label),
                         QuestionRow::tr("dd/mm/yyyy hh:mm"));
        m_line->setMaximumWidth(240);
        row->addWidget(new QLabel(QuestionRow::tr("UK time"), this));
        row->addStretch(1);
        layout->addLayout(row);
        m_first = m_line;
        break;
    }
    case AnswerType::DateRange: {
        auto* row = new QHBoxLayout();
        row->addWidget(new QLabel(QuestionRow::tr("From"), this));
        m_line = addLine(row, QStringLiteral("answer_%1_from").arg(id),
                         QuestionRow::tr("%1: from (UK time)").arg(label), QuestionRow::tr("dd/mm/yyyy [hh:mm]"));
        // Issue 15: wide enough for the whole placeholder ("dd/mm/yyyy [hh:…" was cut).
        const auto fitPlaceholder = [](QLineEdit* line) {
            const QFontMetrics metrics = line->fontMetrics();
            line->setFixedWidth(metrics.horizontalAdvance(line->placeholderText()) + 4 * metrics.averageCharWidth());
        };
        fitPlaceholder(m_line);
        row->addWidget(new QLabel(QuestionRow::tr("To"), this));
        m_line2 = addLine(row, QStringLiteral("answer_%1_to").arg(id), QuestionRow::tr("%1: to (UK time)").arg(label),
                          QuestionRow::tr("dd/mm/yyyy [hh:mm]"));
        fitPlaceholder(m_line2);
        row->addWidget(new QLabel(QuestionRow::tr("UK time"), this));
        row->addStretch(1);
        layout->addLayout(row);
        m_first = m_line;
        break;
    }
    }
}

void QuestionRow::clearEditor()
{
    if (m_group != nullptr) {
        m_unknown->setChecked(true);
    }
    if (m_combo != nullptr) {
        m_combo->setCurrentIndex(0);
    }
    for (auto* box : m_boxes) {
        box->setChecked(false);
    }
    if (m_line != nullptr) {
        m_line->clear();
    }
    if (m_line2 != nullptr) {
        m_line2->clear();
    }
}

void QuestionRow::showValue(const FactValue& value)
{
    if (const auto* b = std::get_if<bool>(&value); b != nullptr && m_group != nullptr) {
        (*b ? m_yes : m_no)->setChecked(true);
    } else if (const auto* s = std::get_if<std::string>(&value)) {
        if (m_combo != nullptr) {
            m_combo->setCurrentIndex(std::max(0, m_combo->findData(fromStd(*s))));
        } else if (m_line != nullptr) {
            m_line->setText(fromStd(*s));
        }
    } else if (const auto* list = std::get_if<core::nom::TextList>(&value)) {
        for (auto* box : m_boxes) {
            const auto code = DisplayText::toStd(box->property("code").toString());
            box->setChecked(std::find(list->begin(), list->end(), code) != list->end());
        }
    } else if (const auto* d = std::get_if<double>(&value); d != nullptr && m_line != nullptr) {
        m_line->setText(DisplayText::number(*d));
    } else if (const auto* t = std::get_if<core::Instant>(&value); t != nullptr && m_line != nullptr) {
        m_line->setText(DisplayText::ukDateTime(*t));
    } else if (const auto* r = std::get_if<core::nom::DateRange>(&value); r != nullptr && m_line2 != nullptr) {
        m_line->setText(DisplayText::ukDateTime(r->from));
        m_line2->setText(DisplayText::ukDateTime(r->to));
    }
}

void QuestionRow::showError(const QString& text)
{
    m_error->showMessage(text);
}

void QuestionRow::clearError()
{
    m_error->clearMessage();
}

} // namespace wb::ui
