#!/usr/bin/env bash
# Installs what is missing, builds, and starts Punctum on the default vault
# (~/.local/share/Punctum/vault). The first start offers to create it, with demo data.
# Without a display, renders the first screen to a PNG and prints its path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

"$here/install-deps.sh"
"$here/build.sh" release punctum
app="$root/build/release/qml/punctum"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$app" "$@"
fi

shot="${PUNCTUM_SCREEN_PNG:-$root/build/first-screen.png}"
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so Punctum cannot open a window."
echo "Rendering the first screen offscreen instead:"
QT_QPA_PLATFORM=offscreen "$app" --render-first-screen "$shot" "$@"
echo "Open that PNG to see it. On a desktop, run packaging/run.sh again to use the app."
