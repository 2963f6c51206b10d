#!/usr/bin/env bash
# Screenshots a run's report.html with headless Chromium, to check by eye that the charts and
# tables render offline. Not part of npm test (it needs a browser: apt-get install -y chromium).
#
#   scripts/screenshot-report.sh runs/base/report.html [report.png]
set -euo pipefail

report="${1:?usage: scripts/screenshot-report.sh REPORT.html [OUT.png]}"
out="${2:-${report%.html}.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "screenshot-report: chromium not found; install it with: apt-get install -y chromium" >&2
  exit 2
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# No network and a throwaway profile: the report must render from the file alone.
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
  --screenshot="$(realpath -m "$out")" --window-size=1280,4000 "file://$(realpath "$report")" 2>/dev/null
echo "wrote $out"
