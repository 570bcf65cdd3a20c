// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class PrivacyMode;
class WorkspaceSession;

/// Global search (Ctrl+K): every word typed must match, as a prefix. Hits are
/// grouped by case (the crime reference as the group header), each with its kind
/// (a person's role: victim, suspect, witness) and an excerpt; people's names and contact details go through
/// PrivacyMode. Enter or a double-click asks to open the hit's case. Searches the session's workspace; a locked or
/// closed one shows why instead of results.
class SearchDialog final : public QDialog
{
    Q_OBJECT

public:
    SearchDialog(WorkspaceSession& session, PrivacyMode* privacy, QWidget* parent = nullptr);
    ~SearchDialog() override;

    QLineEdit* searchEdit() const noexcept { return m_searchEdit; }
    QTreeWidget* results() const noexcept { return m_results; }
    /// Runs the search for the text in the box now.
    void runSearch();

    /// "Decision", "Person"… for an index entity name.
    static QString kindLabel(const QString& entity);
    /// The line under the results: "1 result in 1 case.", "3 results in 2 cases.", "Nothing found.".
    static QString summaryText(int results, int cases);

Q_SIGNALS:
    /// entity: "person", "decision"…; uuid: the record's.
    void openRequested(std::int64_t caseId, const QString& entity, const QString& uuid);

protected:
    /// Up, Down, Page Up and Page Down in the search box move through the results.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openItem(QTreeWidgetItem* item);
    void openCurrent();
    /// The kind column: a person's role ("Suspect"), otherwise kindLabel.
    QString kindText(core::Workspace& workspace, const QString& entity, const std::string& uuid) const;
    QString hitText(core::Workspace& workspace,
                    const QString& entity,
                    const std::string& uuid,
                    const std::string& snippet) const;

    WorkspaceSession& m_session;
    PrivacyMode* m_privacy = nullptr;
    QLineEdit* m_searchEdit = nullptr;
    QTreeWidget* m_results = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace wb::ui
