# Every target sets up what it needs: a clean clone runs `make demo` or `make test` alone.
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install fmt lint test test-fast demo bench bench-server postgres chromium clean openapi
.PHONY: dist docs docs-screenshots
.PHONY: dashboard dashboard-lint dashboard-test api-types recorder-sql bench-dashboard bench-peers bench-integrations
.PHONY: bench-cli

$(STAMP): pyproject.toml
	test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,docs,ml,postgres,sklearn,evidently,great-expectations,whylogs,ray]'
	touch $(STAMP)

install: $(STAMP) dashboard

fmt: install
	$(BIN)/ruff format headwater tests benchmarks examples
	$(BIN)/ruff check --fix headwater tests benchmarks examples

lint: install dashboard-lint
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
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

test: lint postgres chromium dashboard-test
	$(BIN)/pytest -q -n 2 --dist loadfile

test-fast: install
	$(BIN)/pytest -q -x tests/unit

demo: install
	$(PY) examples/demo.py
	@echo "Open http://127.0.0.1:8237 to explore these runs (Ctrl-C stops the server)." && $(BIN)/headwater up --blocking

bench: install
	$(PY) -m benchmarks.run

# `headwater --help`, `--version` and each group's help, fresh processes (aim: 100 ms).
bench-cli: install
	$(PY) -m benchmarks.cli_start

# Headwater beside Kedro, whole process and per step (Kedro in its own environment,
# made once under benchmarks/.peers/ and git-ignored).
KEDRO_PY := benchmarks/.peers/kedro-venv/bin/python
$(KEDRO_PY):
	python3.11 -m venv benchmarks/.peers/kedro-venv || python3 -m venv benchmarks/.peers/kedro-venv
	$(KEDRO_PY) -m pip install --quiet kedro==1.7.0

bench-peers: install $(KEDRO_PY)
	$(PY) -m benchmarks.peers

# The server under concurrent load: list-runs and run-DAG latency over 100,000 runs and
# 1,000,000 step runs (a few minutes; never part of make test).
bench-server: install
	$(PY) -m benchmarks.server_load

# The server's OpenAPI schema, printed without starting a server (the dashboard's types
# are generated from it).
openapi: install
	@$(PY) -m headwater.server.openapi

# An sdist (with the dashboard's sources) and a wheel (with the built dashboard, through
# hatch_build.py), both from this tree.
dist: install
	rm -rf dist
	$(PY) -m build --sdist --wheel --outdir dist .

# The documentation site, offline, into site/; --strict turns every warning into a failure.
docs: install
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The dashboard tour's pictures, from the demo's runs in headless Chromium.
docs-screenshots: install chromium
	$(PY) docs/screenshots.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

# --- dashboard (dashboard/): built into the package, served by `headwater up` -------------
DASHBOARD_OUT := headwater/server/static
DASHBOARD_STAMP := $(DASHBOARD_OUT)/.build-stamp
DASHBOARD_DEPS := dashboard/node_modules/.package-lock.json
DASHBOARD_SOURCES := $(shell find dashboard/src -type f 2>/dev/null) dashboard/index.html \
	dashboard/vite.config.ts dashboard/tsconfig.json dashboard/package.json

# `npm install --no-save` installs exactly the lock file's versions, like `npm ci`, but
# accepts a lock that lists only the platform packages this machine's registry carries
# (`npm ci` rejects it over Biome's binaries for other systems). The lock is never rewritten.
$(DASHBOARD_DEPS): dashboard/package-lock.json
	cd dashboard && npm install --no-save --no-audit --no-fund --loglevel=error
	touch $(DASHBOARD_DEPS)

# Rebuilt only when a source changed (the stamp is newer than every source).
$(DASHBOARD_STAMP): $(DASHBOARD_DEPS) $(DASHBOARD_SOURCES)
	cd dashboard && npx vite build --logLevel warn
	touch $(DASHBOARD_STAMP)

dashboard: $(DASHBOARD_STAMP)

# Regenerate the dashboard's API types from the server's OpenAPI schema.
# The SQLite SQL of the recording path's prepared statements (checked by a unit test).
recorder-sql: $(STAMP)
	$(PY) -m headwater.store.sql.sqlite_generation

api-types: $(STAMP) $(DASHBOARD_DEPS)
	$(PY) -m headwater.server.openapi > dashboard/openapi.json
	cd dashboard && npx openapi-typescript openapi.json -o src/api/schema.gen.ts

dashboard-lint: $(STAMP) $(DASHBOARD_DEPS)
	cd dashboard && npx tsc --noEmit && npx biome check .
	$(PY) -m headwater.server.openapi > dashboard/openapi.json
	cd dashboard && npx openapi-typescript openapi.json -o node_modules/.schema-check.gen.ts >/dev/null 2>&1
	@cmp -s dashboard/node_modules/.schema-check.gen.ts dashboard/src/api/schema.gen.ts || { \
	  echo "dashboard/src/api/schema.gen.ts does not match the server's OpenAPI schema. Run 'make api-types' and commit the result." >&2; exit 1; }

dashboard-test: $(DASHBOARD_DEPS)
	cd dashboard && npx vitest run

bench-dashboard: install chromium
	$(PY) -m benchmarks.dashboard_bench

# Drift report, validation and profiles of 100,000 rows: step time, stored size, and time
# to draw each artifact page in Chromium (a few minutes; never part of make test).
bench-integrations: install chromium
	$(PY) -m benchmarks.integrations_reports
