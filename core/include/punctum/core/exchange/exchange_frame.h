#pragma once
// The outer frame of an exchange file (core/src/exchange/FORMAT.md): a fixed prefix that says
// what the file is and how long each part is, so a reader can refuse a file of the wrong
// kind, version or size from its first bytes, before reading it whole.
//
//   magic "PUNCTUMX" | version u16 | kind u16 | header_length u32 | header | body_length u64
//   | body
//
// Integers are little-endian. Everything before the body (the "prefix") is authenticated
// with the body by whoever seals it: it is the associated data of a care plan's AEAD and part
// of what a report's signature covers. No byte may follow the body.

#include "punctum/core/exchange/exchange_error.h"

#include <cstdint>
#include <span>
#include <vector>

namespace punctum::core::exchange {

enum class FileKind : std::uint16_t { care_plan = 1, recovery_report = 2 };

inline constexpr std::uint16_t format_version = 1;
inline constexpr std::size_t fixed_prefix_size = 16; ///< magic, version, kind, header_length
inline constexpr std::size_t max_header_size = 256;
inline constexpr std::uint64_t max_care_plan_body = 1u << 20; ///< 1 MiB
inline constexpr std::uint64_t max_report_body = 256u << 20;  ///< 256 MiB: ~40 large photos

/// The most a whole file of `kind` may hold.
[[nodiscard]] std::uint64_t max_file_size(FileKind kind);

/// What the first bytes of a file say.
struct FramePrefix {
    FileKind kind = FileKind::care_plan;
    std::uint32_t header_length = 0;
    std::uint64_t body_length = 0;
    [[nodiscard]] std::size_t prefix_size() const { return fixed_prefix_size + header_length + 8; }
};

/// Reads the prefix from the first bytes of a file of `file_size` bytes: refuses another
/// kind of file, a version it does not know, a body over its kind's limit, and a length
/// that does not add up to the file's size. `start` must hold the whole prefix
/// (fixed_prefix_size + max_header_size + 8 bytes, or the whole file when shorter).
[[nodiscard]] ExchangeResult<FramePrefix> read_prefix(std::span<const std::uint8_t> start,
                                                      std::uint64_t file_size);

/// A whole file split into its parts (views into the bytes given).
struct Frame {
    FileKind kind = FileKind::care_plan;
    std::span<const std::uint8_t> prefix; ///< every byte before the body: authenticate it
    std::span<const std::uint8_t> header; ///< the kind's own header
    std::span<const std::uint8_t> body;
};

[[nodiscard]] ExchangeResult<Frame> read_frame(std::span<const std::uint8_t> file);

/// The prefix of a file of `kind` with `header` and a body of `body_length` bytes.
[[nodiscard]] std::vector<std::uint8_t>
write_prefix(FileKind kind, std::span<const std::uint8_t> header, std::uint64_t body_length);

/// Little-endian helpers for the kinds' headers.
void put_u32(std::vector<std::uint8_t>& out, std::uint32_t value);
[[nodiscard]] std::uint32_t get_u32(std::span<const std::uint8_t> bytes, std::size_t at);

} // namespace punctum::core::exchange
