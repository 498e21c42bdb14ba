# The two commands of the README:  `make run`  (set up, then the main job)  and  `make test`  (set up, then test).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
# torch is installed first and pinned by constraints.txt for everything after it (a CPU build; see README).
TORCH_SPEC ?= torch==2.13.0
PIP_TORCH_ARGS ?=
CONSTRAINTS ?= constraints.txt
PYTEST_ARGS ?=

# llama-cpp-python (the local GGUF answerer and its tests) compiles llama.cpp. llama.cpp's default, GGML_NATIVE=ON,
# uses every instruction set of the building CPU (AVX-512, AMX, ...); such a build crashed on another machine
# (issue #9). The portable build needs AVX2, FMA and F16C: any x86-64 CPU since about 2015. LLAMA_NATIVE=1 builds
# for this CPU only (README: how much faster). pip's wheel cache keys a build by package and version, not by
# CMAKE_ARGS, so the build bypasses that cache; the stamp file names the flags, so other flags rebuild.
LLAMA_NATIVE ?= 0
LLAMA_PORTABLE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
LLAMA_CMAKE_ARGS ?= $(if $(filter 1,$(LLAMA_NATIVE)),-DGGML_NATIVE=ON,$(LLAMA_PORTABLE_ARGS))
LLAMA_SPEC := $(shell sed -n 's/^local-llm = \["\([^"]*\)"\]/\1/p' pyproject.toml)
LLAMA_STAMP := $(VENV)/.llama-cpp-$(shell printf '%s' '$(LLAMA_SPEC) $(LLAMA_CMAKE_ARGS)' | cksum | cut -d' ' -f1)
LLAMA_LOG := $(VENV)/llama-cpp-python.log

.PHONY: setup run lint test test-fast clean

setup: $(VENV)/.installed $(LLAMA_STAMP)

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(PIP_TORCH_ARGS) "$(TORCH_SPEC)"
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	touch $@

# Without a C compiler the build fails: set-up goes on without it, and `make test` skips its tests, naming why.
# The stamp is written either way, so set-up does not retry on every run; `rm $(VENV)/.llama-cpp-*` retries.
$(LLAMA_STAMP): | $(VENV)/.installed
	@test -n "$(LLAMA_SPEC)" || { echo "pyproject.toml has no local-llm extra to build" >&2; exit 1; }
	@rm -f $(VENV)/.llama-cpp-*
	@echo "Building $(LLAMA_SPEC) with CMAKE_ARGS=\"$(LLAMA_CMAKE_ARGS)\" (about 5 minutes; log: $(LLAMA_LOG))"
	@$(PY) -m pip uninstall --quiet --yes llama-cpp-python >/dev/null 2>&1; \
	if CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip install --no-cache-dir --no-binary llama-cpp-python \
	    -c $(CONSTRAINTS) "$(LLAMA_SPEC)" >$(LLAMA_LOG) 2>&1; then \
	  echo "built: $(LLAMA_CMAKE_ARGS)" >$@; \
	else \
	  echo "failed: $(LLAMA_CMAKE_ARGS)" >$@; \
	  echo "WARNING: $(LLAMA_SPEC) could not be built (see $(LLAMA_LOG); it needs a C compiler and cmake)." >&2; \
	  echo "WARNING: the rest is installed; its tests will be skipped. Retry: rm $(VENV)/.llama-cpp-*; make setup" >&2; \
	fi

run: setup
	HF_HUB_OFFLINE=1 $(VENV)/bin/newsbot start

# ruff (lint, import order, formatting) and mypy (types; config in pyproject.toml) run before the tests and fail them on errors.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# pytest exits 5 when it ran no test: the suite always has tests, so that fails here, and says why.
# -rs lists every skipped test with its reason at the end.
test: lint
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest -rs $(PYTEST_ARGS) || { rc=$$?; \
	  [ $$rc -ne 5 ] || echo "pytest ran no tests (exit 5): the suite was not collected" >&2; exit $$rc; }

test-fast: lint
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest -rs -m "not slow" $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .newsbot .pytest_cache .mypy_cache .ruff_cache
