// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/OverviewTab.h"
#include "ui/cases/FormValues.h"

#include <algorithm>
#include <exception>

#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/CaseDetails.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/ApproxDateEdit.h"
#include "ui/widgets/ElidingComboBox.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

QString itemLabel(const core::ReferenceItem& item)
{
    return DisplayText::fromStd(item.label); // provenance is on the Sources view
}

/// A combo of one reference list, with a first "Not recorded" entry (empty code).
QComboBox* listCombo(const core::ReferenceData& lists,
                     std::string_view kind,
                     const QString& objectName,
                     const QString& accessibleName,
                     QWidget* parent)
{
    // Long entries (a journey stage, an outcome) are shortened with "…" and whole in the tooltip, never clipped.
    auto* combo = new ElidingComboBox(24, parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    combo->addItem(OverviewTab::tr("Not recorded"), QString());
    for (const core::ReferenceItem& item : lists.list(kind).items()) {
        combo->addItem(itemLabel(item), DisplayText::fromStd(item.code));
    }
    return combo;
}

void selectCode(QComboBox* combo, const std::optional<std::string>& code)
{
    const QString value = code ? DisplayText::fromStd(*code) : QString();
    int index = combo->findData(value);
    if (index < 0 && !value.isEmpty()) {
        // A code the lists no longer hold: keep it visible rather than lose it.
        combo->addItem(OverviewTab::tr("%1 (not in the list)").arg(value), value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(0, index));
}

std::optional<std::string> selectedCode(const QComboBox* combo)
{
    const QString code = combo->currentData().toString();
    if (code.isEmpty()) {
        return std::nullopt;
    }
    return DisplayText::toStd(code);
}

std::optional<std::string> optionalText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    return DisplayText::toStd(trimmed);
}

/// The field's name as the officer sees it, for messages.
QString fieldLabel(const std::string& field)
{
    static const std::map<std::string, const char*> labels = {
        {"reference", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Crime reference")},
        {"operationName", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Operation")},
        {"primaryOffence", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Primary offence")},
        {"otherOffences", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Other offences")},
        {"offenceDate", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Offence date")},
        {"locationType", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Location type")},
        {"locationDescription", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Location description")},
        {"reportChannel", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "How reported")},
        {"reportedAt", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Reported")},
        {"journeyStage", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Journey stage")},
        {"outcomeCode", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Outcome")},
        {"outcomeDate", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Outcome date")},
        {"outcomeReason", QT_TRANSLATE_NOOP("wb::ui::OverviewTab", "Outcome reason")},
    };
    const auto it = labels.find(field);
    return it == labels.end() ? QString() : OverviewTab::tr(it->second);
}

} // namespace

OverviewTab::OverviewTab(const CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("overviewTabWidget"));
    core::Workspace& workspace = *m_context.workspace;
    const core::ReferenceData& lists = workspace.lists();

    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("overviewScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll, 1);
    auto* content = new QWidget(scroll);
    auto* columns = new QHBoxLayout(content);

    // Left: what happened and where.
    auto* offenceBox = new QGroupBox(tr("The offence"), content);
    auto* left = new QFormLayout(offenceBox);
    left->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_referenceEdit = new QLineEdit(offenceBox);
    m_referenceEdit->setObjectName(QStringLiteral("referenceLineEdit"));
    m_referenceEdit->setAccessibleName(tr("Crime reference"));
    m_referenceEdit->setMaxLength(40);
    left->addRow(tr("Crime &reference:"), m_referenceEdit);
    left->addRow(static_cast<QWidget*>(nullptr), addError("reference", offenceBox));
    m_operationEdit = new QLineEdit(offenceBox);
    m_operationEdit->setObjectName(QStringLiteral("operationLineEdit"));
    m_operationEdit->setAccessibleName(tr("Operation name"));
    m_operationEdit->setMaxLength(80);
    left->addRow(tr("O&peration:"), m_operationEdit);
    left->addRow(static_cast<QWidget*>(nullptr), addError("operationName", offenceBox));
    m_offenceCombo = new ElidingComboBox(24, offenceBox);
    m_offenceCombo->setObjectName(QStringLiteral("offenceComboBox"));
    m_offenceCombo->setAccessibleName(tr("Primary offence"));
    m_otherOffencesList = new QListWidget(offenceBox);
    m_otherOffencesList->setObjectName(QStringLiteral("otherOffencesListWidget"));
    m_otherOffencesList->setAccessibleName(tr("Other offences: tick each that applies"));
    m_otherOffencesList->setMinimumHeight(110);
    m_otherOffencesList->setMaximumHeight(220);
    // A long offence name is shortened with "…" (whole in its tooltip) rather than cut behind a sideways scroll bar.
    m_otherOffencesList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_otherOffencesList->setTextElideMode(Qt::ElideRight);
    for (const core::Offence& offence : workspace.offences().offences()) {
        const QString label = DisplayText::offenceLabel(offence);
        const QString code = DisplayText::fromStd(offence.code);
        m_offenceCombo->addItem(label, code);
        auto* item = new QListWidgetItem(label, m_otherOffencesList);
        item->setToolTip(label);
        item->setData(Qt::UserRole, code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    left->addRow(tr("Primary &offence:"), m_offenceCombo);
    left->addRow(static_cast<QWidget*>(nullptr), addError("primaryOffence", offenceBox));
    left->addRow(tr("Other o&ffences:"), m_otherOffencesList);
    left->addRow(static_cast<QWidget*>(nullptr), addError("otherOffences", offenceBox));
    m_offenceDateEdit = new ApproxDateEdit(DisplayText::toQDate(workspaceToday(m_context.workspace)), offenceBox);
    m_offenceDateEdit->setObjectName(QStringLiteral("offenceDateApproxDateEdit"));
    m_offenceDateEdit->setFieldName(tr("Offence date"));
    left->addRow(tr("Offence &date:"), m_offenceDateEdit);
    left->addRow(static_cast<QWidget*>(nullptr), addError("offenceDate", offenceBox));
    m_locationTypeCombo =
        listCombo(lists, "location-types", QStringLiteral("locationTypeComboBox"), tr("Location type"), offenceBox);
    left->addRow(tr("&Location type:"), m_locationTypeCombo);
    left->addRow(static_cast<QWidget*>(nullptr), addError("locationType", offenceBox));
    m_locationDescriptionEdit = new QLineEdit(offenceBox);
    m_locationDescriptionEdit->setObjectName(QStringLiteral("locationDescriptionLineEdit"));
    m_locationDescriptionEdit->setAccessibleName(tr("Location description"));
    m_locationDescriptionEdit->setMaxLength(200);
    left->addRow(tr("Location d&escription:"), m_locationDescriptionEdit);
    left->addRow(static_cast<QWidget*>(nullptr), addError("locationDescription", offenceBox));
    columns->addWidget(offenceBox, 1);

    // Right: the report, the journey and the outcome.
    auto* progressBox = new QGroupBox(tr("Report, journey and outcome"), content);
    auto* right = new QFormLayout(progressBox);
    right->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    right->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_reportChannelCombo =
        listCombo(lists, "report-channels", QStringLiteral("reportChannelComboBox"), tr("How reported"), progressBox);
    right->addRow(tr("&How reported:"), m_reportChannelCombo);
    right->addRow(static_cast<QWidget*>(nullptr), addError("reportChannel", progressBox));
    m_reportedEdit = new QDateTimeEdit(progressBox);
    m_reportedEdit->setObjectName(QStringLiteral("reportedDateTimeEdit"));
    m_reportedEdit->setAccessibleName(tr("When reported (UK time)"));
    m_reportedEdit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_reportedEdit->setCalendarPopup(true);
    right->addRow(tr("Reported (&UK time):"), m_reportedEdit);
    right->addRow(static_cast<QWidget*>(nullptr), addError("reportedAt", progressBox));
    m_journeyCombo = listCombo(lists, "journey-stages", QStringLiteral("journeyStageComboBox"),
                               tr("Investigator's journey stage"), progressBox);
    right->addRow(tr("&Journey stage:"), m_journeyCombo);
    m_guidanceLabel = new QLabel(progressBox);
    m_guidanceLabel->setObjectName(QStringLiteral("guidanceLabel"));
    m_guidanceLabel->setWordWrap(true);
    m_guidanceLabel->setTextFormat(Qt::PlainText);
    m_guidanceLabel->setStyleSheet(QStringLiteral("QLabel { color: palette(window-text); background: #eef4fb; "
                                                  "border: 1px solid #9bb8d8; padding: 4px; }"));
    m_guidanceLabel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    right->addRow(static_cast<QWidget*>(nullptr), m_guidanceLabel);
    right->addRow(static_cast<QWidget*>(nullptr), addError("journeyStage", progressBox));
    m_statusCombo = new QComboBox(progressBox);
    m_statusCombo->setObjectName(QStringLiteral("statusComboBox"));
    m_statusCombo->setAccessibleName(tr("Status"));
    for (const auto status : {core::CaseStatus::Open, core::CaseStatus::Closed}) {
        m_statusCombo->addItem(DisplayText::status(status), static_cast<int>(status));
    }
    right->addRow(tr("&Status:"), m_statusCombo);
    m_outcomeCombo =
        listCombo(lists, "outcome-codes", QStringLiteral("outcomeComboBox"), tr("Home Office outcome"), progressBox);
    m_outcomeCombo->setItemText(0, tr("No outcome yet"));
    right->addRow(tr("Ou&tcome:"), m_outcomeCombo);
    right->addRow(static_cast<QWidget*>(nullptr), addError("outcomeCode", progressBox));
    m_outcomeDateEdit = new QDateEdit(progressBox);
    m_outcomeDateEdit->setObjectName(QStringLiteral("outcomeDateEdit"));
    m_outcomeDateEdit->setAccessibleName(tr("Outcome date"));
    m_outcomeDateEdit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_outcomeDateEdit->setCalendarPopup(true);
    right->addRow(tr("Outcome d&ate:"), m_outcomeDateEdit);
    right->addRow(static_cast<QWidget*>(nullptr), addError("outcomeDate", progressBox));
    m_outcomeReasonEdit = new QPlainTextEdit(progressBox);
    m_outcomeReasonEdit->setObjectName(QStringLiteral("outcomeReasonPlainTextEdit"));
    m_outcomeReasonEdit->setAccessibleName(tr("Outcome reason"));
    m_outcomeReasonEdit->setTabChangesFocus(true);
    m_outcomeReasonEdit->setFixedHeight(m_outcomeReasonEdit->fontMetrics().lineSpacing() * 4);
    right->addRow(tr("Outcome rea&son:"), m_outcomeReasonEdit);
    right->addRow(static_cast<QWidget*>(nullptr), addError("outcomeReason", progressBox));
    columns->addWidget(progressBox, 1);
    columns->setAlignment(offenceBox, Qt::AlignTop);
    columns->setAlignment(progressBox, Qt::AlignTop);
    scroll->setWidget(content);

    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    outer->addWidget(m_errorMessage);
    m_savedMessage = new InlineMessage(this);
    m_savedMessage->setObjectName(QStringLiteral("savedLabel"));
    outer->addWidget(m_savedMessage);
    auto* buttons = new QHBoxLayout();
    buttons->addStretch(1);
    m_discardButton = new QPushButton(tr("&Undo changes"), this);
    m_discardButton->setObjectName(QStringLiteral("discardOverviewButton"));
    m_saveButton = new QPushButton(tr("&Save case details"), this);
    m_saveButton->setObjectName(QStringLiteral("saveOverviewButton"));
    m_saveButton->setToolTip(tr("Save the case details (Ctrl+S)"));
    buttons->addWidget(m_discardButton);
    buttons->addWidget(m_saveButton);
    outer->addLayout(buttons);

    connect(m_saveButton, &QPushButton::clicked, this, &OverviewTab::save);
    connect(m_discardButton, &QPushButton::clicked, this, &OverviewTab::discardChanges);
    for (QLineEdit* edit : {m_referenceEdit, m_operationEdit, m_locationDescriptionEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &OverviewTab::noteEdit);
    }
    for (QComboBox* combo :
         {m_offenceCombo, m_locationTypeCombo, m_reportChannelCombo, m_journeyCombo, m_statusCombo, m_outcomeCombo}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &OverviewTab::noteEdit);
    }
    connect(m_journeyCombo, &QComboBox::currentIndexChanged, this, &OverviewTab::updateGuidance);
    connect(m_outcomeCombo, &QComboBox::currentIndexChanged, this, &OverviewTab::updateOutcomeFields);
    connect(m_otherOffencesList, &QListWidget::itemChanged, this, &OverviewTab::noteEdit);
    connect(m_offenceDateEdit, &ApproxDateEdit::changed, this, &OverviewTab::noteEdit);
    connect(m_reportedEdit, &QDateTimeEdit::dateTimeChanged, this, &OverviewTab::noteEdit);
    connect(m_outcomeDateEdit, &QDateEdit::dateChanged, this, &OverviewTab::noteEdit);
    connect(m_outcomeReasonEdit, &QPlainTextEdit::textChanged, this, &OverviewTab::noteEdit);
    if (m_context.bridge != nullptr) {
        connect(m_context.bridge, &SignalBridge::caseChanged, this, &OverviewTab::caseChanged);
    }

    try {
        if (auto record = workspace.cases().find(m_context.caseId)) {
            load(*record);
        }
    } catch (const core::Error& e) {
        m_errorMessage->showMessage(ErrorText::message(e));
    }
}

OverviewTab::~OverviewTab() = default;

InlineMessage* OverviewTab::addError(const std::string& field, QWidget* parent)
{
    auto* message = new InlineMessage(parent);
    message->setObjectName(DisplayText::fromStd(field) + QStringLiteral("ErrorLabel"));
    m_errors[field] = message;
    return message;
}

void OverviewTab::load(const core::Case& record)
{
    m_loading = true;
    m_loaded = record;
    m_referenceEdit->setText(DisplayText::fromStd(record.reference));
    m_operationEdit->setText(record.operationName ? DisplayText::fromStd(*record.operationName) : QString());
    m_offenceCombo->setCurrentIndex(std::max(0, m_offenceCombo->findData(DisplayText::fromStd(record.primaryOffence))));
    for (int i = 0; i < m_otherOffencesList->count(); ++i) {
        QListWidgetItem* item = m_otherOffencesList->item(i);
        const std::string code = DisplayText::toStd(item->data(Qt::UserRole).toString());
        const bool on =
            std::find(record.otherOffences.begin(), record.otherOffences.end(), code) != record.otherOffences.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_offenceDateEdit->setValue(record.offenceDate);
    selectCode(m_locationTypeCombo, record.locationType);
    m_locationDescriptionEdit->setText(record.locationDescription ? DisplayText::fromStd(*record.locationDescription)
                                                                  : QString());
    selectCode(m_reportChannelCombo, record.reportChannel);
    const QDateTime reported = DisplayText::toUkDateTime(record.reportedAt);
    m_reportedEdit->setDateTime(QDateTime(reported.date(), reported.time()));
    selectCode(m_journeyCombo, record.journeyStage);
    m_statusCombo->setCurrentIndex(m_statusCombo->findData(static_cast<int>(record.status)));
    selectCode(m_outcomeCombo, record.outcomeCode);
    const QDate outcomeDate =
        record.outcomeDate ? QDate::fromString(DisplayText::fromStd(*record.outcomeDate), Qt::ISODate) : QDate();
    m_outcomeDateEdit->setDate(
        outcomeDate.isValid() ? outcomeDate : DisplayText::toUkDateTime(workspaceNow(m_context.workspace)).date());
    m_outcomeReasonEdit->setPlainText(record.outcomeReason ? DisplayText::fromStd(*record.outcomeReason) : QString());
    m_loading = false;
    updateGuidance();
    updateOutcomeFields();
    clearErrors();
    Q_EMIT modifiedChanged();
}

core::Case OverviewTab::edited() const
{
    core::Case record = m_loaded ? *m_loaded : core::Case{};
    record.reference = DisplayText::toStd(m_referenceEdit->text().trimmed());
    record.operationName = optionalText(m_operationEdit->text());
    record.primaryOffence = DisplayText::toStd(m_offenceCombo->currentData().toString());
    record.otherOffences.clear();
    for (int i = 0; i < m_otherOffencesList->count(); ++i) {
        const QListWidgetItem* item = m_otherOffencesList->item(i);
        if (item->checkState() == Qt::Checked) {
            record.otherOffences.push_back(DisplayText::toStd(item->data(Qt::UserRole).toString()));
        }
    }
    record.offenceDate = m_offenceDateEdit->value();
    record.locationType = selectedCode(m_locationTypeCombo);
    record.locationDescription = optionalText(m_locationDescriptionEdit->text());
    record.reportChannel = selectedCode(m_reportChannelCombo);
    const QDateTime reported = m_reportedEdit->dateTime();
    const core::Instant reportedAt = DisplayText::instantFromUk(reported.date(), reported.time());
    // Keep the stored seconds when the minute shown is unchanged.
    if (!m_loaded || std::chrono::floor<std::chrono::minutes>(reportedAt) !=
                         std::chrono::floor<std::chrono::minutes>(m_loaded->reportedAt)) {
        record.reportedAt = reportedAt;
    }
    record.journeyStage = selectedCode(m_journeyCombo);
    record.status = static_cast<core::CaseStatus>(m_statusCombo->currentData().toInt());
    record.outcomeCode = selectedCode(m_outcomeCombo);
    if (record.outcomeCode) {
        record.outcomeDate = DisplayText::toStd(m_outcomeDateEdit->date().toString(Qt::ISODate));
        record.outcomeReason = optionalText(m_outcomeReasonEdit->toPlainText());
    } else {
        record.outcomeDate.reset();
        record.outcomeReason = optionalText(m_outcomeReasonEdit->toPlainText());
    }
    return record;
}

bool OverviewTab::hasUnsavedChanges() const
{
    if (!m_loaded) {
        return false;
    }
    const core::Case now = edited();
    const core::Case& was = *m_loaded;
    return now.reference != was.reference || now.operationName != was.operationName ||
           now.primaryOffence != was.primaryOffence || now.otherOffences != was.otherOffences ||
           !(now.offenceDate == was.offenceDate) || now.locationType != was.locationType ||
           now.locationDescription != was.locationDescription || now.reportChannel != was.reportChannel ||
           now.reportedAt != was.reportedAt || now.journeyStage != was.journeyStage || now.status != was.status ||
           now.outcomeCode != was.outcomeCode || now.outcomeDate != was.outcomeDate ||
           now.outcomeReason != was.outcomeReason;
}

std::vector<core::FormDraft> OverviewTab::captureDrafts() const
{
    if (!hasUnsavedChanges()) {
        return {};
    }
    return {core::FormDraft{{}, "case", m_context.caseId, 0, FormValues::capture(*this)}};
}

bool OverviewTab::restoreDraft(const core::FormDraft& draft)
{
    if (draft.form != "case" || draft.recordId != m_context.caseId || !m_loaded) {
        return false;
    }
    FormValues::restore(*this, draft.fields);
    return hasUnsavedChanges();
}

void OverviewTab::discardChanges()
{
    if (m_loaded) {
        load(*m_loaded);
    }
}

bool OverviewTab::save()
{
    if (!m_loaded) {
        return false;
    }
    clearErrors();
    try {
        const core::Case stored = core::cases::updateOverview(*m_context.workspace, edited());
        load(stored);
    } catch (const core::Error& e) {
        showError(e);
        return false;
    } catch (const std::exception&) {
        m_errorMessage->showMessage(ErrorText::unexpected());
        return false;
    }
    m_savedMessage->showMessage(tr("Case details saved."), InlineMessage::Kind::Information);
    return true;
}

void OverviewTab::caseChanged(const core::CaseRepository::Event& event)
{
    if (event.record.id != m_context.caseId || event.kind != core::ChangeKind::Updated) {
        return;
    }
    if (!hasUnsavedChanges()) {
        load(event.record);
    }
}

void OverviewTab::updateGuidance()
{
    const QString code = m_journeyCombo->currentData().toString();
    const core::ReferenceItem* item =
        code.isEmpty() ? nullptr : m_context.workspace->lists().list("journey-stages").find(DisplayText::toStd(code));
    const std::string_view guidance = item != nullptr ? item->extraValue("guidance") : std::string_view();
    m_guidanceLabel->setText(
        guidance.empty()
            ? QString()
            : tr("Guidance: %1").arg(QString::fromUtf8(guidance.data(), static_cast<qsizetype>(guidance.size()))));
    m_guidanceLabel->setVisible(!guidance.empty());
}

void OverviewTab::updateOutcomeFields()
{
    const bool outcome = !m_outcomeCombo->currentData().toString().isEmpty();
    m_outcomeDateEdit->setEnabled(outcome);
    m_outcomeReasonEdit->setEnabled(outcome);
}

void OverviewTab::noteEdit()
{
    if (!m_loading) {
        m_savedMessage->clearMessage();
        Q_EMIT modifiedChanged();
    }
}

void OverviewTab::clearErrors()
{
    for (auto& [field, message] : m_errors) {
        message->clearMessage();
    }
    m_errorMessage->clearMessage();
}

void OverviewTab::showError(const core::Error& error)
{
    const QString label = fieldLabel(error.field());
    const QString text = label.isEmpty() ? ErrorText::caseDetailProblem(error)
                                         : tr("%1: %2").arg(label, ErrorText::caseDetailProblem(error));
    const auto it = m_errors.find(error.field());
    if (it != m_errors.end()) {
        it->second->showMessage(text);
    } else {
        m_errorMessage->showMessage(text);
    }
}

} // namespace wb::ui
