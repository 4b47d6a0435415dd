# The two commands a newcomer needs: `make demo` and `make test`. Each sets up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo test lint format bench fuzz clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

## The tool and its model (what `make demo` needs).
$(STAMP): pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $(STAMP)

## Plus the test tools and the optional Ray engine, so its test runs instead of being skipped.
$(TEST_STAMP): pyproject.toml $(STAMP)
	$(PIP) -e '.[test,ray]'
	touch $(TEST_STAMP)

## Extract the claims ledger from the demo articles, compare the outlets, write the HTML report.
demo: $(STAMP)
	$(BIN)/claimcheck extract data/articles --output data/claims.yaml
	$(BIN)/claimcheck compare data/claims.yaml
	$(BIN)/claimcheck report data/claims.yaml --articles data/articles -o data/report.html --force

## Debian's chromium for the HTML report's browser tests, installed when missing (as root or with
## sudo). When it cannot be installed the browser tests skip and say why; nothing else changes.
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	    ($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium) \
	    || echo "chromium could not be installed: the browser tests will be skipped"; }

## Run the test suite (and the linter) in a fresh .venv.
test: $(TEST_STAMP) chromium
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests scripts

format: $(TEST_STAMP)
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

## Speed and accuracy figures (not a test): see scripts/bench.py.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## Robustness (not a test): issue 13's hostile probes, then 10,000 generated hostile inputs, each
## read and extracted within the per-article time budget; no crash, overrun or escape leak allowed.
## Smaller or other runs: `$(BIN)/python scripts/fuzz.py --inputs 2000 --seed 7`.
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py --inputs 10000

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
