#!/usr/bin/env bash
# Screenshots a run's report.html with headless Chromium at 1400 and 420 px and prints the layout
# checks of the browser test; installs Debian's chromium first where it can (install-chromium.sh).
#
#   scripts/screenshot-report.sh runs/base/report.html [OUT_DIR | OUT.png] [--tile PX]
#
# Exit 0 when every check passes, 1 when one fails (listed), 2 without a browser.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec node --import tsx "$here/screenshot-report.ts" "$@"
