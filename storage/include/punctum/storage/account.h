#pragma once

#include "punctum/core/model/ids.h"
#include "punctum/core/model/role.h"

#include <string>

namespace punctum::storage {

/// A person who can unlock the vault. Every write is attributed to one.
struct Account {
    core::AccountId id;
    std::string name;         ///< login name, unique in the vault
    std::string display_name; ///< how the app greets and attributes them
    core::Role role = core::Role::practitioner;
};

} // namespace punctum::storage
