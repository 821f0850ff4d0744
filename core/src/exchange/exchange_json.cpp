#include "exchange_json.h"

#include "punctum/core/exchange/care_plan.h"

namespace punctum::core::exchange {

bool is_hex(std::string_view text, std::size_t bytes) {
    return text.size() == bytes * 2 &&
           text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

namespace detail {

void bad(const std::string& message) {
    throw StrictJsonError(StrictJsonError::Kind::bad_value, message);
}

std::string hex_field(StrictObject& o, const std::string& key, std::size_t bytes) {
    auto v = o.text(key);
    if (!is_hex(v, bytes)) {
        bad(o.field(key) + " must be " + std::to_string(bytes * 2) + " lower-case hex digits.");
    }
    return v;
}

Date date_field(StrictObject& o, const std::string& key) {
    const auto d = parse_date(o.text(key));
    if (!d) {
        bad(o.field(key) + " must be a date like 2026-03-03.");
    }
    return *d;
}

TimePoint timestamp_field(StrictObject& o, const std::string& key) {
    const auto t = parse_timestamp(o.text(key));
    if (!t) {
        bad(o.field(key) + " must be a time like 2026-03-03T10:00:00Z.");
    }
    return *t;
}

std::string text_field(StrictObject& o, const std::string& key, std::size_t max) {
    auto v = o.text(key);
    if (v.size() > max) {
        bad(o.field(key) + " is longer than " + std::to_string(max) + " bytes.");
    }
    return v;
}

} // namespace detail
} // namespace punctum::core::exchange
