#pragma once
// The edge where internal exceptions become StorageErrors: no exception leaves storage.

#include "punctum/storage/storage_error.h"
#include "sqlite/sql_error.h"

#include <new>

namespace punctum::storage {

template <typename F> auto guard(F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const SqlError& e) {
        return Failure<StorageError>{{e.code(), e.what()}};
    } catch (const std::bad_alloc&) {
        return fail(StorageErrc::internal, "Out of memory. Close other programs and try again.");
    } catch (const std::exception& e) {
        return fail(StorageErrc::internal, std::string("Unexpected error: ") + e.what());
    }
}

} // namespace punctum::storage
