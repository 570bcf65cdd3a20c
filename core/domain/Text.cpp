// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Text.h"

#include <vector>

#include "core/Error.h"

namespace wb::core {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Counts code points; std::nullopt for invalid UTF-8 or a control character.
std::optional<std::size_t> countCharacters(std::string_view text)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F) {
                return std::nullopt;
            }
            len = 1;
        } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            len = 2;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            len = 4;
        } else {
            return std::nullopt;
        }
        if (i + len > text.size()) {
            return std::nullopt;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return std::nullopt;
            }
        }
        i += len;
        ++count;
    }
    return count;
}

} // namespace

std::string trimmed(std::string_view text)
{
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return std::string(text);
}

std::vector<std::string> splitList(std::string_view text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string_view::npos ? text.size() : comma;
        std::string item = trimmed(text.substr(start, end - start));
        if (!item.empty()) {
            out.push_back(std::move(item));
        }
        start = end + 1;
    }
    return out;
}

std::string checkedText(std::string_view text, const char* field, std::size_t maxChars, bool required)
{
    std::string value = trimmed(text);
    const auto characters = countCharacters(value);
    if (!characters) {
        throw Error(ErrorCode::Validation, std::string(field) + " contains control characters or invalid text", field);
    }
    if (required && value.empty()) {
        throw Error(ErrorCode::Validation, std::string(field) + " is required", field);
    }
    if (*characters > maxChars) {
        throw Error(ErrorCode::Validation,
                    std::string(field) + " is longer than " + std::to_string(maxChars) + " characters", field);
    }
    return value;
}

std::string clippedUtf8(std::string text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes) {
        return text;
    }
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
        --end; // text[end] continues a character: cut before the character starts
    }
    text.resize(end);
    return text;
}

std::optional<std::string>
checkedOptionalText(const std::optional<std::string>& text, const char* field, std::size_t maxChars)
{
    if (!text) {
        return std::nullopt;
    }
    std::string value = checkedText(*text, field, maxChars, false);
    if (value.empty()) {
        return std::nullopt;
    }
    return value;
}

} // namespace wb::core
