// SPDX-License-Identifier: GPL-3.0-or-later
// The builder the record specs (CaseRecordSpecs, PlanVictimSpecs, BailOrderSpecs) write their field lists with.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "core/records/RecordSpec.h"

namespace wb::core::specs {

/// Builder for readable field lists.
struct FieldBuilder {
    FieldSpec spec;
    FieldBuilder(std::string_view key, FieldKind kind) { spec.key = key, spec.kind = kind; }
    FieldBuilder& req() { return spec.required = true, *this; }
    FieldBuilder& max(std::size_t n) { return spec.maxChars = n, *this; }
    FieldBuilder& sens() { return spec.sensitive = true, *this; }
    FieldBuilder& search() { return spec.searchable = true, *this; }
    FieldBuilder& past() { return spec.notFuture = true, *this; }
    FieldBuilder& after(std::string_view other) { return spec.notBefore = other, *this; }
    FieldBuilder& list(std::string_view kind) { return spec.list = kind, *this; }
    FieldBuilder& options(std::string_view codes) { return spec.options = codes, *this; }
    FieldBuilder& link(std::string_view table) { return spec.linkTable = table, *this; }
    FieldBuilder& roles(std::string_view r) { return spec.roles = r, *this; }
    FieldBuilder& def(std::string_view v) { return spec.defaultValue = v, *this; }
    FieldBuilder& internal() { return spec.internal = true, *this; }
    FieldBuilder& byOwner() { return spec.ownerByDefault = true, *this; }
    FieldBuilder& minMax(long long lo, long long hi) { return spec.minValue = lo, spec.maxValue = hi, *this; }
    FieldBuilder& when(std::string_view field, std::vector<std::string_view> values)
    {
        return spec.requiredWhen.push_back({field, std::move(values)}), *this;
    }
    operator FieldSpec() const { return spec; } // NOLINT: builder converts implicitly by design
};

} // namespace wb::core::specs
