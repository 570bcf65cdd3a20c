// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

#include "ui/cases/CaseContext.h"

class QLabel;
class QPushButton;
class QRadioButton;

namespace wb::ui {

class InlineMessage;
class PlainFileDestination;

/// Exports for analysts (issue 18), from a case window: the case's persons, objects, locations and events with the
/// links between them as POLE CSV (two files, resources/exports/pole-csv-v1.md, for i2 Analyst's Notebook or a
/// spreadsheet), or the whole case as JSON for the force's records system
/// (resources/exports/case-export-v1.schema.json). Both are plain files with personal data: the dialog says so, warns
/// of a synced or network folder, and writes through core::exports::writeAudited (whole or not at all, never over a
/// file, audited with the folder).
class AnalystExportDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Format { PoleCsv, CaseJson };

    explicit AnalystExportDialog(const CaseContext& context, QWidget* parent = nullptr);

    void setFormat(Format format);
    Format format() const;
    /// The path typed or chosen: the JSON file, or for POLE CSV the name the two files are named after.
    void setPath(const QString& path);
    /// The files the export writes, as it stands: one JSON file, or the entities and links CSV files.
    QStringList targets() const;
    /// Writes the export; false, with the reason shown, when nothing was written.
    bool exportNow();

    InlineMessage* message() const noexcept { return m_message; }
    PlainFileDestination* destination() const noexcept { return m_destination; }

private:
    void formatChanged();
    void updateTargets();
    /// "GEN-000003-26-pole.csv" in the safe start folder: the crime reference made a file name.
    QString suggestedPath() const;

    CaseContext m_context;
    QString m_reference;
    QRadioButton* m_pole = nullptr;
    QRadioButton* m_json = nullptr;
    PlainFileDestination* m_destination = nullptr;
    QLabel* m_targets = nullptr;
    QPushButton* m_export = nullptr;
    InlineMessage* m_message = nullptr;
    QString m_suggested;
};

} // namespace wb::ui
