// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QDialog>

#include "core/repo/CaseRepository.h"

class QLabel;
class QPushButton;
class QTableView;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class InlineMessage;
class PersonListModel;
class SignalBridge;

/// One case: its fields and its people, with Add person… and Remove person.
/// Kept current from the bridge; closes itself if the case is removed.
class CaseDialog final : public QDialog
{
    Q_OBJECT

public:
    CaseDialog(core::Workspace& workspace, SignalBridge& bridge, std::int64_t caseId, QWidget* parent = nullptr);
    ~CaseDialog() override;

    std::int64_t caseId() const noexcept { return m_caseId; }
    PersonListModel* peopleModel() const noexcept { return m_people; }

private:
    void showCase(const core::Case& record);
    void caseChanged(const core::CaseRepository::Event& event);
    void addPerson();
    void removePerson();
    void updateButtons();

    core::Workspace& m_workspace;
    const std::int64_t m_caseId;
    PersonListModel* m_people = nullptr;

    QLabel* m_referenceValue = nullptr;
    QLabel* m_operationValue = nullptr;
    QLabel* m_offenceValue = nullptr;
    QLabel* m_statusValue = nullptr;
    QLabel* m_reportedValue = nullptr;
    QTableView* m_peopleView = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    InlineMessage* m_errorMessage = nullptr;
};

} // namespace wb::ui
