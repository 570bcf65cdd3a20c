// SPDX-License-Identifier: GPL-3.0-or-later
// AppTranslator: installs the workbench's compiled translation (translations/, embedded as a Qt resource) in
// the application, so tr("%n results", nullptr, n) reads "1 result" / "3 results". The GUI and the UI tests
// both call install(), so tests see what officers see.
#pragma once

#include <QString>

class QCoreApplication;

namespace wb::ui {

class AppTranslator final
{
public:
    // The resource the build embeds for the given locale name (e.g. "en_GB").
    static QString resourcePath(const QString& locale);
    // Loads the en_GB translation and installs it in app (the translator is a child of app). False only when the
    // embedded file is missing or unreadable: a build fault, the caller says so.
    static bool install(QCoreApplication& app);
};

} // namespace wb::ui
