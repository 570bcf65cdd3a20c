// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/SavePackDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/export/ExportFile.h"
#include "core/reports/CaseSummary.h"
#include "core/training/PackFromCase.h"
#include "core/training/PackLoader.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PathChooser.h"
#include "ui/widgets/PlainFileDestination.h"

namespace wb::ui {

SavePackDialog::SavePackDialog(const CaseContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("savePackDialog"));
    setWindowTitle(tr("Save as scenario pack – TRAINING"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The case as it stands becomes a new pack's first report: its people, context, first "
                                "account, timeline, exhibits and devices, starting at the scenario time now. For the "
                                "exercise's own case, the new information still to come and the model answers come "
                                "too. Edit the file as resources/training/README.md describes, then check it with "
                                "rasso-workbench-cli pack validate."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout();
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("packIdLineEdit"));
    m_id->setAccessibleName(tr("Pack id"));
    m_id->setMaxLength(60);
    m_id->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z0-9-]{1,60}")), m_id));
    form->addRow(tr("Pack &id:"), m_id);
    layout->addLayout(form);
    m_destination = new PlainFileDestination(
        tr("Pack file"), tr("Choose where to save the pack"), tr("Save to this folder all the &same"),
        {QStringLiteral("packPathLineEdit"), QStringLiteral("packBrowseButton"), QStringLiteral("packFolderWarning"),
         QStringLiteral("packFolderConfirmCheckBox")},
        this);
    auto* saveTo = new QLabel(tr("Save &to:"), this);
    saveTo->setBuddy(m_destination->chooser()->lineEdit());
    layout->addWidget(saveTo);
    layout->addWidget(m_destination);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("savePackMessage"));
    layout->addWidget(m_message);
    layout->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save pack"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("savePackButton"));
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &SavePackDialog::saveNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    try {
        QString id =
            DisplayText::fromStd(core::reports::caseById(*m_context.workspace, m_context.caseId).reference).toLower();
        id.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        m_id->setText(QStringLiteral("pack-%1").arg(id).left(60));
        const QString folder = PlainFileDestination::safeStartFolder();
        if (!folder.isEmpty()) {
            m_destination->chooser()->lineEdit()->setText(
                QDir(folder).absoluteFilePath(m_id->text() + QStringLiteral(".json")));
        }
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        m_save->setEnabled(false);
    }
    DialogFit::fitWindow(*this, QSize(680, 340));
}

bool SavePackDialog::saveNow()
{
    const QString path = m_destination->chooser()->lineEdit()->text().trimmed();
    if (path.isEmpty()) {
        m_message->showMessage(tr("Choose where to save the pack: type a file name or use Browse…."));
        m_destination->chooser()->lineEdit()->setFocus();
        return false;
    }
    if (!m_destination->folderAccepted()) {
        m_message->showMessage(tr("The file would leave this computer from that folder. Tick \"Save to this folder "
                                  "all the same\" if you mean to, or choose another folder."));
        m_destination->confirmation()->setFocus();
        return false;
    }
    try {
        core::Workspace& workspace = *m_context.workspace;
        const auto saved = core::training::packFromCase(workspace, m_context.caseId, DisplayText::toStd(m_id->text()),
                                                        *m_context.catalogues);
        const std::string& text = saved.json;
        const auto target = DisplayText::toPath(QFileInfo(path).absoluteFilePath());
        std::vector<core::exports::ExportFile> files{{target, text}};
        for (const auto& [file, content] : saved.attachments) {
            files.push_back({target.parent_path() / file, content}); // beside the pack, as packs keep them
        }
        core::exports::writeAudited(workspace, "scenario-pack", m_context.caseId, files);
        const auto check = core::training::checkPack(text, *m_context.catalogues);
        m_message->showMessage(
            check.pack
                ? tr("Saved as %1. It validates as it is: edit it, then give it a new version.")
                      .arg(QDir::toNativeSeparators(path))
                : tr("Saved as %1. Still to write before it can be run: %2 (rasso-workbench-cli pack validate "
                     "lists everything).")
                      .arg(QDir::toNativeSeparators(path),
                           DisplayText::fromStd(check.problems.front().field + ": " + check.problems.front().message)),
            InlineMessage::Kind::Information);
        return true;
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
        return false;
    }
}

} // namespace wb::ui
