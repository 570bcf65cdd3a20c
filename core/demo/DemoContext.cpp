// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoContext.h"

#include <string>

namespace wb::core {

std::vector<std::pair<const char*, nom::FactValue>> demoContext(std::string_view reference)
{
    using nom::TextList;
    using S = std::string;
    const std::string_view serial = reference.substr(0, 9); // "DEMO/0001": the year after it follows the report
    if (serial == "DEMO/0001") {                            // ex-partner, at the suspect's home
        return {{"relationship.category", S("ex-partner")},
                {"relationship.domesticAbuse", true},
                {"relationship.sharedHousehold", false},
                {"relationship.ongoingContact", true},
                {"victim.wantsInvestigation", S("investigation")},
                {"victim.safetyConcerns", true},
                {"victim.supportedByIsva", true},
                {"suspect.known", true},
                {"suspect.identifiedHow", S("named-by-victim")},
                {"suspect.whereaboutsKnown", true},
                {"suspect.checksDone", false},
                {"suspect.digitalContact", true},
                {"suspect.digitalChannels", TextList{"calls-texts", "messaging-apps"}},
                {"suspect.contactSinceOffence", true},
                {"offence.location", S("suspects-home")},
                {"offence.forceOrThreats", true},
                {"offence.weapon", false},
                {"offence.firstDisclosureTo", TextList{"friend-or-family"}},
                {"offence.clothingKept", true}};
    }
    if (serial == "DEMO/0002" || serial == "DEMO/0008") { // a stranger, not identified at report
        const bool vehicle = serial == "DEMO/0008";
        return {{"relationship.category", S("stranger")},
                {"victim.wantsInvestigation", S("investigation")},
                {"victim.supportedByIsva", true},
                {"victim.sarcAttended", true},
                {"suspect.known", false},
                {"offence.location", S(vehicle ? "vehicle" : "outdoor-public-place")},
                {"offence.substances", TextList{"alcohol"}},
                {"offence.suspectSupplied", false},
                {"offence.forceOrThreats", true},
                {"offence.weapon", false},
                {"offence.injuries", true},
                {"offence.clothingKept", true},
                {"offence.cctvPossible", true},
                {"offence.travel", true},
                {"offence.firstDisclosureTo", TextList{"friend-or-family"}}};
    }
    if (serial == "DEMO/0003") { // an acquaintance met in a bar, reported by a friend
        return {{"relationship.category", S("acquaintance")},
                {"victim.wantsInvestigation", S("investigation")},
                {"victim.supportedByIsva", true},
                {"suspect.known", true},
                {"suspect.identifiedHow", S("named-by-witness")},
                {"suspect.whereaboutsKnown", true},
                {"suspect.checksDone", true},
                {"suspect.priorReports", TextList{"nothing-found"}},
                {"suspect.linkedRassoReports", 0.0},
                {"suspect.digitalContact", true},
                {"suspect.digitalChannels", TextList{"social-media"}},
                {"offence.location", S("licensed-premises")},
                {"offence.substances", TextList{"alcohol"}},
                {"offence.suspectSupplied", true},
                {"offence.witnesses", true},
                {"offence.cctvPossible", true},
                {"offence.firstDisclosureTo", TextList{"friend-or-family"}}};
    }
    if (serial == "DEMO/0004") { // non-recent, within the family
        return {{"relationship.category", S("family-member")},
                {"relationship.dependency", true},
                {"victim.wantsInvestigation", S("investigation")},
                {"victim.supportedByIsva", true},
                {"suspect.known", true},
                {"suspect.identifiedHow", S("named-by-victim")},
                {"suspect.whereaboutsKnown", true},
                {"suspect.checksDone", true},
                {"suspect.priorReports", TextList{"intelligence"}},
                {"suspect.accessToOthersAtRisk", true},
                {"suspect.otherVictimsIndicated", true},
                {"offence.repeated", true},
                {"offence.location", S("other-private-address")},
                {"offence.firstDisclosureTo", TextList{"professional"}}};
    }
    if (serial == "DEMO/0005") { // met on a dating app
        return {{"relationship.category", S("met-online")},
                {"victim.wantsInvestigation", S("investigation")},
                {"victim.supportedByIsva", true},
                {"suspect.known", true},
                {"suspect.identifiedHow", S("digital-identifiers")},
                {"suspect.checksDone", true},
                {"suspect.priorReports", TextList{"rasso-report"}},
                {"suspect.linkedRassoReports", 1.0},
                {"suspect.digitalContact", true},
                {"suspect.digitalChannels", TextList{"dating-app", "messaging-apps"}},
                {"offence.location", S("victims-home")},
                {"offence.onlineElement", true},
                {"offence.imagesTaken", false}};
    }
    if (serial == "DEMO/0006") { // current partner, in the shared home
        return {{"relationship.category", S("current-partner")},
                {"relationship.sharedHousehold", true},
                {"relationship.domesticAbuse", true},
                {"relationship.children", true},
                {"victim.wantsInvestigation", S("investigation")},
                {"victim.safetyConcerns", true},
                {"victim.supportedByIsva", true},
                {"suspect.known", true},
                {"suspect.identifiedHow", S("named-by-victim")},
                {"suspect.contactSinceOffence", true},
                {"offence.location", S("shared-home")},
                {"offence.repeated", true},
                {"offence.forceOrThreats", true},
                {"offence.injuries", true}};
    }
    if (serial == "DEMO/0007") { // a friend, after a night out
        return {{"relationship.category", S("friend")},
                {"victim.wantsInvestigation", S("investigation")},
                {"victim.supportedByIsva", true},
                {"suspect.known", true},
                {"suspect.identifiedHow", S("named-by-victim")},
                {"offence.location", S("other-private-address")},
                {"offence.substances", TextList{"alcohol"}},
                {"offence.suspectSupplied", false},
                {"offence.incapacity", true},
                {"offence.witnesses", true},
                {"offence.firstDisclosureTo", TextList{"friend-or-family", "support-service"}}};
    }
    return {};
}

} // namespace wb::core
