// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Passphrase.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include "core/security/PassphrasePolicy.h"

namespace wb::app {

namespace {

using core::security::PassphrasePolicy;

/// One line from fd into guarded memory. Refuses (never cuts short) a line longer than
/// PassphrasePolicy::MaxBytes, and says so when nothing could be read at all, so that a
/// closed descriptor or empty input is not taken for a wrong passphrase.
core::store::SecureBuffer readLine(int fd, const std::string& source)
{
    // Room for the longest accepted passphrase, a '\r' and one byte more to notice excess.
    core::store::SecureBuffer buffer(PassphrasePolicy::MaxBytes + 2);
    std::size_t used = 0;
    bool newline = false;
    while (used < buffer.size()) {
        char c = 0;
        const ssize_t got = ::read(fd, &c, 1);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            throw std::runtime_error("no passphrase could be read from " + source + " (" + std::strerror(errno) + ")");
        }
        if (got == 0) {
            break;
        }
        if (c == '\n') {
            newline = true;
            break;
        }
        buffer.data()[used++] = static_cast<unsigned char>(c);
    }
    if (used > 0 && buffer.data()[used - 1] == '\r') {
        --used;
    }
    if (used > PassphrasePolicy::MaxBytes) {
        throw std::runtime_error("the passphrase from " + source + " is longer than " +
                                 std::to_string(PassphrasePolicy::MaxBytes) +
                                 " bytes; it was refused rather than cut short (use a shorter one)");
    }
    if (used == 0) {
        throw std::runtime_error(newline ? "the passphrase from " + source + " is an empty line"
                                         : "no passphrase could be read from " + source +
                                               ": the input is empty or already closed");
    }
    return core::store::SecureBuffer::fromBytes(buffer.view().substr(0, used));
}

} // namespace

core::store::SecureBuffer readPassphrase(std::optional<int> fd, const std::string& prompt)
{
    if (fd) {
        return readLine(*fd, "descriptor " + std::to_string(*fd));
    }
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0) {
        throw std::runtime_error("no terminal to ask for the passphrase; use --passphrase-fd");
    }
    std::fputs(prompt.c_str(), stderr);
    std::fflush(stderr);
    termios old{};
    const bool isTerminal = ::tcgetattr(tty, &old) == 0;
    if (isTerminal) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    struct Restore {
        int tty;
        bool isTerminal;
        termios old;
        ~Restore()
        {
            if (isTerminal) {
                ::tcsetattr(tty, TCSAFLUSH, &old);
            }
            ::close(tty);
            std::fputs("\n", stderr);
        }
    } restore{tty, isTerminal, old};
    return readLine(tty, "the terminal");
}

} // namespace wb::app
