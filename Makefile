VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(shell scripts/find-python)

.PHONY: demo test bench bench-quick audit-eval fuzz reliability-doc clean

$(BIN)/devplan: pyproject.toml devplan/scale/_lines.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

demo: $(BIN)/devplan
	@scripts/system-deps || true
	$(BIN)/devplan init --demo
	$(BIN)/devplan status --region 湘乡市 --year 2023
	$(BIN)/devplan report --region 湘乡市 --year 2023 --out out
	@test -s .devplan-secret-key || (umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(48))" > .devplan-secret-key)
	DEVPLAN_SECRET_KEY="$$(cat .devplan-secret-key)" $(BIN)/devplan serve --demo-accounts

test: $(BIN)/devplan
	@scripts/system-deps
	scripts/run-tests

bench: $(BIN)/devplan
	@scripts/system-deps
	$(BIN)/python -m bench

bench-quick: $(BIN)/devplan
	@scripts/system-deps
	$(BIN)/python -m bench --quick --out bench/results/benchmarks-quick.md

audit-eval: $(BIN)/devplan
	$(BIN)/python -m bench.audit_eval

fuzz: $(BIN)/devplan
	DEVPLAN_FUZZ=long DEVPLAN_DB=sqlite:///test-devplan.db $(BIN)/pytest tests/reliability/test_fuzz_reader.py tests/reliability/test_fuzz_atheris.py tests/reliability/test_fuzz_excel.py tests/security/test_api_fuzz.py
	DEVPLAN_FUZZ=long DEVPLAN_DB=$${DEVPLAN_TEST_PG:-postgres://postgres@127.0.0.1:5432/postgres} $(BIN)/pytest -m storage tests/reliability/test_fuzz_excel.py tests/security/test_api_fuzz.py

reliability-doc: $(BIN)/devplan
	$(BIN)/python -m tests.reliability.report

clean:
	rm -rf $(VENV) out test-output devplan.db
