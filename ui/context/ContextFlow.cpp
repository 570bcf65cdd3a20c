// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/context/ContextFlow.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <tuple>
#include <variant>

#include <QAbstractButton>
#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/QuestionCatalogue.h"
#include "ui/session/Catalogues.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
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

QString numberText(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

/// One question of the guided flow: its text, help, an editor built from its type, the inline error, its last
/// change and the "Not known" and "History…" buttons. No signals of its own: the flow passes callbacks.
class QuestionRow final : public QFrame
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::QuestionRow)

public:
    QuestionRow(const Question& question, QWidget* parent)
        : QFrame(parent)
        , m_question(question)
    {
        const QString id = fromStd(question.id);
        setObjectName(QStringLiteral("question_%1").arg(id));
        setFrameShape(QFrame::StyledPanel);
        auto* layout = new QVBoxLayout(this);
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
        buildEditor(layout);
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

    const Question& question() const { return m_question; }
    QPushButton* notKnownButton() const { return m_notKnownButton; }
    QPushButton* historyButton() const { return m_historyButton; }
    bool isModified() const { return m_modified; }
    std::function<void()> onEdited;

    QWidget* firstEditor() const { return m_first; }

    /// Shows the saved answer (or none) and forgets any edit.
    void setSaved(const std::optional<FactValue>& value)
    {
        m_loading = true;
        clearEditor();
        if (value) {
            showValue(*value);
        }
        m_loading = false;
        m_modified = false;
        m_error->clearMessage();
    }

    void setLastChange(const QString& text)
    {
        m_lastChange->setText(text);
        m_lastChange->setAccessibleName(text);
    }

    void showError(const QString& text) { m_error->showMessage(text); }
    void clearError() { m_error->clearMessage(); }

    /// The edited answer: std::nullopt for "not known". Sets *error (and returns nullopt) when the text cannot
    /// be read as the question's type.
    std::optional<FactValue> edited(QString* error) const
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

    /// A translated message for a value core refused (core's own text is not shown).
    QString refusedText(const std::optional<FactValue>& value) const
    {
        switch (m_question.type) {
        case AnswerType::Number: return rangeText(QuestionRow::tr("This number is not allowed here."));
        case AnswerType::DateRange:
            if (value && std::holds_alternative<core::nom::DateRange>(*value)) {
                const auto& range = std::get<core::nom::DateRange>(*value);
                if (range.from > range.to) {
                    return QuestionRow::tr("The start of the period must not be after its end.");
                }
            }
            return QuestionRow::tr("Enter a real period: from and to dates in UK time.");
        case AnswerType::Text: return QuestionRow::tr("Enter the text on one line, without control characters.");
        case AnswerType::Choice:
        case AnswerType::MultiChoice: return QuestionRow::tr("Choose from the options offered.");
        case AnswerType::Instant: return QuestionRow::tr("Enter a real date and time in UK time.");
        case AnswerType::YesNo: break;
        }
        return QuestionRow::tr("This answer is not valid for the question.");
    }

    /// The answer as text for the summary and the history.
    static QString valueText(const Question& q, const FactValue& value)
    {
        return std::visit(
            [&q](const auto& v) -> QString {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, bool>) {
                    return v ? QuestionRow::tr("Yes") : QuestionRow::tr("No");
                } else if constexpr (std::is_same_v<T, double>) {
                    return numberText(v);
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

private:
    QString rangeText(const QString& lead) const
    {
        if (m_question.min && m_question.max) {
            return QuestionRow::tr("%1 Enter a number from %2 to %3.")
                .arg(lead, numberText(*m_question.min), numberText(*m_question.max));
        }
        return lead;
    }

    void noteEdited()
    {
        if (m_loading) {
            return;
        }
        m_modified = true;
        if (onEdited) {
            onEdited();
        }
    }

    QLineEdit* addLine(QLayout* layout, const QString& objectName, const QString& accessible, const QString& hint)
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

    void buildEditor(QVBoxLayout* layout)
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
            const std::pair<QRadioButton*, const char*> buttons[] = {
                {m_yes, "yes"}, {m_no, "no"}, {m_unknown, "unknown"}};
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
            m_line = addLine(layout, QStringLiteral("answer_%1").arg(id), label,
                             QuestionRow::tr("Leave empty if not known"));
            m_first = m_line;
            break;
        case AnswerType::Number:
            m_line = addLine(layout, QStringLiteral("answer_%1").arg(id), label,
                             m_question.min && m_question.max
                                 ? QuestionRow::tr("A number from %1 to %2")
                                       .arg(numberText(*m_question.min), numberText(*m_question.max))
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
            m_line->setMaximumWidth(200);
            row->addWidget(new QLabel(QuestionRow::tr("To"), this));
            m_line2 = addLine(row, QStringLiteral("answer_%1_to").arg(id),
                              QuestionRow::tr("%1: to (UK time)").arg(label), QuestionRow::tr("dd/mm/yyyy [hh:mm]"));
            m_line2->setMaximumWidth(200);
            row->addWidget(new QLabel(QuestionRow::tr("UK time"), this));
            row->addStretch(1);
            layout->addLayout(row);
            m_first = m_line;
            break;
        }
        }
    }

    void clearEditor()
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

    void showValue(const FactValue& value)
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
            m_line->setText(numberText(*d));
        } else if (const auto* t = std::get_if<core::Instant>(&value); t != nullptr && m_line != nullptr) {
            m_line->setText(DisplayText::ukDateTime(*t));
        } else if (const auto* r = std::get_if<core::nom::DateRange>(&value); r != nullptr && m_line2 != nullptr) {
            m_line->setText(DisplayText::ukDateTime(r->from));
            m_line2->setText(DisplayText::ukDateTime(r->to));
        }
    }

    const Question& m_question;
    bool m_loading = false;
    bool m_modified = false;
    QWidget* m_first = nullptr;
    QButtonGroup* m_group = nullptr;
    QRadioButton* m_yes = nullptr;
    QRadioButton* m_no = nullptr;
    QRadioButton* m_unknown = nullptr;
    QComboBox* m_combo = nullptr;
    std::vector<QCheckBox*> m_boxes;
    QLineEdit* m_line = nullptr;
    QLineEdit* m_line2 = nullptr;
    InlineMessage* m_error = nullptr;
    QLabel* m_lastChange = nullptr;
    QPushButton* m_notKnownButton = nullptr;
    QPushButton* m_historyButton = nullptr;
};

