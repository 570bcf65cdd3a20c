// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QDialog>

#include "core/repo/ContextRepository.h"

namespace wb::core::nom {
struct Question;
}

namespace wb::ui {

/// Every answer given to one context question, oldest first: when (UK time), by whom, and the answer (or that it
/// was withdrawn). Read-only.
class AnswerHistoryDialog final : public QDialog
{
    Q_OBJECT

public:
    AnswerHistoryDialog(const core::nom::Question& question,
                        const std::vector<core::ContextAnswer>& history,
                        QWidget* parent = nullptr);
};

} // namespace wb::ui
