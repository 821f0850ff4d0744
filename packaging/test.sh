#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors, and runs every test.
# Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
preset="${PUNCTUM_TEST_PRESET:-ci}"

"$here/install-deps.sh"
"$here/build.sh" "$preset"
cd "$root"
# Tests never touch a real user's data: the app's own paths point into a scratch home.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_STATE_HOME="$scratch/state" XDG_RUNTIME_DIR="$scratch/run" \
QT_QPA_PLATFORM=offscreen \
    ctest --preset "$preset" --output-on-failure --parallel "${PUNCTUM_JOBS:-$(nproc)}"
