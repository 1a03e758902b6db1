# Every target sets up what it needs: a clean clone runs `make demo` or `make test` alone.
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install fmt lint test test-fast demo bench postgres chromium clean openapi

$(STAMP): pyproject.toml
	test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,ml,postgres]'
	touch $(STAMP)

install: $(STAMP)

fmt: install
	$(BIN)/ruff format headwater tests benchmarks examples
	$(BIN)/ruff check --fix headwater tests benchmarks examples

lint: install
	$(BIN)/ruff format --check headwater tests benchmarks examples
	$(BIN)/ruff check headwater tests benchmarks examples
	$(BIN)/mypy headwater
	$(BIN)/lint-imports

# The store contract suite runs on PostgreSQL too; start the machine's server if it is down.
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; \
	  echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1

# The browser tests drive Debian's Chromium (never a downloaded browser build).
chromium:
	@test -x /usr/bin/chromium || apt-get install -y chromium

test: lint postgres chromium
	$(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -q -x tests/unit

demo: install
	$(PY) examples/demo.py

bench: install
	$(PY) -m benchmarks.run

# The server's OpenAPI schema, printed without starting a server (the dashboard's types
# are generated from it).
openapi: install
	@$(PY) -m headwater.server.openapi

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
