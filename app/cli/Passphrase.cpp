// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Passphrase.h"

#include <cstdio>
#include <stdexcept>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace wb::app {

namespace {

core::store::SecureBuffer readLine(int fd)
{
    core::store::SecureBuffer buffer(1024);
    std::size_t used = 0;
    while (used < buffer.size()) {
        char c = 0;
        const ssize_t got = ::read(fd, &c, 1);
        if (got <= 0 || c == '\n') {
            break;
        }
        buffer.data()[used++] = static_cast<unsigned char>(c);
    }
    if (used > 0 && buffer.data()[used - 1] == '\r') {
        --used;
    }
    auto exact = core::store::SecureBuffer::fromBytes(buffer.view().substr(0, used));
    return exact;
}

} // namespace

core::store::SecureBuffer readPassphrase(std::optional<int> fd, const std::string& prompt)
{
    if (fd) {
        return readLine(*fd);
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
    auto result = readLine(tty);
    if (isTerminal) {
        ::tcsetattr(tty, TCSAFLUSH, &old);
    }
    ::close(tty);
    std::fputs("\n", stderr);
    return result;
}

} // namespace wb::app
