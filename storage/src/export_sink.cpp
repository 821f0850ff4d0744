#include "export_sink.h"

#include <span>

namespace punctum::storage::detail {

namespace {
// Large enough that writes are few, small enough that memory stays flat.
constexpr std::size_t flush_at = std::size_t{1} << 20;
} // namespace

void ExportSink::put(std::string_view text) {
    buffer_ += text;
    bytes_ += text.size();
    if (buffer_.size() >= flush_at) {
        flush();
    }
}

void ExportSink::flush() {
    if (buffer_.empty()) {
        return;
    }
    const auto* data = reinterpret_cast<const unsigned char*>(buffer_.data());
    if (auto written = file_->write(std::span(data, buffer_.size())); !written) {
        throw ExportWriteFailed{written.error()};
    }
    buffer_.clear();
}

StorageResult<void> ExportSink::commit() {
    try {
        flush();
    } catch (const ExportWriteFailed& failed) {
        return Failure<StorageError>{failed.error};
    }
    return file_->commit();
}

} // namespace punctum::storage::detail
