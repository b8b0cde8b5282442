# Two commands set everything up:
#   make lab    create .venv if needed, install the course, open JupyterLab on the start notebook
#   make test   create or reuse .venv with the test extras and run the whole test suite
# Both work on a fresh machine with Python 3.11+; nothing has to be installed by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888

.PHONY: lab test test-browser bench system-deps lint clean help

help:
	@echo "make lab    open the course in JupyterLab (http://127.0.0.1:$(PORT))"
	@echo "make test   run every test: helpers, data, notebooks (nbval), lint, browser"
	@echo "make test-browser  only the browser test: each notebook in JupyterLab in headless Chromium"
	@echo "make bench  time what learners feel: notebooks, widgets, memory, start-up (see README)"

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "The course needs Python 3.11 or newer; this is " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamps record that the install is up to date with pyproject.toml.
$(VENV)/.installed-lab: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed-lab

# Jupyter refuses to run as root unless told; containers and lab PCs often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(VENV)/.installed-lab
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) $(ALLOW_ROOT) \
		--ServerApp.root_dir=$(CURDIR) notebooks/00_start_here.ipynb

# Debian packages the tests use: Chromium for the browser test, a CJK font for
# plots with Chinese characters. Installed only when missing and when we are root
# with apt-get (as on CI); otherwise the tests that need them say how to get them.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi 'WenQuanYi\|Noto Sans CJK' || missing="$$missing fonts-wqy-microhei"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null && \
		rm -f $$HOME/.cache/matplotlib/fontlist-*.json; \
	else \
		echo "Note: not installing$$missing (needs root and apt-get); the tests that need them will say so."; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check helpers tests notebooks bench

# The whole suite: lint, then pytest over tests/, notebooks/ (the full edition) and
# build/student/ (the student edition, rebuilt here). Bytecode caching is switched on
# (some environments turn it off) so pytest reuses its rewritten test modules.
test: $(VENV)/.installed-test system-deps lint
	rm -rf build/student && $(BIN)/python -m helpers.course student build/student
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --nbval-lax

# A benchmark, not a test: it prints a table of timings against their targets and
# writes bench/results/latest.json; it exits 0 whatever the timings.
bench: $(VENV)/.installed-test
	$(BIN)/python bench/bench_course.py

# The browser test alone (tests/browser, also part of `make test`): every ready notebook
# opened in JupyterLab in headless Chromium, run, checked, one widget moved, and a
# screenshot of each saved in build/browser-screenshots/. -rsP prints those paths.
test-browser: $(VENV)/.installed-test system-deps
	$(BIN)/python -m pytest -m browser -rsP tests/browser

clean:
	rm -rf $(VENV) editions build *.egg-info
