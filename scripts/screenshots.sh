#!/usr/bin/env bash
# Screenshots of the example dossier by headless Chromium, at 1280 and 360 px, into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROME=$(command -v chromium || command -v chromium-browser)
mkdir -p docs/screenshots
shoot() { # name page width height
  "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="docs/screenshots/$1-$3.png" "file://$PWD/public/$2" 2>/dev/null
}
for w in 1280 360; do
  h=$([ "$w" = 1280 ] && echo 900 || echo 780)
  shoot index index.html "$w" "$h"
  shoot article articles/000-57d6d87391ec6554.html "$w" "$h"
  shoot person people/dmitri-peskov.html "$w" "$h"
  shoot timeline timeline.html "$w" "$h"
  shoot graph graph.html "$w" "$h"
done
ls docs/screenshots
