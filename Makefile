# ipclue — the two commands README.md promises, and the checks.
PY ?= python3
.PHONY: setup demo test test-unit typecheck lint format check bench clean

setup:            ## install everything (idempotent)
	bash scripts/setup.sh

demo: setup       ## Neo4j + demo data + detection + API and web page
	ipclue demo

test: setup       ## all tests against a real, managed Neo4j (started and stopped by pytest)
	$(PY) -m pytest -q

test-unit:        ## fast, pure tests only
	$(PY) -m pytest -q tests/unit

typecheck:
	$(PY) -m mypy ipclue bench

lint:
	$(PY) -m ruff check ipclue tests bench
	$(PY) -m ruff format --check ipclue tests bench

format:
	$(PY) -m ruff format ipclue tests bench
	$(PY) -m ruff check --fix ipclue tests bench

check: lint typecheck test

bench:            ## the benchmarks at 10k parties (see README.md, Benchmarks)
	$(PY) bench/run_all.py --parties 10000
