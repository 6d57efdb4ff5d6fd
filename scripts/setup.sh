#!/usr/bin/env bash
# Sets briefing up on Debian/Ubuntu with Node 20: a browser and fonts when none is found,
# the npm dependencies, the TypeScript build; then builds the sample briefings into output/.
#   bash scripts/setup.sh                 install everything and build the briefings
#   bash scripts/setup.sh --install-only  install everything, build nothing (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

install_only=false
[ "${1:-}" = "--install-only" ] && install_only=true

find_browser() {
  if [ -n "${BRIEFING_BROWSER:-}" ] && [ -x "${BRIEFING_BROWSER}" ]; then return 0; fi
  for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
    command -v "$candidate" >/dev/null 2>&1 && return 0
  done
  # Puppeteer's own browser, when an earlier install downloaded one.
  ls "${PUPPETEER_CACHE_DIR:-$HOME/.cache/puppeteer}"/chrome/*/chrome-linux64/chrome >/dev/null 2>&1
}

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "briefing: no apt-get here; install Chromium (or Chrome) and set BRIEFING_BROWSER=/path/to/it" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

packages=()
find_browser || packages+=(chromium)
# Text faces for the PDFs, and a fallback that covers Chinese, Japanese and Korean names.
fc-list 2>/dev/null | grep -qi 'Liberation Serif' || packages+=(fonts-liberation)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || packages+=(fonts-noto-cjk)
# better-sqlite3 (the delivery ledger) downloads a prebuilt binary, or compiles SQLite when it
# cannot reach GitHub: that needs a C++ compiler, make and Python.
if ! command -v g++ >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1; then
  packages+=(g++ make)
fi
command -v python3 >/dev/null 2>&1 || packages+=(python3)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${packages[*]}"
  apt_install "${packages[@]}"
fi

# The system browser is used, so Puppeteer need not download its own.
export PUPPETEER_SKIP_DOWNLOAD=1
if [ -d node_modules ] && [ node_modules -nt package-lock.json ]; then
  echo "npm dependencies are up to date"
else
  npm ci --no-audit --no-fund
fi
npm run build --silent

if [ "$install_only" = false ]; then
  node dist/cli.js build
fi
