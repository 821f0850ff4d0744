#include "file_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace punctum::storage {
namespace {

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace

StorageError from_errno(int err, const std::string& doing) {
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        return {StorageErrc::disk_full, "The disk is full, so " + doing +
                                            " did not happen. Free some space and try again."};
    case EROFS:
    case EACCES:
    case EPERM:
        return {StorageErrc::read_only, "Cannot write here (" + doing +
                                            "): the folder is read-only or not yours. Choose a "
                                            "writable place or fix its permissions."};
    default:
        return {StorageErrc::io, doing + " failed: " + std::strerror(err) + "."};
    }
}

StorageResult<void> write_file_atomically(const std::filesystem::path& path,
                                          std::string_view contents) {
    const std::filesystem::path tmp = path.string() + ".tmp";
    // A leftover or planted temporary file (another mode, a symlink) is never reused: the
    // new one is created afresh, 0600, and a link in its place is refused.
    ::unlink(tmp.c_str());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Failure<StorageError>{from_errno(errno, "writing " + path.filename().string())};
    }
    if (!write_all(fd, contents) || ::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return Failure<StorageError>{from_errno(err, "writing " + path.filename().string())};
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return Failure<StorageError>{from_errno(err, "replacing " + path.filename().string())};
    }
    const int dir = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(),
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

bool sync_path(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

StorageResult<std::string> read_small_file(const std::filesystem::path& path,
                                           std::size_t max_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Failure<StorageError>{from_errno(errno, "reading " + path.filename().string())};
    }
    std::string out;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > max_bytes) {
            ::close(fd);
            return fail(StorageErrc::not_a_vault,
                        path.filename().string() + " is too large to be a Punctum vault file.");
        }
    }
    ::close(fd);
    return out;
}

StorageResult<VaultLock> VaultLock::acquire(const std::filesystem::path& lock_file) {
    // Opened read-only so that a read-only vault can still be locked, and no file changes.
    const int fd = ::open(lock_file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return fail(StorageErrc::not_a_vault,
                    "This folder is not a Punctum vault (it has no lock file). Choose the "
                    "vault's folder, or create a new vault.");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return fail(StorageErrc::in_use,
                    "The vault is open in another Punctum window or program. Close it there "
                    "first, then try again.");
    }
    return VaultLock(fd);
}

VaultLock::~VaultLock() {
    if (fd_ >= 0) {
        ::close(fd_); // releases the flock
    }
}

} // namespace punctum::storage
