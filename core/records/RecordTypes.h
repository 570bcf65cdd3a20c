// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

/// The stable names of the record types (RecordSpec::type), one constant each, so
/// code compares and looks up types through a name the compiler checks.
namespace wb::core::recordtype {

inline constexpr std::string_view kIdentifier = "identifier";
inline constexpr std::string_view kRelationship = "relationship";
inline constexpr std::string_view kDecision = "decision";
inline constexpr std::string_view kTimelineEvent = "timeline_event";
inline constexpr std::string_view kExhibit = "exhibit";
inline constexpr std::string_view kExhibitMovement = "exhibit_movement";
inline constexpr std::string_view kDevice = "device";
inline constexpr std::string_view kTpmRequest = "tpm_request";
inline constexpr std::string_view kUnusedMaterial = "unused_material";
inline constexpr std::string_view kBail = "bail";
inline constexpr std::string_view kBailExtension = "bail_extension";
inline constexpr std::string_view kBailPause = "bail_pause";
inline constexpr std::string_view kRuiReview = "rui_review";
inline constexpr std::string_view kReview = "review";
inline constexpr std::string_view kEnquiry = "enquiry";
inline constexpr std::string_view kPlanSnapshot = "plan_snapshot";
inline constexpr std::string_view kCaseEvent = "case_event";
inline constexpr std::string_view kContactPlan = "contact_plan";
inline constexpr std::string_view kContact = "contact";
inline constexpr std::string_view kVictimRight = "victim_right";
inline constexpr std::string_view kIsvaReferral = "isva_referral";
inline constexpr std::string_view kVictimWish = "victim_wish";
inline constexpr std::string_view kOrder = "order";

} // namespace wb::core::recordtype
