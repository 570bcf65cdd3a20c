// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>

#include <QWidget>

#include "core/domain/Case.h"
#include "core/repo/CaseRepository.h"
#include "ui/cases/CaseTab.h"

class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace wb::core {
class Error;
}

namespace wb::ui {

class ApproxDateEdit;
class InlineMessage;

/// The Overview tab of a case workspace: every field of the case, saved with one
/// CaseRepository::update call. Choices come from the reference lists (labels
/// shown, codes stored; unconfirmed items marked). Errors show next to the field.
class OverviewTab final : public QWidget, public CaseTab
{
    Q_OBJECT

public:
    explicit OverviewTab(const CaseContext& context, QWidget* parent = nullptr);
    ~OverviewTab() override;

    void newRecord() override {}
    bool save() override;
    bool hasUnsavedChanges() const override;
    void discardChanges() override;
    std::vector<core::FormDraft> captureDrafts() const override;
    bool restoreDraft(const core::FormDraft& draft) override;

    /// The case as the form would save it.
    core::Case edited() const;

Q_SIGNALS:
    void modifiedChanged();

private:
    void load(const core::Case& record);
    void caseChanged(const core::CaseRepository::Event& event);
    void updateGuidance();
    void updateOutcomeFields();
    void noteEdit();
    void showError(const core::Error& error);
    void clearErrors();
    InlineMessage* addError(const std::string& field, QWidget* parent);

    CaseContext m_context;
    std::optional<core::Case> m_loaded;
    bool m_loading = false;
    std::map<std::string, InlineMessage*> m_errors;

    QLineEdit* m_referenceEdit = nullptr;
    QLineEdit* m_operationEdit = nullptr;
    QComboBox* m_offenceCombo = nullptr;
    QListWidget* m_otherOffencesList = nullptr;
    ApproxDateEdit* m_offenceDateEdit = nullptr;
    QComboBox* m_locationTypeCombo = nullptr;
    QLineEdit* m_locationDescriptionEdit = nullptr;
    QComboBox* m_reportChannelCombo = nullptr;
    QDateTimeEdit* m_reportedEdit = nullptr;
    QComboBox* m_journeyCombo = nullptr;
    QLabel* m_guidanceLabel = nullptr;
    QComboBox* m_statusCombo = nullptr;
    QComboBox* m_outcomeCombo = nullptr;
    QDateEdit* m_outcomeDateEdit = nullptr;
    QPlainTextEdit* m_outcomeReasonEdit = nullptr;
    InlineMessage* m_errorMessage = nullptr;
    InlineMessage* m_savedMessage = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_discardButton = nullptr;
};

} // namespace wb::ui
