// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QDialog>

#include "core/suspects/WholePicture.h"
#include "ui/session/Catalogues.h"

class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QTableWidget;

namespace wb::ui {

class InlineMessage;
class MatchingService;
class PrivacyMode;

/// A person's whole picture (repeat suspects, issue 16; core::suspects::wholePicture): every case they and everyone
/// confirmed the same appear in — reference, operation, offence, status, outcome and their role there (a suspect
/// recorded as a witness elsewhere shows as a witness) — with "Open case" at that person, their identifiers by kind,
/// orders and notices, bail, the decisions linking the records and any conflicting ones. Empty sections say so in
/// words. Read only: each case's records stay as they are. Read on the GUI thread once no job holds the workspace;
/// read again after a decision is recorded; closed when the workspace locks or closes. Names of victims and
/// witnesses go through privacy mode. Victim rule: nothing here judges anyone's credibility.
class WholePictureDialog final : public QDialog
{
    Q_OBJECT

public:
    WholePictureDialog(MatchingService& matching,
                       const Catalogues& catalogues,
                       PrivacyMode* privacy,
                       std::int64_t personId,
                       QWidget* parent = nullptr);
    ~WholePictureDialog() override;

    std::int64_t personId() const noexcept { return m_personId; }
    /// The picture as last read (none before the first read, or when it was refused).
    const std::optional<core::suspects::WholePicture>& picture() const noexcept { return m_picture; }

    QLabel* headingLabel() const noexcept { return m_heading; }
    QTableWidget* casesTable() const noexcept { return m_cases; }
    QPushButton* openCaseButton() const noexcept { return m_openCase; }
    QTableWidget* identifiersTable() const noexcept { return m_identifiers; }
    QListWidget* ordersList() const noexcept { return m_orders; }
    QListWidget* bailList() const noexcept { return m_bail; }
    QListWidget* linksList() const noexcept { return m_links; }
    QListWidget* conflictsList() const noexcept { return m_conflicts; }
    InlineMessage* message() const noexcept { return m_message; }

    /// Reads the picture again (now, or once the running job ends).
    void reload();
    /// Asks the hub to open the case of the selected row at this person (the first row when none is selected).
    void openSelectedCase();

private:
    QGroupBox* listSection(const QString& title, const QString& objectName, QListWidget*& list, QWidget* parent);
    void showPicture(const core::suspects::WholePicture& picture);
    void showCases(const core::suspects::WholePicture& picture);
    void showIdentifiers(const core::suspects::WholePicture& picture);
    void showRecords(const core::suspects::WholePicture& picture);
    void showDecisions(const core::suspects::WholePicture& picture);
    QString personName(const core::Person& person) const;
    QString caseReference(std::int64_t caseId) const;

    MatchingService& m_matching;
    const Catalogues& m_catalogues;
    PrivacyMode* m_privacy = nullptr;
    std::int64_t m_personId = 0;
    std::optional<core::suspects::WholePicture> m_picture;

    QScrollArea* m_scroll = nullptr;
    QLabel* m_heading = nullptr;
    QTableWidget* m_cases = nullptr;
    QPushButton* m_openCase = nullptr;
    QTableWidget* m_identifiers = nullptr;
    QLabel* m_identifiersEmpty = nullptr;
    QListWidget* m_orders = nullptr;
    QListWidget* m_bail = nullptr;
    QListWidget* m_links = nullptr;
    QListWidget* m_conflicts = nullptr;
    InlineMessage* m_message = nullptr;
};

} // namespace wb::ui
