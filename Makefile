# The two commands a newcomer needs: `make demo` and `make test`. Each sets up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

## Extract the claims ledger from the demo articles, then compare the outlets.
demo: $(STAMP)
	$(BIN)/claimcheck extract data/articles --output data/claims.yaml
	$(BIN)/claimcheck compare data/claims.yaml

## Run the test suite (and the linter) in a fresh .venv.
test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

format: $(STAMP)
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

## Speed and accuracy figures (not a test): see scripts/bench.py.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## Robustness (not a test): 10,000 generated hostile inputs read and extracted, no crash allowed.
## Smaller or other runs: `$(BIN)/python scripts/fuzz.py --inputs 2000 --seed 7`.
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py --inputs 10000

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
