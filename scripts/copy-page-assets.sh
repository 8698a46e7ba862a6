#!/usr/bin/env bash
# The pages' static files go beside the compiled server (dist/src/ui/assets), which reads and fingerprints them at
# start (src/ui/page-assets.ts). A fresh copy each build, so a file removed from src/ is not served from dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist/src/ui/assets
mkdir -p dist/src/ui/assets
cp src/ui/assets/*.css src/ui/assets/*.js src/ui/assets/*.svg dist/src/ui/assets/