ContextFlow::ContextFlow(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("contextFlowWidget"));
    if (m_context.catalogues != nullptr) {
        m_questions = m_context.catalogues->questions.get();
    }
    auto* outer = new QVBoxLayout(this);

    auto* top = new QHBoxLayout();
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("contextProgressLabel"));
    m_progressLabel->setTextFormat(Qt::PlainText);
    top->addWidget(m_progressLabel);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("contextProgressBar"));
    m_progressBar->setAccessibleName(tr("Questions answered"));
    m_progressBar->setMaximumWidth(300);
    top->addWidget(m_progressBar);
    top->addStretch(1);
    outer->addLayout(top);

    auto* body = new QHBoxLayout();
    m_stepList = new QListWidget(this);
    m_stepList->setObjectName(QStringLiteral("contextStepList"));
    m_stepList->setAccessibleName(tr("Steps of the context questions"));
    m_stepList->setMaximumWidth(280);
    m_stepList->setMinimumWidth(220);
    body->addWidget(m_stepList);

    auto* right = new QVBoxLayout();
    m_stepTitle = new QLabel(this);
    m_stepTitle->setObjectName(QStringLiteral("contextStepTitle"));
    m_stepTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_stepTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_stepTitle->setFont(titleFont);
    right->addWidget(m_stepTitle);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("contextPages"));
    right->addWidget(m_pages, 1);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("contextMessage"));
    right->addWidget(m_message);
    auto* buttons = new QHBoxLayout();
    m_backButton = new QPushButton(tr("◀ Back (Alt+B)"), this);
    m_backButton->setObjectName(QStringLiteral("contextBackButton"));
    m_backButton->setToolTip(tr("Save this step's answers and go to the previous step (Alt+B)"));
    m_backButton->setAccessibleName(tr("Back to the previous step"));
    m_saveButton = new QPushButton(tr("Save &answers"), this);
    m_saveButton->setObjectName(QStringLiteral("contextSaveButton"));
    m_saveButton->setToolTip(tr("Save the answers changed on this step (Ctrl+S)"));
    m_nextButton = new QPushButton(tr("Next (Alt+N) ▶"), this);
    m_nextButton->setObjectName(QStringLiteral("contextNextButton"));
    m_nextButton->setToolTip(tr("Save this step's answers and go to the next step (Alt+N)"));
    m_nextButton->setAccessibleName(tr("Next step"));
    buttons->addWidget(m_backButton);
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_nextButton);
    right->addLayout(buttons);
    body->addLayout(right, 1);
    outer->addLayout(body, 1);

    if (m_questions == nullptr || m_context.workspace == nullptr) {
        m_stepTitle->setText(tr("The context questions could not be loaded."));
        m_backButton->setEnabled(false);
        m_nextButton->setEnabled(false);
        m_saveButton->setEnabled(false);
        return;
    }

    buildQuestionStep(static_cast<int>(core::nom::ContextGroup::Relationship), tr("Relationship context"),
                      tr("How the victim and the suspect know each other. The relationship shapes the lines of "
                         "enquiry and safeguarding; it never makes an offence less serious."));
    buildQuestionStep(static_cast<int>(core::nom::ContextGroup::Victim), tr("Victim's context"),
                      tr("The victim's wishes, needs and circumstances, recorded as facts to plan support, safe "
                         "contact and any adjustments. Nothing here is a judgement about the victim or their "
                         "account."));
    buildQuestionStep(static_cast<int>(core::nom::ContextGroup::Suspect), tr("Suspect's context"),
                      tr("What is known about the suspect: identity, previous reports and intelligence, access to "
                         "the victim and others, and digital contact. The investigation starts here."));
    buildQuestionStep(static_cast<int>(core::nom::ContextGroup::Offence), tr("Offence circumstances"),
                      tr("When and where, and the circumstances that open lines of enquiry and forensic "
                         "opportunities. The time of last contact starts the forensic windows."));
    buildSummaryStep();
    for (int i = 0; i < stepCount(); ++i) {
        auto* item = new QListWidgetItem(m_stepList);
        item->setData(Qt::UserRole, i);
    }

    // Tab order: steps, the page, then the buttons.
    setTabOrder(m_stepList, m_pages);
    setTabOrder(m_backButton, m_saveButton);
    setTabOrder(m_saveButton, m_nextButton);

    connect(m_stepList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_moving && row >= 0 && row != m_pages->currentIndex()) {
            goToStep(row);
        }
    });
    connect(m_backButton, &QPushButton::clicked, this, [this] {
        if (goToStep(currentStep() - 1)) {
            focusFirstAnswer();
        }
    });
    connect(m_nextButton, &QPushButton::clicked, this, [this] {
        if (goToStep(currentStep() + 1)) {
            focusFirstAnswer();
        }
    });
    connect(m_saveButton, &QPushButton::clicked, this, &ContextFlow::save);
    // Alt+B / Alt+N anywhere in the tab (actions rather than mnemonics, so they work from any answer field).
    for (auto [button, key, name] : {std::tuple{m_backButton, Qt::Key_B, "contextBackAction"},
                                     std::tuple{m_nextButton, Qt::Key_N, "contextNextAction"}}) {
        auto* action = new QAction(this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(QKeySequence(Qt::ALT | key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QPushButton* target = button;
        connect(action, &QAction::triggered, target, [target] {
            if (target->isEnabled()) {
                target->click();
            }
        });
        addAction(action);
    }
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::contextChanged, this, &ContextFlow::contextChanged);
    }

    reload();
    m_moving = true;
    m_stepList->setCurrentRow(0);
    m_moving = false;
    m_pages->setCurrentIndex(0);
    updateButtons();
}

