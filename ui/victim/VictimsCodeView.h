// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QString>
#include <QWidget>

#include "ui/cases/CaseContext.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace wb::ui {

/// The 12 rights of the Victims' Code for one victim: one row per right with
/// what was last done to meet it and when ("Not yet recorded" / "Done on …",
/// text, not colour), the examples from the reference list as guidance, and a
/// Record… button per right. Above the grid: whether the victim has enhanced
/// rights, and, when they opted out, whether the opt-out has been recorded.
/// Keeps itself current from the signal bridge.
class VictimsCodeView final : public QWidget
{
    Q_OBJECT

public:
    enum Column { RightColumn, StatusColumn, DoneColumn, GuidanceColumn, ActionColumn, ColumnCount };

    explicit VictimsCodeView(const CaseContext& context, QWidget* parent = nullptr);

    /// The victim whose rights are shown; 0 shows the rights with nothing recorded.
    void setVictim(std::int64_t personId);
    std::int64_t victim() const noexcept { return m_victim; }
    /// Re-reads the victim's records and their enhanced-rights flag.
    void refresh();

    QTableWidget* grid() const noexcept { return m_grid; }
    /// The status text of a row ("Not yet recorded", "Done on 02/03/2026").
    QString statusText(int row) const;
    /// The right code of a row ("r01"…).
    QString rightCode(int row) const;
    QLabel* enhancedLabel() const noexcept { return m_enhanced; }
    QLabel* optOutLabel() const noexcept { return m_optOut; }
    QPushButton* optOutButton() const noexcept { return m_optOutButton; }

    /// The start of the Right 4 entry that records an opt-out of enhanced rights.
    static QString optOutMarker();

Q_SIGNALS:
    /// Record… on a right: a new Victims' Code entry for it is wanted.
    void recordRequested(const QString& rightCode);
    /// "Record the opt-out…": a Right 4 entry stating the victim opted out.
    void optOutRequested();

private:
    void build();

    CaseContext m_context;
    std::int64_t m_victim = 0;
    QLabel* m_enhanced = nullptr;
    QLabel* m_optOut = nullptr;
    QPushButton* m_optOutButton = nullptr;
    QTableWidget* m_grid = nullptr;
};

} // namespace wb::ui
