// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include <QCoreApplication>
#include <QFrame>
#include <QString>

#include <string>

#include "core/nom/Facts.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace wb::core::nom {
struct Question;
}

namespace wb::ui {

class InlineMessage;

/// One question of the guided flow: its text, help, an editor built from its type, the inline error, its last
/// change and the "Not known" and "History…" buttons. No signals of its own: the flow passes callbacks.
class QuestionRow final : public QFrame
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::QuestionRow)

public:
    QuestionRow(const core::nom::Question& question, QWidget* parent);

    const core::nom::Question& question() const { return m_question; }
    QPushButton* notKnownButton() const { return m_notKnownButton; }
    QPushButton* historyButton() const { return m_historyButton; }
    bool isModified() const { return m_modified; }
    std::function<void()> onEdited;

    QWidget* firstEditor() const { return m_first; }

    /// Shows the saved answer (or none) and forgets any edit.
    void setSaved(const std::optional<core::nom::FactValue>& value);
    void setLastChange(const QString& text);
    /// Marks the question as a follow-up of these questions' answers ("Follow-up to: Relationship"), above its text.
    void setFollowUpOf(const QString& labels);
    QLabel* followUpLabel() const { return m_followUp; }
    /// Where the answer comes from when the case's records hold it ("From People: met online / dating app", or an
    /// override and its reason); empty when they do not. `fromRecords` shows the reason field the officer fills to
    /// answer otherwise (an override, core::cases::answer).
    void setSource(const QString& text, bool fromRecords);
    /// The reason typed for answering otherwise than the records, trimmed; std::nullopt when none was typed.
    std::optional<std::string> overrideReason() const;
    QLineEdit* reasonEdit() const { return m_reason; }
    QLabel* sourceLabel() const { return m_source; }
    void showError(const QString& text);
    void clearError();

    /// The edited answer: std::nullopt for "not known". Sets *error (and returns nullopt) when the text cannot
    /// be read as the question's type.
    std::optional<core::nom::FactValue> edited(QString* error) const;

    /// The answer as text for the summary and the history.
    static QString valueText(const core::nom::Question& q, const core::nom::FactValue& value);

private:
    QString rangeText(const QString& lead) const;
    void noteEdited();
    QLineEdit* addLine(QLayout* layout, const QString& objectName, const QString& accessible, const QString& hint);
    void buildEditor(QVBoxLayout* layout);
    void clearEditor();
    void showValue(const core::nom::FactValue& value);

    const core::nom::Question& m_question;
    bool m_loading = false;
    bool m_modified = false;
    QWidget* m_first = nullptr;
    QButtonGroup* m_group = nullptr;
    QRadioButton* m_yes = nullptr;
    QRadioButton* m_no = nullptr;
    QRadioButton* m_unknown = nullptr;
    QComboBox* m_combo = nullptr;
    std::vector<QCheckBox*> m_boxes;
    QLineEdit* m_line = nullptr;
    QLineEdit* m_line2 = nullptr;
    InlineMessage* m_error = nullptr;
    QLabel* m_lastChange = nullptr;
    QLabel* m_followUp = nullptr;
    QLabel* m_source = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_notKnownButton = nullptr;
    QPushButton* m_historyButton = nullptr;
};

} // namespace wb::ui
