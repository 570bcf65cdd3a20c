// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/text/AppTranslator.h"

#include <QCoreApplication>
#include <QTranslator>

// Outside any namespace, as Qt requires: keeps the translation resource (translations/Translations.cmake) in the
// link when wb_ui is a static library.
static void initTranslationResource()
{
    Q_INIT_RESOURCE(wb_translations);
}

namespace wb::ui {

QString AppTranslator::resourcePath(const QString& locale)
{
    return QStringLiteral(":/i18n/rasso-workbench_%1.qm").arg(locale);
}

bool AppTranslator::install(QCoreApplication& app)
{
    // Only UK English ships (issue 20 adds Welsh and a choice between them); it supplies the singular and plural
    // forms of the counted strings, whose source text is the plural.
    initTranslationResource();
    auto* translator = new QTranslator(&app);
    if (!translator->load(resourcePath(QStringLiteral("en_GB")))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace wb::ui
