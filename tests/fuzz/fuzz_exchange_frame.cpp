// libFuzzer: the outer frame of an exchange file (care plan or recovery report), read before
// any key is tried. Any bytes must give a frame whose parts add up to the file, or a refusal
// with a message: never a crash, a read past the end, a hang or a leak. read_prefix on the
// first bytes alone must agree with read_frame on the whole file.
#include "punctum/core/exchange/exchange_frame.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

namespace {

namespace ex = punctum::core::exchange;

std::uint64_t body_limit(ex::FileKind kind) {
    return kind == ex::FileKind::care_plan ? ex::max_care_plan_body : ex::max_report_body;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> file(data, size);
    // What a reader sees first: the whole prefix, or the whole file when shorter.
    const auto first = file.first(std::min(size, ex::fixed_prefix_size + ex::max_header_size + 8));
    const auto prefix = ex::read_prefix(first, size);
    const auto frame = ex::read_frame(file);
    if (prefix.ok() != frame.ok()) {
        __builtin_trap(); // the first bytes and the whole file must say the same
    }
    if (!frame) {
        if (frame.error().message.empty() || prefix.error().message.empty() ||
            frame.error().code != prefix.error().code) {
            __builtin_trap();
        }
        return 0;
    }
    if (prefix->kind != frame->kind || prefix->header_length > ex::max_header_size ||
        prefix->body_length > body_limit(prefix->kind) ||
        prefix->prefix_size() != frame->prefix.size() ||
        prefix->body_length != frame->body.size()) {
        __builtin_trap();
    }
    // The parts are views into the input, in order, covering all of it.
    if (frame->prefix.size() + frame->body.size() != size ||
        frame->header.size() != prefix->header_length ||
        frame->header.data() != data + ex::fixed_prefix_size || frame->prefix.data() != data ||
        frame->body.data() != data + frame->prefix.size() ||
        size > ex::max_file_size(frame->kind)) {
        __builtin_trap();
    }
    // Written again with the same header and body length, the prefix is the same bytes.
    const auto again = ex::write_prefix(frame->kind, frame->header, frame->body.size());
    if (!std::equal(again.begin(), again.end(), frame->prefix.begin(), frame->prefix.end())) {
        __builtin_trap();
    }
    return 0;
}
