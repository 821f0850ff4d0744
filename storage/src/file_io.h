#pragma once
// Files beside the database (key slots, audit head): written whole or not at all.

#include "punctum/storage/atomic_file.h"
#include "punctum/storage/storage_error.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace punctum::storage {

/// fsyncs a file, or a folder's entries after a rename. false with errno on failure.
bool sync_path(const std::filesystem::path& path);

/// What a failed file operation (`doing`, e.g. "writing keys.json") tells the user, from its
/// errno: a full disk and a read-only place get their own code and words. Every writer in
/// storage reports through it, so they all say the same.
[[nodiscard]] StorageError from_errno(int err, const std::string& doing);

/// Reads a whole small file.
[[nodiscard]] StorageResult<std::string> read_small_file(const std::filesystem::path& path,
                                                         std::size_t max_bytes);

/// An exclusive advisory lock (flock) held while a vault is open, so a second process
/// gets a clear "in use" instead of racing on the files.
class VaultLock {
public:
    [[nodiscard]] static StorageResult<VaultLock> acquire(const std::filesystem::path& lock_file);
    VaultLock(VaultLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    VaultLock& operator=(VaultLock&&) = delete;
    VaultLock(const VaultLock&) = delete;
    VaultLock& operator=(const VaultLock&) = delete;
    ~VaultLock();

private:
    explicit VaultLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

} // namespace punctum::storage
