// SPDX-License-Identifier: GPL-3.0-or-later
// FormValues: what a form's named inputs hold is captured by object name and put back, so a draft kept across a
// lock shows the same values; Qt's own inner widgets and unnamed ones are left out. Fictional values.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QWidget>

#include "ui/cases/FormValues.h"

namespace wb::ui::test {
namespace {

struct Form {
    QWidget root;
    QLineEdit* line = new QLineEdit(&root);
    QLineEdit* unnamed = new QLineEdit(&root);
    QPlainTextEdit* notes = new QPlainTextEdit(&root);
    QComboBox* combo = new QComboBox(&root);
    QCheckBox* check = new QCheckBox(&root);
    QDateEdit* date = new QDateEdit(&root);
    QSpinBox* spin = new QSpinBox(&root);
    QListWidget* list = new QListWidget(&root);

    Form()
    {
        line->setObjectName(QStringLiteral("nameLineEdit"));
        notes->setObjectName(QStringLiteral("notesEdit"));
        combo->setObjectName(QStringLiteral("kindComboBox"));
        combo->addItems({QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three")});
        check->setObjectName(QStringLiteral("flagCheckBox"));
        date->setObjectName(QStringLiteral("whenDateEdit"));
        spin->setObjectName(QStringLiteral("ageSpinBox"));
        list->setObjectName(QStringLiteral("offencesList"));
        for (const char* text : {"a", "b", "c"}) {
            auto* item = new QListWidgetItem(QString::fromLatin1(text), list);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
};

TEST(FormValuesTest, WhatIsCapturedComesBackInAnotherFormOfTheSameShape)
{
    Form typed;
    typed.line->setText(QStringLiteral("Sam Example"));
    typed.unnamed->setText(QStringLiteral("left out"));
    typed.notes->setPlainText(QStringLiteral("Two lines\nof notes"));
    typed.combo->setCurrentIndex(2);
    typed.check->setChecked(true);
    typed.date->setDate(QDate(2026, 3, 1));
    typed.spin->setValue(42);
    typed.list->item(1)->setCheckState(Qt::Checked);

    const auto values = FormValues::capture(typed.root);
    EXPECT_EQ(values.count("nameLineEdit"), 1U);
    for (const auto& [name, value] : values) {
        EXPECT_FALSE(name.empty());
        EXPECT_NE(name.rfind("qt_", 0), 0U) << name << ": Qt's inner widgets are left out";
        EXPECT_NE(value, "left out");
    }

    Form restored;
    FormValues::restore(restored.root, values);
    EXPECT_EQ(restored.line->text(), QStringLiteral("Sam Example"));
    EXPECT_TRUE(restored.unnamed->text().isEmpty());
    EXPECT_EQ(restored.notes->toPlainText(), QStringLiteral("Two lines\nof notes"));
    EXPECT_EQ(restored.combo->currentIndex(), 2);
    EXPECT_TRUE(restored.check->isChecked());
    EXPECT_EQ(restored.date->date(), QDate(2026, 3, 1));
    EXPECT_EQ(restored.spin->value(), 42);
    EXPECT_EQ(restored.list->item(0)->checkState(), Qt::Unchecked);
    EXPECT_EQ(restored.list->item(1)->checkState(), Qt::Checked);
    EXPECT_EQ(FormValues::capture(restored.root), values);
}

TEST(FormValuesTest, NamesNoLongerPresentAndBadIndexesAreIgnored)
{
    Form form;
    FormValues::restore(form.root, {{"goneLineEdit", "x"}, {"kindComboBox", "7"}, {"nameLineEdit", "Alex Sample"}});
    EXPECT_EQ(form.combo->currentIndex(), 0);
    EXPECT_EQ(form.line->text(), QStringLiteral("Alex Sample"));
}

} // namespace
} // namespace wb::ui::test
