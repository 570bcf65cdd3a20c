// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QDialog>

#include "core/domain/Person.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;

namespace wb::core {
class Error;
class PersonRepository;
} // namespace wb::core

namespace wb::ui {

class InlineMessage;

/// Adds a victim, suspect or witness to a case.
class PersonDialog final : public QDialog
{
    Q_OBJECT

public:
    PersonDialog(core::PersonRepository& people, std::int64_t caseId, QWidget* parent = nullptr);
    ~PersonDialog() override;

    core::PersonDraft draft() const;

private:
    void updateState();
    void save();
    void showError(const core::Error& error);

    core::PersonRepository& m_people;
    const std::int64_t m_caseId;

    QComboBox* m_roleCombo = nullptr;
    QLineEdit* m_givenEdit = nullptr;
    QLineEdit* m_familyEdit = nullptr;
    QCheckBox* m_dobKnownCheck = nullptr;
    QDateEdit* m_dobEdit = nullptr;
    InlineMessage* m_nameError = nullptr;
    InlineMessage* m_dobError = nullptr;
    InlineMessage* m_missingMessage = nullptr;
    InlineMessage* m_errorMessage = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace wb::ui
