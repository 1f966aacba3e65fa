#!/usr/bin/env bash
# Debian's Chromium (Playwright drives it; it cannot download its own browser here) and poppler's pdftoppm.
set -euo pipefail
if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium poppler-utils >/dev/null
fi
