#include "punctum/core/date.h"

#include <charconv>
#include <cstdio>

namespace punctum::core {
namespace {

// Reads exactly `width` digits at `pos`; false if any is not a digit.
bool read_number(std::string_view text, std::size_t pos, std::size_t width, int& out) {
    if (pos + width > text.size()) {
        return false;
    }
    const char* first = text.data() + pos;
    const char* last = first + width;
    for (const char* p = first; p != last; ++p) {
        if (*p < '0' || *p > '9') {
            return false;
        }
    }
    auto [ptr, ec] = std::from_chars(first, last, out);
    return ec == std::errc{} && ptr == last;
}

} // namespace

std::optional<Date> parse_date(std::string_view text) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !read_number(text, 0, 4, y) ||
        !read_number(text, 5, 2, m) || !read_number(text, 8, 2, d)) {
        return std::nullopt;
    }
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::string format_date(Date date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

std::string format_timestamp(TimePoint t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::hh_mm_ss hms{t - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(Date{day}).c_str(),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::optional<TimePoint> parse_timestamp(std::string_view text) {
    int hh = 0;
    int mm = 0;
    int ss = 0;
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z' || !read_number(text, 11, 2, hh) || !read_number(text, 14, 2, mm) ||
        !read_number(text, 17, 2, ss) || hh > 23 || mm > 59 || ss > 59) {
        // No leap second: 23:59:60 would be written back as the next day, so what was read
        // would not be what is written (and 9999-12-31 would become year 10000).
        return std::nullopt;
    }
    const auto date = parse_date(text.substr(0, 10));
    if (!date) {
        return std::nullopt;
    }
    return std::chrono::sys_days{*date} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
           std::chrono::seconds{ss};
}

Date date_of(TimePoint t) {
    return Date{std::chrono::floor<std::chrono::days>(t)};
}

int days_between(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

} // namespace punctum::core
