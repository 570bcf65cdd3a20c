// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/privacy/PrivacyMode.h"

#include <QStringList>

#include "core/domain/Person.h"
#include "core/records/RecordTypes.h"

namespace wb::ui {

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

bool PrivacyMode::isProtected(core::PersonRole role) noexcept
{
    return role == core::PersonRole::Victim || role == core::PersonRole::Witness;
}

bool PrivacyMode::isContactField(std::string_view recordType, std::string_view key) noexcept
{
    if (recordType == core::recordtype::kIdentifier) {
        return key == "value" || key == "note";
    }
    if (recordType == core::recordtype::kContactPlan) {
        return key == "safe_channels" || key == "through_details";
    }
    return false;
}

QString PrivacyMode::hiddenMark()
{
    return QStringLiteral("•••");
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
    if (hides(person)) {
        return initials(given, family);
    }
    return QStringList{given, family}.join(QLatin1Char(' ')).trimmed();
}

QString PrivacyMode::displayContact(const core::Person& person, const QString& value) const
{
    if (hides(person) && !value.isEmpty()) {
        return hiddenMark();
    }
    return value;
}

} // namespace wb::ui
