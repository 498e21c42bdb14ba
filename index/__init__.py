"""newsbot's index: articles in, sourced answers out. Knows nothing of Telegram.

Data flows one way, and the module names follow it:

    loading -> cleaning -> chunking -> embedders -> store -> retrieval -> answerers -> chain

`index.newsroom.Newsroom` is the facade the CLI and the bot use.
"""

import os

# OpenBLAS (numpy's BLAS, which USE runs on) keeps its worker threads spinning for ~0.1 s after each call (its
# default timeout, 2^28 cycles). On 2 cores they then take a core from e5's OpenMP threads, which run right after
# USE for every question with use+e5: a question's embedding took p50 75 / p95 149 ms instead of 25 / 37 ms
# (README, "Speed and scale"). OpenBLAS reads this when numpy loads it, so it is set before anything here imports
# numpy; a value of the user's own wins.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")
