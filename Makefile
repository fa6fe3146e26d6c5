# RepayTalk — every target works on a fresh Debian machine, as root (CI) or with sudo.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

.PHONY: venv system-deps run test lint bench bench-load

venv: $(STAMP)

# Reinstall only when a requirements file is newer than the stamp.
$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		echo "python -m venv failed; installing python3-venv"; \
		$(SUDO) apt-get update && $(APT_INSTALL) python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

# Chromium and the CJK fonts for browser tests and chart images; pdftotext for PDF tests.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -e $(CJK_FONT) ] || ! command -v pdftotext >/dev/null; then \
		$(SUDO) apt-get update && $(APT_INSTALL) chromium fonts-noto-cjk poppler-utils; \
	fi

# Address and port come from .streamlit/config.toml (127.0.0.1:8501); data lives under ./data/.
run: venv
	mkdir -p data
	$(BIN)/streamlit run app.py

# The same checks as .pre-commit-config.yaml, then every test (doctests included).
test: venv system-deps lint
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Speed tables in one run, ratios against references (the browser tables need Chromium).
bench: venv system-deps
	$(BIN)/python -m benchmarks

# N = 1, 5, 20 signed-in team-mode sessions over the WebSocket (the main flow, 20 s per N), on
# one process with SQLite and on two processes with PostgreSQL (TEST_DATABASE_URL, or
# BENCH_DATABASE_URL=postgresql://…): latency per step, errors, CPU, memory per session.
bench-load: venv
	$(BIN)/python -m benchmarks.bench_load $(if $(BENCH_DATABASE_URL),--database-url $(BENCH_DATABASE_URL))
