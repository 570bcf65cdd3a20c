// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QWidget>

#include "core/repo/RecordRepository.h"
#include "ui/cases/CaseTab.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace wb::ui {

class ContactPlanPanel;
class QuickContactRow;
class RecordTab;
class ReportDialog;
class RightToReviewPanel;
class VictimsCodeView;

/// The "Victim" tab of a case: for the chosen victim (a selector when the case
/// has several), the agreed contact plan shown plainly with its history
/// (ContactPlanPanel), the contact log with a fast keyboard-only entry row
/// (QuickContactRow), the 12 Victims' Code rights (VictimsCodeView), ISVA referrals,
/// the victim's wishes, and the investigation events that start Right 6 deadlines.
/// When the victim withdraws or the case ends in a decision not to proceed, the
/// Victims' Right to Review information is shown (RightToReviewPanel) with a way to
/// log that it was given. The lists show every victim of the case (the Victim column
/// says whose); the plan, the Code grid, the fast entry and new records follow the
/// selector. The rules live in core/victim; this tab shows and collects.
class VictimTab final : public QWidget, public CaseTab
{
    Q_OBJECT

public:
    enum Section { PlanSection, ContactsSection, CodeSection, IsvaSection, WishesSection, EventsSection };

    explicit VictimTab(const CaseContext& context, QWidget* parent = nullptr);

    /// The victim chosen (0 when the case has none).
    std::int64_t victimId() const;
    /// Chooses a victim of the case; false when the id is not one.
    bool selectVictim(std::int64_t personId);
    void showSection(Section section);
    QTabWidget* sections() const noexcept { return m_sections; }

    /// The list of one of the tab's record types ("contact", "contact_plan"…), or null.
    RecordTab* recordTab(std::string_view type) const;
    /// Shows the list of `type` and opens a new record prefilled with preset (a
    /// victim_id in it chooses that victim). False when the type is not one of this tab's.
    bool startRecord(const std::string& type, const core::Values& preset);
    /// Shows the list of `type` and opens the record; false when not found.
    bool openRecord(const std::string& type, std::int64_t id);

    /// The chosen victim's current contact plan (core::victim::currentContactPlan).
    std::optional<core::Record> currentPlan() const;
    /// "Change the plan…": a new plan entry superseding the current one, prefilled from it.
    void changePlan();
    /// Saves the fast contact entry row; false (with the reason shown) when it could not.
    bool saveFastContact();
    /// Logs a contact with the purpose "Victims' Right to Review information" (opens the form).
    void logVrrContact();

    QWidget* fastEntry() const;
    QLabel* doNotContactLabel() const;
    QWidget* planSummary() const;
    VictimsCodeView* codeView() const noexcept { return m_code; }
    QWidget* vrrPanel() const;
    /// "Write a letter…": the reports dialog on a victim letter to the victim chosen here (deleted on close).
    ReportDialog* writeLetter();
    QLabel* vrrLabel() const;

    void newRecord() override;
    bool save() override;
    bool hasUnsavedChanges() const override;
    void discardChanges() override;
    std::vector<core::FormDraft> captureDrafts() const override;
    bool restoreDraft(const core::FormDraft& draft) override;

Q_SIGNALS:
    /// Any part gained or lost unsaved edits.
    void modifiedChanged();

private:
    QWidget* buildPlanSection();
    QWidget* buildContactsSection();
    QWidget* buildCodeSection();
    RecordTab* addRecordTab(std::string_view type, QWidget* parent);
    RecordTab* activeRecordTab() const;
    void reloadVictims();
    void victimChosen();
    void refreshPlan();
    void startInTab(RecordTab* tab, const core::Values& preset);
    void recordChanged(const core::RecordRepository::Event& event);

    CaseContext m_context;
    QComboBox* m_victim = nullptr;
    QLabel* m_noVictim = nullptr;
    QTabWidget* m_sections = nullptr;
    std::vector<RecordTab*> m_parts;
    ContactPlanPanel* m_plan = nullptr;
    QuickContactRow* m_quick = nullptr;
    VictimsCodeView* m_code = nullptr;
    RightToReviewPanel* m_vrr = nullptr;
    QPushButton* m_letterButton = nullptr;
};

} // namespace wb::ui
