#pragma once
// Where a walk of the audit chain stands after a given event: what the next event's MAC and
// signature must link to, and what the history has said so far about who signs with which
// key. A full verification builds it from event 1; an incremental one starts from the state
// a signed checkpoint recorded (audit_checkpoint.h), so it need not walk the events before.

#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace punctum::storage {

struct AuditChainState {
    std::int64_t seq = 0;           ///< the last event taken in (0: none)
    std::vector<unsigned char> mac; ///< its MAC (32 zero bytes before the first event)
    /// What the next signature chains to: the event's signature, else its MAC.
    std::vector<unsigned char> link;
    /// account id -> the signing key the history has in force for it after `seq`.
    std::map<std::int64_t, std::vector<unsigned char>> in_force;
    /// Accounts whose events must all be signed from here on.
    std::set<std::int64_t> must_sign;
};

} // namespace punctum::storage
