#!/usr/bin/env bash
# Configures and builds one CMake preset (default: release), or only TARGET when given.
# Used by run.sh and test.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
preset="${1:-release}"
target="${2:-}"
jobs="${PUNCTUM_JOBS:-$(nproc)}"

cd "$root"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --parallel "$jobs" ${target:+--target "$target"}
