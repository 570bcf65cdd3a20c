// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PrivacyMode.h"

#include <QStringList>

#include "core/domain/Person.h"

namespace wb::ui {

namespace {

bool isProtected(const core::Person& person)
{
    return person.role == core::PersonRole::Victim || person.role == core::PersonRole::Witness;
}

} // namespace

PrivacyMode::PrivacyMode(QObject* parent)
    : QObject(parent)
{
}

void PrivacyMode::setOn(bool on)
{
    if (on == m_on) {
        return;
    }
    m_on = on;
    Q_EMIT changed(on);
}

QString PrivacyMode::initials(const QString& givenName, const QString& familyName)
{
    QStringList parts;
    for (const QString& name : {givenName.trimmed(), familyName.trimmed()}) {
        if (!name.isEmpty()) {
            parts << name.left(1).toUpper() + QLatin1Char('.');
        }
    }
    return parts.join(QLatin1Char(' '));
}

QString PrivacyMode::displayName(const core::Person& person) const
{
    const QString given = QString::fromStdString(person.givenName);
    const QString family = QString::fromStdString(person.familyName);
    if (m_on && isProtected(person)) {
        return initials(given, family);
    }
    return QStringList{given, family}.join(QLatin1Char(' ')).trimmed();
}

QString PrivacyMode::displayContact(const core::Person& person, const QString& value) const
{
    if (m_on && isProtected(person) && !value.isEmpty()) {
        return QStringLiteral("•••");
    }
    return value;
}

} // namespace wb::ui
