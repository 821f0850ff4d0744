#pragma once
// Row identifiers. Distinct types so a client id cannot be passed where a session id is due.

#include <cstdint>

namespace punctum::core {

template <typename Tag> struct Id {
    std::int64_t value = 0;
    [[nodiscard]] bool valid() const { return value > 0; }
    friend bool operator==(Id, Id) = default;
    friend auto operator<=>(Id, Id) = default;
};

using ClientId = Id<struct ClientTag>;
using SessionId = Id<struct SessionTag>;
using EntryId = Id<struct EntryTag>;
using AccountId = Id<struct AccountTag>;

} // namespace punctum::core
