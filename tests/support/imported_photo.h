#pragma once
// A photo file imported as the app and the command line import one before storage sees it
// (core::photo::import_photo); the test fails if the file is refused.

#include "punctum/core/photo/photo_import.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <span>
#include <utility>

namespace punctum::test {

[[nodiscard]] inline core::photo::ImportedPhoto imported(std::span<const std::uint8_t> file) {
    auto photo = core::photo::import_photo(file);
    INFO((photo ? std::string() : photo.error().message));
    REQUIRE(photo.ok());
    return std::move(photo).value();
}

} // namespace punctum::test
