// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>
#include <vector>

#include <QCoreApplication>
#include <QString>

namespace wb::ui {

/// Translated titles, field labels, help text and list columns for every record
/// type in core::recordSpecs(). FieldLabelsTest fails when a spec field has no label.
class FieldLabels
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::FieldLabels)

public:
    /// "Decision", "Timeline event"…; the type itself when unknown.
    static QString title(std::string_view type);
    /// Plural heading for a list ("Decisions", "Exhibit movements"…).
    static QString plural(std::string_view type);
    /// The field's label; empty when there is none (a test keeps that from happening).
    static QString label(std::string_view type, std::string_view key);
    /// A short sentence shown under the field; may be empty.
    static QString help(std::string_view type, std::string_view key);
    /// Label for a fixed option of a Choice field without a list ("bail" → "Pre-charge bail").
    static QString option(std::string_view type, std::string_view key, std::string_view code);
    /// The field keys a list of this type shows, in order.
    static std::vector<std::string_view> columns(std::string_view type);
};

} // namespace wb::ui
