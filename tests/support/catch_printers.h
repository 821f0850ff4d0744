#pragma once
// How Catch2 prints our types in a failed assertion, so a failure says which date or id.

#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"

#include <catch2/catch.hpp>

#include <string>

namespace Catch {

template <> struct StringMaker<std::chrono::year_month_day> {
    static std::string convert(const std::chrono::year_month_day& date) {
        return date.ok() ? punctum::core::format_date(date) : "(invalid date)";
    }
};

template <typename Tag> struct StringMaker<punctum::core::Id<Tag>> {
    static std::string convert(const punctum::core::Id<Tag>& id) {
        return "Id{" + std::to_string(id.value) + "}";
    }
};

template <> struct StringMaker<punctum::core::TimePoint> {
    static std::string convert(const punctum::core::TimePoint& t) {
        return punctum::core::format_timestamp(t);
    }
};

} // namespace Catch
