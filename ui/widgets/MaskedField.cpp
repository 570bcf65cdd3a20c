// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/MaskedField.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QToolButton>

namespace wb::ui {

MaskedField::MaskedField(QWidget* field, const QString& fieldName, QWidget* parent)
    : QWidget(parent)
    , m_field(field)
    , m_fieldName(fieldName)
{
    setObjectName(field->objectName() + QStringLiteral("Mask"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    field->setParent(this);
    layout->addWidget(field, 1);

    m_standIn = new QLineEdit(this);
    m_standIn->setObjectName(field->objectName() + QStringLiteral("Hidden"));
    m_standIn->setReadOnly(true);
    m_standIn->setAccessibleName(tr("%1, hidden by privacy mode").arg(fieldName));
    m_standIn->setToolTip(tr("Hidden by privacy mode. Choose Show (or press Enter here) to see it until you leave "
                             "the field."));
    m_standIn->installEventFilter(this);
    layout->addWidget(m_standIn, 1);

    m_button = new QToolButton(this);
    m_button->setObjectName(field->objectName() + QStringLiteral("ShowButton"));
    m_button->setFocusPolicy(Qt::StrongFocus);
    layout->addWidget(m_button);
    connect(m_button, &QToolButton::clicked, this, [this] {
        if (m_revealed) {
            conceal();
        } else {
            reveal();
        }
    });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) { focusChanged(now); });
    updateState();
}

void MaskedField::setMasked(bool masked, const QString& maskText)
{
    const bool wasRevealed = isRevealed();
    m_masked = masked;
    m_revealed = false;
    m_standIn->setText(maskText.isEmpty() ? tr("(hidden)") : tr("%1 (hidden)").arg(maskText));
    updateState();
    if (wasRevealed) {
        Q_EMIT revealedChanged(false);
    }
}

void MaskedField::reveal()
{
    if (!m_masked || m_revealed) {
        return;
    }
    m_revealed = true;
    updateState();
    if (m_field->isEnabled()) {
        m_field->setFocus(Qt::OtherFocusReason);
    }
    Q_EMIT revealedChanged(true);
}

void MaskedField::conceal()
{
    if (!m_revealed) {
        return;
    }
    m_revealed = false;
    updateState();
    Q_EMIT revealedChanged(false);
}

void MaskedField::updateState()
{
    const bool hidden = m_masked && !m_revealed;
    // The stand-in first, so a focused field hands its focus to something nearby.
    m_standIn->setVisible(hidden);
    m_field->setVisible(!hidden);
    m_button->setVisible(m_masked);
    m_button->setText(m_revealed ? tr("Hide") : tr("Show"));
    m_button->setAccessibleName(m_revealed ? tr("Hide %1").arg(m_fieldName) : tr("Show %1").arg(m_fieldName));
    m_button->setToolTip(m_revealed ? tr("Hide it again (privacy mode)")
                                    : tr("Show it until you leave the field (privacy mode)"));
    setFocusProxy(hidden ? static_cast<QWidget*>(m_standIn) : m_field);
}

void MaskedField::focusChanged(QWidget* now)
{
    if (!m_revealed) {
        return;
    }
    if (now != nullptr && (now == this || isAncestorOf(now))) {
        return;
    }
    // A calendar or completer popup of the field keeps it open.
    if (now != nullptr && now->window() != nullptr && now->window()->windowType() == Qt::Popup) {
        return;
    }
    conceal();
}

bool MaskedField::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_standIn && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Space) {
            reveal();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wb::ui
