// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/signals2/signal.hpp>

#include "core/audit/AuditLog.h"
#include "core/domain/Clock.h"
#include "core/domain/Time.h"
#include "core/repo/CaseRepository.h"
#include "core/repo/Connection.h"
#include "core/repo/ContextRepository.h"
#include "core/repo/DraftRepository.h"
#include "core/repo/MatchDecisionRepository.h"
#include "core/repo/PersonRecordSource.h"
#include "core/repo/PersonRepository.h"
#include "core/repo/RecordRepository.h"
#include "core/repo/SearchIndex.h"
#include "core/store/KeyDerivation.h"

namespace wb::core {

class OffenceCatalogue;
class ReferenceData;
class ScenarioClock;
namespace store {
class Database;
}

/// Who the workspace belongs to. Shown in the title of nothing: kept inside the file.
struct WorkspaceOwner {
    std::string displayName; ///< "DC Sam Example"
    std::string staffNumber; ///< staff or collar number
};

struct CreateOptions {
    WorkspaceOwner owner;
    bool training = false; ///< a throw-away training workspace, marked TRAINING
    store::KdfParams kdf = store::KdfParams::defaults();
    /// Where the new workspace reads "now" (its created_at, the first audit entries, and after
    /// create, as Workspace::setClock); null: the system clock.
    std::shared_ptr<const Clock> clock;
};

/// Facts about an open workspace, read from its metadata.
struct WorkspaceInfo {
    WorkspaceOwner owner;
    bool training = false;
    Instant createdAt{};
    std::string createdByVersion; ///< the app version that created the file
    std::string lastWrittenByVersion;
    int schemaVersion = 0;
    store::KdfParams kdf;      ///< from the file header
    std::string cipherVersion; ///< PRAGMA cipher_version of the linked SQLCipher
};

/// The one object the UI and CLI hold: an encrypted workspace file, its connection
/// and its repositories. Not thread-safe; only the static derive* functions (the
/// slow Argon2id step) may run on another thread.
///
/// Open order: read and check the 16-byte header → Argon2id → key check →
/// key SQLCipher → probe → configure (exclusive lock, WAL, synchronous=FULL,
/// foreign_keys, secure_delete) → refuse newer schema → migrate.
class Workspace
{
public:
    /// The slow step for create: a fresh header and its derived key.
    static store::KeyMaterial deriveForCreate(std::string_view passphrase, const store::KdfParams& params);
    /// The slow step for open/unlock: checks the file (FileNotFound, PermissionDenied,
    /// NotAWorkspace, Truncated, NewerVersion), derives the key and checks it
    /// (WrongPassphrase). Reads the file only; never writes to it.
    static store::KeyMaterial deriveForOpen(const std::filesystem::path& path, std::string_view passphrase);

    /// Creates a new workspace file. Throws AlreadyExists rather than overwrite;
    /// leaves no file behind when it fails.
    static std::unique_ptr<Workspace> create(const std::filesystem::path& path,
                                             store::KeyMaterial key,
                                             const CreateOptions& options,
                                             std::shared_ptr<const OffenceCatalogue> offences,
                                             std::shared_ptr<const ReferenceData> lists = nullptr);
    static std::unique_ptr<Workspace> open(const std::filesystem::path& path,
                                           store::KeyMaterial key,
                                           std::shared_ptr<const OffenceCatalogue> offences,
                                           std::shared_ptr<const ReferenceData> lists = nullptr);

    /// Opens for checking only (`rasso-workbench-cli verify`): SQLITE_OPEN_READONLY, and nothing
    /// is written: no migration, no checkpoint, no metadata, so the file and its write-ahead log
    /// stay byte for byte as they were. Opens a file of an older schema as it is (info().schemaVersion
    /// says which); refuses a newer one (NewerVersion). Every write throws PermissionDenied.
    /// integrityCheck() then also checks the write-ahead log's frames.
    static std::unique_ptr<Workspace> openForVerify(const std::filesystem::path& path,
                                                    store::KeyMaterial key,
                                                    std::shared_ptr<const OffenceCatalogue> offences,
                                                    std::shared_ptr<const ReferenceData> lists = nullptr);

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    /// Closes the connection (SQLCipher wipes its copy of the key) and wipes ours.
    /// Afterwards every repository call throws Error(Locked). Idempotent.
    void lock();
    bool isLocked() const noexcept;
    /// True for a workspace from openForVerify().
    bool isReadOnly() const noexcept { return m_readOnly; }
    /// Reopens with key material from deriveForOpen() for this same file. A file in an older
    /// format (format 1: 1 KiB pages) is upgraded to the current one (4 KiB pages) by the same
    /// write-beside, verify, sync and rename as a passphrase change; see formatUpgrade().
    /// openForVerify() never upgrades.
    void unlock(store::KeyMaterial key);

