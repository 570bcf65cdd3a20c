// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <QDialog>

#include "core/plan/InvestigationPlan.h"
#include "ui/cases/CaseContext.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;

namespace wb::core {
class Error;
}

namespace wb::ui {

class InlineMessage;
class OptionalDateEdit;

/// Accepting a proposed line of enquiry, adding the officer's own, or editing a tracked enquiry (status, result,
/// s.37 notice, supervisory review). For an enquiry that intrudes on the victim's private life the dialog asks for
/// the reasonable line of enquiry, necessity and proportionality and the less intrusive options considered, and says
/// that it will be flagged for supervisory review. Core decides: a refusal is shown next to the field it names and
/// nothing is saved.
class EnquiryDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Accept, Own, Edit };

    EnquiryDialog(const CaseContext& context, Mode mode, QWidget* parent = nullptr);

    /// Accept mode: the line of enquiry being accepted (owner defaults to the workspace owner, the due date to the
    /// day its time limit ends).
    void setItem(const core::plan::PlanItem& item);
    /// Edit mode: the tracked enquiry to edit.
    void load(const core::Record& record);
    /// Edit mode: puts the keyboard focus on the supervisory review (from the Reviews tab).
    void focusReview();

    /// Saves through core; true when saved (the dialog then closes with Accepted).
    bool submit();
    /// The record written by the last successful submit().
    const std::optional<core::Record>& saved() const noexcept { return m_saved; }

    /// The editor of a field ("owner", "necessity_proportionality", "status"…), null when the mode has none.
    QWidget* editor(std::string_view key) const;
    /// The refusal shown next to a field, empty when none.
    QString fieldMessage(std::string_view key) const;
    /// The message above the buttons, empty when none.
    QString formMessage() const;
    QPushButton* okButton() const noexcept { return m_ok; }
    /// The explanation shown for an intrusive enquiry (empty when hidden).
    QString guardrailText() const;

private:
    struct Row {
        QWidget* editor = nullptr;
        QWidget* container = nullptr;
        InlineMessage* message = nullptr;
    };

    void build();
    Row&
    addRow(QFormLayout* form, const std::string& key, const QString& label, QWidget* editor, const QString& help = {});
    std::string text(const std::string& key) const;
    void updateVisibility();
    void clearMessages();
    void showRefusal(const core::Error& error);

    CaseContext m_context;
    Mode m_mode;
    std::optional<core::plan::PlanItem> m_item;
    std::optional<core::Record> m_record;
    std::optional<core::Record> m_saved;
    bool m_intrudes = false;
    bool m_device = false;

    std::map<std::string, Row, std::less<>> m_rows;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_heading = nullptr;
    QGroupBox* m_guardrail = nullptr;
    QLabel* m_guardrailText = nullptr;
    QGroupBox* m_tracking = nullptr;
    QGroupBox* m_review = nullptr;
    OptionalDateEdit* m_due = nullptr;
    OptionalDateEdit* m_s37 = nullptr;
    QCheckBox* m_intrudesBox = nullptr;
    QCheckBox* m_deviceBox = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace wb::ui
