// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/AttachmentDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/widgets/DialogFit.h"

namespace wb::ui {

AttachmentDialog::AttachmentDialog(const QString& title,
                                   const QString& file,
                                   const std::string& content,
                                   QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("attachmentDialog"));
    setWindowTitle(tr("TRAINING – %1").arg(title));
    auto* layout = new QVBoxLayout(this);
    const QByteArray bytes(content.data(), static_cast<qsizetype>(content.size()));
    if (file.endsWith(QStringLiteral(".txt"), Qt::CaseInsensitive)) {
        auto* text = new QPlainTextEdit(this);
        text->setObjectName(QStringLiteral("attachmentText"));
        text->setAccessibleName(title);
        text->setReadOnly(true);
        text->setPlainText(QString::fromUtf8(bytes));
        layout->addWidget(text);
        m_shown = true;
    } else {
        QPixmap image;
        auto* label = new QLabel(this);
        label->setObjectName(QStringLiteral("attachmentImage"));
        label->setAccessibleName(title);
        label->setFocusPolicy(Qt::StrongFocus);
        if (image.loadFromData(bytes)) {
            label->setPixmap(image);
            m_shown = true;
        } else {
            label->setText(tr("This image cannot be shown: the file is damaged or not an image."));
        }
        auto* scroll = new QScrollArea(this);
        scroll->setWidget(label);
        scroll->setAlignment(Qt::AlignCenter);
        layout->addWidget(scroll);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    DialogFit::fitWindow(*this, QSize(720, 520));
}

} // namespace wb::ui