    /// What the last unlock did to the file's format. fromFormat 0: nothing was due. done false
    /// with fromFormat set: the upgrade failed, the file is unchanged and is used in its old
    /// format (problem says why, in English without personal data); the next unlock tries again.
    struct FormatUpgrade {
        unsigned fromFormat = 0;
        unsigned toFormat = 0;
        bool done = false;
        std::string problem;
    };
    const FormatUpgrade& formatUpgrade() const noexcept { return m_formatUpgrade; }

    /// Verifies the old passphrase, then re-encrypts the whole file under a key from
    /// the new one (and, optionally, new Argon2id parameters): written to a new file
    /// beside this one, synced, and renamed over it, so a crash leaves either the
    /// old file or the new one, never a mix. Throws WrongPassphrase for a wrong old one.
    /// The workspace stays open throughout as far as lockChanged is concerned (it fires
    /// only if the reopen fails and the workspace is left locked). Slow: run it off the GUI thread.
    void changePassphrase(std::string_view oldPassphrase,
                          std::string_view newPassphrase,
                          std::optional<store::KdfParams> newParams = std::nullopt);

    /// Writes a verified copy of the whole workspace to `target` (which must not exist),
    /// encrypted under the same key and header, so the same passphrase opens it; a
    /// later passphrase change of this workspace does not change the backup's. Reports
    /// progress as (pages done, pages in all). After writing, the copy is reopened and
    /// checked (integrity, audit chain, case count); a failed backup leaves no file.
    /// Records the time in the workspace (lastBackupAt(), an audited change). Returns the
    /// backup's anchor, read back from the copy: its own chain head, which
    /// `verify --against` checks this workspace's later history against.
    audit::Anchor backupTo(const std::filesystem::path& target, const std::function<void(int, int)>& progress = {});
    std::optional<Instant> lastBackupAt() const;
    /// Restores a backup into a new file `target` (which must not exist) and opens it;
    /// `key` comes from deriveForOpen(backup, passphrase). The backup is only read.
    /// The restored file is verified (integrity, audit chain); on failure it is removed.
    static std::unique_ptr<Workspace> restore(const std::filesystem::path& backup,
                                              const std::filesystem::path& target,
                                              store::KeyMaterial key,
                                              std::shared_ptr<const OffenceCatalogue> offences,
                                              std::shared_ptr<const ReferenceData> lists);

    /// PRAGMA integrity_check: "ok", or the first problem found. Read-only (openForVerify), it
    /// also checks the write-ahead log: frames SQLite would drop without a word (a failed checksum)
    /// are reported; it never checkpoints.
    std::string integrityCheck();
    /// Checks the audit chain, every audited record and metadata key against it, and the
    /// search index against the records (integrity::verify); with `against`, also that the
    /// chain still holds that anchor (from a backup or bundle made earlier). Reads only.
    audit::Report verifyAudit(const std::optional<audit::Anchor>& against = std::nullopt);
    /// The chain's head now: what a backup or bundle made now would carry.
    audit::Anchor auditAnchor() const;
    /// The anchor a workspace file (a backup) carries: its own chain head. `key` comes from
    /// deriveForOpen(file, passphrase). Opens the file query-only: it is never written.
    static audit::Anchor anchorOfFile(const std::filesystem::path& file, store::KeyMaterial key);
    /// Rebuilds the derived search index from the records (`repair`); never touches an
    /// audited table. Returns the entries written.
    std::size_t rebuildSearchIndex();

    WorkspaceInfo info() const;
    const std::filesystem::path& path() const noexcept { return m_path; }
    const OffenceCatalogue& offences() const noexcept { return *m_offences; }
    const ReferenceData& lists() const noexcept { return *m_lists; }
    CaseRepository& cases() noexcept { return m_cases; }
    PersonRepository& people() noexcept { return m_people; }
    /// Decisions, timeline, exhibits, devices, bail, reviews…: see core/records/RecordSpec.h.
    RecordRepository& records() noexcept { return m_records; }
    /// Answers to the guided context questions: the facts the rules engine reads.
    ContextRepository& context() noexcept { return m_context; }
    /// Unsaved edits kept across a lock (core/drafts): never records.
    DraftRepository& drafts() noexcept { return m_drafts; }
    /// Decisions on pairs of persons (repeat suspects): use core/suspects/Decisions to make them.
    MatchDecisionRepository& matchDecisions() noexcept { return m_matchDecisions; }
    /// People as the repeat-suspect matching engine reads them (read-only; throws Locked when locked).
    PersonRecordSource personRecords() const { return PersonRecordSource(m_connection); }
    /// Copies the write-ahead log into the workspace file and empties it (a checkpoint). Saves do not
    /// do this work; the workbench calls this when the officer pauses, and closing does it too.
    /// Returns the pages copied; does nothing inside a transaction. Throws Locked when locked.
    int checkpoint();

    /// A setting the workspace keeps in its encrypted metadata (a force's protective marking, the last report
    /// exported), if set. Throws Locked when locked.
    std::optional<std::string> setting(std::string_view key) const;
    /// Sets it in one transaction, audited as a metadata change by the workspace owner (the chain keeps every
    /// value). Throws Locked when locked, PermissionDenied when opened only to be verified. The value's rules
    /// (length, one line) are the caller's use case's.
    void setSetting(std::string_view key, std::string_view value);

