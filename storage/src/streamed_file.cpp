#include "streamed_file.h"

#include "file_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace punctum::storage {

StorageResult<std::unique_ptr<FileBackupSource>>
FileBackupSource::open(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int err = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        if (fd < 0 && err == ENOENT) {
            return fail(StorageErrc::not_found, "There is no file at " + path.string() + ".");
        }
        return fail(StorageErrc::io, "Cannot read " + path.string() + ": " +
                                         (fd < 0 ? std::strerror(err) : "it is not a file") + ".");
    }
    return std::unique_ptr<FileBackupSource>(
        new FileBackupSource(fd, static_cast<std::uint64_t>(st.st_size), path.filename().string()));
}

FileBackupSource::~FileBackupSource() {
    ::close(fd_);
}

StorageResult<std::size_t> FileBackupSource::read_at(std::uint64_t offset,
                                                     std::span<unsigned char> into) {
    std::size_t done = 0;
    while (done < into.size()) {
        const ssize_t n =
            ::pread(fd_, into.data() + done, into.size() - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return fail(StorageErrc::io, "Reading " + name_ + " failed: " + std::strerror(errno) +
                                             ". Check the disk, or copy the file elsewhere.");
        }
        if (n == 0) {
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    return done;
}

StorageResult<std::unique_ptr<StreamedFile>>
StreamedFile::create(const std::filesystem::path& path) {
    std::filesystem::path tmp = path.string() + ".tmp";
    ::unlink(tmp.c_str());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Failure<StorageError>{from_errno(errno, "writing " + path.filename().string())};
    }
    return std::unique_ptr<StreamedFile>(new StreamedFile(fd, path, std::move(tmp)));
}

StreamedFile::~StreamedFile() {
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(tmp_.c_str());
    }
}

StorageResult<void> StreamedFile::write(std::span<const unsigned char> bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return Failure<StorageError>{from_errno(errno, "writing " + path_.filename().string())};
        }
        bytes = bytes.subspan(static_cast<std::size_t>(n));
    }
    return {};
}

StorageResult<void> StreamedFile::commit() {
    if (::fsync(fd_) != 0) {
        return Failure<StorageError>{from_errno(errno, "writing " + path_.filename().string())};
    }
    ::close(fd_);
    fd_ = -1;
    if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp_.c_str());
        return Failure<StorageError>{from_errno(err, "replacing " + path_.filename().string())};
    }
    const int dir = ::open(path_.parent_path().empty() ? "." : path_.parent_path().c_str(),
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

} // namespace punctum::storage
