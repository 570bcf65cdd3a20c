// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/Normalise.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <string_view>
#include <vector>

namespace wb::core::matching {

namespace {

bool isAsciiAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
char asciiLower(char c)
{
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
char asciiUpper(char c)
{
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

/// Base letters of U+00C0..U+00FF, lower case; "" drops the character (× and ÷).
constexpr std::array<std::string_view, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e",  "e", "e", "i", "i", "i", "i", "d",  "n", "o",  "o", "o", "o",
    "o", "",  "o", "u", "u", "u", "u",  "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e", "e", "e",
    "i", "i", "i", "i", "d", "n", "o",  "o", "o",  "o",  "o", "",  "o", "u", "u", "u", "u",  "y", "th", "y"};

/// Latin Extended-A (U+0100..U+017F) as ranges of one base letter.
struct FoldRange {
    char32_t first;
    char32_t last;
    std::string_view base;
};
constexpr std::array<FoldRange, 23> kLatinExtendedA = {{
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"},  {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"},
    {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"},  {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"},  {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
    {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"},  {0x174, 0x175, "w"},  {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}, {0x218, 0x21B, ""},
}};

/// Decodes one UTF-8 sequence at text[i]; returns its length (1 for an invalid byte, read as itself).
std::size_t decode(std::string_view text, std::size_t i, char32_t& out)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    char32_t value = lead;
    if (lead >= 0xC0 && lead < 0xE0) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead < 0xF0) {
        length = 3;
        value = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead < 0xF8) {
        length = 4;
        value = lead & 0x07u;
    }
    if (length == 1 || i + length > text.size()) {
        out = lead;
        return 1;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0u) != 0x80u) {
            out = lead;
            return 1;
        }
        value = (value << 6u) | (next & 0x3Fu);
    }
    out = value;
    return length;
}

/// Folds text to lower-case ASCII where it can: letters and digits kept, apostrophes dropped, everything else a
/// separator; characters outside Latin are kept as they are (a name in another script still compares).
std::string fold(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    auto append = [&](std::string_view piece) {
        if (piece.empty()) {
            return;
        }
        if (pendingSpace && !out.empty()) {
            out += ' ';
        }
        pendingSpace = false;
        out += piece;
    };
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = decode(text, i, c);
        const std::string_view raw = text.substr(i, length);
        i += length;
        if (c < 0x80) {
            const char ascii = static_cast<char>(c);
            if (isAsciiAlnum(ascii)) {
                const char lower = asciiLower(ascii);
                append(std::string_view(&lower, 1));
            } else if (ascii != '\'' && ascii != '`') {
                pendingSpace = true;
            }
        } else if (c == 0x2019 || c == 0x2018 || c == 0x2BC) { // typographic apostrophes
            continue;
        } else if (c >= 0xC0 && c <= 0xFF) {
            append(kLatin1[c - 0xC0]);
        } else if (c >= 0x100 && c <= 0x21B) {
            bool folded = false;
            for (const auto& range : kLatinExtendedA) {
                if (c >= range.first && c <= range.last) {
                    append(range.base.empty() ? ((c - 0x218) < 2 ? "s" : "t") : range.base);
                    folded = true;
                    break;
                }
            }
            if (!folded) {
                append(raw);
            }
        } else if (c < 0xC0 || (c >= 0x2000 && c <= 0x206F)) { // Latin-1 punctuation, general punctuation
            pendingSpace = true;
        } else {
            append(raw);
        }
    }
    return out;
}

bool isUkOutward(std::string_view t)
{
    // A9, A99, AA9, AA99, A9A, AA9A
    const auto n = t.size();
    if (n < 2 || n > 4 || std::isalpha(static_cast<unsigned char>(t[0])) == 0) {
        return false;
    }
    std::size_t letters = 1;
    if (std::isalpha(static_cast<unsigned char>(t[1])) != 0) {
        letters = 2;
    }
    if (letters >= n || std::isdigit(static_cast<unsigned char>(t[letters])) == 0) {
        return false;
    }
    const std::string_view rest = t.substr(letters + 1);
    if (rest.empty()) {
        return true;
    }
    return rest.size() == 1 && std::isalnum(static_cast<unsigned char>(rest[0])) != 0;
}

bool isUkInward(std::string_view t)
{
    return t.size() == 3 && std::isdigit(static_cast<unsigned char>(t[0])) != 0 &&
           std::isalpha(static_cast<unsigned char>(t[1])) != 0 && std::isalpha(static_cast<unsigned char>(t[2])) != 0;
}

