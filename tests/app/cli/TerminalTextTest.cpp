// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/TerminalText: outside text is printed with its control characters escaped.
#include <gtest/gtest.h>

#include "app/cli/TerminalText.h"

using wb::app::terminalSafe;

TEST(TerminalTextTest, plainTextAndAccentsAreUnchanged)
{
    EXPECT_EQ(terminalSafe("FICT/0401/26 DC Sam Example (1234)"), "FICT/0401/26 DC Sam Example (1234)");
    EXPECT_EQ(terminalSafe("Zoë Ní Bhriain — café"), "Zoë Ní Bhriain — café");
    EXPECT_EQ(terminalSafe(""), "");
}

TEST(TerminalTextTest, controlCharactersAreEscaped)
{
    EXPECT_EQ(terminalSafe("DC \x1b[31mRed\x07"), "DC \\x1b[31mRed\\x07");
    EXPECT_EQ(terminalSafe("line\nfake: ok\r\t"), "line\\x0afake: ok\\x0d\\x09");
    EXPECT_EQ(terminalSafe(std::string("a\0b", 3)), "a\\x00b");
    EXPECT_EQ(terminalSafe("\x7f"), "\\x7f");
    EXPECT_EQ(terminalSafe("\xc2\x9b"
                           "2J"),
              "\\u{009b}2J")
        << "C1 control sequence introducer";
}

TEST(TerminalTextTest, bidiControlsAndInvalidUtf8AreEscapedAndBackslashesDoubled)
{
    EXPECT_EQ(terminalSafe("abc\xe2\x80\xae"
                           "fed"),
              "abc\\u{202e}fed");
    EXPECT_EQ(terminalSafe("\xe2\x81\xa6x\xe2\x81\xa9"), "\\u{2066}x\\u{2069}");
    EXPECT_EQ(terminalSafe("\xff\xfe"), "\\xff\\xfe");
    EXPECT_EQ(terminalSafe("\xe2\x80"), "\\xe2\\x80") << "cut-short sequence";
    EXPECT_EQ(terminalSafe("\xc0\xaf"), "\\xc0\\xaf") << "overlong";
    EXPECT_EQ(terminalSafe("\xed\xa0\x80"), "\\xed\\xa0\\x80") << "surrogate";
    EXPECT_EQ(terminalSafe("a\\x1b"), "a\\\\x1b") << "a backslash cannot fake an escape";
    for (int c = 0; c < 0x20; ++c) {
        const std::string out = terminalSafe(std::string(1, static_cast<char>(c)));
        EXPECT_EQ(out.find(static_cast<char>(c)), std::string::npos) << c;
    }
}
