// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace wb::core {
struct Person;
}

namespace wb::ui {

/// Privacy mode, for working in public places: victims' and witnesses' names and
/// contact details are shown as initials in every list and header while it is on.
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

    /// "A. E." from a given and a family name.
    static QString initials(const QString& givenName, const QString& familyName);

Q_SIGNALS:
    void changed(bool on);

private:
    bool m_on = false;
};

} // namespace wb::ui