    /// Full-text search over the whole workspace; hits grouped by case.
    std::vector<search::Hit> search(std::string_view query, int limit = 200);

    /// Where this workspace reads "now" (timestamps, "not in the future" rules). The system clock
    /// unless set; a test sets a fixed date here. The clock is shared, so it outlives every use.
    void setClock(std::shared_ptr<const Clock> clock);
    const Clock& clock() const noexcept { return m_connection.clock(); }
    /// The same clock, for what may outlive this workspace (a GUI timer): shares its ownership.
    std::shared_ptr<const Clock> sharedClock() const;
    /// Real time, whatever the scenario clock says: for what measures the officer's own time at the keyboard (the
    /// idle lock), which "+1 day" in an exercise must not move.
    std::shared_ptr<const Clock> sharedRealClock() const;

    /// Scenario time (issue 17): a training workspace runs on the exercise's clock, `scenarioNow` from this moment,
    /// then running with real time, so forensic windows, Right 6 deadlines and bail periods count as they would in a
    /// real case. Kept in the workspace (its distance from real time, audited) and used again at every unlock.
    /// Error(Validation, "training") for a live workspace, which always runs on real time; Locked; PermissionDenied
    /// when opened only to be verified.
    void setScenarioTime(Instant scenarioNow);
    /// Moves scenario time on by `by` (a minute to 31 days): "+1 hour", "+1 day". Returns the new "now".
    /// Error(Validation, "scenarioTime") when the workspace has no scenario time or the step is out of range.
    Instant advanceScenarioTime(std::chrono::seconds by);
    /// Whether "now" is scenario time (a training workspace whose exercise has set it).
    bool onScenarioTime() const noexcept { return m_scenarioClock != nullptr; }

    /// The open connection, for core/io's all-or-nothing imports only (throws Locked).
    store::Database& connectionForImport() const { return m_connection.db(); }

    /// Fires with true after lock(), false after unlock().
    boost::signals2::signal<void(bool locked)> lockChanged;

private:
    Workspace(std::filesystem::path path,
              std::shared_ptr<const OffenceCatalogue> offences,
              std::shared_ptr<const ReferenceData> lists);
    void attach(std::unique_ptr<store::Database> db, store::KeyMaterial key);
    /// Uses the clock for "now" everywhere (the connection, the open database).
    void useClock(std::shared_ptr<const Clock> clock);
    /// At unlock: a training workspace with a stored scenario time runs on it; any other on real time.
    void applyScenarioTime();
    void upgradeFormat();
    /// Throws Corrupted unless integrityCheck() is "ok": what the export-and-swap runs first.
    void requireIntact();
    /// Export-and-swap, shared by the passphrase change and the format upgrade. The first half:
    /// exports every table of `db` (sqlcipher_export) into a new file `target` (0600) under `to`'s
    /// key and header (whose format sets the page size), lets `adjust` change the attached "copy",
    /// then checks the file through its own connection (header, integrity, audit chain, the row
    /// count of every table) and syncs it. Leaves no file behind when it fails. Callers check the
    /// source first (requireIntact): the export would silently drop damage it does not read.
    static void writeVerifiedCopy(store::Database& db,
                                  const std::filesystem::path& target,
                                  const store::KeyMaterial& to,
                                  const std::function<void(store::Database&)>& adjust);
    /// The second half: empties the log into the open file, closes it, renames `replacement`
    /// over it, syncs the folder and unlocks with `key`. A crash leaves the old file or the new
    /// one at the path, never a mix; on a failed rename the old file is reopened.
    void replaceFileWith(const std::filesystem::path& replacement, store::KeyMaterial key);
    void unlockReadOnly(store::KeyMaterial key);

    std::filesystem::path m_path;
    std::shared_ptr<const OffenceCatalogue> m_offences;
    std::shared_ptr<const ReferenceData> m_lists;
    std::unique_ptr<store::Database> m_db;
    store::FileHeader m_header;
    store::SecureBuffer m_key;     ///< while unlocked only (for backups); wiped by lock()
    bool m_upgradeOnUnlock = true; ///< false for a copy opened only to be checked (backups)
    FormatUpgrade m_formatUpgrade;
    bool m_readOnly = false;                        ///< opened by openForVerify()
    bool m_quietReopen = false;                     ///< changePassphrase's close and reopen: no lockChanged
    std::shared_ptr<const Clock> m_clock;           ///< the clock in use; null: the system clock
    std::shared_ptr<const Clock> m_realClock;       ///< the one setClock was given (null: the system's): real time
    std::shared_ptr<ScenarioClock> m_scenarioClock; ///< a training workspace's scenario time, when set
    Connection m_connection;
    CaseRepository m_cases;
    PersonRepository m_people;
    RecordRepository m_records;
    ContextRepository m_context;
    DraftRepository m_drafts;
    MatchDecisionRepository m_matchDecisions;
};

} // namespace wb::core
