// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "ui/cases/CaseContext.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace wb::ui {

class InlineMessage;
class PlainFileDestination;

/// Authoring (issue 17), from a case window of a TRAINING workspace: saves the case as a new scenario pack to edit
/// (core::training::packFromCase), its id and file chosen here, written through the audited export (never over a
/// file). Says whether the pack validates as it is or what is still to write. A live workspace never offers it.
class SavePackDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SavePackDialog(const CaseContext& context, QWidget* parent = nullptr);

    QLineEdit* idEdit() const noexcept { return m_id; }
    PlainFileDestination* destination() const noexcept { return m_destination; }
    InlineMessage* message() const noexcept { return m_message; }
    /// Writes the pack; false, with the reason shown, when nothing was written.
    bool saveNow();

private:
    CaseContext m_context;
    QLineEdit* m_id = nullptr;
    PlainFileDestination* m_destination = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace wb::ui
