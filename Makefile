# The two commands of the README:  `make run`  (set up, then the main job)  and  `make test`  (set up, then test).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
# torch is installed first and pinned by constraints.txt for everything after it (a CPU build; see README).
TORCH_SPEC ?= torch==2.13.0
PIP_TORCH_ARGS ?=
CONSTRAINTS ?= constraints.txt
PYTEST_ARGS ?=

.PHONY: setup run test test-fast clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(PIP_TORCH_ARGS) "$(TORCH_SPEC)"
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	touch $@

run: setup
	HF_HUB_OFFLINE=1 $(VENV)/bin/newsbot start

# pytest exits 5 when it ran no test: the suite always has tests, so that fails here, and says why.
test: setup
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest $(PYTEST_ARGS) || { rc=$$?; \
	  [ $$rc -ne 5 ] || echo "pytest ran no tests (exit 5): the suite was not collected" >&2; exit $$rc; }

test-fast: setup
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest -m "not slow" $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .newsbot .pytest_cache
