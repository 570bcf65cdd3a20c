// SPDX-License-Identifier: GPL-3.0-or-later
// The provenance of every catalogue and reference list item, for the force's RASSO lead and trainers (issue 14):
// what each entry rests on, its tag in the domain brief, whether it is confirmed against a primary source, and the
// version of the file it comes from. The officer's own screens carry only one plain signal where it matters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wb::core {

struct Catalogues;

/// What kind of entry a source row describes.
enum class SourceKind {
    Enquiry,          ///< a line of enquiry (nom/enquiries.json)
    EnquiryTimeLimit, ///< the time limit of a line of enquiry (its "deadline")
    Question,         ///< a context question (nom/context-questions.json)
    ChecklistItem,    ///< a journey checklist item (nom/journey-checklists.json)
    DeadlineRule,     ///< a deadline rule (nom/deadline-rules.json)
    Offence,          ///< an offence (reference/offences.json)
    ReferenceItem,    ///< an item of another reference list (reference/<list>.json)
};

/// One catalogue or reference list item with its provenance.
struct SourceEntry {
    SourceKind kind = SourceKind::ReferenceItem;
    std::string file;    ///< where it is read from: "nom/enquiries.json", "reference/journey-stages.json"
    std::string version; ///< that file's "version"
    std::string id;      ///< the entry's id or code ("FOR-001", "suspect.known", "SOA2003-s1")
    std::string title;   ///< its title, label or question text
    std::string source;  ///< its provenance text as written in the data
    /// The domain brief's tags found in `source`, in order, without duplicates: "C", "U", "D", "U/D"...
    std::vector<std::string> tags;
    bool confirmed = false; ///< confirmed against a primary source
};

/// The brief's tags (C, S, U, D, or several joined by '/') written as words in square brackets in a source text:
/// "nom-brief §6.1 [C]; §6.4 [U/D]; §5.1 [S concept; prompts D]" -> {"C", "U/D", "S", "D"}. Other bracketed text
/// ("[2024]", "[see note]") holds none.
std::vector<std::string> sourceTags(std::string_view source);

/// Every entry of the loaded catalogues and reference lists, in this order: lines of enquiry (each followed by its
/// time limit when it has one), context questions, journey checklist items, deadline rules, offences, then the
/// reference lists by name, each in file order. Catalogues not loaded (null) are skipped. Nothing is thrown.
std::vector<SourceEntry> sourceIndex(const Catalogues& catalogues);

} // namespace wb::core
