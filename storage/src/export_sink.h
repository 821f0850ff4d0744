#pragma once
// Where an export's text goes: buffered into a StreamedFile (whole or not at all, 0600), so
// memory stays flat however large the clinic. Internal to storage.

#include "punctum/storage/storage_error.h"
#include "streamed_file.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace punctum::storage::detail {

/// Thrown by ExportSink when the file cannot be written; ExportStore turns it back into
/// its StorageError (a full disk says so, rather than "unexpected error").
struct ExportWriteFailed {
    StorageError error;
};

/// Thrown when the caller's progress callback asks an export to stop: the file is then
/// never committed (its temporary is removed) and nothing is audited.
[[nodiscard]] inline ExportWriteFailed export_cancelled() {
    return {{StorageErrc::cancelled, "The export was cancelled. Nothing was written."}};
}

class ExportSink {
public:
    explicit ExportSink(std::unique_ptr<StreamedFile> file) : file_(std::move(file)) {}
    void put(std::string_view text);
    /// Writes what is buffered and commits the file; nothing is at the path before this.
    [[nodiscard]] StorageResult<void> commit();
    [[nodiscard]] std::uint64_t bytes() const { return bytes_; }

private:
    void flush();
    std::unique_ptr<StreamedFile> file_;
    std::string buffer_;
    std::uint64_t bytes_ = 0;
};

} // namespace punctum::storage::detail
