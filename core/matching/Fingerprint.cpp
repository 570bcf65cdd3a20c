// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/Fingerprint.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include <sodium.h>

namespace wb::core::matching {

namespace {

constexpr std::string_view Domain = "rasso-workbench person fingerprint v1";

bool isAsciiAlnum(char c) noexcept
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char asciiLower(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Words: ASCII letters lower-cased, ASCII punctuation and white space between words read as one space, leading
/// and trailing ones dropped. Bytes of other characters (UTF-8 letters such as "é") are kept as they are.
std::string words(std::string_view text)
{
    std::string out;
    bool gap = false;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || isAsciiAlnum(c)) {
            if (gap && !out.empty()) {
                out += ' ';
            }
            gap = false;
            out += asciiLower(c);
        } else {
            gap = true;
        }
    }
    return out;
}

/// Only the ASCII letters and digits, lower-cased: registrations, police ids.
std::string compact(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (isAsciiAlnum(c)) {
            out += asciiLower(c);
        }
    }
    return out;
}

/// The digits of a phone number, a UK international prefix (+44, 0044, with or without "(0)") read as the trunk
/// prefix 0.
std::string phoneDigits(std::string_view text)
{
    std::string digits;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    const auto first = text.find_first_not_of(" \t");
    const bool plus = first != std::string_view::npos && text[first] == '+';
    std::string national;
    if (plus && digits.rfind("44", 0) == 0) {
        national = digits.substr(2);
    } else if (digits.rfind("0044", 0) == 0) {
        national = digits.substr(4);
    } else {
        return digits;
    }
    if (national.rfind('0', 0) == 0) {
        national.erase(0, 1); // "+44 (0)7700 …": the trunk 0 written after the country code
    }
    return "0" + national;
}

/// Email addresses and handles: white space dropped, ASCII letters lower-cased; a handle's leading "@" dropped.
std::string lowerNoSpace(std::string_view text, bool dropAt)
{
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            out += asciiLower(c);
        }
    }
    if (dropAt && !out.empty() && out.front() == '@') {
        out.erase(0, 1);
    }
    return out;
}

/// Length-prefixed, so that no two different sequences of values hash the same bytes.
class Encoder
{
public:
    Encoder()
    {
        crypto_generichash_init(&m_state, nullptr, 0, crypto_generichash_BYTES);
        add(Domain);
    }
    void add(std::string_view bytes)
    {
        std::array<unsigned char, 8> length{};
        auto n = static_cast<std::uint64_t>(bytes.size());
        for (int i = 7; i >= 0; --i) {
            length.at(static_cast<std::size_t>(i)) = static_cast<unsigned char>(n & 0xFFU);
            n >>= 8U;
        }
        crypto_generichash_update(&m_state, length.data(), length.size());
        crypto_generichash_update(&m_state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    }
    /// A list as a set: normalised, blanks dropped, sorted, repeats dropped; its name and size first.
    template <typename Normalise>
    void addSet(std::string_view name, const std::vector<std::string>& values, Normalise normalise)
    {
        std::vector<std::string> set;
        for (const auto& value : values) {
            std::string n = normalise(value);
            if (!n.empty()) {
                set.push_back(std::move(n));
            }
        }
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        add(name);
        add(std::to_string(set.size()));
        for (auto& value : set) {
            add(value);
            sodium_memzero(value.data(), value.size());
        }
    }
    std::string finish()
    {
        std::array<unsigned char, crypto_generichash_BYTES> hash{};
        crypto_generichash_final(&m_state, hash.data(), hash.size());
        std::array<char, (crypto_generichash_BYTES * 2) + 1> hex{};
        sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
        return std::string(FingerprintScheme) + ":" + std::string(hex.data());
    }

private:
    crypto_generichash_state m_state{};
};

} // namespace

std::string fingerprint(const PersonRecord& record)
{
    Encoder enc;
    const auto one = [](const std::string& value) { return std::vector<std::string>{value}; };
    enc.addSet("given", one(record.givenName), words);
    enc.addSet("family", one(record.familyName), words);
    enc.addSet("birth", record.dateOfBirth ? one(*record.dateOfBirth) : std::vector<std::string>{}, words);
    enc.addSet("age", record.ageYears ? one(std::to_string(*record.ageYears)) : std::vector<std::string>{}, words);
    enc.addSet("aliases", record.aliases, words);
    enc.addSet("phones", record.phones, phoneDigits);
    enc.addSet("emails", record.emails, [](std::string_view v) { return lowerNoSpace(v, false); });
    enc.addSet("handles", record.handles, [](std::string_view v) { return lowerNoSpace(v, true); });
    enc.addSet("vehicles", record.vehicles, compact);
    enc.addSet("addresses", record.addresses, words);
    enc.addSet("police-ids", record.policeIds, compact);
    return enc.finish();
}

} // namespace wb::core::matching
