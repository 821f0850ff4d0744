#include "account_rows.h"

#include "punctum/core/model/role.h"

namespace punctum::storage::detail {

Account read_account(Statement& st) {
    Account a;
    a.id = core::AccountId{st.int64(0)};
    a.name = st.text(1);
    a.display_name = st.text(2);
    // An unknown role (a newer Punctum's) may do the least: read and review.
    a.role = core::role_from_string(st.text(3)).value_or(core::Role::reviewer);
    return a;
}

} // namespace punctum::storage::detail
