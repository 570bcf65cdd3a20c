// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace wb::core {

/// What went wrong, as a stable code the UI turns into a translated message.
/// Messages carried by Error are English, for developers and logs, and never
/// contain personal data (no names, no free text from a record).
enum class ErrorCode {
    FileNotFound,          ///< the workspace path does not exist
    AlreadyExists,         ///< create() refused to overwrite an existing file
    PermissionDenied,      ///< the file or its folder cannot be read or written
    NotAWorkspace,         ///< empty file, a directory, plain SQLite, or some other file
    Truncated,             ///< shorter than its own header says
    Corrupted,             ///< the right key, but pages fail authentication or structure checks
    WrongPassphrase,       ///< the passphrase does not open this workspace
    NewerVersion,          ///< written by a newer version of the workbench
    LockedByOtherInstance, ///< another window or process has the workspace open
    Locked,                ///< the workspace is locked: unlock before any repository call
    Validation,            ///< a field failed validation; field() names it
    Required,              ///< a value the record's state needs is missing (a result once done); field() names it
    GuardrailRefused,      ///< an intrusive enquiry without its justification (nom-brief §6.7); field() names it
    NotFound,              ///< a record id that does not exist
    Conflict,              ///< a unique value is already used, or linked records prevent a removal
    Immutable,             ///< the record cannot be changed or removed (decision log entries)
    NotSqlCipher,          ///< the SQLite library linked is not SQLCipher
    ReferenceData,         ///< a reference data file is missing or malformed
    Storage,               ///< any other SQLite failure
    Io,                    ///< any other file-system failure
};

/// Returns the enumerator's name ("WrongPassphrase"), for logs and tests.
const char* toString(ErrorCode code) noexcept;

/// The one exception type thrown by core. Carries a code, an optional field
/// name (for ErrorCode::Validation), and an English message without personal data.
class Error : public std::runtime_error
{
public:
    Error(ErrorCode code, const std::string& message, std::string field = {});
    /// An error raised for a SQLite result code; nativeCode() returns it.
    static Error fromSqlite(ErrorCode code, const std::string& message, int sqliteExtendedCode);

    ErrorCode code() const noexcept { return m_code; }
    /// The field a validation error is about ("reference", "givenName"); empty otherwise.
    const std::string& field() const noexcept { return m_field; }
    /// The SQLite extended result code behind a storage error, 0 for others.
    int nativeCode() const noexcept { return m_native; }

private:
    ErrorCode m_code;
    std::string m_field;
    int m_native = 0;
};

} // namespace wb::core
