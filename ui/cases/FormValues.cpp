// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/FormValues.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStringList>
#include <QTextEdit>
#include <QWidget>

namespace wb::ui {

namespace {

/// The named inputs under root, in creation order.
QList<QWidget*> inputs(const QWidget& root)
{
    QList<QWidget*> found;
    const auto all = root.findChildren<QWidget*>();
    for (QWidget* widget : all) {
        const QString name = widget->objectName();
        if (name.isEmpty() || name.startsWith(QLatin1String("qt_"))) {
            continue;
        }
        if (qobject_cast<QLineEdit*>(widget) != nullptr || qobject_cast<QPlainTextEdit*>(widget) != nullptr ||
            qobject_cast<QTextEdit*>(widget) != nullptr || qobject_cast<QComboBox*>(widget) != nullptr ||
            qobject_cast<QDateTimeEdit*>(widget) != nullptr || qobject_cast<QSpinBox*>(widget) != nullptr ||
            qobject_cast<QDoubleSpinBox*>(widget) != nullptr || qobject_cast<QListWidget*>(widget) != nullptr ||
            (qobject_cast<QAbstractButton*>(widget) != nullptr &&
             qobject_cast<QAbstractButton*>(widget)->isCheckable())) {
            found.push_back(widget);
        }
    }
    return found;
}

QString valueOf(QWidget* widget)
{
    if (auto* line = qobject_cast<QLineEdit*>(widget)) {
        return line->text();
    }
    if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
        return plain->toPlainText();
    }
    if (auto* text = qobject_cast<QTextEdit*>(widget)) {
        return text->toPlainText();
    }
    if (auto* combo = qobject_cast<QComboBox*>(widget)) {
        return combo->isEditable() ? combo->currentText() : QString::number(combo->currentIndex());
    }
    if (auto* date = qobject_cast<QDateTimeEdit*>(widget)) {
        return date->dateTime().toString(Qt::ISODate);
    }
    if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
        return QString::number(spin->value());
    }
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(widget)) {
        return QString::number(spin->value());
    }
    if (auto* list = qobject_cast<QListWidget*>(widget)) {
        QStringList checked;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked) {
                checked << QString::number(i);
            }
        }
        return checked.join(QLatin1Char(','));
    }
    auto* button = qobject_cast<QAbstractButton*>(widget);
    return button->isChecked() ? QStringLiteral("1") : QStringLiteral("0");
}

void setValueOf(QWidget* widget, const QString& value)
{
    if (auto* line = qobject_cast<QLineEdit*>(widget)) {
        line->setText(value);
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
        plain->setPlainText(value);
    } else if (auto* text = qobject_cast<QTextEdit*>(widget)) {
        text->setPlainText(value);
    } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
        if (combo->isEditable()) {
            combo->setEditText(value);
        } else if (const int index = value.toInt(); index >= 0 && index < combo->count()) {
            combo->setCurrentIndex(index);
        }
    } else if (auto* date = qobject_cast<QDateTimeEdit*>(widget)) {
        date->setDateTime(QDateTime::fromString(value, Qt::ISODate));
    } else if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
        spin->setValue(value.toInt());
    } else if (auto* decimal = qobject_cast<QDoubleSpinBox*>(widget)) {
        decimal->setValue(value.toDouble());
    } else if (auto* list = qobject_cast<QListWidget*>(widget)) {
        const QStringList checked = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->flags().testFlag(Qt::ItemIsUserCheckable)) {
                list->item(i)->setCheckState(checked.contains(QString::number(i)) ? Qt::Checked : Qt::Unchecked);
            }
        }
    } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
        button->setChecked(value == QLatin1String("1"));
    }
}

} // namespace

std::map<std::string, std::string> FormValues::capture(const QWidget& root)
{
    std::map<std::string, std::string> values;
    for (QWidget* widget : inputs(root)) {
        values[widget->objectName().toStdString()] = valueOf(widget).toStdString();
    }
    return values;
}

void FormValues::restore(QWidget& root, const std::map<std::string, std::string>& values)
{
    for (QWidget* widget : inputs(root)) {
        if (const auto it = values.find(widget->objectName().toStdString()); it != values.end()) {
            setValueOf(widget, QString::fromStdString(it->second));
        }
    }
}

} // namespace wb::ui
