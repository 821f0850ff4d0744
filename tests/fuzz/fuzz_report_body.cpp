// libFuzzer: the body of a recovery report once opened (u32 json_length | json | photo
// bytes). Anything that decodes must have every photo inside the body given, the photos
// filling the rest exactly, and encode again to a body that decodes to the same entries and
// photos; anything else is refused with a message.
#include "punctum/core/exchange/recovery_report.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

namespace {

namespace ex = punctum::core::exchange;

bool same_entries(const std::vector<ex::ReportEntry>& a, const std::vector<ex::ReportEntry>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].uid != b[i].uid || a[i].date != b[i].date || a[i].scores != b[i].scores ||
            a[i].gais_patient != b[i].gais_patient || a[i].note != b[i].note) {
            return false;
        }
    }
    return true;
}

bool same_photos(const std::vector<ex::ReportPhoto>& a, const std::vector<ex::ReportPhoto>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].uid != b[i].uid || a[i].entry_uid != b[i].entry_uid ||
            a[i].taken_on != b[i].taken_on || a[i].area != b[i].area || a[i].view != b[i].view ||
            a[i].offset != b[i].offset || a[i].length != b[i].length) {
            return false;
        }
    }
    return true;
}

bool same_report(const ex::RecoveryReport& a, const ex::RecoveryReport& b) {
    return a.report_id == b.report_id && a.plan_id == b.plan_id && a.pairing_id == b.pairing_id &&
           a.patient_sign_public == b.patient_sign_public && a.binding == b.binding &&
           a.created_at == b.created_at && a.audit_events == b.audit_events &&
           a.audit_head == b.audit_head && same_entries(a.entries, b.entries) &&
           same_photos(a.photos, b.photos);
}

bool inside(std::span<const std::uint8_t> part, const std::uint8_t* data, std::size_t size) {
    return part.data() >= data && part.size() <= size &&
           static_cast<std::size_t>(part.data() - data) <= size - part.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> body(data, size);
    const auto decoded = ex::decode_report_body(body);
    if (!decoded) {
        // Malformed, or JSON claimed over the format's limit (too_large): nothing else.
        if (decoded.error().message.empty() ||
            (decoded.error().code != ex::ExchangeErrc::malformed &&
             decoded.error().code != ex::ExchangeErrc::too_large)) {
            __builtin_trap();
        }
        return 0;
    }
    const auto& report = decoded->report;
    if (decoded->photo_bytes.size() != report.photos.size() ||
        report.entries.size() > ex::max_report_entries ||
        report.photos.size() > ex::max_report_photos) {
        __builtin_trap();
    }
    // Every photo lies inside the body, one after the other, ending where the body ends.
    const std::uint8_t* next = nullptr;
    for (std::size_t i = 0; i < report.photos.size(); ++i) {
        const auto bytes = decoded->photo_bytes[i];
        if (!inside(bytes, data, size) || bytes.size() != report.photos[i].length ||
            bytes.empty() || (next != nullptr && bytes.data() != next)) {
            __builtin_trap();
        }
        next = bytes.data() + bytes.size();
    }
    if (next != nullptr && next != data + size) {
        __builtin_trap();
    }
    // Encoded again from what was read, it decodes to the same report and photo bytes.
    const auto encoded = ex::encode_report_body(report, decoded->photo_bytes);
    const auto again = ex::decode_report_body(encoded);
    if (!again || !same_report(report, again->report) ||
        again->photo_bytes.size() != decoded->photo_bytes.size()) {
        __builtin_trap();
    }
    for (std::size_t i = 0; i < decoded->photo_bytes.size(); ++i) {
        if (!std::ranges::equal(decoded->photo_bytes[i], again->photo_bytes[i])) {
            __builtin_trap();
        }
    }
    return 0;
}
