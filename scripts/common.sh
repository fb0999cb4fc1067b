# Sourced by bench.sh, truth.sh and icount.sh (from the repository's root): the dossier
# generator beside the repository and a release build of sitegen.
GEN="../shared/bench/gen_dossier.py"

# need_generator NAME: stops, naming the script, when the generator is missing.
need_generator() { [ -f "$GEN" ] || { echo "$1: $GEN not found"; exit 1; }; }

# release_sitegen: builds sitegen in release mode and sets BIN to the binary.
release_sitegen() {
  swift build -c release --product sitegen >/dev/null
  BIN="$(swift build -c release --show-bin-path)/sitegen"
}
