// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/EnquiryDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/plan/EnquiryProgress.h"
#include "core/reference/ReferenceData.h"
#include "ui/plan/OptionalDateEdit.h"
#include "ui/records/RecordForm.h"
#include "ui/session/Catalogues.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/text/FieldLabels.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

constexpr const char* Type = "enquiry";

QPlainTextEdit* longText(QWidget* parent, const QString& objectName)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true); // Tab moves on, as in every other field
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 6 + 12);
    return edit;
}

} // namespace

EnquiryDialog::EnquiryDialog(const CaseContext& context, Mode mode, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("enquiryDialog"));
    switch (mode) {
    case Mode::Accept: setWindowTitle(tr("Accept line of enquiry")); break;
    case Mode::Own: setWindowTitle(tr("Add your own line of enquiry")); break;
    case Mode::Edit: setWindowTitle(tr("Tracked line of enquiry")); break;
    }
    build();
    updateVisibility();
}

EnquiryDialog::Row& EnquiryDialog::addRow(
    QFormLayout* form, const std::string& key, const QString& text, QWidget* editor, const QString& help)
{
    auto* container = new QWidget(form->parentWidget());
    auto* column = new QVBoxLayout(container);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(editor);
    if (!help.isEmpty()) {
        auto* helpLabel = new QLabel(help, container);
        helpLabel->setWordWrap(true);
        helpLabel->setTextFormat(Qt::PlainText);
        helpLabel->setObjectName(camelCase(key) + QStringLiteral("HelpLabel"));
        column->addWidget(helpLabel);
    }
    auto* message = new InlineMessage(container);
    message->setObjectName(camelCase(key) + QStringLiteral("ErrorLabel"));
    column->addWidget(message);
    auto* rowLabel = new QLabel(text, form->parentWidget());
    rowLabel->setBuddy(editor);
    if (editor->accessibleName().isEmpty()) {
        editor->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    }
    form->addRow(rowLabel, container);
    Row& row = m_rows[key];
    row = {editor, container, message};
    return row;
}

