#!/usr/bin/env bash
# Prepares this machine for the service and its tests: databases, migrations, and the browser the UI tests drive.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent db:setup
npm run --silent migration:run > /dev/null
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests…"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi
fi
