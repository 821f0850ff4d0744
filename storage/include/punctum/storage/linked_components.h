#pragma once
// Every library a storage-linked build runs with, in the order the About page lists them:
// the vault's own (SQLCipher, the SQLite inside it, OpenSSL's libcrypto under SQLCipher,
// libsodium), then core's and core/photo's. Front ends add their own (CLI11, Qt).

#include "punctum/core/about/component.h"

#include <vector>

namespace punctum::storage {

[[nodiscard]] std::vector<core::Component> linked_components();

} // namespace punctum::storage
