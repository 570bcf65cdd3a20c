// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QWidget>

#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseContext.h"
#include "ui/records/FieldEditorFactory.h"

class QFormLayout;
class QLabel;

namespace wb::core {
class Error;
}

namespace wb::ui {

/// "exhibit_movement" → "exhibitMovement": record types and field keys as object-name parts.
QString camelCase(std::string_view key);

class InlineMessage;
class MaskedField;

/// A form built from a core::RecordSpec: one editor per field, chosen by its
/// FieldKind. Required fields say "(required)" in their label; a field that
/// becomes required through another field's value (a victim's device needs its
/// proportionality text) says so as soon as that value is chosen. Saving goes
/// through RecordRepository::add/update; a validation error is shown next to
/// the field it names, and the input is kept. Fields the app keeps itself
/// (FieldSpec::internal: a decision's catalogue id and version) are not shown as
/// inputs and keep their values; a field the owner fills (FieldSpec::ownerByDefault:
/// "Decided by") starts with the workspace owner's name. While closed the form
/// shows no fields, only that nothing is selected; read-only fields look read-only.
class RecordForm final : public QWidget
{
    Q_OBJECT

public:
    RecordForm(const CaseContext& context, const core::RecordSpec& spec, QWidget* parent = nullptr);

    const core::RecordSpec& spec() const noexcept { return m_spec; }

    /// An empty form for a new record under parentId, with optional preset values.
    void startNew(std::int64_t parentId, const core::Values& preset = {});
    /// Loads a stored record for editing (or read-only viewing of an immutable one).
    void load(const core::Record& record);
    /// Nothing open: no fields are shown (no default date that looks like data), only a note that nothing is
    /// selected; the form is disabled.
    void close();
    /// The note shown while closed ("No record selected…"); set by the tab the form is in.
    void setClosedText(const QString& text);

    bool isOpen() const noexcept { return m_open; }
    /// The record being edited; 0 for a new one.
    std::int64_t recordId() const noexcept { return m_recordId; }
    std::int64_t parentId() const noexcept { return m_parentId; }

    core::Values values() const;
    void setValues(const core::Values& values);

    /// True while the values differ from what was loaded or started with.
    bool hasUnsavedChanges() const;

    /// Checks what can be checked cheaply (dates typed that are not dates, required fields) and shows every
    /// problem inline. Returns false when something is missing or cannot be read.
    bool checkRequired();
    /// Adds or updates the record. On error, shows it inline and returns nothing.
    std::optional<core::Record> save();

    /// The editor of one field (for tests and focus); nullptr for an unknown key.
    QWidget* editor(std::string_view key) const;
    /// The message currently shown next to one field (empty when none).
    QString fieldMessage(std::string_view key) const;
    /// The message shown above the form (empty when none).
    QString formMessage() const;
    /// The label text of a field, e.g. "Necessity and proportionality (required)".
    QString labelText(std::string_view key) const;

    /// Re-reads the people and records that link fields offer.
    void refreshLinks();

    /// Fields are shown but cannot be changed (an immutable record once saved).
    void setReadOnly(bool readOnly);
    bool isReadOnly() const noexcept { return m_readOnly; }

    /// "Exhibit reference" + " (required)" when the field is required now.
    bool isRequiredNow(const core::FieldSpec& field) const;

    /// The privacy mask around a field holding a victim's or witness's contact
    /// details (PrivacyMode::isContactField), or nullptr.
    MaskedField* mask(std::string_view key) const;

Q_SIGNALS:
    /// Any editor changed.
    void edited();
    void saved(const wb::core::Record& record);

private:
    struct FieldEditor {
        const core::FieldSpec* field = nullptr;
        QLabel* label = nullptr;
        QWidget* editor = nullptr;      ///< what values() reads
        QWidget* container = nullptr;   ///< what the layout holds
        QWidget* notRecorded = nullptr; ///< QCheckBox for optional dates
        InlineMessage* message = nullptr;
        MaskedField* mask = nullptr; ///< around container, for contact details
    };

    void build();
    void fillLinks(FieldEditor& entry);
    std::string valueOf(const FieldEditor& entry) const;
    void setValueOf(FieldEditor& entry, const std::string& value);
    /// What is wrong with a date typed that cannot be read (empty when it can, or is blank).
    QString unreadableText(const FieldEditor& entry) const;
    /// One line when the label fits the label column, else wrapped at its width with room for every line.
    static void fitLabel(QLabel& label);
    void updateRequiredMarks();
    void clearMessages();
    void showFieldError(const std::string& key, const QString& text);
    const FieldEditor* entryFor(std::string_view key) const;
    void onEdited();
    void applyPrivacy();
    void applyReadOnlyLook(QWidget* editor, bool readOnly);

    CaseContext m_context;
    const core::RecordSpec& m_spec;
    FieldEditorFactory m_factory;
    std::vector<FieldEditor> m_fields;
    QFormLayout* m_layout = nullptr;
    QWidget* m_fieldsBox = nullptr; ///< holds every field; hidden while closed
    QLabel* m_closedLabel = nullptr;
    InlineMessage* m_message = nullptr;
    core::Values m_internal; ///< values of internal fields, kept as loaded
    core::Values m_loaded;
    std::int64_t m_recordId = 0;
    std::int64_t m_parentId = 0;
    bool m_open = false;
    bool m_readOnly = false;
    bool m_loading = false;
};

} // namespace wb::ui
