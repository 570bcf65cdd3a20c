// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

#include <QObject>
#include <QString>

#include "core/domain/Person.h"

namespace wb::ui {

/// Privacy mode, for working in public places: victims' and witnesses' names and
/// contact details are shown as initials in every list and header while it is on,
/// and masked in every editor and detail pane (ui/MaskedField: revealed one field
/// at a time, masked again when the focus leaves it).
/// One instance per main window; every view that shows a person asks it.
class PrivacyMode final : public QObject
{
    Q_OBJECT

public:
    explicit PrivacyMode(QObject* parent = nullptr);

    bool isOn() const noexcept { return m_on; }
    void setOn(bool on);

    /// The name to show: "A. E." for a victim or witness while privacy mode is on,
    /// else the full name ("Unknown" stays as it is; it names nobody).
    QString displayName(const core::Person& person) const;
    /// Contact details (phone, email, address) of a victim or witness: hidden
    /// ("•••") while privacy mode is on.
    QString displayContact(const core::Person& person, const QString& value) const;

    /// True while privacy mode is on and the person is a victim or a witness.
    bool hides(const core::Person& person) const noexcept { return m_on && isProtected(person.role); }
    /// Victims and witnesses are protected; suspects are not.
    static bool isProtected(core::PersonRole role) noexcept;
    /// A record field holding a protected person's contact details (a phone number,
    /// email or address: an identifier's value and note, a contact plan's safe
    /// channels and go-between's details).
    static bool isContactField(std::string_view recordType, std::string_view key) noexcept;
    /// What stands in for a hidden contact detail or date of birth.
    static QString hiddenMark();

    /// "A. E." from a given and a family name.
    static QString initials(const QString& givenName, const QString& familyName);

Q_SIGNALS:
    void changed(bool on);

private:
    bool m_on = false;
};

} // namespace wb::ui
