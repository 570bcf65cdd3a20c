// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/text/ProvenanceText.h"

namespace wb::ui {

QString ProvenanceText::unconfirmedTimeLimit()
{
    return tr("Time limit not confirmed nationally: check your force's guidance.");
}

QString ProvenanceText::unconfirmedLegalPoint()
{
    return tr("Not confirmed nationally: check your force's guidance.");
}

} // namespace wb::ui
