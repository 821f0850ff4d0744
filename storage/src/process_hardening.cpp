#include "punctum/storage/process_hardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace punctum::storage {

void harden_process() {
    rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

} // namespace punctum::storage
