// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/signals2/signal.hpp>

#include "core/audit/AuditLog.h"
#include "core/domain/Time.h"
#include "core/nom/DerivedFacts.h"
#include "core/nom/Facts.h"
#include "core/repo/Connection.h"

namespace wb::core {

namespace nom {
class QuestionCatalogue;
}

/// One answer to a context question, as given at one time. Answers are never
/// changed: a revision is a new answer, and the history stays.
struct ContextAnswer {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t caseId = 0;
    std::string questionId;              ///< the fact key (resources/nom/context-questions.json)
    std::optional<nom::FactValue> value; ///< std::nullopt: the answer was withdrawn ("not known")
    Instant answeredAt{};
    std::string answeredBy;
    /// Set when the answer overrides a fact derived from the case's records (core/nom/DerivedFacts): why.
    std::optional<std::string> overrideReason;
};

/// The guided context forms' answers about each case: the facts the rules engine
/// reads. Each answer is validated against the question catalogue, stored with who
/// and when, audited (the audit log notes which question changed, never the answer),
/// and announced on `changed` after commit.
class ContextRepository
{
public:
    struct Event {
        std::int64_t caseId = 0;
        std::string questionId;
    };

    explicit ContextRepository(const Connection& connection);

    /// Records an answer (or withdraws it with std::nullopt). With `overrideReason` the answer overrides a fact
    /// derived from the records, and the reason is stored with it (the audit entry notes that a reason was given).
    /// Throws Error(Validation, field = questionId) for an unknown question or a value of the wrong kind, and
    /// Error(Validation, field "overrideReason") for a reason that is blank, longer than 2000 characters or given
    /// without a value; then nothing is written.
    ContextAnswer answer(std::int64_t caseId,
                         const std::string& questionId,
                         const std::optional<nom::FactValue>& value,
                         const nom::QuestionCatalogue& questions,
                         const std::optional<std::string>& overrideReason = std::nullopt);

    /// Every answer given to one question, oldest first.
    std::vector<ContextAnswer>
    history(std::int64_t caseId, const std::string& questionId, const nom::QuestionCatalogue& questions) const;
    /// The current facts of a case: the latest answer to each question, withdrawn
    /// ones left out, and answers to questions the catalogue no longer has ignored.
    nom::Facts facts(std::int64_t caseId, const nom::QuestionCatalogue& questions) const;
    /// The same answers as facts(), each with its override reason (if it was given as an override): what
    /// nom::mergeFacts reads.
    nom::CurrentAnswers currentAnswers(std::int64_t caseId, const nom::QuestionCatalogue& questions) const;

    /// An answer as stored, its value as JSON text (std::nullopt when withdrawn): for
    /// handover bundles, which carry answers without the question catalogue.
    struct StoredAnswer {
        std::string uuid;
        std::string questionId;
        std::optional<std::string> valueJson;
        Instant answeredAt{};
        std::string answeredBy;
        /// Why the answer overrides a fact derived from the records (std::nullopt: not an override).
        std::optional<std::string> overrideReason;
    };
    std::vector<StoredAnswer> storedAnswers(std::int64_t caseId) const;
    std::optional<StoredAnswer> findStored(std::string_view uuid) const;
    /// Stores an answer received from elsewhere as it was given (who, when). The value is
    /// checked against the question catalogue when facts are read, as every answer is.
    /// `notes` are added to the audit entry's details (where the record came from). An override reason is kept
    /// with it; Error(Validation, field "overrideReason") for one that is blank, over 2000 characters or given
    /// without a value.
    void import(std::int64_t caseId,
                const StoredAnswer& answer,
                const std::string& actor,
                const std::vector<audit::FieldChange>& notes = {});

    boost::signals2::signal<void(const Event&)> changed;

private:
    const Connection& m_connection;
};

} // namespace wb::core
