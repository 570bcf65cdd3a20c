// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/text/MatchText.h"

#include <cmath>

#include <QStringList>

namespace wb::ui {

using core::matching::Field;
using core::matching::Level;

namespace {

bool isName(Field field)
{
    return field == Field::FamilyName || field == Field::GivenName;
}

/// The value rounded to one decimal, without its sign ("4.1").
QString magnitude(double value)
{
    return QString::number(std::abs(std::round(value * 10.0) / 10.0), 'f', 1);
}

} // namespace

QString MatchText::field(Field field)
{
    switch (field) {
    case Field::FamilyName: return tr("surname");
    case Field::GivenName: return tr("given name");
    case Field::BirthDate: return tr("birth date");
    case Field::Phone: return tr("phone");
    case Field::Email: return tr("email");
    case Field::Handle: return tr("online handle");
    case Field::Vehicle: return tr("vehicle");
    case Field::Address: return tr("address");
    case Field::Postcode: return tr("postcode");
    case Field::PoliceId: return tr("police ID");
    }
    return {};
}

QString MatchText::fieldHeading(Field field)
{
    switch (field) {
    case Field::FamilyName: return tr("Surname");
    case Field::GivenName: return tr("Given name");
    case Field::BirthDate: return tr("Birth date");
    case Field::Phone: return tr("Phone");
    case Field::Email: return tr("Email");
    case Field::Handle: return tr("Handle");
    case Field::Vehicle: return tr("Vehicle");
    case Field::Address: return tr("Address");
    case Field::Postcode: return tr("Postcode");
    case Field::PoliceId: return tr("Police ID");
    }
    return {};
}

namespace {

QString exactWords(Field field)
{
    switch (field) {
    case Field::FamilyName:
    case Field::GivenName: return MatchText::tr("the same");
    case Field::BirthDate: return MatchText::tr("the same date");
    case Field::Phone: return MatchText::tr("same number");
    case Field::Email: return MatchText::tr("same email address");
    case Field::Handle: return MatchText::tr("same handle");
    case Field::Vehicle: return MatchText::tr("same registration");
    case Field::Address: return MatchText::tr("same address");
    case Field::Postcode: return MatchText::tr("same postcode");
    case Field::PoliceId: return MatchText::tr("same police ID");
    }
    return {};
}

/// "different", or for a field compared on any pair of its recorded values, that no value is shared.
QString differentWords(Field field)
{
    switch (field) {
    case Field::Phone: return MatchText::tr("no number in common");
    case Field::Email: return MatchText::tr("no email address in common");
    case Field::Handle: return MatchText::tr("no handle in common");
    case Field::Vehicle: return MatchText::tr("no registration in common");
    case Field::PoliceId: return MatchText::tr("no police ID in common");
    case Field::FamilyName:
    case Field::GivenName:
    case Field::BirthDate:
    case Field::Address:
    case Field::Postcode: return MatchText::tr("different");
    }
    return {};
}

QString similarWords(const QString& withScore, const QString& withoutScore, std::optional<double> similarity)
{
    if (!similarity) {
        return withoutScore;
    }
    return withScore.arg(QString::number(*similarity, 'f', 2));
}

} // namespace

QString MatchText::level(Field field, Level level, std::optional<double> similarity)
{
    switch (level) {
    case Level::NotCompared: return tr("not recorded for both");
    case Level::Exact: return exactWords(field);
    case Level::Alias: return tr("the same as a recorded alias");
    case Level::Nickname: return tr("a short or familiar form of the same name");
    case Level::Swapped: return tr("given name and surname swapped");
    case Level::SimilarHigh: return similarWords(tr("similar (Jaro–Winkler %1)"), tr("similar"), similarity);
    case Level::SimilarMedium:
        return similarWords(tr("somewhat similar (Jaro–Winkler %1)"), tr("somewhat similar"), similarity);
    case Level::Phonetic: return tr("sounds the same");
    case Level::Initial: return tr("same initial");
    case Level::DayMonthSwapped: return tr("day and month swapped");
    case Level::WithinAYear: return tr("within a year");
    case Level::AgeConsistent: return tr("age consistent");
    case Level::SameArea: return tr("same area (postcode district)");
    case Level::Different: return differentWords(field);
    }
    return {};
}

QString MatchText::weight(double weight)
{
    const double rounded = std::round(weight * 10.0) / 10.0;
    if (rounded > 0.0) {
        return QStringLiteral("+") + magnitude(weight);
    }
    if (rounded < 0.0) {
        return QStringLiteral("\u2212") + magnitude(weight);
    }
    return QStringLiteral("0.0");
}

QString MatchText::termFrequencyNote(Field field, double adjustment)
{
    if (adjustment == 0.0) {
        return {};
    }
    const bool common = adjustment < 0.0;
    if (isName(field)) {
        return common ? tr("(a common name: %1)").arg(weight(adjustment))
                      : tr("(a rare name: %1)").arg(weight(adjustment));
    }
    return common ? tr("(a common value: %1)").arg(weight(adjustment))
                  : tr("(a rare value: %1)").arg(weight(adjustment));
}

QString MatchText::sentence(const core::matching::Contribution& contribution)
{
    QString text =
        tr("%1: %2 %3", "field: level weight")
            .arg(field(contribution.field), level(contribution.field, contribution.level, contribution.similarity),
                 weight(contribution.weight));
    const QString note = termFrequencyNote(contribution.field, contribution.termFrequencyAdjustment);
    if (!note.isEmpty()) {
        text += QLatin1Char(' ') + note;
    }
    return text;
}

QString MatchText::prior(double weight)
{
    return tr("starting point (how likely any two records are the same person) %1").arg(MatchText::weight(weight));
}

QString MatchText::total(double weight)
{
    return tr("total weight %1").arg(MatchText::weight(weight));
}

QString MatchText::probability(double probability)
{
    const double percent = std::round(probability * 100.0);
    if (percent >= 100.0) {
        return tr("match probability more than 99 %");
    }
    if (percent <= 0.0) {
        return tr("match probability less than 1 %");
    }
    return tr("match probability %1 %").arg(static_cast<int>(percent));
}

QString MatchText::explanation(const core::matching::MatchScore& score)
{
    QStringList parts;
    parts << prior(score.priorWeight);
    for (const auto& contribution : score.contributions) {
        parts << sentence(contribution);
    }
    parts << total(score.totalWeight) << probability(score.probability);
    return parts.join(QStringLiteral("; "));
}

QString MatchText::verdict(core::MatchVerdict verdict)
{
    switch (verdict) {
    case core::MatchVerdict::Same: return tr("Same person");
    case core::MatchVerdict::Different: return tr("Different people");
    case core::MatchVerdict::Undecided: return tr("Undecided");
    }
    return {};
}

} // namespace wb::ui
