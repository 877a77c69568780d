#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium through playwright-core (no browser download).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Chromium is missing at $browser: install Debian's 'chromium' package (or set CHROMIUM_PATH) to run the end-to-end tests." >&2
  exit 1
fi
echo "Installing Chromium from apt for the end-to-end tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
