#!/usr/bin/env bash
# Builds a dossier of hostile articles and annotations, then loads every page in headless
# Chromium: no injected script may run. Every payload, if it ran, would write "PWNED" into the
# page (title, body attribute or text), which --dump-dom shows after the page's scripts ran.
# Needs chromium (Debian: apt-get install chromium); installs it when missing and root.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${SITEGEN:-$(swift build --show-bin-path)/sitegen}"
[ -x "$BIN" ] || swift build --product sitegen
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROME" ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; CHROME=$(command -v chromium); else
    echo "check-hostile: chromium is needed (apt-get install chromium)"; exit 1; fi
fi
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
mkdir -p "$DIR/Content/articles" "$DIR/Content/annotations" "$DIR/Content/notes" "$DIR/Content/people"
cp -r Templates "$DIR/Templates"
P="document.title='PWNED'"
cat > "$DIR/Content/articles/x1.txt" <<TXT
<script>$P</script> Titre "><img src=x onerror="$P"> </title><script>$P</script>

M. <img src=x onerror=$P> a dit : « </mark><script>$P</script> ». Jean "><svg onload=$P> Durand a déclaré : « <a href="javascript:$P">clic</a> ».
« '><iframe src=javascript:$P></iframe> », a déclaré Paul <b onmouseover=$P>Martin</b>.
TXT
cat > "$DIR/Content/articles/x2.md" <<TXT
---
title: "</title><script>$P</script>"
author: "\"><img src=x onerror=$P>"
url: "javascript:$P"
outlet: "<style>body{display:none}</style>"
---
# <script>$P</script>

<script>$P</script> [clic](javascript:$P) <img src=x onerror="$P">
TXT
cat > "$DIR/Content/annotations/x1.md" <<TXT
---
quotes:
  - text: clic
    note: "<script>$P</script> [x](javascript:$P)"
    speaker: "<img src=x onerror=$P>"
---
Commentaire <script>$P</script> <img src=x onerror="$P"> [lien](javascript:$P) [[x2]]
TXT
cat > "$DIR/Content/notes/n.md" <<TXT
---
title: "<script>$P</script>"
---
<script>$P</script><img src=x onerror="$P"> [[x1]]
TXT
cat > "$DIR/Content/people/jean-durand.md" <<TXT
---
aliases: ["<script>$P</script>"]
---
<script>$P</script>
TXT
cat > "$DIR/Content/site.yml" <<TXT
title: "<script>$P</script> dossier"
description: "\"><img src=x onerror=$P>"
language: fr
TXT
"$BIN" build -q --content "$DIR/Content" --templates "$DIR/Templates" --output "$DIR/public"
pages=0; bad=0
while IFS= read -r -d '' page; do
  pages=$((pages+1))
  dom=$(timeout 30 "$CHROME" --headless --no-sandbox --disable-gpu --virtual-time-budget=2000 --dump-dom "file://$page" 2>/dev/null || true)
  if [ -z "$dom" ]; then echo "check-hostile: $page did not load"; bad=$((bad+1)); continue; fi
  # A payload that ran leaves the title exactly "PWNED"; the escaped payload text is only text.
  if grep -q '<title>PWNED</title>' <<<"$dom"; then echo "check-hostile: script ran in $page"; bad=$((bad+1)); fi
done < <(find "$DIR/public" -name '*.html' -print0 | sort -z)
echo "check-hostile: $pages pages loaded in $(basename "$CHROME"), $bad with an injected script that ran"
[ "$bad" = 0 ] && [ "$pages" -gt 5 ]
