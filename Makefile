# Two commands on a fresh machine: `make run` and `make test`. Both go through `make setup`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.setup-stamp
ARGS    ?=

.PHONY: setup run test lint data clean model bench reliability lock

setup: $(STAMP)

# torch is installed on its own, pinned, first: 2.13.0 is the local CPU build; anything else pulls CUDA.
# requirements.lock (pip-compile, `make lock`) pins every other package: the same versions on every machine.
# Each step says what it installs; pip lists every package it collects (a first setup takes a few minutes).
$(STAMP): pyproject.toml requirements.lock
	@echo "==> [1/4] virtual environment $(VENV)"
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@echo "==> [2/4] pip"
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	@echo "==> [3/4] torch 2.13.0 (the CPU build)"
	$(BIN)/python -m pip install --progress-bar off "torch==2.13.0"
	@echo "==> [4/4] octocal and its pinned dependencies (requirements.lock): Whisper, piper, Radicale, transformers, ..."
	$(BIN)/python -m pip install --progress-bar off -c requirements.lock -e ".[train,dev]"
	touch $(STAMP)

# Re-resolve the lock after changing dependencies in pyproject.toml.
lock: setup
	$(BIN)/python -m pip install --quiet "pip-tools>=7.4,<8"
	$(BIN)/pip-compile -q --extra train --extra dev --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock pyproject.toml

run: setup
	$(BIN)/python -m assistant $(ARGS)

test: setup
	$(BIN)/python -m pytest -q $(ARGS)

lint: setup
	$(BIN)/ruff check assistant training evaluation tests
	$(BIN)/ruff format --check assistant training evaluation tests
	$(BIN)/mypy

data: setup
	$(BIN)/python -m training.data --out data/ --n 27000

clean:
	rm -rf $(VENV) data/ .pytest_cache

# Rebuild the bundled model from scratch (data -> SFT -> assets/model -> evaluation -> model card).
model: setup
	$(BIN)/python -m training.recipe

# Latency, memory and speed-up over the in-context baseline; accuracy on the hand-written set; voice pipeline.
bench: setup
	$(BIN)/python -m evaluation startup --first-start
	$(BIN)/python -m evaluation bench
	$(BIN)/python -m evaluation passes --ctranslate2
	$(BIN)/python -m evaluation run --data handwritten --out-dir reports/handwritten
	$(BIN)/python -m evaluation speech --out-dir reports/speech

# Issue 20's suites on their own (they also run in `make test`) and the 1,000-command soak.
reliability: setup
	$(BIN)/python -m pytest -q tests/test_fault_matrix.py tests/test_reliability.py tests/test_properties.py tests/test_crash.py
	$(BIN)/python -m evaluation soak --fixed --out-dir reports/soak
