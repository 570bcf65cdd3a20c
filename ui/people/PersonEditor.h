// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QWidget>

#include "core/domain/Person.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace wb::core {
class Error;
class PersonRepository;
} // namespace wb::core

namespace wb::ui {

class DateLineEdit;
class InlineMessage;
class MaskedField;
class PrivacyMode;
class WholeNumberEdit;

/// Edits every field of one person (new or existing): role, names, date of birth
/// or age, pronouns, language and interpreter, needs, and the role's own flags
/// (enhanced rights for a victim, first disclosure for a witness). Errors are
/// shown next to the field core names; a failed save keeps the input. The age and
/// the date of birth keep what was typed (never clipped to fit) and start empty;
/// the date is asked for only while "Date of birth known" is ticked.
class PersonEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit PersonEditor(core::PersonRepository& people, QWidget* parent = nullptr);
    ~PersonEditor() override;

    /// Shows a stored person.
    void edit(const core::Person& person);
    /// Starts a new person of the case (defaults: victim, enhanced rights yes).
    void startNew(std::int64_t caseId);
    /// Nothing to edit: the form is emptied and disabled.
    void clearEditor();

    /// The id being edited, 0 for a new person or none.
    std::int64_t personId() const noexcept { return m_original ? m_original->id : 0; }
    bool isEditing() const noexcept { return m_active; }
    bool hasUnsavedChanges() const;
    /// Puts the stored values (or the new-person defaults) back.
    void discardChanges();
    /// Adds or updates the person. False (with the error shown inline) when it failed.
    bool save();

    core::PersonDraft draft() const;

    /// Masks a victim's or witness's names and date of birth while privacy mode is
    /// on (each revealed by its own Show button). The draft and saves always use
    /// the real values, never the mask.
    void setPrivacyMode(PrivacyMode* privacy);
    MaskedField* givenNameMask() const noexcept { return m_givenMask; }
    MaskedField* familyNameMask() const noexcept { return m_familyMask; }
    MaskedField* dateOfBirthMask() const noexcept { return m_dobMask; }

Q_SIGNALS:
    /// After a successful save: the stored person's id.
    void saved(std::int64_t personId);
    void modifiedChanged();

private:
    void load(const core::PersonDraft& draft);
    void updateRoleFields();
    void clearErrors();
    void showError(const core::Error& error);
    /// What the form itself can see is not a value (a date that does not exist, letters in the age); each shown next
    /// to its field. False when something was refused.
    bool checkTyped();
    void noteEdit();
    /// keepRevealed: a field shown on purpose stays shown (after a role change).
    void applyPrivacy(bool keepRevealed = false);

    core::PersonRepository& m_people;
    std::optional<core::Person> m_original; ///< set while editing a stored person
    std::int64_t m_caseId = 0;
    bool m_active = false;
    bool m_loading = false;
    core::PersonDraft m_loaded;
    PrivacyMode* m_privacy = nullptr;

    QLabel* m_heading = nullptr;
    QComboBox* m_roleCombo = nullptr;
    QLineEdit* m_givenEdit = nullptr;
    QLineEdit* m_familyEdit = nullptr;
    InlineMessage* m_nameError = nullptr;
    QCheckBox* m_dobKnownCheck = nullptr;
    DateLineEdit* m_dobEdit = nullptr;
    InlineMessage* m_dobError = nullptr;
    WholeNumberEdit* m_ageEdit = nullptr;
    InlineMessage* m_ageError = nullptr;
    QLineEdit* m_pronounsEdit = nullptr;
    QLineEdit* m_languageEdit = nullptr;
    QCheckBox* m_interpreterCheck = nullptr;
    QPlainTextEdit* m_needsEdit = nullptr;
    QCheckBox* m_enhancedRightsCheck = nullptr;
    QCheckBox* m_firstDisclosureCheck = nullptr;
    InlineMessage* m_flagError = nullptr;
    InlineMessage* m_errorMessage = nullptr;
    MaskedField* m_givenMask = nullptr;
    MaskedField* m_familyMask = nullptr;
    MaskedField* m_dobMask = nullptr;
};

} // namespace wb::ui
