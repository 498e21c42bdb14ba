"""Speed and scale: what `newsbot bench` measures (see runner.py for the steps, report.py for the figures).

corpus.py reads the news and questions and fills stores of any size from cached vectors; processes.py runs the
measured jobs (child.py) in processes of their own, for their peak RSS, and a `chroma run` server.
"""

from index.benchmark.report import BenchReport
from index.benchmark.runner import DEFAULT_SIZES, BenchOptions, run_benchmark

__all__ = ["DEFAULT_SIZES", "BenchOptions", "BenchReport", "run_benchmark"]
