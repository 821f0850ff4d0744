// assess FILE|-: registered once the recovery engine lands (issue #4).
#include "commands.h"

namespace punctum::cli {
void add_assess_command(CLI::App& /*app*/, CliContext& /*ctx*/) {}
} // namespace punctum::cli
