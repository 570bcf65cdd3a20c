// SPDX-License-Identifier: GPL-3.0-or-later
// The Sources view (issue 14): every catalogue and reference list item with its provenance, searchable, filterable,
// keyboard reachable, opened from the main window's Help menu.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QScreen>
#include <QTableView>
#include <QTest>

#include "core/catalogues/SourceIndex.h"
#include "core/nom/EnquiryCatalogue.h"
#include "support/UiTestSupport.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/sources/SourcesDialog.h"
#include "ui/sources/SourcesModel.h"

namespace wb::ui::test {
namespace {

QString cell(const SourcesDialog& dialog, int row, int column)
{
    return dialog.table()->model()->index(row, column).data().toString();
}

TEST(SourcesDialog, ListsEveryEntryWithSourceTagConfirmationAndVersion)
{
    const Catalogues all = catalogues();
    SourcesDialog dialog(all);
    dialog.show();
    const auto index = core::sourceIndex(all);
    ASSERT_EQ(dialog.totalCount(), static_cast<int>(index.size()));
    EXPECT_EQ(dialog.shownCount(), dialog.totalCount());
    EXPECT_EQ(cell(dialog, 0, SourcesModel::KindColumn), QStringLiteral("Line of enquiry"));
    EXPECT_EQ(cell(dialog, 0, SourcesModel::IdColumn).toStdString(), index.front().id);
    EXPECT_EQ(cell(dialog, 0, SourcesModel::SourceColumn).toStdString(), index.front().source);
    EXPECT_EQ(cell(dialog, 0, SourcesModel::ConfirmedColumn),
              index.front().confirmed ? QStringLiteral("Confirmed") : QStringLiteral("Not confirmed"));
    EXPECT_TRUE(cell(dialog, 0, SourcesModel::FileColumn).contains(QString::fromStdString(all.enquiries->version())));

    // Search: every word must appear in some column.
    dialog.searchEdit()->setText(QStringLiteral("suspect.known"));
    ASSERT_GE(dialog.shownCount(), 1);
    for (int row = 0; row < dialog.shownCount(); ++row) {
        bool found = false;
        for (int c = 0; c < SourcesModel::ColumnCount; ++c) {
            found = found || cell(dialog, row, c).contains(QStringLiteral("suspect.known"), Qt::CaseInsensitive);
        }
        EXPECT_TRUE(found) << row;
    }
    dialog.searchEdit()->setText(QStringLiteral("no-such-words-anywhere xyzzy"));
    EXPECT_EQ(dialog.shownCount(), 0);
    dialog.searchEdit()->clear();

    // Filters: kind and confirmation, in words.
    dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findText(QStringLiteral("Offence")));
    ASSERT_GT(dialog.shownCount(), 0);
    EXPECT_EQ(dialog.shownCount(), static_cast<int>(all.offences->offences().size()));
    for (int row = 0; row < dialog.shownCount(); ++row) {
        EXPECT_EQ(cell(dialog, row, SourcesModel::KindColumn), QStringLiteral("Offence"));
    }
    dialog.kindCombo()->setCurrentIndex(0);
    dialog.confirmationCombo()->setCurrentIndex(
        dialog.confirmationCombo()->findText(QStringLiteral("Not confirmed only")));
    const int notConfirmed = static_cast<int>(
        std::count_if(index.begin(), index.end(), [](const core::SourceEntry& e) { return !e.confirmed; }));
    EXPECT_EQ(dialog.shownCount(), notConfirmed);
    for (int row = 0; row < dialog.shownCount(); ++row) {
        EXPECT_EQ(cell(dialog, row, SourcesModel::ConfirmedColumn), QStringLiteral("Not confirmed"));
    }
    dialog.confirmationCombo()->setCurrentIndex(dialog.confirmationCombo()->findText(QStringLiteral("Confirmed only")));
    EXPECT_EQ(dialog.shownCount(), static_cast<int>(index.size()) - notConfirmed);

    // The selected entry's full provenance, with the tag explained.
    dialog.table()->setCurrentIndex(dialog.table()->model()->index(0, 0));
    EXPECT_TRUE(dialog.detailText().contains(QStringLiteral("Source:")));
    EXPECT_TRUE(dialog.detailText().contains(QStringLiteral("catalogue version")));
    EXPECT_EQ(SourcesModel::tagMeaning(QStringLiteral("U/D")),
              QStringLiteral("U: unconfirmed, verify before relying on it / D: a design suggestion, not a rule from "
                             "any source"));
}

// Issue 15: the dialog was 1300 pixels wide whatever the screen; it stays within it.
TEST(SourcesDialog, FitsTheScreen)
{
    const Catalogues all = catalogues();
    SourcesDialog dialog(all);
    const QRect area = QGuiApplication::primaryScreen()->availableGeometry();
    EXPECT_LE(dialog.width(), area.width());
    EXPECT_LE(dialog.height(), area.height());
}

TEST(SourcesDialog, IsKeyboardReachable)
{
    const Catalogues all = catalogues();
    SourcesDialog dialog(all);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    ASSERT_TRUE(waitFor([&] { return dialog.searchEdit()->hasFocus(); }));
    QTest::keyClicks(dialog.searchEdit(), QStringLiteral("PACE"));
    EXPECT_LT(dialog.shownCount(), dialog.totalCount());
    QTest::keyClick(dialog.searchEdit(), Qt::Key_Return);
    EXPECT_TRUE(dialog.isVisible()) << "Enter in the search field does not close the view";
    for (QWidget* w : std::initializer_list<QWidget*>{dialog.searchEdit(), dialog.kindCombo(),
                                                      dialog.confirmationCombo(), dialog.table()}) {
        EXPECT_FALSE(w->accessibleName().isEmpty()) << w->objectName().toStdString();
        EXPECT_NE(w->focusPolicy() & Qt::TabFocus, 0) << w->objectName().toStdString();
    }
    // Alt+K goes to the kind filter (its label's mnemonic).
    QTest::keyClick(&dialog, Qt::Key_K, Qt::AltModifier);
    EXPECT_TRUE(dialog.kindCombo()->hasFocus());
    dialog.table()->setFocus();
    QTest::keyClick(dialog.table(), Qt::Key_Down);
    EXPECT_TRUE(dialog.table()->currentIndex().isValid());
    EXPECT_FALSE(dialog.detailText().contains(QStringLiteral("Select an entry")));
}

TEST(SourcesDialog, OpensFromTheHelpMenuWithoutAWorkspace)
{
    TempDir dir;
    AppSettings settings(qpath(dir / "settings.ini"));
    MainWindow window(catalogues(), settings);
    auto* action = window.findChild<QAction*>(QStringLiteral("sourcesAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_TRUE(action->isEnabled()) << "reference data only: no workspace needed";
    action->trigger();
    auto* dialog = window.findChild<SourcesDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_GT(dialog->totalCount(), 0);
    action->trigger();
    EXPECT_EQ(window.findChildren<SourcesDialog*>().size(), 1) << "one view per window";
}

} // namespace
} // namespace wb::ui::test
