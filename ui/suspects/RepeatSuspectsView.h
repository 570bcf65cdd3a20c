// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>
#include <optional>

#include <QWidget>

#include "core/Error.h"
#include "ui/suspects/MatchingService.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace wb::ui {

class AwaitingDecisionModel;
class PersonOfInterestListModel;
class PrivacyMode;

/// The main window's "Repeat suspects" tab (Ctrl+3, issue 16): (a) the suspects in more than one case (persons of
/// interest: names, number of cases, references; Enter opens the whole picture), (b) the possible matches awaiting
/// a decision, found by a whole-workspace scan the officer starts (progress, Cancel; strongest first; Enter opens
/// the decision), with the pairs linked already and those decided "different" counted in words, and (c) a short
/// help text with the victim rule. It goes through MatchingService for every search and request; it reads again
/// when a workspace is attached and when a decision is recorded, and empties on lock and close.
class RepeatSuspectsView final : public QWidget
{
    Q_OBJECT

public:
    RepeatSuspectsView(MatchingService& matching, PrivacyMode* privacy, QWidget* parent = nullptr);
    ~RepeatSuspectsView() override;

    /// Reads the persons of interest again (now when no job holds the workspace, else once none does) and drops
    /// the listed pairs decided since the scan.
    void reload();
    /// Starts the whole-workspace scan ("Look for possible matches").
    void startScan();
    /// Stops a running scan; what was found so far is listed.
    void cancelScan();
    /// Empties every list (lock, close).
    void clear();
    bool scanning() const noexcept { return m_scanActive; }

    QTableView* suspectsView() const noexcept { return m_suspectsView; }
    QTableView* proposalsView() const noexcept { return m_proposalsView; }
    PersonOfInterestListModel* suspectsModel() const noexcept { return m_suspects; }
    AwaitingDecisionModel* proposalsModel() const noexcept { return m_proposals; }
    QPushButton* scanButton() const noexcept { return m_scanButton; }
    QPushButton* cancelButton() const noexcept { return m_cancelButton; }
    QLabel* scanStatusLabel() const noexcept { return m_scanStatus; }
    QLabel* countsLabel() const noexcept { return m_counts; }
    QLabel* suspectsEmptyLabel() const noexcept { return m_suspectsEmpty; }

    /// "12,400 of 50,000 pairs compared".
    static QString progressText(std::size_t scored, std::size_t total);
    /// The linked and suppressed counts in words, empty when both are 0.
    static QString countsText(std::size_t linked, std::size_t suppressed);

private:
    void watchBridge();
    void readNow();
    void dropDecided();
    void scanProgress(std::size_t scored, std::size_t total);
    void scanDone(const std::optional<core::Error>& error, const core::suspects::AwaitingDecision& result);
    void showCounts();
    void updateEmptyStates();
    void openWholePicture(int row);
    void openDecision(int row);

    MatchingService& m_matching;
    PersonOfInterestListModel* m_suspects = nullptr;
    AwaitingDecisionModel* m_proposals = nullptr;
    std::shared_ptr<MatchingService::Scan> m_scan;
    bool m_scanActive = false;
    int m_generation = 0;
    bool m_scanned = false; ///< a scan finished (or stopped) since the last attach
    bool m_readPending = false;
    std::size_t m_linked = 0;
    std::size_t m_suppressed = 0;

    QLabel* m_suspectsEmpty = nullptr;
    QLabel* m_suspectsError = nullptr;
    QTableView* m_suspectsView = nullptr;
    QPushButton* m_scanButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_scanStatus = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_proposalsEmpty = nullptr;
    QTableView* m_proposalsView = nullptr;
};

} // namespace wb::ui
