// SPDX-License-Identifier: GPL-3.0-or-later
// Running a classroom exercise (issue 17) in a TRAINING workspace: the pack's case set up at first report, the
// scenario clock at the pack's start, and the injects released by scenario time, by the trainee's own actions, or by
// the trainer with a short release code shown on the trainer's screen (no network needed). The pack is kept whole in
// the workspace, so Reset and the debrief need no file; what was released, when and how is kept beside it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Time.h"
#include "core/training/ScenarioPack.h"

namespace wb::core {
class Workspace;
struct Catalogues;
} // namespace wb::core

namespace wb::core::training {

/// One inject the trainee has received.
struct ReleasedInject {
    std::string injectId;
    Instant at{}; ///< the scenario time it arrived
    ReleaseBy by = ReleaseBy::Trainer;
};

/// The exercise a training workspace runs.
struct ExerciseState {
    std::string packId;
    std::string packVersion;
    std::string trainee;
    std::string caseUuid;                                        ///< the exercise's case
    std::map<std::string, std::string, std::less<>> personUuids; ///< the pack's person keys -> the people made
    std::vector<ReleasedInject> released;                        ///< in the order they arrived
    /// The records the pack itself added (at first report and with its injects): the debrief never counts them as
    /// the trainee's choices.
    std::vector<std::string> packRecords;
    /// The due items (DueItem::key) an inject made applicable when they were already past due: the debrief shows them
    /// as closed before the information arrived, not as missed.
    std::vector<std::string> closedOnArrival;

    bool isReleased(std::string_view injectId) const noexcept;
};

/// Sets the exercise up in `workspace`, which must be a TRAINING workspace with no case yet (Error(Validation,
/// "training") for a live one, Error(Validation, "exercise") for one that already has cases): scenario time at the
/// pack's start; the pack's case, its people (a phone as their identifier), its context answers and records; the
/// first account as the timeline's first event; the pack itself and the exercise's state. `packJson` is the pack's
/// text, kept so that Reset and the debrief read the same pack. All or nothing. Returns the state.
/// `attachments` holds the content of every file the pack's injects name (readPackAttachments): they are kept in the
/// workspace, encrypted with it; Error(Validation, "attachment") when one is missing.
ExerciseState startExercise(Workspace& workspace,
                            const ScenarioPack& pack,
                            std::string_view packJson,
                            const Catalogues& catalogues,
                            const PackAttachments& attachments = {});

/// The content of an attachment of the exercise's pack, kept in the workspace; nothing for a file it does not keep.
std::optional<std::string> exerciseAttachment(Workspace& workspace, std::string_view file);

/// Starts the exercise afresh in the same workspace: every case in it (with its people and records) is removed, and
/// the pack it keeps is set up again at first report for the same trainee, on the pack's clock. The audit trail keeps
/// what was removed. All or nothing. Error(NotFound, "exercise") for a workspace that runs none.
ExerciseState resetExercise(Workspace& workspace, const Catalogues& catalogues);

/// The exercise the workspace runs; nothing for a workspace that runs none (a live one, a generated one).
std::optional<ExerciseState> exerciseState(Workspace& workspace);
/// The pack the exercise runs, read back from the workspace: Error(NotFound, "exercise") when it runs none.
ScenarioPack exercisePack(Workspace& workspace, const Catalogues& catalogues);

/// The code the trainer reads out to release `injectId` for the room: six letters and digits (no 0/O, 1/I/L), the
/// same on every laptop for this pack and version, different for every inject.
std::string releaseCode(const ScenarioPack& pack, std::string_view injectId);

/// Releases what is due now: injects released by time whose scenario time has come, and injects released by an
/// action the trainee has recorded (a case event of that kind, a record of that type). Each released inject adds
/// what it brings to the case and a timeline event "New information: <title>" with its text. Returns those released
/// now, in pack order (empty when nothing is due, or the workspace runs no exercise).
std::vector<Inject> releaseDue(Workspace& workspace, const Catalogues& catalogues);

/// Releases the inject whose release code is `code` (case and spaces ignored). Error(Validation, "code") for a code
/// of no inject of this pack; an inject already released is not released twice (returns it with `alreadyReleased`).
struct CodeRelease {
    Inject inject;
    bool alreadyReleased = false;
};
CodeRelease releaseByCode(Workspace& workspace, const Catalogues& catalogues, std::string_view code);

/// The injects released so far with what they said, newest first: what Today shows as "New information".
std::vector<std::pair<ReleasedInject, Inject>> releasedInjects(Workspace& workspace, const Catalogues& catalogues);

} // namespace wb::core::training