ContextFlow::~ContextFlow() = default;

void ContextFlow::buildQuestionStep(int group, const QString& title, const QString& intro)
{
    Step step;
    step.title = title;
    auto* scroll = new QScrollArea(m_pages);
    scroll->setObjectName(QStringLiteral("contextStepPage%1").arg(m_steps.size()));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    auto* introLabel = new QLabel(intro, content);
    introLabel->setObjectName(QStringLiteral("contextStepIntro%1").arg(m_steps.size()));
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);
    introLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #eef4fb; border: 1px solid #9bb8d8; padding: 4px; }"));
    layout->addWidget(introLabel);
    for (const Question& question : m_questions->questions()) {
        if (static_cast<int>(question.group) != group) {
            continue;
        }
        auto* row = new QuestionRow(question, content);
        row->onEdited = [this] { rowEdited(); };
        connect(row->notKnownButton(), &QPushButton::clicked, this, [this, row] { withdraw(*row); });
        connect(row->historyButton(), &QPushButton::clicked, this, [this, row] { showHistory(*row); });
        layout->addWidget(row);
        step.rows.push_back(row);
    }
    layout->addStretch(1);
    scroll->setWidget(content);
    step.page = scroll;
    m_pages->addWidget(scroll);
    m_steps.push_back(std::move(step));
}

