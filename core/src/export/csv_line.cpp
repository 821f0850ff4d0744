#include "punctum/core/export/csv_line.h"

#include <array>
#include <cstdio>
#include <utility>

namespace punctum::core {

void CsvLine::separate() {
    if (!first_) {
        line_ += ',';
    }
    first_ = false;
}

CsvLine& CsvLine::field(std::string_view value) {
    separate();
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        line_ += value;
        return *this;
    }
    line_ += '"';
    for (char c : value) {
        if (c == '"') {
            line_ += '"';
        }
        line_ += c;
    }
    line_ += '"';
    return *this;
}

CsvLine& CsvLine::text(std::string_view value) {
    if (!value.empty() &&
        std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
        return field("'" + std::string(value));
    }
    return field(value);
}

CsvLine& CsvLine::number(std::optional<long long> value) {
    return field(value ? std::to_string(*value) : std::string());
}

CsvLine& CsvLine::decimal(std::optional<double> value, int decimals) {
    if (!value) {
        return field({});
    }
    std::array<char, 64> text{};
    std::snprintf(text.data(), text.size(), "%.*f", decimals, *value);
    return field(text.data());
}

std::string CsvLine::finish() {
    line_ += "\r\n";
    first_ = true;
    return std::exchange(line_, {});
}

} // namespace punctum::core
