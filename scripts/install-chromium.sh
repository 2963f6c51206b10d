#!/usr/bin/env bash
# Installs Debian's chromium for the report's browser test and screenshots (test/report/,
# scripts/screenshot-report.sh). Does nothing when a browser is already there; fails with one
# line when it cannot install (not root, or no apt-get), and the test then skips with that line.
set -euo pipefail

for b in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [[ -n "$b" && -x "$b" ]]; then echo "install-chromium: found $b"; exit 0; fi
done
if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
  echo "install-chromium: chromium missing and cannot install it here (needs root and apt-get: apt-get install -y chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "install-chromium: installed $(command -v chromium)"
