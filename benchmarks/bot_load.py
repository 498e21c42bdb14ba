"""Many chats asking the real bot at once: latency per question, and a check that each is answered exactly once.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/bot_load.py [--embedder use] [--chats 200] [--questions 5] [--json]

A real PTB Application, built by `build_application` as `newsbot bot` builds it (64 updates at once, PTB's
AIORateLimiter), long-polls the loopback fake Bot API (tests/fakes/bot_api.py), which holds it to Telegram's
rules and flood limits (30 messages a second in all). Behind it is a real Newsroom over the bundled sample
articles (index/samples, ingested first into a temp store) with the default settings, or `--embedder`.

Each chat is one user in a private chat who asks `--questions` questions about the samples one after another,
each as soon as the answer to the previous one arrives; all chats start at once. A question's latency runs from
the moment it is in the Bot API's update queue to the moment the Bot API receives the bot's answer (polling,
retrieval, answering, rate limiting included). At the end, after a pause for stragglers, every chat must hold
exactly one answer per question and no apology; the script exits 1 otherwise. "From the expected article" counts
answers whose sources list the article the question was written for (a sanity figure, not a pass mark).

The fake Bot API runs on the bot's own event loop, as in the tests, so the figures include its (small) share.
This is a measurement, not a test: it reads nothing outside the repo and a temp dir.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.fakes.bot_api import FakeBotApi, make_user, private_chat  # noqa: E402

TOKEN = "4242:bot-load-benchmark-token"
SETTLE_S = 3.0  # how long to wait for duplicate answers after the last expected one
ANSWER_TIMEOUT_S = 3600.0  # the queue ahead of a question can be long: 200 chats on 2 cores
PROGRESS_EVERY_S = 30.0

#: (question, the start of the title of the sample article that answers it)
QUESTIONS = (
    ("Who denied supplying arms to Russia?", "Nordkorea dementiert"),
    ("Which chemical was used in the fighting near Aleppo in August?", "Aufständische verwendeten Chemikalie"),
    ("How many people did the Taliban take hostage after the helicopter crash?", "18 Menschen verschleppt"),
    ("Who was asked to form an interim government in Turkey?", "Ministerpräsident soll innerhalb"),
    ("How much debt does Puerto Rico have?", "Staatsschulden bei 72 Mrd. Dollar"),
    ("Did the lander Philae answer the last wake-up call?", "Der womöglich letzte Anlauf"),
    ("By how much will pensions rise next year?", "Inflationswert von August 2014"),
)


class TimedBotApi(FakeBotApi):
    """The fake Bot API that also notes when each chat's messages arrive, and wakes that chat's user."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.arrivals: dict[int, list[float]] = defaultdict(list)
        self.arrived: dict[int, asyncio.Event] = defaultdict(asyncio.Event)

    async def _api_sendmessage(self, params: Mapping[str, Any]) -> Any:
        result = await super()._api_sendmessage(params)
        chat_id = int(result["chat"]["id"])
        self.arrivals[chat_id].append(time.perf_counter())
        self.arrived[chat_id].set()
        return result


async def ask_in_turn(api: TimedBotApi, user: dict[str, Any], questions: list[str]) -> list[float]:
    """One user asking each question once the previous answer is in; returns the latencies in seconds."""
    latencies = []
    chat = private_chat(user)
    for n, question in enumerate(questions, start=1):
        asked = time.perf_counter()
        api.user_message(user=user, chat=chat, text=question)
        async with asyncio.timeout(ANSWER_TIMEOUT_S):
            while len(api.arrivals[user["id"]]) < n:
                api.arrived[user["id"]].clear()
                await api.arrived[user["id"]].wait()
        latencies.append(api.arrivals[user["id"]][n - 1] - asked)
    return latencies


async def report_progress(api: TimedBotApi, expected: int, started: float) -> None:
    """A line on stderr every half minute, so a long run is not silent."""
    while True:
        await asyncio.sleep(PROGRESS_EVERY_S)
        answered = sum(len(arrivals) for arrivals in api.arrivals.values())
        print(f"… {answered} of {expected} answered after {time.perf_counter() - started:.0f} s", file=sys.stderr)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


