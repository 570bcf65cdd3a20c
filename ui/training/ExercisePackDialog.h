// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QDialog>

#include "core/training/PackLoader.h"
#include "ui/session/Catalogues.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace wb::ui {

class InlineMessage;

/// The first step of *Start exercise* (issue 17): which scenario pack. Lists the packs shipped with the program (a
/// pack that does not validate is listed with its first problem and cannot be chosen) and takes another pack file
/// from a trainer; shows the chosen pack's summary, its start and how much new information it brings. The next step
/// is the new TRAINING workspace: the trainee's name, the file and the passphrase.
class ExercisePackDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ExercisePackDialog(const Catalogues& catalogues, QWidget* parent = nullptr);

    /// Checks a pack file and adds it to the list, selected; false, with the problem shown, when it is not a pack.
    bool addPackFile(const QString& path);
    /// The chosen pack and its text (after accept).
    const core::training::ScenarioPack* pack() const;
    const std::string& packText() const;
    /// The chosen pack's attachments, read from beside it.
    core::training::PackAttachments attachments() const;

    QListWidget* list() const noexcept { return m_list; }
    QLabel* details() const noexcept { return m_details; }
    InlineMessage* message() const noexcept { return m_message; }
    QPushButton* nextButton() const noexcept { return m_next; }

private:
    void addEntry(core::training::PackFile file);
    void showSelected();
    void chooseFile();

    const Catalogues& m_catalogues;
    std::vector<core::training::PackFile> m_packs;
    QListWidget* m_list = nullptr;
    QLabel* m_details = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_next = nullptr;
};

} // namespace wb::ui