void EnquiryDialog::build()
{
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setObjectName(QStringLiteral("enquiryScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    m_heading = new QLabel(content);
    m_heading->setObjectName(QStringLiteral("enquiryHeadingLabel"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);

    auto* general = new QFormLayout();
    general->setRowWrapPolicy(QFormLayout::WrapLongRows);
    // QFormLayout::parentWidget() is null until the layout is installed: give rows the content widget.
    auto* generalHost = new QWidget(content);
    generalHost->setLayout(general);
    layout->addWidget(generalHost);

    if (m_mode == Mode::Own) {
        auto* title = new QLineEdit(generalHost);
        title->setObjectName(QStringLiteral("titleLineEdit"));
        title->setMaxLength(300);
        addRow(general, "title", tr("&Line of enquiry (required)"), title);
        auto* principle = new QComboBox(generalHost);
        principle->setObjectName(QStringLiteral("principleComboBox"));
        for (const char* code : {"suspect-focused", "disrupting-repeat-suspects", "victim-centred", "context-led",
                                 "digital-forensics", "victim-information"}) {
            principle->addItem(FieldLabels::option(Type, "principle", code), QString::fromLatin1(code));
        }
        addRow(general, "principle", tr("&Principle"), principle);
    }

    auto* owner = new QLineEdit(generalHost);
    owner->setObjectName(QStringLiteral("ownerLineEdit"));
    addRow(general, "owner", tr("&Owner (required)"), owner, tr("Who will carry out the enquiry."));
    if (m_context.workspace != nullptr && m_mode != Mode::Edit) {
        owner->setText(DisplayText::fromStd(m_context.workspace->info().owner.displayName));
    }

    const QDate today = DisplayText::toQDate(workspaceToday(m_context.workspace));
    m_due = new OptionalDateEdit(tr("No &due date"), today, generalHost);
    m_due->dateEdit()->setObjectName(QStringLiteral("dueOnDateEdit"));
    m_due->dateEdit()->setAccessibleName(tr("Due date"));
    m_due->noneBox()->setObjectName(QStringLiteral("noDueDateCheckBox"));
    m_due->noneBox()->setAccessibleName(tr("No due date"));
    addRow(general, "due_on", tr("Due"), m_due).editor = m_due->dateEdit();

    if (m_mode == Mode::Own) {
        m_intrudesBox = new QCheckBox(tr("It &intrudes on the victim's private life (device download, third-party "
                                         "records, sexual history, character)"),
                                      generalHost);
        m_intrudesBox->setObjectName(QStringLiteral("intrudesCheckBox"));
        m_intrudesBox->setAccessibleName(tr("Intrudes on the victim's private life"));
        general->addRow(m_intrudesBox);
        m_deviceBox = new QCheckBox(tr("It involves the victim's or a witness's &device"), generalHost);
        m_deviceBox->setObjectName(QStringLiteral("involvesDeviceCheckBox"));
        m_deviceBox->setAccessibleName(tr("Involves the victim's or a witness's device"));
        general->addRow(m_deviceBox);
        connect(m_intrudesBox, &QCheckBox::toggled, this, [this](bool on) {
            m_intrudes = on;
            updateVisibility();
        });
        connect(m_deviceBox, &QCheckBox::toggled, this, [this](bool on) {
            m_device = on;
            updateVisibility();
        });
    }

    // The credibility guardrail.
    m_guardrail = new QGroupBox(tr("Credibility guardrail: justification required"), content);
    m_guardrail->setObjectName(QStringLiteral("guardrailGroupBox"));
    auto* guardLayout = new QVBoxLayout(m_guardrail);
    m_guardrailText = new QLabel(m_guardrail);
    m_guardrailText->setObjectName(QStringLiteral("guardrailLabel"));
    m_guardrailText->setWordWrap(true);
    m_guardrailText->setTextFormat(Qt::PlainText);
    guardLayout->addWidget(m_guardrailText);
    auto* guardHost = new QWidget(m_guardrail);
    auto* guardForm = new QFormLayout(guardHost);
    guardForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    guardLayout->addWidget(guardHost);
    addRow(guardForm, "line_of_enquiry", tr("Reasonable line of enquiry it serves (required)"),
           longText(guardHost, QStringLiteral("lineOfEnquiryTextEdit")));
    addRow(guardForm, "necessity_proportionality", tr("Why it is &necessary and proportionate (required)"),
           longText(guardHost, QStringLiteral("necessityProportionalityTextEdit")));
    addRow(guardForm, "less_intrusive_options",
           tr("Less intrusive options considered and why they are not enough (required)"),
           longText(guardHost, QStringLiteral("lessIntrusiveOptionsTextEdit")));
    layout->addWidget(m_guardrail);

    if (m_mode == Mode::Edit) {
        m_tracking = new QGroupBox(tr("Progress"), content);
        m_tracking->setObjectName(QStringLiteral("progressGroupBox"));
        auto* form = new QFormLayout(m_tracking);
        auto* status = new QComboBox(m_tracking);
        status->setObjectName(QStringLiteral("statusComboBox"));
        for (const char* code : {"planned", "in_progress", "done", "not_possible"}) {
            status->addItem(FieldLabels::option(Type, "status", code), QString::fromLatin1(code));
        }
        addRow(form, "status", tr("&Status"), status);
        addRow(form, "result", tr("&Result"), longText(m_tracking, QStringLiteral("resultTextEdit")),
               tr("What was found, or why the enquiry was not possible (required for both)."));
        m_s37 = new OptionalDateEdit(tr("Not &given yet"), today, m_tracking);
        m_s37->dateEdit()->setObjectName(QStringLiteral("s37NoticeDateEdit"));
        m_s37->dateEdit()->setAccessibleName(tr("Date the s.37 notice was given"));
        m_s37->noneBox()->setObjectName(QStringLiteral("noS37NoticeCheckBox"));
        m_s37->noneBox()->setAccessibleName(tr("s.37 notice not given yet"));
        m_s37->setIsoDate({});
        addRow(form, "s37_notice_date", tr("Written notice under s.37 PCSC Act 2022 given on"), m_s37,
               tr("A victim's or witness's device cannot be examined before this notice."))
            .editor = m_s37->dateEdit();
        layout->addWidget(m_tracking);

        m_review = new QGroupBox(tr("Supervisory review"), content);
        m_review->setObjectName(QStringLiteral("supervisoryReviewGroupBox"));
        auto* reviewForm = new QFormLayout(m_review);
        auto* review = new QComboBox(m_review);
        review->setObjectName(QStringLiteral("supervisorReviewComboBox"));
        for (const char* code : {"pending", "approved", "refused"}) {
            review->addItem(FieldLabels::option(Type, "supervisor_review", code), QString::fromLatin1(code));
        }
        addRow(reviewForm, "supervisor_review", tr("Re&view"), review);
        auto* name = new QLineEdit(m_review);
        name->setObjectName(QStringLiteral("supervisorNameLineEdit"));
        addRow(reviewForm, "supervisor_name", tr("Reviewing supervisor"), name);
        auto* rank = new QComboBox(m_review);
        rank->setObjectName(QStringLiteral("supervisorRankComboBox"));
        rank->addItem(tr("— not recorded —"), QString());
        if (m_context.workspace != nullptr && m_context.workspace->lists().has("police-ranks")) {
            for (const auto& item : m_context.workspace->lists().list("police-ranks").items()) {
                rank->addItem(QString::fromStdString(item.label), QString::fromStdString(item.code));
            }
        }
        addRow(reviewForm, "supervisor_rank", tr("Supervisor's rank"), rank);
        auto* at = new QDateTimeEdit(m_review);
        at->setObjectName(QStringLiteral("supervisorReviewedAtEdit"));
        at->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
        at->setCalendarPopup(true);
        const QDateTime nowUk = DisplayText::toUkDateTime(workspaceNow(m_context.workspace));
        at->setDateTime(QDateTime(nowUk.date(), nowUk.time())); // UK wall-clock time
        addRow(reviewForm, "supervisor_reviewed_at", tr("Reviewed at (UK time)"), at);
        addRow(reviewForm, "supervisor_comment", tr("Supervisor's comment"),
               longText(m_review, QStringLiteral("supervisorCommentTextEdit")));
        const auto toggle = [this, review] {
            const bool decided = review->currentData().toString() != QLatin1String("pending");
            for (const char* key : {"supervisor_name", "supervisor_rank", "supervisor_reviewed_at"}) {
                m_rows[key].editor->setEnabled(decided);
            }
        };
        connect(review, &QComboBox::currentIndexChanged, this, toggle);
        toggle();
        layout->addWidget(m_review);
    }
    layout->addStretch(1);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("enquiryDialogMessage"));
    outer->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(m_mode == Mode::Accept ? tr("&Accept")
                              : m_mode == Mode::Own  ? tr("&Add enquiry")
                                                     : tr("Sa&ve"),
                              QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("okButton"));
    m_ok->setDefault(true);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_ok, &QPushButton::clicked, this, [this] { submit(); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    outer->addWidget(buttons);
}

void EnquiryDialog::updateVisibility()
{
    m_guardrail->setVisible(m_intrudes);
    QString text = tr("This line of enquiry intrudes on the victim's private life. It can be accepted only with the "
                      "reasonable line of enquiry it serves, why it is necessary and proportionate, and the less "
                      "intrusive options considered. It will be flagged for supervisory review and listed in the "
                      "Reviews tab until a supervisor approves or refuses it.");
    if (m_device) {
        text += QLatin1Char(' ') +
                tr("A device cannot be examined until the written notice under s.37 PCSC Act 2022 has been given "
                   "(record its date when the enquiry starts).");
    }
    m_guardrailText->setText(text);
    if (m_mode == Mode::Edit) {
        m_rows["s37_notice_date"].container->setVisible(m_device);
        if (auto* form = qobject_cast<QFormLayout*>(m_tracking->layout())) {
            form->setRowVisible(m_rows["s37_notice_date"].container, m_device);
        }
        m_review->setVisible(m_intrudes);
    }
    if (m_deviceBox != nullptr) {
        m_deviceBox->setEnabled(m_intrudes);
    }
    DialogFit::fit(*this, m_scroll, 560, true);
}

void EnquiryDialog::setItem(const core::plan::PlanItem& item)
{
    m_item = item;
    if (item.entry == nullptr) {
        return;
    }
    m_intrudes = item.entry->intrudesOnVictimPrivacy;
    m_device = m_intrudes && item.entry->category == core::nom::EnquiryCategory::DigitalForensics;
    m_heading->setText(DisplayText::fromStd(item.entry->title)); // the catalogue id is stored, not shown
    if (item.proposal && item.proposal->due) {
        m_due->setIsoDate(core::plan::londonDate(*item.proposal->due));
    } else {
        m_due->setIsoDate({});
    }
    updateVisibility();
}

void EnquiryDialog::load(const core::Record& record)
{
    m_record = record;
    m_intrudes = record.get("intrudes") == "1";
    m_device = record.get("involves_device") == "1";
    m_heading->setText(DisplayText::fromStd(record.get("title"))); // catalogue id and version: Sources view
    static_cast<QLineEdit*>(m_rows["owner"].editor)->setText(DisplayText::fromStd(record.get("owner")));
    m_due->setIsoDate(record.get("due_on"));
    for (const char* key :
         {"line_of_enquiry", "necessity_proportionality", "less_intrusive_options", "result", "supervisor_comment"}) {
        static_cast<QPlainTextEdit*>(m_rows[key].editor)->setPlainText(DisplayText::fromStd(record.get(key)));
    }
    const auto choose = [this, &record](const char* key) {
        auto* combo = static_cast<QComboBox*>(m_rows[key].editor);
        const int index = combo->findData(DisplayText::fromStd(record.get(key)));
        combo->setCurrentIndex(index < 0 ? 0 : index);
    };
    choose("status");
    choose("supervisor_review");
    choose("supervisor_rank");
    static_cast<QLineEdit*>(m_rows["supervisor_name"].editor)
        ->setText(DisplayText::fromStd(record.get("supervisor_name")));
    if (const auto at = core::parseIsoUtc(record.get("supervisor_reviewed_at"))) {
        const QDateTime uk = DisplayText::toUkDateTime(*at);
        static_cast<QDateTimeEdit*>(m_rows["supervisor_reviewed_at"].editor)
            ->setDateTime(QDateTime(uk.date(), uk.time()));
    }
    m_s37->setIsoDate(record.get("s37_notice_date"));
    updateVisibility();
}

void EnquiryDialog::focusReview()
{
    if (m_review != nullptr && m_rows.count("supervisor_review") != 0) {
        m_scroll->ensureWidgetVisible(m_review, 0, 0);
        m_rows["supervisor_review"].editor->setFocus();
    }
}

std::string EnquiryDialog::text(const std::string& key) const
{
    const auto it = m_rows.find(key);
    if (it == m_rows.end()) {
        return {};
    }
    if (const auto* line = qobject_cast<QLineEdit*>(it->second.editor)) {
        return DisplayText::toStd(line->text());
    }
    if (const auto* plain = qobject_cast<QPlainTextEdit*>(it->second.editor)) {
        return DisplayText::toStd(plain->toPlainText());
    }
    if (const auto* combo = qobject_cast<QComboBox*>(it->second.editor)) {
        return DisplayText::toStd(combo->currentData().toString());
    }
    return {};
}

void EnquiryDialog::clearMessages()
{
    for (auto& [key, row] : m_rows) {
        row.message->clearMessage();
    }
    m_message->clearMessage();
}

void EnquiryDialog::showRefusal(const core::Error& error)
{
    const QString message = ErrorText::planMessage(error);
    const auto it = m_rows.find(error.field());
    if (it != m_rows.end() && it->second.container->isVisibleTo(this)) {
        it->second.message->showMessage(message);
        it->second.editor->setFocus();
        m_scroll->ensureWidgetVisible(it->second.container);
        m_message->showMessage(tr("Not saved: correct the field marked above."));
    } else {
        m_message->showMessage(message);
    }
}

bool EnquiryDialog::submit()
{
    clearMessages();
    if (m_context.workspace == nullptr) {
        return false;
    }
    const core::Instant now = workspaceNow(m_context.workspace);
    const std::string due = m_due->isoDate();
    try {
        switch (m_mode) {
        case Mode::Accept: {
            if (!m_item || m_context.catalogues == nullptr || !m_context.catalogues->enquiries ||
                !m_context.catalogues->questions) {
                return false;
            }
            core::plan::AcceptRequest request;
            request.enquiryId = m_item->enquiryId;
            request.owner = text("owner"); // core refuses a blank owner
            request.dueOn = due;
            if (m_intrudes) {
                request.lineOfEnquiry = text("line_of_enquiry");
                request.necessityProportionality = text("necessity_proportionality");
                request.lessIntrusiveOptions = text("less_intrusive_options");
            }
            m_saved = core::plan::accept(*m_context.workspace, m_context.caseId, *m_context.catalogues->enquiries,
                                         *m_context.catalogues->questions, request, now);
            break;
        }
        case Mode::Own: {
            core::plan::OwnEnquiry own;
            own.title = text("title");
            own.principle = text("principle");
            own.owner = text("owner"); // core refuses a blank owner
            own.dueOn = due;
            own.intrudes = m_intrudes;
            own.involvesDevice = m_device;
            if (m_intrudes) {
                own.lineOfEnquiry = text("line_of_enquiry");
                own.necessityProportionality = text("necessity_proportionality");
                own.lessIntrusiveOptions = text("less_intrusive_options");
            }
            m_saved = core::plan::addOwn(*m_context.workspace, m_context.caseId, own, now);
            break;
        }
        case Mode::Edit: {
            if (!m_record) {
                return false;
            }
            core::plan::EnquiryProgress progress;
            progress.owner = text("owner");
            progress.dueOn = due;
            progress.status = text("status");
            progress.result = text("result");
            progress.s37NoticeDate = m_s37->isoDate();
            progress.justification = {text("line_of_enquiry"), text("necessity_proportionality"),
                                      text("less_intrusive_options")};
            const auto* at = static_cast<QDateTimeEdit*>(m_rows["supervisor_reviewed_at"].editor);
            progress.review = {text("supervisor_review"), text("supervisor_name"), text("supervisor_rank"),
                               DisplayText::instantFromUk(at->date(), at->time()), text("supervisor_comment")};
            m_saved = core::plan::recordProgress(*m_context.workspace, m_record->id, progress);
            break;
        }
        }
    } catch (const core::Error& error) {
        showRefusal(error);
        return false;
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
        return false;
    }
    accept();
    return true;
}

QWidget* EnquiryDialog::editor(std::string_view key) const
{
    const auto it = m_rows.find(key);
    return it == m_rows.end() ? nullptr : it->second.editor;
}

QString EnquiryDialog::fieldMessage(std::string_view key) const
{
    const auto it = m_rows.find(key);
    return it == m_rows.end() || !it->second.message->isVisibleTo(this) ? QString() : it->second.message->text();
}

QString EnquiryDialog::formMessage() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

QString EnquiryDialog::guardrailText() const
{
    return m_guardrail->isVisibleTo(this) ? m_guardrailText->text() : QString();
}

} // namespace wb::ui
