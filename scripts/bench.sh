#!/usr/bin/env bash
# Builds synthetic dossiers with sitegen (release) and the same articles with Hugo, side by side,
# and prints wall time, pages per second, peak memory and the sitegen/Hugo time ratio; then edits
# one annotation three times and times sitegen's incremental rebuilds against its full build (and
# reports their highest peak memory); then edits one article twice (the file is put back after).
#   BENCH_SIZES="1000 10000 100000" scripts/bench.sh      (make bench)
# BENCH_REPEAT=N builds each dossier N times with each tool, alternating sitegen and Hugo, and
# reports the medians (default 3 up to 10,000 articles, 1 above): this VM's speed moves by tens
# of percent from minute to minute, which one pair of builds cannot tell from a change.
# Needs ../shared/bench/gen_dossier.py beside the repository; installs Debian's hugo when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${BENCH_SIZES:-1000 10000 100000}"
WORK="${BENCH_DIR:-/tmp/sitegen-bench}"
. scripts/common.sh
need_generator bench
command -v hugo >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -q && apt-get install -y -q hugo; }
release_sitegen
mkdir -p "$WORK"
# The outputs of earlier runs are moved aside, not deleted, before each timed build, and deleted
# at the end. Creating files right after deleting as many is slow on this VM's ext4, which has
# no journal: the inode allocator then skips every inode deleted in the last minutes, reading
# its inode table (ext4's recently_deleted()), which made both tools' big builds superlinear.
TRASH="$WORK/.trash"
mkdir -p "$TRASH"
aside() { for p in "$@"; do [ -e "$p" ] && mv "$p" "$(mktemp -d "$TRASH/old.XXXXXX")/"; done; return 0; }
# An article the run edits is put back even when the run stops halfway.
RESTORE=""
trap 'if [ -n "$RESTORE" ]; then cp "$WORK/.article.orig" "$RESTORE"; fi; rm -rf "$TRASH"; sync' EXIT

measure() { # command... -> "seconds megabytes"
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log"; rm -f "$log"; return 1; }
  local wall mem
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  mem=$(grep "Maximum resident set size" "$log" | awk '{printf "%.0f", $NF/1024}')
  rm -f "$log"
  echo "$wall $mem"
}