void ContextFlow::buildSummaryStep()
{
    Step step;
    step.title = tr("Summary");
    m_summary = new QTextBrowser(m_pages);
    m_summary->setObjectName(QStringLiteral("contextSummaryBrowser"));
    m_summary->setAccessibleName(tr("Summary of the context"));
    m_summary->setOpenLinks(false);
    step.page = m_summary;
    m_pages->addWidget(m_summary);
    m_steps.push_back(std::move(step));
}

void ContextFlow::focusFirstAnswer()
{
    for (QuestionRow* row : m_steps[static_cast<std::size_t>(currentStep())].rows) {
        if (!row->isHidden() && row->firstEditor() != nullptr) {
            row->firstEditor()->setFocus(Qt::TabFocusReason);
            return;
        }
    }
    // The summary: keep the keyboard on the buttons.
    QWidget* target = m_backButton->isEnabled() ? static_cast<QWidget*>(m_backButton) : m_stepList;
    target->setFocus(Qt::TabFocusReason);
}

int ContextFlow::currentStep() const
{
    return m_pages->currentIndex();
}

int ContextFlow::stepCount() const
{
    return static_cast<int>(m_steps.size());
}

QString ContextFlow::stepLabel(int step) const
{
    const Step& s = m_steps[static_cast<std::size_t>(step)];
    if (s.rows.empty()) {
        return tr("%1. %2").arg(step + 1).arg(s.title);
    }
    int shown = 0;
    int answered = 0;
    for (const QuestionRow* row : s.rows) {
        if (!row->isHidden()) {
            ++shown;
            answered += m_facts.count(row->question().id) != 0 ? 1 : 0;
        }
    }
    return tr("%1. %2 (%3 of %4)").arg(step + 1).arg(s.title).arg(answered).arg(shown);
}

bool ContextFlow::goToStep(int step)
{
    if (step < 0 || step >= stepCount() || m_questions == nullptr) {
        return false;
    }
    if (step != currentStep() && !save()) {
        m_moving = true;
        m_stepList->setCurrentRow(currentStep());
        m_moving = false;
        return false;
    }
    m_pages->setCurrentIndex(step);
    m_moving = true;
    m_stepList->setCurrentRow(step);
    m_moving = false;
    if (step == stepCount() - 1) {
        updateSummary();
    }
    updateButtons();
    return true;
}

void ContextFlow::updateButtons()
{
    const int step = currentStep();
    m_backButton->setEnabled(step > 0);
    m_nextButton->setEnabled(step < stepCount() - 1);
    m_saveButton->setEnabled(!m_steps[static_cast<std::size_t>(step)].rows.empty());
    m_stepTitle->setText(
        tr("Step %1 of %2: %3").arg(step + 1).arg(stepCount()).arg(m_steps[static_cast<std::size_t>(step)].title));
    for (int i = 0; i < stepCount(); ++i) {
        QListWidgetItem* item = m_stepList->item(i);
        const QString text = stepLabel(i);
        // The current step is marked by text as well as by the selection colour.
        item->setText(i == step ? tr("▶ %1").arg(text) : text);
        item->setData(Qt::AccessibleTextRole, i == step ? tr("Current step: %1").arg(text) : text);
    }
}

