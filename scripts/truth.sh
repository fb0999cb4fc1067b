#!/usr/bin/env bash
# Generates N synthetic articles with the generator's truth (who said each quote, the people, the
# title and date), builds them with a release build of sitegen, and scores the build against the
# truth with scripts/truth.py (make truth; TRUTH_SIZE=2000 by default). Extra arguments go to
# truth.py: scripts/truth.sh --show wrong lists the quotes given to the wrong speaker.
# Needs ../shared/bench/gen_dossier.py beside the repository, as the benchmark does.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${TRUTH_SIZE:-2000}"
WORK="${TRUTH_DIR:-/tmp/sitegen-truth}/$N"
. scripts/common.sh
need_generator truth
release_sitegen
if [ ! -f "$WORK/truth.jsonl" ]; then
  rm -rf "$WORK"
  python3 "$GEN" "$N" "$WORK" --format txt --truth >/dev/null
  mkdir -p "$WORK/Content"
  mv "$WORK/articles" "$WORK/Content/articles"
fi
rm -rf "$WORK/public" "$WORK/.public.cache"
"$BIN" build -q --content "$WORK/Content" --templates Templates --output "$WORK/public"
python3 scripts/truth.py "$WORK/truth.jsonl" "$WORK/public/dossier.json" "$@"
