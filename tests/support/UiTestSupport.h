// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the widget tests, on top of the shared support/TestSupport.h.
#pragma once

#include <functional>
#include <memory>
#include <ostream>

#include <QFont>
#include <QObject>
#include <QString>

#include "support/TestSupport.h"
#include "ui/session/Catalogues.h"

class QWidget;

/// Lets GoogleTest print QStrings readably in failure messages.
inline void PrintTo(const QString& text, std::ostream* out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace wb::ui::test {

using wb::test::TempDir;

/// The reference data from resources/reference, as the application loads it.
Catalogues catalogues();

/// The shipped deadline rules and bank holidays, loaded once.
std::shared_ptr<const core::deadlines::DeadlineService> deadlineService();

/// Processes events until pred() holds or the timeout passes; returns pred().
bool waitFor(const std::function<bool()>& pred, int timeoutMs = 15000);

/// Emits `timer`'s timeout now, as if its interval had passed (with the clock moved on by the
/// test): timer-driven behaviour is tested without sleeping. Fails the test on a null timer.
void fireTimer(QObject* timer);

/// A fresh workspace at path, with the cheapest key derivation (tests only).
std::unique_ptr<core::Workspace> makeWorkspace(const std::filesystem::path& path, bool training = false);

QString qpath(const std::filesystem::path& path);

/// The application's font made `factor` times larger (as a desktop's font at 150 % scaling is) for as long as it
/// lives; the font before it is put back when it goes, also when the test fails half-way.
class ScopedLargerFont
{
public:
    explicit ScopedLargerFont(double factor);
    ~ScopedLargerFont();
    ScopedLargerFont(const ScopedLargerFont&) = delete;
    ScopedLargerFont& operator=(const ScopedLargerFont&) = delete;

private:
    QFont m_before;
};

/// The visible top-level window of type T (e.g. a dialog opened with open()), or null.
template <typename T> T* visibleTopLevel();

} // namespace wb::ui::test

#include <QApplication>

template <typename T> T* wb::ui::test::visibleTopLevel()
{
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget* window : windows) {
        if (auto* typed = qobject_cast<T*>(window); typed != nullptr && typed->isVisible()) {
            return typed;
        }
    }
    return nullptr;
}