bool ContextFlow::loadStored()
{
    if (m_context.workspace == nullptr || m_context.workspace->isLocked() || m_questions == nullptr) {
        return false;
    }
    try {
        auto facts = m_context.workspace->context().facts(m_context.caseId, *m_questions);
        std::map<std::string, Change> latest;
        // Stored oldest first: the last one for a question is its latest change.
        for (const auto& stored : m_context.workspace->context().storedAnswers(m_context.caseId)) {
            latest[stored.questionId] = Change{stored.answeredAt, stored.answeredBy};
        }
        m_facts = std::move(facts);
        m_latest = std::move(latest);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        return false;
    }
    return true;
}

void ContextFlow::reload()
{
    if (loadStored()) {
        refreshRows(true);
    }
}

void ContextFlow::refreshRows(bool resetEditors)
{
    if (m_questions == nullptr || m_steps.empty()) {
        return; // no catalogue: the tab only says so
    }
    for (Step& step : m_steps) {
        for (QuestionRow* row : step.rows) {
            const std::string& id = row->question().id;
            const auto fact = m_facts.find(id);
            if (resetEditors || !row->isModified()) {
                row->setSaved(fact == m_facts.end() ? std::nullopt : std::optional<FactValue>(fact->second));
            }
            const auto latest = m_latest.find(id);
            if (latest == m_latest.end()) {
                row->setLastChange(tr("Not answered yet."));
                row->historyButton()->setEnabled(false);
            } else {
                const QString when = DisplayText::ukDateTime(latest->second.at);
                const QString who = fromStd(latest->second.by);
                row->setLastChange(fact == m_facts.end() ? tr("Marked not known %1 by %2.").arg(when, who)
                                                         : tr("Answered %1 by %2.").arg(when, who));
                row->historyButton()->setEnabled(true);
            }
        }
    }
    updateVisibility();
    updateProgress();
    if (currentStep() == stepCount() - 1) {
        updateSummary();
    }
    updateButtons();
}

core::nom::Facts ContextFlow::effectiveFacts() const
{
    core::nom::Facts facts = m_facts;
    for (const Step& step : m_steps) {
        for (const QuestionRow* row : step.rows) {
            if (!row->isModified()) {
                continue;
            }
            QString error;
            const auto value = row->edited(&error);
            if (!error.isEmpty()) {
                continue;
            }
            if (value) {
                facts[row->question().id] = *value;
            } else {
                facts.erase(row->question().id);
            }
        }
    }
    return facts;
}

void ContextFlow::updateVisibility()
{
    const auto facts = effectiveFacts();
    const core::Instant now = core::nowUtc();
    for (Step& step : m_steps) {
        for (QuestionRow* row : step.rows) {
            const bool visible = m_questions->isVisible(row->question(), facts, now);
            // A question that no longer applies keeps its stored answer; only its row is hidden.
            row->setHidden(!visible);
        }
    }
}

void ContextFlow::updateProgress()
{
    if (m_questions == nullptr) {
        return; // no catalogue: the tab shows why instead
    }
    const auto visible = m_questions->visibleQuestions(m_facts, core::nowUtc());
    int answered = 0;
    for (const Question* q : visible) {
        answered += m_facts.count(q->id) != 0 ? 1 : 0;
    }
    const int shown = static_cast<int>(visible.size());
    const int waiting = static_cast<int>(m_questions->questions().size()) - shown;
    QString text = tr("%1 of %2 questions answered").arg(answered).arg(shown);
    if (waiting > 0) {
        text += tr(" (%n more depend on earlier answers)", nullptr, waiting);
    }
    m_progressLabel->setText(text);
    m_progressLabel->setAccessibleName(text);
    m_progressBar->setRange(0, std::max(shown, 1));
    m_progressBar->setValue(answered);
    m_progressBar->setFormat(tr("%v of %m"));
}

