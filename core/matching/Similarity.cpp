// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/Similarity.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace wb::core::matching {

double jaroWinkler(std::string_view a, std::string_view b)
{
    if (a.empty() && b.empty()) {
        return 1.0;
    }
    if (a.empty() || b.empty()) {
        return 0.0;
    }
    if (a == b) {
        return 1.0;
    }
    const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
    std::vector<char> matchedA(a.size(), 0);
    std::vector<char> matchedB(b.size(), 0);
    std::size_t matches = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t from = i > window ? i - window : 0;
        const std::size_t to = std::min(b.size(), i + window + 1);
        for (std::size_t j = from; j < to; ++j) {
            if (matchedB[j] == 0 && a[i] == b[j]) {
                matchedA[i] = 1;
                matchedB[j] = 1;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0) {
        return 0.0;
    }
    std::size_t transpositions = 0;
    std::size_t k = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (matchedA[i] == 0) {
            continue;
        }
        while (matchedB[k] == 0) {
            ++k;
        }
        if (a[i] != b[k]) {
            ++transpositions;
        }
        ++k;
    }
    const double m = static_cast<double>(matches);
    const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                         (m - static_cast<double>(transpositions) / 2.0) / m) /
                        3.0;
    std::size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        ++prefix;
    }
    return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

namespace {

bool isVowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

} // namespace

std::string metaphone(std::string_view name)
{
    std::string w;
    for (const char c : name) {
        if (std::isalpha(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80) {
            w += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    if (w.empty()) {
        return {};
    }
    const auto startsWith = [&](std::string_view p) { return w.compare(0, p.size(), p) == 0; };
    if (startsWith("AE") || startsWith("GN") || startsWith("KN") || startsWith("PN") || startsWith("WR")) {
        w.erase(0, 1);
    } else if (w[0] == 'X') {
        w[0] = 'S';
    } else if (startsWith("WH")) {
        w.erase(1, 1);
    }
    const std::size_t n = w.size();
    const auto at = [&](std::size_t i) -> char { return i < n ? w[i] : '\0'; };
    std::string code;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = w[i];
        const char prev = i > 0 ? w[i - 1] : '\0';
        const char next = at(i + 1);
        if (c == prev && c != 'C') {
            continue;
        }
        switch (c) {
        case 'A':
        case 'E':
        case 'I':
        case 'O':
        case 'U':
            if (i == 0) {
                code += c;
            }
            break;
        case 'B':
            if (!(prev == 'M' && i + 1 == n)) {
                code += 'B';
            }
            break;
        case 'C':
            if (next == 'I' && at(i + 2) == 'A') {
                code += 'X';
            } else if (next == 'H') {
                code += (prev == 'S') ? 'K' : 'X';
                ++i;
            } else if (next == 'I' || next == 'E' || next == 'Y') {
                if (prev != 'S') {
                    code += 'S';
                }
            } else {
                code += 'K';
            }
            break;
        case 'D':
            if (next == 'G' && (at(i + 2) == 'E' || at(i + 2) == 'Y' || at(i + 2) == 'I')) {
                code += 'J';
                ++i;
            } else {
                code += 'T';
            }
            break;
        case 'G':
            if (next == 'H' && i + 2 < n && !isVowel(at(i + 2))) {
                break; // "night", "vaughn"
            }
            if (next == 'N' && (i + 2 == n || (w.compare(i + 1, 4, "NED") == 0 && i + 4 == n))) {
                break; // "sign", "signed"
            }
            if ((next == 'I' || next == 'E' || next == 'Y') && prev != 'G') {
                code += 'J';
            } else {
                code += 'K';
            }
            break;
        case 'H':
            if (i > 0 && (prev == 'C' || prev == 'S' || prev == 'P' || prev == 'T' || prev == 'G')) {
                break;
            }
            if (isVowel(prev) && !isVowel(next)) {
                break;
            }
            code += 'H';
            break;
        case 'K':
            if (prev != 'C') {
                code += 'K';
            }
            break;
        case 'P': code += (next == 'H') ? 'F' : 'P'; break;
        case 'Q': code += 'K'; break;
        case 'S':
            if (next == 'H') {
                code += 'X';
                ++i;
            } else if (next == 'I' && (at(i + 2) == 'O' || at(i + 2) == 'A')) {
                code += 'X';
            } else {
                code += 'S';
            }
            break;
        case 'T':
            if (next == 'I' && (at(i + 2) == 'O' || at(i + 2) == 'A')) {
                code += 'X';
            } else if (next == 'H') {
                code += '0';
                ++i;
            } else if (!(next == 'C' && at(i + 2) == 'H')) {
                code += 'T';
            }
            break;
        case 'V': code += 'F'; break;
        case 'W':
        case 'Y':
            if (isVowel(next)) {
                code += c;
            }
            break;
        case 'X': code += "KS"; break;
        case 'Z': code += 'S'; break;
        default: code += c; break; // F J L M N R
        }
    }
    return code;
}

} // namespace wb::core::matching
