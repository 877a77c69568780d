#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium through playwright-core (no browser download). Their screenshots
# show Chinese pages too, so Debian's CJK fonts come with it: without them Chinese renders as boxes.
# Installs only what is missing; a second run does nothing.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$browser" ] || missing+=(chromium fonts-dejavu-core)
# grep reads all of fc-list: with -q it would stop early and pipefail would count the broken pipe as missing.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing for the end-to-end tests: ${missing[*]}. Install Debian's packages (or set CHROMIUM_PATH for another Chromium)." >&2
  exit 1
fi
echo "Installing ${missing[*]} from apt for the end-to-end tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