std::vector<std::string> ContextFlow::importantFacts() const
{
    // Important: a fact that a line of enquiry's condition or a journey checklist item reads.
    std::set<std::string> keys;
    if (m_context.catalogues != nullptr && m_context.catalogues->enquiries) {
        for (const auto& entry : m_context.catalogues->enquiries->entries()) {
            for (auto& key : entry.when.factKeys()) {
                keys.insert(std::move(key));
            }
        }
    }
    if (m_context.catalogues != nullptr && m_context.catalogues->journey) {
        std::function<void(const core::nom::DoneWhen&)> collect = [&](const core::nom::DoneWhen& d) {
            if (d.kind == core::nom::DoneWhen::Kind::Fact) {
                keys.insert(d.fact);
            }
            for (const auto& a : d.any) {
                collect(a);
            }
        };
        for (const auto& stage : m_context.catalogues->journey->stages()) {
            for (const auto& item : stage.items) {
                if (item.doneWhen) {
                    collect(*item.doneWhen);
                }
            }
        }
    }
    return {keys.begin(), keys.end()};
}

void ContextFlow::updateSummary()
{
    if (m_summary == nullptr) {
        return;
    }
    const auto important = importantFacts();
    const auto visible = m_questions->visibleQuestions(m_facts, core::nowUtc());
    QString html;
    for (std::size_t i = 0; i + 1 < m_steps.size(); ++i) {
        const Step& step = m_steps[i];
        html += QStringLiteral("<h3>%1</h3>").arg(step.title.toHtmlEscaped());
        QString rows;
        for (const QuestionRow* row : step.rows) {
            const auto fact = m_facts.find(row->question().id);
            if (fact == m_facts.end()) {
                continue;
            }
            rows += QStringLiteral("<li><b>%1:</b> %2</li>")
                        .arg(fromStd(row->question().label).toHtmlEscaped(),
                             QuestionRow::valueText(row->question(), fact->second).toHtmlEscaped());
        }
        html += rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(tr("Nothing answered yet.").toHtmlEscaped())
                               : QStringLiteral("<ul>%1</ul>").arg(rows);
    }
    QString missing;
    for (const Question* q : visible) {
        if (m_facts.count(q->id) == 0 && std::binary_search(important.begin(), important.end(), q->id)) {
            missing += QStringLiteral("<li><b>%1</b>: %2</li>")
                           .arg(fromStd(q->label).toHtmlEscaped(), fromStd(q->text).toHtmlEscaped());
        }
    }
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Important questions not answered yet").toHtmlEscaped());
    html += missing.isEmpty()
                ? QStringLiteral("<p>%1</p>")
                      .arg(tr("None: every question that the plan or the journey checklists "
                              "use has an answer.")
                               .toHtmlEscaped())
                : QStringLiteral("<p>%1</p><ul>%2</ul>")
                      .arg(tr("These answers decide which lines of enquiry are proposed or what the journey "
                              "checklists count as done. Answer them when known, or leave them as not known.")
                               .toHtmlEscaped(),
                           missing);
    m_summary->setHtml(html);
}

void ContextFlow::rowEdited()
{
    m_message->clearMessage();
    updateVisibility();
    Q_EMIT modifiedChanged();
}

bool ContextFlow::saveRow(QuestionRow& row)
{
    row.clearError();
    QString parseError;
    const auto value = row.edited(&parseError);
    if (!parseError.isEmpty()) {
        row.showError(parseError);
        return false;
    }
    const std::string& id = row.question().id;
    const auto saved = m_facts.find(id);
    const bool unchanged = value ? (saved != m_facts.end() && saved->second == *value) : saved == m_facts.end();
    if (unchanged) {
        row.setSaved(value);
        return true;
    }
    try {
        if (value) {
            m_questions->validateAnswer(id, *value);
        }
        m_context.workspace->context().answer(m_context.caseId, id, value, *m_questions);
    } catch (const core::Error& error) {
        if (error.code() == core::ErrorCode::Validation) {
            row.showError(row.refusedText(value));
        } else {
            row.showError(ErrorText::message(error));
        }
        return false;
    } catch (const std::exception&) {
        row.showError(ErrorText::unexpected());
        return false;
    }
    row.setSaved(value);
    return true;
}

