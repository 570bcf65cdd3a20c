// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Error.h"

namespace wb::core {

const char* toString(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::FileNotFound: return "FileNotFound";
    case ErrorCode::AlreadyExists: return "AlreadyExists";
    case ErrorCode::PermissionDenied: return "PermissionDenied";
    case ErrorCode::NotAWorkspace: return "NotAWorkspace";
    case ErrorCode::Truncated: return "Truncated";
    case ErrorCode::Corrupted: return "Corrupted";
    case ErrorCode::WrongPassphrase: return "WrongPassphrase";
    case ErrorCode::NewerVersion: return "NewerVersion";
    case ErrorCode::LockedByOtherInstance: return "LockedByOtherInstance";
    case ErrorCode::Locked: return "Locked";
    case ErrorCode::Validation: return "Validation";
    case ErrorCode::Required: return "Required";
    case ErrorCode::GuardrailRefused: return "GuardrailRefused";
    case ErrorCode::NotFound: return "NotFound";
    case ErrorCode::Conflict: return "Conflict";
    case ErrorCode::Immutable: return "Immutable";
    case ErrorCode::NotSqlCipher: return "NotSqlCipher";
    case ErrorCode::ReferenceData: return "ReferenceData";
    case ErrorCode::Storage: return "Storage";
    case ErrorCode::Io: return "Io";
    }
    return "Unknown";
}

Error::Error(ErrorCode code, const std::string& message, std::string field)
    : std::runtime_error(message)
    , m_code(code)
    , m_field(std::move(field))
{
}

Error Error::fromSqlite(ErrorCode code, const std::string& message, int sqliteExtendedCode)
{
    Error e(code, message);
    e.m_native = sqliteExtendedCode;
    return e;
}

} // namespace wb::core
