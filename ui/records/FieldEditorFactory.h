// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <QCoreApplication>
#include <QString>

#include "core/records/RecordSpec.h"
#include "ui/cases/CaseContext.h"

class QComboBox;
class QWidget;

namespace wb::ui {

/// The widgets one field's editor is made of.
struct FieldEditorParts {
    QWidget* editor = nullptr;      ///< what the value is read from
    QWidget* container = nullptr;   ///< what a layout holds (the editor, or a row around it)
    QWidget* notRecorded = nullptr; ///< QCheckBox "Not recorded" of an optional date
};

/// Makes the editor of each field of a record type, chosen by its FieldKind (line,
/// text box, check box, spin box, date, approximate date, list, person or record
/// link, list of linked records), and reads and writes its value as core's canonical
/// text. Used by RecordForm.
class FieldEditorFactory
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::FieldEditorFactory)

public:
    FieldEditorFactory(const CaseContext& context, const core::RecordSpec& spec);

    /// "exhibit" + "reference" → "exhibitReference": object names unique across every tab of a case.
    static QString objectBase(std::string_view type, std::string_view key);

    /// The editor of `field`, made under `parent`; `changed` runs on every edit.
    FieldEditorParts make(const core::FieldSpec& field, QWidget* parent, const std::function<void()>& changed) const;
    /// Refills a person-link, record-link or linked-records editor from the case, keeping
    /// what was chosen; a record never links to itself (`ownId`). Other kinds: nothing.
    void fillLinks(const core::FieldSpec& field, QWidget* editor, std::int64_t ownId) const;

    static std::string valueOf(const core::FieldSpec& field, const QWidget* editor, const QWidget* notRecorded);
    /// An empty date or time shows today / now on the workspace's clock (the UK's wall clock).
    void
    setValueOf(const core::FieldSpec& field, QWidget* editor, QWidget* notRecorded, const std::string& value) const;

    /// A person picker fits its longest name up to this many average characters; past it names are elided.
    static constexpr int LongestPersonChars = 40;

private:
    /// Sizes a person picker to the names it offers and puts the chosen one in its tooltip.
    static void fitPeople(QComboBox* combo);
    void fillChoice(const core::FieldSpec& field, QComboBox* combo) const;

    CaseContext m_context;
    const core::RecordSpec& m_spec;
};

} // namespace wb::ui
