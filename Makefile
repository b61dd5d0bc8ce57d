# Every target bootstraps from a bare Python: a local .venv, nothing installed globally.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/podium show podium/examples/example-briefing.txt
	$(BIN)/podium quantities podium/examples/example-briefing.txt
	$(BIN)/podium check podium/examples/example-briefing.txt

test: $(STAMP) browser
	$(BIN)/python -m mypy --ignore-missing-imports podium
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium; install it where we can (root with apt-get),
# otherwise those tests skip and say why.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium for the browser tests (apt-get)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
	    || echo "could not install chromium: the browser tests will skip"; \
	else echo "no /usr/bin/chromium and no root apt-get: the browser tests will skip"; fi

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info
