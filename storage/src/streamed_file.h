#pragma once
// Big files in pieces, for backups: read with pread through BackupSource, written whole or
// not at all (like write_file_atomically, but streamed, so memory stays flat).

#include "backup_file.h"
#include "punctum/storage/storage_error.h"

#include <filesystem>
#include <memory>

namespace punctum::storage {

/// A file opened for reading, as a BackupSource.
class FileBackupSource final : public BackupSource {
public:
    /// Opens `path`; not_found when there is none.
    [[nodiscard]] static StorageResult<std::unique_ptr<FileBackupSource>>
    open(const std::filesystem::path& path);
    ~FileBackupSource() override;
    [[nodiscard]] StorageResult<std::size_t> read_at(std::uint64_t offset,
                                                     std::span<unsigned char> into) override;
    [[nodiscard]] std::uint64_t size() const override { return size_; }

private:
    FileBackupSource(int fd, std::uint64_t size, std::string name)
        : fd_(fd), size_(size), name_(std::move(name)) {}
    int fd_;
    std::uint64_t size_;
    std::string name_;
};

/// A file written in pieces into a temporary file beside `path` (mode 0600, created afresh,
/// a link in its place refused); commit() fsyncs it, renames it over `path` and fsyncs the
/// folder. Destroyed without commit(), it removes the temporary file: never half a file.
class StreamedFile {
public:
    [[nodiscard]] static StorageResult<std::unique_ptr<StreamedFile>>
    create(const std::filesystem::path& path);
    ~StreamedFile();
    StreamedFile(const StreamedFile&) = delete;
    StreamedFile& operator=(const StreamedFile&) = delete;

    [[nodiscard]] StorageResult<void> write(std::span<const unsigned char> bytes);
    [[nodiscard]] StorageResult<void> commit();

private:
    StreamedFile(int fd, std::filesystem::path path, std::filesystem::path tmp)
        : fd_(fd), path_(std::move(path)), tmp_(std::move(tmp)) {}
    int fd_;
    std::filesystem::path path_;
    std::filesystem::path tmp_;
};

} // namespace punctum::storage
