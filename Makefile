VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(shell scripts/find-python)

.PHONY: demo test bench bench-quick fuzz clean

$(BIN)/devplan: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

demo: $(BIN)/devplan
	@scripts/system-deps || true
	$(BIN)/devplan init --demo
	$(BIN)/devplan status --region 湘乡市 --year 2023
	$(BIN)/devplan report --region 湘乡市 --year 2023 --out out
	$(BIN)/devplan serve --demo-accounts

test: $(BIN)/devplan
	@scripts/system-deps
	scripts/run-tests

bench: $(BIN)/devplan
	@scripts/system-deps
	$(BIN)/python -m bench

bench-quick: $(BIN)/devplan
	@scripts/system-deps
	$(BIN)/python -m bench --quick --out bench/results/benchmarks-quick.md

clean:
	rm -rf $(VENV) out test-output devplan.db
