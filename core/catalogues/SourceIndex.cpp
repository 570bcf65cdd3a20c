// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalogues/SourceIndex.h"

#include <algorithm>

#include "core/catalogues/Catalogues.h"
#include "core/deadlines/DeadlineService.h"
#include "core/deadlines/RuleSet.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"

namespace wb::core {

namespace {

/// One of the brief's tags, or several joined by '/': "C", "S", "U", "D", "U/D".
bool isTag(std::string_view word) noexcept
{
    if (word.empty() || word.size() % 2 == 0) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        const bool ok = i % 2 == 0 ? (c == 'C' || c == 'S' || c == 'U' || c == 'D') : c == '/';
        if (!ok) {
            return false;
        }
    }
    return true;
}

SourceEntry entry(SourceKind kind,
                  std::string file,
                  const std::string& version,
                  const std::string& id,
                  const std::string& title,
                  const std::string& source,
                  bool confirmed)
{
    return SourceEntry{kind, std::move(file), version, id, title, source, sourceTags(source), confirmed};
}

} // namespace

std::vector<std::string> sourceTags(std::string_view source)
{
    std::vector<std::string> tags;
    std::size_t at = 0;
    while ((at = source.find('[', at)) != std::string_view::npos) {
        const std::size_t end = source.find(']', at + 1);
        if (end == std::string_view::npos) {
            break;
        }
        // Every word inside the brackets that is a tag: "[S concept; prompts D]" -> S, D.
        const std::string_view inside = source.substr(at + 1, end - at - 1);
        std::size_t from = 0;
        while (from <= inside.size()) {
            std::size_t to = inside.find_first_of(" ;,()", from);
            if (to == std::string_view::npos) {
                to = inside.size();
            }
            const std::string_view word = inside.substr(from, to - from);
            if (isTag(word) && std::find(tags.begin(), tags.end(), word) == tags.end()) {
                tags.emplace_back(word);
            }
            from = to + 1;
        }
        at = end + 1;
    }
    return tags;
}

std::vector<SourceEntry> sourceIndex(const Catalogues& catalogues)
{
    std::vector<SourceEntry> out;
    if (catalogues.enquiries) {
        const auto& c = *catalogues.enquiries;
        for (const auto& e : c.entries()) {
            out.push_back(
                entry(SourceKind::Enquiry, "nom/enquiries.json", c.version(), e.id, e.title, e.source, e.confirmed));
            if (e.deadline) {
                out.push_back(entry(SourceKind::EnquiryTimeLimit, "nom/enquiries.json", c.version(), e.id,
                                    e.deadline->label, e.deadline->source, e.deadline->confirmed));
            }
        }
    }
    if (catalogues.questions) {
        const auto& c = *catalogues.questions;
        for (const auto& q : c.questions()) {
            out.push_back(entry(SourceKind::Question, "nom/context-questions.json", c.version(), q.id, q.text, q.source,
                                q.confirmed));
        }
    }
    if (catalogues.journey) {
        const auto& c = *catalogues.journey;
        for (const auto& stage : c.stages()) {
            for (const auto& item : stage.items) {
                out.push_back(entry(SourceKind::ChecklistItem, "nom/journey-checklists.json", c.version(), item.id,
                                    item.text, item.source, item.confirmed));
            }
        }
    }
    if (catalogues.deadlines) {
        const auto& c = catalogues.deadlines->rules();
        for (const auto& rule : c.rules()) {
            out.push_back(entry(SourceKind::DeadlineRule, "nom/deadline-rules.json", c.version(), rule.id, rule.title,
                                rule.source, rule.confirmed));
        }
    }
    if (catalogues.offences) {
        const auto& c = *catalogues.offences;
        for (const auto& o : c.offences()) {
            out.push_back(entry(SourceKind::Offence, "reference/offences.json", c.version(), o.code,
                                o.title + " (" + o.legislation + " " + o.section + ")", o.source, o.confirmed));
        }
    }
    if (catalogues.lists) {
        std::vector<std::string_view> kinds(ReferenceData::requiredKinds().begin(),
                                            ReferenceData::requiredKinds().end());
        std::sort(kinds.begin(), kinds.end());
        for (const auto kind : kinds) {
            if (!catalogues.lists->has(kind)) {
                continue;
            }
            const auto& list = catalogues.lists->list(kind);
            const std::string file = "reference/" + std::string(kind) + ".json";
            for (const auto& item : list.items()) {
                out.push_back(entry(SourceKind::ReferenceItem, file, list.version(), item.code, item.label, item.source,
                                    item.confirmed));
            }
        }
    }
    return out;
}

} // namespace wb::core
