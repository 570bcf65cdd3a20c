// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wb::core::security {

/// What hardenProcess() achieved, as read back from the kernel and the C library.
struct HardeningStatus {
    bool dumpable = true;       ///< prctl(PR_GET_DUMPABLE): false means no core dump, no ptrace attach by the user
    bool coreLimitZero = false; ///< getrlimit(RLIMIT_CORE) soft and hard limits are both 0
    bool heapPerturbed = false; ///< glibc fills freed heap memory (mallopt M_PERTURB)
};

/// Called first thing by both programs' main(): no core dumps (RLIMIT_CORE 0, soft and
/// hard, so a child cannot raise it again), not dumpable (so a crash writes nothing and
/// other processes of the same user cannot ptrace-attach or read /proc/<pid>/mem), and
/// glibc told to overwrite freed heap memory, so that plaintext a closed window or a
/// locked workspace released does not linger. Best effort on each step: failures are
/// reported by status(), never thrown.
void hardenProcess() noexcept;

/// The current state, read from the kernel (for self-checks and tests).
HardeningStatus status() noexcept;

/// Zeroes 64 KiB of stack below the caller's frame: called after a computation whose
/// callees (libsodium's BLAKE2b and Argon2) leave key bytes in stack locals they do not
/// wipe, on the thread that ran it.
void scrubStack() noexcept;

} // namespace wb::core::security
