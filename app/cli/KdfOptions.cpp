// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/KdfOptions.h"

#include "app/cli/Options.h"

namespace wb::app::cli {

void KdfOptions::addTo(CLI::App& command)
{
    command.add_option("--kdf-ops", ops_, "Argon2id passes (1-10); default 3")
        ->type_name("N")
        ->transform(wholeNumber());
    command.add_option("--kdf-mem-exp", memExponent_, "Argon2id memory = 8 MiB * 2^E (0-7, at most 1 GiB); default 6")
        ->type_name("E")
        ->transform(wholeNumber());
}

core::store::KdfParams KdfOptions::params() const
{
    auto params = core::store::KdfParams::defaults();
    if (ops_) {
        params.opsLimit = static_cast<unsigned>(*ops_);
    }
    if (memExponent_) {
        params.memExponent = static_cast<unsigned>(*memExponent_);
    }
    params.validate();
    return params;
}

} // namespace wb::app::cli
