// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "core/deadlines/DeadlineService.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/reference/ReferenceData.h"

namespace wb::app::cli {

/// The offence catalogue and reference lists a workspace is opened with, from the data folder.
struct Catalogues {
    std::shared_ptr<const core::OffenceCatalogue> offences;
    std::shared_ptr<const core::ReferenceData> lists;

    static Catalogues load();
};

/// The due list's rules, bank holidays and catalogues, as the GUI loads them.
core::deadlines::DeadlineService loadDeadlines();

} // namespace wb::app::cli