std::vector<std::string> upperTokens(std::string_view address)
{
    std::vector<std::string> tokens;
    std::string current;
    for (const char c : address) {
        if (isAsciiAlnum(c)) {
            current += asciiUpper(c);
        } else if (!current.empty()) {
            tokens.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) {
        tokens.push_back(current);
    }
    return tokens;
}

struct Found {
    Postcode code;
    std::size_t firstToken = 0; ///< index of the first token the postcode uses (in upperTokens order)
};

std::optional<Found> locatePostcode(const std::vector<std::string>& tokens)
{
    for (std::size_t i = tokens.size(); i-- > 0;) {
        const std::string& t = tokens[i];
        if (i > 0 && isUkInward(t) && isUkOutward(tokens[i - 1])) {
            return Found{Postcode{tokens[i - 1], t, true}, i - 1};
        }
        if (t.size() >= 5 && t.size() <= 7 && isUkInward(std::string_view(t).substr(t.size() - 3)) &&
            isUkOutward(std::string_view(t).substr(0, t.size() - 3))) {
            return Found{Postcode{t.substr(0, t.size() - 3), t.substr(t.size() - 3), true}, i};
        }
    }
    if (!tokens.empty()) {
        const std::string& last = tokens.back();
        bool digit = false;
        for (const char c : last) {
            digit = digit || std::isdigit(static_cast<unsigned char>(c)) != 0;
        }
        if (digit && last.size() >= 3 && last.size() <= 8) {
            return Found{Postcode{last, {}, false}, tokens.size() - 1};
        }
    }
    return std::nullopt;
}

} // namespace

std::string normaliseName(std::string_view name)
{
    return fold(name);
}

std::string normalisePhone(std::string_view phone)
{
    std::string digits;
    const auto firstNonSpace = phone.find_first_not_of(" \t");
    const bool plus = firstNonSpace != std::string_view::npos && phone[firstNonSpace] == '+';
    for (const char c : phone) {
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            digits += c;
        }
    }
    if (plus) {
        digits = "00" + digits;
    }
    if (digits.rfind("0044", 0) == 0) {
        digits = "0" + digits.substr(4);
        if (digits.rfind("00", 0) == 0) { // "+44 (0)7700 …": the (0) written too
            digits.erase(0, 1);
        }
    } else if (digits.size() == 10 && digits[0] == '7') { // a UK mobile typed without its 0
        digits = "0" + digits;
    }
    return digits.size() >= 6 ? digits : std::string{};
}

std::string normaliseEmail(std::string_view email)
{
    std::string out;
    for (const char c : email) {
        if (std::isspace(static_cast<unsigned char>(c)) == 0) {
            out += asciiLower(c);
        }
    }
    const auto at = out.rfind('@');
    if (at == std::string::npos || at == 0 || at + 1 == out.size()) {
        return {};
    }
    if (out.compare(at + 1, std::string::npos, "googlemail.com") == 0) {
        out = out.substr(0, at + 1) + "gmail.com";
    }
    return out;
}

std::string normaliseHandle(std::string_view handle)
{
    std::string out;
    for (const char c : handle) {
        if (std::isspace(static_cast<unsigned char>(c)) == 0) {
            out += asciiLower(c);
        }
    }
    while (!out.empty() && out.front() == '@') {
        out.erase(0, 1);
    }
    return out;
}

std::string normaliseVehicle(std::string_view registration)
{
    std::string out;
    for (const char c : registration) {
        if (isAsciiAlnum(c)) {
            out += asciiUpper(c);
        }
    }
    return out;
}

std::string normalisePoliceId(std::string_view id)
{
    return normaliseVehicle(id);
}

std::optional<Postcode> findPostcode(std::string_view address)
{
    const auto found = locatePostcode(upperTokens(address));
    if (!found) {
        return std::nullopt;
    }
    return found->code;
}

std::string normaliseAddress(std::string_view address)
{
    const std::string folded = fold(address);
    std::vector<std::string> tokens;
    std::string current;
    for (const char c : folded) {
        if (c == ' ') {
            tokens.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) {
        tokens.push_back(current);
    }
    std::vector<std::string> upper;
    upper.reserve(tokens.size());
    for (const auto& t : tokens) {
        std::string u;
        for (const char c : t) {
            u += asciiUpper(c);
        }
        upper.push_back(u);
    }
    const auto found = locatePostcode(upper);
    const std::size_t end = found ? found->firstToken : tokens.size();
    std::string out;
    for (std::size_t i = 0; i < end; ++i) {
        if (!out.empty()) {
            out += ' ';
        }
        out += tokens[i];
    }
    return out;
}

} // namespace wb::core::matching
