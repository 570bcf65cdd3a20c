// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalogues/Catalogues.h"

namespace wb::ui {

/// The reference data every workspace is opened with: loaded once by the application
/// (core::Catalogues::loadFrom in app/gui/main.cpp) and shared by the windows.
using Catalogues = core::Catalogues;

} // namespace wb::ui
