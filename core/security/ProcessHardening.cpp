// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/security/ProcessHardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <sodium.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace wb::core::security {

namespace {
// The byte glibc writes over freed chunks (and, inverted, over fresh ones). Any
// non-zero value works; zero would disable the feature.
constexpr int PerturbByte = 0xA5;
bool g_perturbed = false;

// Deep enough for libsodium's Argon2id and BLAKE2b call chains (a few KiB), with margin.
constexpr std::size_t ScrubBytes = std::size_t{64} * 1024;
} // namespace

void hardenProcess() noexcept
{
    const rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#if defined(__GLIBC__)
    g_perturbed = ::mallopt(M_PERTURB, PerturbByte) == 1;
#endif
}

HardeningStatus status() noexcept
{
    HardeningStatus result;
    result.dumpable = ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
    rlimit limit{};
    result.coreLimitZero = ::getrlimit(RLIMIT_CORE, &limit) == 0 && limit.rlim_cur == 0 && limit.rlim_max == 0;
    result.heapPerturbed = g_perturbed;
    return result;
}

__attribute__((noinline)) void scrubStack() noexcept
{
    // sodium_memzero is not optimised away; the array is the stack the callees used.
    unsigned char area[ScrubBytes];
    sodium_memzero(area, sizeof area);
    __asm__ __volatile__("" : : "r"(area) : "memory");
}

} // namespace wb::core::security
