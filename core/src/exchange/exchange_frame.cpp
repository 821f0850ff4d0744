#include "punctum/core/exchange/exchange_frame.h"

#include <algorithm>
#include <array>
#include <string>

namespace punctum::core::exchange {

namespace {

constexpr std::array<std::uint8_t, 8> magic{'P', 'U', 'N', 'C', 'T', 'U', 'M', 'X'};

std::uint64_t get_u64(std::span<const std::uint8_t> bytes, std::size_t at) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        v |= static_cast<std::uint64_t>(bytes[at + i]) << (8 * i);
    }
    return v;
}

std::uint16_t get_u16(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint16_t>(bytes[at] | (bytes[at + 1] << 8));
}

std::string mib(std::uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}

} // namespace

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

std::uint32_t get_u32(std::span<const std::uint8_t> bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        v |= static_cast<std::uint32_t>(bytes[at + i]) << (8 * i);
    }
    return v;
}

std::uint64_t max_file_size(FileKind kind) {
    return fixed_prefix_size + max_header_size + 8 +
           (kind == FileKind::care_plan ? max_care_plan_body : max_report_body);
}

ExchangeResult<FramePrefix> read_prefix(std::span<const std::uint8_t> start,
                                        std::uint64_t file_size) {
    if (start.size() >= magic.size() && start.size() < fixed_prefix_size &&
        std::equal(magic.begin(), magic.end(), start.begin())) {
        return fail(ExchangeErrc::malformed, "This exchange file ends inside its header: it is "
                                             "incomplete. Copy it again from the sender.");
    }
    if (start.size() < fixed_prefix_size ||
        !std::equal(magic.begin(), magic.end(), start.begin())) {
        return fail(ExchangeErrc::not_exchange,
                    "This is not a Punctum exchange file (a care plan or a recovery report).");
    }
    const auto version = get_u16(start, 8);
    if (version != format_version) {
        return fail(ExchangeErrc::unsupported,
                    "This exchange file is format version " + std::to_string(version) +
                        "; this Punctum reads version " + std::to_string(format_version) +
                        ". Update Punctum, or ask the sender for a file this version reads.");
    }
    const auto kind = get_u16(start, 10);
    if (kind != static_cast<std::uint16_t>(FileKind::care_plan) &&
        kind != static_cast<std::uint16_t>(FileKind::recovery_report)) {
        return fail(ExchangeErrc::unsupported, "This exchange file holds a kind of record (" +
                                                   std::to_string(kind) +
                                                   ") this Punctum does not know. Update Punctum.");
    }
    FramePrefix p;
    p.kind = static_cast<FileKind>(kind);
    p.header_length = get_u32(start, 12);
    if (p.header_length > max_header_size) {
        return fail(ExchangeErrc::malformed, "This exchange file's header is longer than the "
                                             "format allows: the file is damaged.");
    }
    if (start.size() < p.prefix_size()) {
        return fail(ExchangeErrc::malformed, "This exchange file ends inside its header: it is "
                                             "incomplete. Copy it again from the sender.");
    }
    p.body_length = get_u64(start, fixed_prefix_size + p.header_length);
    const auto limit = p.kind == FileKind::care_plan ? max_care_plan_body : max_report_body;
    if (p.body_length > limit) {
        return fail(
            ExchangeErrc::too_large,
            std::string(p.kind == FileKind::care_plan ? "A care plan" : "A recovery report") +
                " may hold at most " + mib(limit) + "; this one says it holds " +
                mib(p.body_length) + ". It was not read.");
    }
    if (file_size != p.prefix_size() + p.body_length) {
        return fail(ExchangeErrc::malformed,
                    file_size < p.prefix_size() + p.body_length
                        ? "This exchange file is shorter than it says: it is incomplete (still "
                          "syncing, or cut off). Copy it again from the sender."
                        : "This exchange file has bytes after its end: it was altered or two "
                          "files were joined. Ask the sender for a fresh copy.");
    }
    return p;
}

ExchangeResult<Frame> read_frame(std::span<const std::uint8_t> file) {
    auto prefix = read_prefix(file, file.size());
    if (!prefix) {
        return prefix.failure();
    }
    Frame f;
    f.kind = prefix->kind;
    f.prefix = file.first(prefix->prefix_size());
    f.header = file.subspan(fixed_prefix_size, prefix->header_length);
    f.body = file.subspan(prefix->prefix_size());
    return f;
}

std::vector<std::uint8_t> write_prefix(FileKind kind, std::span<const std::uint8_t> header,
                                       std::uint64_t body_length) {
    std::vector<std::uint8_t> out(magic.begin(), magic.end());
    out.push_back(static_cast<std::uint8_t>(format_version & 0xff));
    out.push_back(static_cast<std::uint8_t>(format_version >> 8));
    const auto k = static_cast<std::uint16_t>(kind);
    out.push_back(static_cast<std::uint8_t>(k & 0xff));
    out.push_back(static_cast<std::uint8_t>(k >> 8));
    put_u32(out, static_cast<std::uint32_t>(header.size()));
    out.insert(out.end(), header.begin(), header.end());
    for (int i = 0; i < 8; ++i) {
        out.push_back(static_cast<std::uint8_t>(body_length >> (8 * i)));
    }
    return out;
}

} // namespace punctum::core::exchange
