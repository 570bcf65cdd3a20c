// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/NewCaseDialog.h"

#include <exception>

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/CaseDetails.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

constexpr int ReferenceMaxChars = 40;
constexpr int OperationMaxChars = 80;

// The edit shows UK wall-clock time. It is kept in Qt::UTC so that Qt applies
// no zone of its own (the computer's zone may not be the UK's); the value is
// read back as a Europe/London date and time and converted to UTC for core.
QDateTime ukWallClock(core::Instant now)
{
    const QDateTime uk = DisplayText::toUkDateTime(now);
    return QDateTime(uk.date(), QTime(uk.time().hour(), uk.time().minute()), Qt::UTC);
}

} // namespace

NewCaseDialog::NewCaseDialog(core::Workspace& workspace, Catalogues catalogues, core::Instant now, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_catalogues(std::move(catalogues))
{
    setObjectName(QStringLiteral("newCaseDialog"));
    setWindowTitle(tr("New case"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_referenceEdit = new QLineEdit(this);
    m_referenceEdit->setObjectName(QStringLiteral("referenceLineEdit"));
    m_referenceEdit->setAccessibleName(tr("Crime reference (required)"));
    m_referenceEdit->setMaxLength(ReferenceMaxChars);
    m_referenceEdit->setPlaceholderText(tr("required, up to %1 characters").arg(ReferenceMaxChars));
    form->addRow(tr("Crime &reference:"), m_referenceEdit);
    if (const QString format = referenceFormat(); !format.isEmpty()) {
        auto* formatLabel = new QLabel(format, this);
        formatLabel->setObjectName(QStringLiteral("referenceFormatLabel"));
        formatLabel->setTextFormat(Qt::PlainText);
        formatLabel->setWordWrap(true);
        formatLabel->setSizePolicy(QSizePolicy::Expanding, formatLabel->sizePolicy().verticalPolicy());
        m_referenceEdit->setAccessibleDescription(format);
        form->addRow(static_cast<QWidget*>(nullptr), formatLabel);
    }
    m_referenceError = new InlineMessage(this);
    m_referenceError->setObjectName(QStringLiteral("referenceErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_referenceError);

    m_operationEdit = new QLineEdit(this);
    m_operationEdit->setObjectName(QStringLiteral("operationLineEdit"));
    m_operationEdit->setAccessibleName(tr("Operation name (optional)"));
    m_operationEdit->setMaxLength(OperationMaxChars);
    m_operationEdit->setPlaceholderText(tr("optional"));
    form->addRow(tr("&Operation name:"), m_operationEdit);
    m_operationError = new InlineMessage(this);
    m_operationError->setObjectName(QStringLiteral("operationErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_operationError);

    m_offenceCombo = new QComboBox(this);
    m_offenceCombo->setObjectName(QStringLiteral("offenceComboBox"));
    m_offenceCombo->setAccessibleName(tr("Primary offence (required)"));
    m_offenceCombo->setPlaceholderText(tr("Choose the primary offence"));
    m_offenceCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_offenceCombo->setMinimumContentsLength(40);
    for (const core::Offence* offence : m_catalogues.offences->selectable()) {
        m_offenceCombo->addItem(DisplayText::offenceLabel(*offence), DisplayText::fromStd(offence->code));
        m_offenceCombo->setItemData(m_offenceCombo->count() - 1, DisplayText::offenceLabel(*offence), Qt::ToolTipRole);
    }
    m_offenceCombo->setCurrentIndex(-1);
    form->addRow(tr("Primary o&ffence:"), m_offenceCombo);
    m_offenceError = new InlineMessage(this);
    m_offenceError->setObjectName(QStringLiteral("offenceErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_offenceError);

    m_reportedEdit = new QDateTimeEdit(this);
    m_reportedEdit->setObjectName(QStringLiteral("reportedDateTimeEdit"));
    m_reportedEdit->setAccessibleName(tr("Date and time reported, UK time"));
    m_reportedEdit->setTimeSpec(Qt::UTC);
    m_reportedEdit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_reportedEdit->setCalendarPopup(true);
    const QDateTime ukNow = ukWallClock(now);
    m_reportedEdit->setDateTimeRange(QDateTime(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC), ukNow);
    m_reportedEdit->setDateTime(ukNow);
    form->addRow(tr("Reported (&UK time):"), m_reportedEdit);
    m_reportedError = new InlineMessage(this);
    m_reportedError->setObjectName(QStringLiteral("reportedErrorLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_reportedError);

    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(QStringLiteral("statusComboBox"));
    m_statusCombo->setAccessibleName(tr("Case status"));
    m_statusCombo->addItem(DisplayText::status(core::CaseStatus::Open), static_cast<int>(core::CaseStatus::Open));
    m_statusCombo->addItem(DisplayText::status(core::CaseStatus::Closed), static_cast<int>(core::CaseStatus::Closed));
    form->addRow(tr("&Status:"), m_statusCombo);
    layout->addLayout(form);

    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_errorMessage);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setText(tr("&Save case"));
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(buttons);

    connect(m_saveButton, &QPushButton::clicked, this, &NewCaseDialog::save);
    connect(cancel, &QPushButton::clicked, this, &NewCaseDialog::reject);
    // Core decides what a case needs (CaseRepository::validate); an edit clears the last refusal.
    for (auto* edit : {m_referenceEdit, m_operationEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &NewCaseDialog::clearFieldErrors);
    }
    connect(m_offenceCombo, &QComboBox::currentIndexChanged, this, &NewCaseDialog::clearFieldErrors);
    connect(m_reportedEdit, &QDateTimeEdit::dateTimeChanged, this, &NewCaseDialog::clearFieldErrors);
    setMinimumWidth(560);
}

NewCaseDialog::~NewCaseDialog() = default;

QString NewCaseDialog::referenceFormat() const
{
    // The force's formats come from reference data (crime-reference-formats).
    if (m_catalogues.lists == nullptr || !m_catalogues.lists->has("crime-reference-formats")) {
        return {};
    }
    QStringList formats;
    for (const core::ReferenceItem& item : m_catalogues.lists->list("crime-reference-formats").items()) {
        const QString example = DisplayText::fromStd(std::string(item.extraValue("example")));
        formats << (example.isEmpty() ? DisplayText::fromStd(item.label)
                                      : tr("%1, for example %2").arg(DisplayText::fromStd(item.label), example));
    }
    return formats.isEmpty() ? QString() : tr("Format: %1").arg(formats.join(tr("; or ")));
}

core::CaseDraft NewCaseDialog::draft() const
{
    core::CaseDraft draft;
    draft.reference = DisplayText::toStd(m_referenceEdit->text().trimmed());
    const QString operation = m_operationEdit->text().trimmed();
    if (!operation.isEmpty()) {
        draft.operationName = DisplayText::toStd(operation);
    }
    draft.primaryOffence = DisplayText::toStd(m_offenceCombo->currentData().toString());
    const QDateTime wall = m_reportedEdit->dateTime();
    draft.reportedAt = DisplayText::instantFromUk(wall.date(), wall.time());
    draft.status = static_cast<core::CaseStatus>(m_statusCombo->currentData().toInt());
    return draft;
}

void NewCaseDialog::clearFieldErrors()
{
    m_referenceError->clearMessage();
    m_operationError->clearMessage();
    m_offenceError->clearMessage();
    m_reportedError->clearMessage();
    m_errorMessage->clearMessage();
}

void NewCaseDialog::showError(const core::Error& error)
{
    const QString text = ErrorText::message(error);
    const std::string& field = error.field();
    if (field == "reference") {
        m_referenceError->showMessage(text);
        m_referenceEdit->setFocus();
    } else if (field == "operationName") {
        m_operationError->showMessage(text);
        m_operationEdit->setFocus();
    } else if (field == "primaryOffence") {
        m_offenceError->showMessage(text);
        m_offenceCombo->setFocus();
    } else if (field == "reportedAt") {
        m_reportedError->showMessage(text);
        m_reportedEdit->setFocus();
    } else {
        m_errorMessage->showMessage(text);
    }
}

void NewCaseDialog::save()
{
    clearFieldErrors();
    try {
        m_savedId = core::cases::create(m_workspace, draft()).id;
    } catch (const core::Error& e) {
        showError(e);
        return;
    } catch (const std::exception&) {
        m_errorMessage->showMessage(ErrorText::unexpected());
        return;
    }
    accept();
}

} // namespace wb::ui