bool ContextFlow::save()
{
    if (m_questions == nullptr || m_context.workspace == nullptr) {
        return false;
    }
    m_message->clearMessage();
    bool ok = true;
    bool any = false;
    QuestionRow* firstBad = nullptr;
    for (QuestionRow* row : m_steps[static_cast<std::size_t>(currentStep())].rows) {
        if (!row->isModified()) {
            continue;
        }
        any = true;
        if (!saveRow(*row)) {
            ok = false;
            firstBad = firstBad == nullptr ? row : firstBad;
        }
    }
    if (any && loadStored()) {
        // Saved rows now show what is stored (who and when included); refused rows keep the officer's edit.
        refreshRows(false);
    }
    if (!ok) {
        m_message->showMessage(tr("Some answers on this step were not saved: see the messages beside them."));
        if (firstBad != nullptr && firstBad->firstEditor() != nullptr) {
            firstBad->firstEditor()->setFocus(Qt::OtherFocusReason);
        }
    } else if (any) {
        m_message->showMessage(tr("Answers saved."), InlineMessage::Kind::Information);
    }
    Q_EMIT modifiedChanged();
    return ok;
}

bool ContextFlow::hasUnsavedChanges() const
{
    for (const Step& step : m_steps) {
        for (const QuestionRow* row : step.rows) {
            if (row->isModified()) {
                return true;
            }
        }
    }
    return false;
}

void ContextFlow::discardChanges()
{
    m_message->clearMessage();
    refreshRows(true);
    Q_EMIT modifiedChanged();
}

void ContextFlow::withdraw(QuestionRow& row)
{
    m_message->clearMessage();
    row.clearError();
    const std::string& id = row.question().id;
    if (m_facts.count(id) != 0) {
        try {
            m_context.workspace->context().answer(m_context.caseId, id, std::nullopt, *m_questions);
        } catch (const core::Error& error) {
            row.showError(ErrorText::message(error));
            return;
        }
    }
    row.setSaved(std::nullopt);
    if (loadStored()) {
        refreshRows(false);
    }
    Q_EMIT modifiedChanged();
}

void ContextFlow::showHistory(const QuestionRow& row)
{
    std::vector<core::ContextAnswer> history;
    try {
        history = m_context.workspace->context().history(m_context.caseId, row.question().id, *m_questions);
    } catch (const core::Error& error) {
        m_message->showMessage(ErrorText::message(error));
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("contextHistoryDialog"));
    dialog.setWindowTitle(tr("History of an answer"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* heading = new QLabel(fromStd(row.question().text), &dialog);
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText);
    layout->addWidget(heading);
    auto* table = new QTableWidget(static_cast<int>(history.size()), 3, &dialog);
    table->setObjectName(QStringLiteral("contextHistoryTable"));
    table->setAccessibleName(tr("Every answer given, oldest first"));
    table->setHorizontalHeaderLabels({tr("When (UK time)"), tr("By"), tr("Answer")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    for (std::size_t i = 0; i < history.size(); ++i) {
        const auto& answer = history[i];
        const int r = static_cast<int>(i);
        table->setItem(r, 0, new QTableWidgetItem(DisplayText::ukDateTime(answer.answeredAt)));
        table->setItem(r, 1, new QTableWidgetItem(fromStd(answer.answeredBy)));
        table->setItem(r, 2,
                       new QTableWidgetItem(answer.value ? QuestionRow::valueText(row.question(), *answer.value)
                                                         : tr("Not known (answer withdrawn)")));
    }
    table->resizeColumnsToContents();
    layout->addWidget(table);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(box);
    dialog.resize(640, 320);
    table->setFocus();
    dialog.exec();
}

void ContextFlow::contextChanged(const core::ContextRepository::Event& event)
{
    if (event.caseId != m_context.caseId || m_questions == nullptr || m_context.workspace == nullptr ||
        m_context.workspace->isLocked()) {
        return;
    }
    if (!loadStored()) {
        return;
    }
    // Rows being edited keep the officer's edits; the others show the new answer.
    refreshRows(false);
}

} // namespace wb::ui
