// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "core/domain/Time.h"
#include "core/nom/Facts.h"

class QLabel;
class QProgressBar;

namespace wb::core::nom {
class QuestionCatalogue;
}

namespace wb::ui {

/// The Context tab's progress line: "N of M questions answered" (and how many more depend on earlier answers) with
/// a bar, counting the questions shown on the facts as saved (with what the records hold).
class ContextProgress final : public QWidget
{
    Q_OBJECT

public:
    explicit ContextProgress(QWidget* parent = nullptr);

    void showProgress(const core::nom::QuestionCatalogue& questions, const core::nom::Facts& facts, core::Instant now);

private:
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
};

} // namespace wb::ui
