// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/PathChooser.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

#include "ui/widgets/FileChooser.h"

namespace wb::ui {

PathChooser::PathChooser(Mode mode,
                         const QString& accessibleName,
                         const QString& browseAccessibleName,
                         const QString& editObjectName,
                         const QString& buttonObjectName,
                         QWidget* parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_edit(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Bro&wse…"), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit->setObjectName(editObjectName);
    m_edit->setAccessibleName(accessibleName);
    m_edit->setMinimumWidth(380);
    m_browse->setObjectName(buttonObjectName);
    m_browse->setAccessibleName(browseAccessibleName);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &PathChooser::pathChanged);
    connect(m_browse, &QPushButton::clicked, this, &PathChooser::browse);
}

void PathChooser::setDialog(const QString& caption, const QString& filter)
{
    m_caption = caption;
    m_filter = filter;
}

void PathChooser::setStartFolder(const QString& folder)
{
    m_startFolder = folder;
}

QString PathChooser::path() const
{
    return QDir::fromNativeSeparators(m_edit->text().trimmed());
}

void PathChooser::setPath(const QString& path)
{
    m_edit->setText(QDir::toNativeSeparators(path));
}

QString PathChooser::normalisedPath(const QString& defaultSuffix)
{
    QString typed = path();
    if (typed.isEmpty()) {
        return typed;
    }
    if (!defaultSuffix.isEmpty() && QFileInfo(typed).suffix().isEmpty()) {
        typed += QLatin1Char('.') + defaultSuffix;
    }
    typed = QFileInfo(typed).absoluteFilePath();
    setPath(typed);
    return typed;
}

void PathChooser::browse()
{
    const QString start = path().isEmpty() ? m_startFolder : path();
    const QString chosen = m_mode == Mode::Open ? FileChooser::openFile(this, m_caption, start, m_filter)
                                                : FileChooser::saveFile(this, m_caption, start, m_filter);
    if (!chosen.isEmpty()) {
        setPath(chosen);
        Q_EMIT browsed();
    }
}

} // namespace wb::ui
