// SPDX-License-Identifier: GPL-3.0-or-later
// Default sanitizer options compiled into the test executables of a sanitizer
// build (the `asan` preset), so every way of running them — ctest, test
// discovery at build time, a test binary started by hand — behaves the same:
// any report fails the run, and only the third-party leaks listed (with a
// reason each) in lsan.supp are ignored. ASAN_OPTIONS/LSAN_OPTIONS/UBSAN_OPTIONS
// in the environment still override these.

extern "C" {

// Called by the sanitizer runtimes before main(); the names are their API.
// NOLINTBEGIN(readability-identifier-naming)
const char* __asan_default_options()
{
    return "detect_leaks=1:abort_on_error=0:strict_init_order=1:detect_stack_use_after_return=1:"
           "check_initialization_order=1:halt_on_error=1";
}

const char* __lsan_default_options()
{
    return "suppressions=" WB_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

const char* __ubsan_default_options()
{
    return "print_stacktrace=1:halt_on_error=1";
}
// NOLINTEND(readability-identifier-naming)
}
