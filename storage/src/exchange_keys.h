#pragma once
// What the exchange stores share: the clinic's key pair, the key id a report names its
// recipient by, the pairing binding, and reading an exchange file safely. Internal to
// storage.

#include "crypto.h"
#include "punctum/core/exchange/exchange_frame.h"
#include "punctum/storage/storage_error.h"
#include "vault_context.h"

#include <filesystem>
#include <optional>
#include <string>

namespace punctum::storage::detail {

/// The clinic's X25519 (reports are sealed to it) and Ed25519 (it signs care plans) keys.
struct ClinicIdentity {
    crypto::Bytes box_public;
    SecureBytes box_secret;
    crypto::Bytes sign_public;
    SecureBytes sign_secret;
};

/// The clinic's key pair, when it has one.
[[nodiscard]] std::optional<ClinicIdentity> load_clinic_identity(Connection& db);
/// The clinic's key pair, made (and audited) on first use. Call inside a transaction.
[[nodiscard]] ClinicIdentity clinic_identity(VaultContext& ctx);

/// The 16 bytes a report's header names its recipient by: BLAKE2b of the X25519 key.
[[nodiscard]] crypto::Bytes key_id(std::span<const unsigned char> box_public);
/// What proves a patient's signing key was bound by someone holding the pairing secret.
[[nodiscard]] crypto::Bytes binding(const SecureBytes& pairing_secret,
                                    std::span<const unsigned char> sign_public);

/// A refused exchange file: StorageErrc::rejected with what was wrong and what to do.
[[nodiscard]] Failure<StorageError> refuse(std::string message);

/// Reads an exchange file of `kind`: its first bytes first, so a file of another kind, a
/// version this build does not read, or a stated size over the limit is refused before the
/// file is read whole (or at all beyond its prefix).
[[nodiscard]] StorageResult<crypto::Bytes> read_exchange_file(const std::filesystem::path& file,
                                                              core::exchange::FileKind kind);

/// At most `max` bytes of `text`, never cutting a UTF-8 character in two (the JSON writer
/// refuses half a character): what a writer does with text over a limit the reader holds.
[[nodiscard]] std::string utf8_prefix(const std::string& text, std::size_t max);

/// `bytes` as hex, and back (nullopt unless exactly `size` bytes).
[[nodiscard]] std::string hex(std::span<const unsigned char> bytes);
[[nodiscard]] std::optional<crypto::Bytes> unhex(std::string_view text, std::size_t size);
[[nodiscard]] SecureBytes secret_from_hex(std::string_view text);

} // namespace punctum::storage::detail
