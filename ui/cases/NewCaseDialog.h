// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QDialog>

#include "core/domain/Case.h"
#include "core/domain/Time.h"
#include "ui/session/Catalogues.h"

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;

namespace wb::core {
class Error;
class Workspace;
} // namespace wb::core

namespace wb::ui {

class InlineMessage;

/// Opens a new case. Core decides what a case needs: its refusal is shown next to
/// the field it names, which takes the focus. A failed save keeps the dialog and its input.
/// Once saved (core::cases::create: the case starts at the first journey stage) the dialog is
/// accepted and whoever opened it opens the case's window.
class NewCaseDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `now` (the workspace's clock: workspaceNow) is the reported time the dialog starts with.
    NewCaseDialog(core::Workspace& workspace, Catalogues catalogues, core::Instant now, QWidget* parent = nullptr);
    ~NewCaseDialog() override;

    /// The case as entered (reported time converted to UTC).
    core::CaseDraft draft() const;
    /// After accepted(): the id of the stored case.
    std::int64_t savedCaseId() const noexcept { return m_savedId; }

private:
    QString referenceFormat() const;
    void save();
    void clearFieldErrors();
    void showError(const core::Error& error);

    core::Workspace& m_workspace;
    Catalogues m_catalogues;
    std::int64_t m_savedId = 0;

    QLineEdit* m_referenceEdit = nullptr;
    QLineEdit* m_operationEdit = nullptr;
    QComboBox* m_offenceCombo = nullptr;
    QDateTimeEdit* m_reportedEdit = nullptr;
    QComboBox* m_statusCombo = nullptr;
    InlineMessage* m_referenceError = nullptr;
    InlineMessage* m_operationError = nullptr;
    InlineMessage* m_offenceError = nullptr;
    InlineMessage* m_reportedError = nullptr;
    InlineMessage* m_errorMessage = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace wb::ui
