// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/ExercisePackDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/DialogFit.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PlainFileDestination.h"

namespace wb::ui {

namespace training = core::training;

namespace {

constexpr int PackIndexRole = Qt::UserRole;

} // namespace

ExercisePackDialog::ExercisePackDialog(const Catalogues& catalogues, QWidget* parent)
    : QDialog(parent)
    , m_catalogues(catalogues)
{
    setObjectName(QStringLiteral("exercisePackDialog"));
    setWindowTitle(tr("Start an exercise – TRAINING"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Choose the scenario pack your trainer named. The exercise runs in a new TRAINING "
                                "workspace of its own, on the scenario's clock, with fictional people only."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* label = new QLabel(tr("Scenario &packs:"), this);
    layout->addWidget(label);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("exercisePackList"));
    m_list->setAccessibleName(tr("Scenario packs"));
    label->setBuddy(m_list);
    layout->addWidget(m_list, 1);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("exercisePackDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setMinimumHeight(m_details->fontMetrics().height() * 6);
    layout->addWidget(m_details);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("exercisePackMessage"));
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* other = buttons->addButton(tr("Other pack &file…"), QDialogButtonBox::ActionRole);
    other->setObjectName(QStringLiteral("otherPackFileButton"));
    other->setToolTip(tr("A pack your trainer gave you as a file (.json)"));
    m_next = buttons->addButton(tr("&Next…"), QDialogButtonBox::AcceptRole);
    m_next->setObjectName(QStringLiteral("exercisePackNextButton"));
    m_next->setDefault(true);
    connect(other, &QPushButton::clicked, this, &ExercisePackDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ExercisePackDialog::showSelected);
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (m_next->isEnabled()) {
            accept();
        }
    });
    layout->addWidget(buttons);

    try {
        for (auto& file : training::packsIn(m_catalogues.trainingPacks, m_catalogues)) {
            addEntry(std::move(file));
        }
    } catch (const core::Error& e) {
        m_message->showMessage(ErrorText::message(e));
    }
    if (m_list->count() == 0) {
        m_message->showMessage(tr("No scenario packs were found beside the program. Use Other pack file… for a pack "
                                  "your trainer gave you."),
                               InlineMessage::Kind::Warning);
    }
    for (int row = 0; row < m_list->count(); ++row) {
        if ((m_list->item(row)->flags() & Qt::ItemIsEnabled) != 0) {
            m_list->setCurrentRow(row);
            break;
        }
    }
    showSelected();
    DialogFit::fitWindow(*this, QSize(720, 560));
}

void ExercisePackDialog::addEntry(training::PackFile file)
{
    const int index = static_cast<int>(m_packs.size());
    auto* item = new QListWidgetItem(m_list);
    if (file.check.pack) {
        item->setText(DisplayText::fromStd(file.check.pack->title));
    } else {
        const auto& first = file.check.problems.front();
        item->setText(
            tr("%1 (cannot be used: %2)")
                .arg(DisplayText::fromPath(file.path.filename()),
                     DisplayText::fromStd(first.field.empty() ? first.message : first.field + ": " + first.message)));
        item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    item->setData(PackIndexRole, index);
    m_packs.push_back(std::move(file));
}

bool ExercisePackDialog::addPackFile(const QString& path)
{
    training::PackFile file;
    file.path = DisplayText::toPath(path);
    try {
        file.text = training::readPackFile(file.path);
        file.check = training::checkPack(file.text, m_catalogues);
        if (file.check.pack) {
            file.attachments = training::readPackAttachments(*file.check.pack, file.path.parent_path());
        }
    } catch (const core::Error& e) {
        m_message->showMessage(tr("%1: %2").arg(QFileInfo(path).fileName(), ErrorText::message(e)));
        return false;
    }
    if (!file.check.pack) {
        const auto& first = file.check.problems.front();
        m_message->showMessage(
            tr("%1 is not a scenario pack this workbench can run: %2")
                .arg(QFileInfo(path).fileName(),
                     DisplayText::fromStd(first.field.empty() ? first.message : first.field + ": " + first.message)));
        return false;
    }
    m_message->clearMessage();
    addEntry(std::move(file));
    m_list->setCurrentRow(m_list->count() - 1);
    return true;
}

void ExercisePackDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Scenario pack"), PlainFileDestination::safeStartFolder(), tr("Scenario packs (*.json)"));
    if (!path.isEmpty()) {
        addPackFile(path);
    }
}

const training::ScenarioPack* ExercisePackDialog::pack() const
{
    const auto* item = m_list->currentItem();
    if (item == nullptr) {
        return nullptr;
    }
    const auto& file = m_packs.at(static_cast<std::size_t>(item->data(PackIndexRole).toInt()));
    return file.check.pack ? &*file.check.pack : nullptr;
}

const std::string& ExercisePackDialog::packText() const
{
    static const std::string none;
    const auto* item = m_list->currentItem();
    return item == nullptr ? none : m_packs.at(static_cast<std::size_t>(item->data(PackIndexRole).toInt())).text;
}

training::PackAttachments ExercisePackDialog::attachments() const
{
    const auto* item = m_list->currentItem();
    return item == nullptr ? training::PackAttachments{}
                           : m_packs.at(static_cast<std::size_t>(item->data(PackIndexRole).toInt())).attachments;
}

void ExercisePackDialog::showSelected()
{
    const auto* chosen = pack();
    m_next->setEnabled(chosen != nullptr);
    if (chosen == nullptr) {
        m_details->clear();
        return;
    }
    m_details->setText(tr("%1\n\nCase %2, reported %3 (scenario time). New information to come: %4. Version %5.")
                           .arg(DisplayText::fromStd(chosen->summary),
                                DisplayText::fromStd(chosen->scenarioCase.crimeReference),
                                DisplayText::ukDateTime(chosen->startsAt))
                           .arg(chosen->injects.size())
                           .arg(DisplayText::fromStd(chosen->version)));
    m_details->setAccessibleName(m_details->text());
}

} // namespace wb::ui
