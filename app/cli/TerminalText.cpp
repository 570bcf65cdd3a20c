// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/TerminalText.h"

#include <cstdint>

#include <fmt/format.h>

namespace wb::app {

namespace {

/// Length of the valid UTF-8 sequence at `text[at]` and its code point; 0 when invalid.
std::size_t decode(std::string_view text, std::size_t at, char32_t& out)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1F;
        min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0F;
        min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (at + length > text.size()) {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char c = byte(at + i);
        if ((c & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    out = cp;
    return length;
}

bool shownAsEscape(char32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F)                       // C1 controls
           || cp == 0x200E || cp == 0x200F                  // left-to-right and right-to-left marks
           || (cp >= 0x202A && cp <= 0x202E)                // bidi embeddings and overrides
           || (cp >= 0x2066 && cp <= 0x2069)                // bidi isolates
           || cp == 0x2028 || cp == 0x2029 || cp == 0x061C; // line and paragraph separators, Arabic letter mark
}

} // namespace

std::string terminalSafe(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F) {
                out += fmt::format("\\x{:02x}", c);
            } else if (c == '\\') {
                out += "\\\\";
            } else {
                out += static_cast<char>(c);
            }
            ++at;
            continue;
        }
        char32_t cp = 0;
        const std::size_t length = decode(text, at, cp);
        if (length == 0) {
            out += fmt::format("\\x{:02x}", c);
            ++at;
        } else if (shownAsEscape(cp)) {
            out += fmt::format("\\u{{{:04x}}}", static_cast<std::uint32_t>(cp));
            at += length;
        } else {
            out.append(text.substr(at, length));
            at += length;
        }
    }
    return out;
}

} // namespace wb::app