async def measure(args: argparse.Namespace, root: Path) -> dict[str, Any]:
    from bot.settings import Settings
    from bot.telegram.app import ALLOWED_UPDATES, build_application
    from index.newsroom import Newsroom

    api = TimedBotApi(TOKEN)
    await api.start()
    overrides = {"embedder": args.embedder} if args.embedder else {}
    settings = Settings(
        _env_file=None, data_dir=root / "data", telegram_bot_token=TOKEN, telegram_base_url=api.base_url, **overrides
    )
    started = time.perf_counter()
    newsroom = Newsroom(settings)
    report = newsroom.ingest([str(REPO_ROOT / "index" / "samples")])
    ingest_s = time.perf_counter() - started
    if report.failed or not report.added:
        raise SystemExit(f"ingesting the samples failed: {report.to_dict()}")

    users = [make_user(100_000 + i, f"Reader{i}") for i in range(args.chats)]
    asked = {
        user["id"]: [QUESTIONS[(i + k) % len(QUESTIONS)] for k in range(args.questions)] for i, user in enumerate(users)
    }
    application = build_application(settings, newsroom)
    async with application:
        assert application.post_init is not None and application.updater is not None
        await application.post_init(application)  # warms the models up, as `newsbot bot` does before polling
        await application.updater.start_polling(poll_interval=0, allowed_updates=ALLOWED_UPDATES)
        await application.start()
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        sessions = [ask_in_turn(api, user, [q for q, _ in asked[user["id"]]]) for user in users]
        progress = asyncio.create_task(report_progress(api, args.chats * args.questions, started))
        latencies = [s for session in await asyncio.gather(*sessions) for s in session]
        wall_s = time.perf_counter() - started
        progress.cancel()
        load_after = os.getloadavg()[0]
        await asyncio.sleep(SETTLE_S)
        await application.updater.stop()
        await application.stop()
    await api.stop()

    counts = [len(api.messages_to(user["id"])) for user in users]
    answers = [
        (m, title)
        for user in users
        for m, (_, title) in zip(api.messages_to(user["id"]), asked[user["id"]], strict=False)
    ]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "embedder": settings.embedder,
        "cpus": os.cpu_count(),
        "load_average": {"before": round(load_before, 1), "after": round(load_after, 1)},
        "chats": args.chats,
        "questions_per_chat": args.questions,
        "questions": len(latencies),
        "answered_exactly_once": sum(c == args.questions for c in counts) == len(users),
        "chats_with_missing_answers": sum(c < args.questions for c in counts),
        "chats_with_extra_messages": sum(c > args.questions for c in counts),
        "apologies": sum(m.text.startswith("Sorry") for m, _ in answers),
        "from_expected_article": sum(f"] {title}" in m.text for m, title in answers),
        "latency_ms": {
            "p50": round(1000 * percentile(latencies, 50)),
            "p95": round(1000 * percentile(latencies, 95)),
            "max": round(1000 * max(latencies)),
        },
        "wall_s": round(wall_s, 1),
        "answers_per_s": round(len(latencies) / wall_s, 1),
        "flood_refusals": sum(c.error.startswith("Too Many Requests") for c in api.errors),
        "other_api_errors": sum(not c.error.startswith("Too Many Requests") for c in api.errors),
        "ingest_s": round(ingest_s, 1),
        "process_cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default="", help="NEWSBOT_EMBEDDER for this run (default: the setting's)")
    parser.add_argument("--chats", type=int, default=200, help="private chats asking at once (default 200)")
    parser.add_argument("--questions", type=int, default=5, help="questions each chat asks in turn (default 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args(argv)
    if args.chats < 1 or args.questions < 1:
        parser.error("--chats and --questions must be at least 1")

    with tempfile.TemporaryDirectory(prefix="newsbot-load-") as scratch:
        figures = asyncio.run(measure(args, Path(scratch)))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        latency = figures["latency_ms"]
        print(
            f"embedder {figures['embedder']}, {figures['cpus']} CPUs, load average "
            f"{figures['load_average']['before']} before, {figures['load_average']['after']} at the end"
        )
        print(
            f"{figures['chats']} chats x {figures['questions_per_chat']} questions: {figures['questions']} answered "
            f"in {figures['wall_s']} s ({figures['answers_per_s']} answers/s); latency p50 {latency['p50']} ms, "
            f"p95 {latency['p95']} ms, max {latency['max']} ms"
        )
        print(
            f"exactly once: {'yes' if figures['answered_exactly_once'] else 'NO'} (chats missing an answer "
            f"{figures['chats_with_missing_answers']}, with extra messages {figures['chats_with_extra_messages']}); "
            f"apologies {figures['apologies']}; from the expected article {figures['from_expected_article']}"
        )
        print(
            f"Bot API: {figures['flood_refusals']} flood refusals (retried), {figures['other_api_errors']} other "
            f"errors; samples ingested in {figures['ingest_s']} s; process CPU {figures['process_cpu_s']} s, "
            f"peak RSS {figures['peak_rss_mb']} MB"
        )
    ok = figures["answered_exactly_once"] and not figures["apologies"] and not figures["other_api_errors"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