# One annotation of the first article of $D edited three times, each followed by a rebuild:
# added (a date and a commentary), its date changed, its commentary changed; then the article
# itself edited twice. Run right after a full build of sitegen, whose cache the rebuilds use.
edits() {
  # Of the annotation's rebuilds, the median is reported (one rebuild is well under a second,
  # where the VM's noise is largest), and all three.
  first=$(cd "$D/articles" && set -- *; echo "${1%.*}")
  mkdir -p "$D/sg/Content/annotations"
  rebuilds=()
  re_peak=0
  for edit in '2024-05-02|Commentaire ajouté pour le banc d’essai.' '2024-06-11|Commentaire ajouté pour le banc d’essai.' \
              '2024-06-11|Commentaire révisé pour le banc d’essai.'; do
    printf -- '---\ndate: %s\n---\n%s\n' "${edit%%|*}" "${edit#*|}" > "$D/sg/Content/annotations/$first.md"
    read -r re_s re_mb < <(measure "$BIN" build -q --content "$D/sg/Content" --templates "$D/sg/Templates" --output "$D/sg/public")
    rebuilds+=("$re_s")
    if [ "$re_mb" -gt "$re_peak" ]; then re_peak=$re_mb; fi
  done
  re_all="${rebuilds[*]}"
  re_s=$(printf '%s\n' "${rebuilds[@]}" | sort -g | sed -n 2p)
  # The first article edited twice (a quote of someone new, then a plain sentence), each followed
  # by a rebuild; the file is put back afterwards (the articles are the generator's).
  article="$(cd "$D/articles" && set -- *; echo "$1")"
  cp "$D/articles/$article" "$WORK/.article.orig"
  RESTORE="$D/articles/$article"
  articles=()
  for line in '« Nous ne céderons rien sur ce point », a déclaré Jean Benchmark.' 'Le texte a été adopté en première lecture mardi.'; do
    printf '\n%s\n' "$line" >> "$D/articles/$article"
    read -r ar_s _ < <(measure "$BIN" build -q --content "$D/sg/Content" --templates "$D/sg/Templates" --output "$D/sg/public")
    articles+=("$ar_s")
  done
  cp "$WORK/.article.orig" "$D/articles/$article"
  RESTORE=""
  ar_all="${articles[*]}"
  ar_last="${articles[1]}"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| articles | sitegen s | sitegen pages/s | sitegen MB | hugo s | hugo pages/s | hugo MB | sitegen/hugo | each pair's sitegen/hugo | rebuild s (median) | rebuild/full | the 3 rebuilds s | rebuild MB | article edits s | article/full |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for N in $SIZES; do
  D="$WORK/$N"
  if [ ! -d "$D/articles" ] || [ ! -d "$D/content" ]; then python3 "$GEN" "$N" "$D" --format txt,hugo >/dev/null; fi
  # sitegen: the articles as Content/articles, the repository's templates.
  mkdir -p "$D/sg/Content"
  [ -e "$D/sg/Content/articles" ] || ln -s "$D/articles" "$D/sg/Content/articles"
  printf 'title: "Bench %s"\nlanguage: fr\n' "$N" > "$D/sg/Content/site.yml"
  rm -rf "$D/sg/Templates"; cp -r Templates "$D/sg/Templates"
  rm -rf "$D/sg/Content/annotations"
  # Hugo: a minimal site with trivial templates over the same articles.
  mkdir -p "$D/hugo/layouts/_default"
  [ -e "$D/hugo/content" ] || ln -s "$D/content" "$D/hugo/content"
  printf 'baseURL = "http://localhost/"\nlanguageCode = "fr"\ntitle = "Bench"\n[taxonomies]\n  person = "people"\n' > "$D/hugo/hugo.toml"
  printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n' > "$D/hugo/layouts/_default/single.html"
  printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n' > "$D/hugo/layouts/_default/list.html"
  # Full builds from nothing, sitegen then Hugo, REPEAT times; the medians are reported, and the
  # highest peak memory. The edits and rebuilds run right after sitegen's last build, on its
  # cache (as a user's next build does), before Hugo's last build.
  REPEAT="${BENCH_REPEAT:-$([ "$N" -le 10000 ] && echo 3 || echo 1)}"
  sg_all=(); hu_all=(); pairs=(); sg_mb=0; hu_mb=0
  for r in $(seq "$REPEAT"); do
    aside "$D/sg/public" "$D/sg/.public.cache"
    read -r s m < <(measure "$BIN" build -q --content "$D/sg/Content" --templates "$D/sg/Templates" --output "$D/sg/public")
    sg_all+=("$s"); if [ "$m" -gt "$sg_mb" ]; then sg_mb=$m; fi
    if [ "$r" = "$REPEAT" ]; then sg_pages=$(find "$D/sg/public" -name '*.html' | wc -l); edits; fi
    aside "$D/hugo/public"
    read -r h m < <(measure hugo --quiet -s "$D/hugo")
    hu_all+=("$h"); if [ "$m" -gt "$hu_mb" ]; then hu_mb=$m; fi
    pairs+=("$(awk -v s="$s" -v h="$h" 'BEGIN { printf "%.2f", s / h }')")
  done
  sg_s=$(median "${sg_all[@]}"); hu_s=$(median "${hu_all[@]}")
  hu_pages=$(find "$D/hugo/public" -name '*.html' | wc -l)
  rm -rf "$D/sg/Content/annotations"
  awk -v n="$N" -v s="$sg_s" -v sp="$sg_pages" -v sm="$sg_mb" -v h="$hu_s" -v hp="$hu_pages" -v hm="$hu_mb" -v r="$re_s" -v ra="$re_all" -v rm="$re_peak" \
      -v aa="$ar_all" -v al="$ar_last" -v pr="${pairs[*]}" 'BEGIN {
    printf "| %d | %.2f | %.0f | %d | %.2f | %.0f | %d | %.2f | %s | %.2f | %.1f%% | %s | %d | %s | %.1f%% |\n", n, s, sp/s, sm, h, hp/h, hm, s/h, pr, r, 100*r/s, ra, rm, aa, 100*al/s }'
done
