// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "ui/cases/CaseContext.h"

class QLabel;
class QPushButton;

namespace wb::ui {

class InlineMessage;
class RecordTab;

/// The Evidence tab's "Unused material" page (issue 18, disclosure as you go): the items the disclosure schedules
/// (MG6C, MG6D, MG6E) are printed from, edited like any record, above them what the schedules hold and still lack
/// (core::disclosure::disclosureSchedules), and "Add drafts" for the exhibits, devices and third-party material
/// requests not yet on a schedule (core::disclosure::draftUnusedMaterial). The schedules themselves are printed from
/// the case's Reports dialog.
class UnusedMaterialPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit UnusedMaterialPanel(const CaseContext& context, QWidget* parent = nullptr);

    /// Re-reads what the schedules hold and lack.
    void refresh();
    /// Adds a draft item for each record not yet on a schedule, and selects the first one added.
    void addDrafts();

    RecordTab* recordTab() const noexcept { return m_records; }
    QPushButton* draftButton() const noexcept { return m_draft; }
    QLabel* summary() const noexcept { return m_summary; }

private:
    CaseContext m_context;
    QLabel* m_summary = nullptr;
    QPushButton* m_draft = nullptr;
    InlineMessage* m_message = nullptr;
    RecordTab* m_records = nullptr;
};

} // namespace wb::ui
