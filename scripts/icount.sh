#!/usr/bin/env bash
# Counts the instructions of one clean release build of a generated dossier under valgrind's
# callgrind (user space only: the kernel's file writes are not in it). On this VM wall and CPU
# times move by tens of percent from run to run; the instruction count of the same binary moves
# by about 0.2%, so two binaries' counts tell a 1% change apart where timings cannot.
#   scripts/icount.sh [--rebuild] [N] [BIN]
#     N articles (default 1000); BIN: a sitegen binary (default the package's release build).
#     --rebuild: the rebuild after an annotation edit instead, as `make bench` times it: the same
#     binary builds the dossier and rebuilds it once natively, then the annotation is edited again
#     and that rebuild alone runs under callgrind (it finds the native build's cache).
# Prints the total and leaves the profile in $WORK/icount-N.out (icount-rebuild-N.out), for
# `callgrind_annotate --inclusive=yes <file> | swift demangle --simplified`.
# Needs ../shared/bench/gen_dossier.py beside the repository; installs valgrind when missing.
# A build under callgrind is about 90 times slower: 1,000 articles take two minutes; a rebuild of
# 10,000 about one.
set -euo pipefail
cd "$(dirname "$0")/.."
REBUILD=""
if [ "${1:-}" = "--rebuild" ]; then REBUILD=1; shift; fi
N="${1:-1000}"
WORK="${BENCH_DIR:-/tmp/sitegen-bench}"
. scripts/common.sh
command -v valgrind >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -q && apt-get install -y -q valgrind; }
if [ -n "${2:-}" ]; then
  BIN="$2"
else
  release_sitegen
fi
D="$WORK/$N"
if [ ! -d "$D/articles" ]; then
  need_generator icount
  python3 "$GEN" "$N" "$D" --format txt,hugo >/dev/null
fi
# The dossier as the benchmark builds it, in a folder of its own, built from scratch (no output,
# no cache).
RUN=$(mktemp -d "$WORK/icount.XXXXXX")
trap 'rm -rf "$RUN"' EXIT
mkdir -p "$RUN/Content"
ln -s "$D/articles" "$RUN/Content/articles"
printf 'title: "Bench %s"\nlanguage: fr\n' "$N" > "$RUN/Content/site.yml"
cp -r Templates "$RUN/Templates"
# valgrind cannot read the debug information of Swift's release binaries: it gets a copy without
# it (the symbols stay).
strip --strip-debug -o "$RUN/sitegen" "$BIN"
cd "$RUN"
build() { "$@" build -q --content Content --templates Templates --output public; }
if [ -z "$REBUILD" ]; then
  valgrind --tool=callgrind --callgrind-out-file="$WORK/icount-$N.out" ./sitegen build -q \
    --content Content --templates Templates --output public 2>&1 | grep "refs:" | sed "s/^.*refs: */instructions: /"
  exit 0
fi
# The annotation of the first article, as make bench edits it.
first=$(cd "$D/articles" && set -- *; echo "${1%.*}")
mkdir -p Content/annotations
annotate() { printf -- '---\ndate: %s\n---\nCommentaire ajouté pour le banc d’essai.\n' "$1" > "Content/annotations/$first.md"; }
build ./sitegen
annotate 2024-05-02
build ./sitegen
annotate 2024-06-11
OUT="$WORK/icount-rebuild-$N.out"
valgrind --tool=callgrind --callgrind-out-file="$OUT" ./sitegen build -q \
  --content Content --templates Templates --output public 2>&1 | grep "refs:" | sed "s/^.*refs: */instructions: /"
# A rebuild that did not find the cache extracts again: not the rebuild meant.
if grep -q "SitegenKit9ExtractorV7extract" "$OUT"; then
  echo "icount: the rebuild under callgrind extracted again (the native build's cache was not used)"
  exit 1
fi
