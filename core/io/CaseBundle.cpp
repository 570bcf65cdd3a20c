// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/CaseBundle.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/io/BundleDocument.h"
#include "core/io/WipedString.h"

namespace wb::core::bundle {

namespace fs = std::filesystem;
using nlohmann::json;

ImportReport importCases(Workspace& ws, const fs::path& bundle, std::string_view passphrase)
{
    const auto bytes = readBundleFile(bundle);
    WipedString document{decrypt(bytes, passphrase)};
    return importDocument(ws, document.text);
}

std::optional<audit::Anchor> anchorOf(const fs::path& bundle, std::string_view passphrase)
{
    // The same bounded reading and parsing as an import: regular files only, limits checked while parsing.
    const auto bytes = readBundleFile(bundle);
    WipedString document{decrypt(bytes, passphrase)};
    const json doc = parseBounded(document.text, MaxDepth, MaxDocumentBytes);
    const auto anchor = doc.is_object() ? doc.find("auditAnchor") : doc.end();
    if (!doc.is_object() || anchor == doc.end()) {
        return std::nullopt;
    }
    const auto sequence = anchor->is_object() ? anchor->find("sequence") : anchor->end();
    const auto head = anchor->is_object() ? anchor->find("head") : anchor->end();
    if (!anchor->is_object() || sequence == anchor->end() || head == anchor->end() || !sequence->is_number_integer() ||
        !head->is_string() || sequence->get<long long>() < 0) {
        throw Error(ErrorCode::Corrupted, "the bundle's audit anchor is malformed");
    }
    const auto text = head->get<std::string>();
    const bool hexDigits =
        std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    if (!hexDigits || (text.size() != 64 && !(text.empty() && sequence->get<long long>() == 0))) {
        throw Error(ErrorCode::Corrupted, "the bundle's audit anchor is malformed");
    }
    return audit::Anchor{sequence->get<std::int64_t>(), text};
}

} // namespace wb::core::bundle
