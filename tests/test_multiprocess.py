"""Several processes on one embedded data dir (issue #12): they take turns under the store's lock, and each sees
the others' writes. Every process here is a real OS process on a real Chroma store.

- Store level: three processes add, delete and query at once; afterwards the store holds exactly what they left.
- As users meet it: `newsbot bot` answers through the loopback fake Bot API while two `newsbot ingest` processes
  add the same news from two folders: no apology, nothing lost, each text stored once, new articles answerable.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest

from index.store import ChunkStore
from tests.bot.conftest import ADMIN, TOKEN, assert_answers_the_seed_question
from tests.bot.test_run_bot import NEWSBOT, ROOT, finished, newsbot_bot, output_of
from tests.conftest import SEED_ARTICLE, SEED_QUESTION
from tests.fakes.bot_api import FakeBotApi, private_chat
from tests.test_housekeeping import APPLES, BRIDGE, PRINT, write_csv

ARTICLES_PER_WRITER = 24
WRITER = """
import sys
from pathlib import Path
from collections.abc import AsyncIterator

import numpy as np
import pytest
from index.models import Article, ArticleMeta, Chunk
from index.store import ChunkStore

data_dir, name, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = ChunkStore(path=data_dir, embedder_name="random")
rng = np.random.default_rng(sum(map(ord, name)))

def article(i):
    a = Article(f"{name} story {i} " * 5, ArticleMeta(title=f"{name} {i}", source=f"{name}.json#entry {i}"))
    vectors = rng.normal(size=(3, 16))
    vectors /= np.linalg.norm(vectors, axis=1)[:, None]
    return a, [Chunk(a, j, f"{name} {i} part {j}") for j in range(3)], vectors

for i in range(n):
    assert store.add_article(*article(i)) == "added"
    if i % 3 == 2:  # every third article deletes the one before it
        assert store.delete_articles([article(i - 1)[0].id]) == 1
    for _ in range(3):
        hits = store.query(rng.normal(size=16), 60)
        assert hits and all(h.meta.title and h.text for h in hits), hits
print(name, "done")
"""


def test_processes_adding_deleting_and_querying_one_store_lose_nothing(tmp_path: Path) -> None:
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path / "data"), name, str(ARTICLES_PER_WRITER)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            text=True,
        )
        for name in ("ingest", "bot", "watch")
    ]
    outputs = [w.communicate(timeout=300)[0] for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0], "\n".join(o[-2000:] for o in outputs)

    store = ChunkStore(path=tmp_path / "data", embedder_name="random")
    kept = {i for i in range(ARTICLES_PER_WRITER) if i % 3 != 1 or i == ARTICLES_PER_WRITER - 1}
    expected = {f"{name} {i}" for name in ("ingest", "bot", "watch") for i in kept}
    assert sorted(a.meta.title for a in store.articles()) == sorted(expected)
    assert store.count() == 3 * len(expected)
    assert len(store.query(np.ones(16), 1000)) == 3 * len(expected)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    """The loopback fake Bot API, the admin's chat open (tests/bot/conftest.py has the same for the bot's tests)."""
    fake = FakeBotApi(TOKEN)
    fake.open_chat(private_chat(ADMIN))
    await fake.start()
    yield fake
    await fake.stop()


async def ask(api: FakeBotApi, question: str) -> str:
    """The bot's one reply to an admin's question (admins are not rate-limited)."""
    before = len(api.messages_to(ADMIN["id"]))
    api.user_message(user=ADMIN, chat=private_chat(ADMIN), text=question)
    [reply] = await api.replies(ADMIN["id"], after=before, timeout=60)
    return reply.text


async def newsbot_ingest(env: dict[str, str], cwd: Path, *sources: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        str(NEWSBOT),
        "ingest",
        *sources,
        "--json",
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_a_running_bot_answers_while_newsbot_ingest_adds_articles(api: FakeBotApi, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HF_HUB_OFFLINE": "1",
        "NEWSBOT_EMBEDDER": "use",
        "NEWSBOT_DATA_DIR": str(tmp_path / "data"),
    }
    old_story = {"text": "A story from 2001 that retention drops. " * 3, "published_at": "2001-05-01"}
    old_news = write_csv(tmp_path / "old.csv", [old_story])
    seeded = await newsbot_ingest(env, tmp_path, str(SEED_ARTICLE), str(old_news))
    assert await finished(seeded, 120) == 0
    rows = [{"text": text, "published_at": ""} for text in (BRIDGE, APPLES, PRINT)]
    write_csv(tmp_path / "more" / "news.csv", rows)
    write_csv(tmp_path / "copy" / "news.csv", rows)  # the same news under another path
    (tmp_path / "copy" / "harbour.txt").write_text(
        "Harbour of Port Elda reopens\nThe harbour of Port Elda reopened on Monday, a week after a storm tore two "
        "cranes from the quay. The first ferry left at six in the morning with 140 passengers aboard.\n",
        encoding="utf-8",
    )

    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log_file:
        bot = await newsbot_bot(
            tmp_path,
            log_file,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
            TELEGRAM_ADMIN_IDS=str(ADMIN["id"]),
            NEWSBOT_RETENTION_DAYS="3650",  # the 2001 story goes at start
        )
        try:
            await api.wait_for(lambda: "default" in api.commands, timeout=120, what="the bot to start")
            assert_answers_the_seed_question(await ask(api, SEED_QUESTION))  # the bot has read the store

            ingests = [await newsbot_ingest(env, tmp_path, folder) for folder in ("more", "copy")]
            waits = [asyncio.ensure_future(p.communicate()) for p in ingests]
            answered_during = 0
            while not all(w.done() for w in waits):
                assert_answers_the_seed_question(await ask(api, SEED_QUESTION))
                answered_during += 1
            outputs = [await w for w in waits]
            assert [p.returncode for p in ingests] == [0, 0], [err.decode()[-2000:] for _, err in outputs]
            reports = [json.loads(out) for out, _ in outputs]

            bridge = await ask(api, "When will the new bridge over the Vessa river open?")
            harbour = await ask(api, "How many passengers were on the first ferry from Port Elda?")
            latest = await ask(api, "/latest 20")
            bot.send_signal(signal.SIGTERM)
        finally:
            returncode = await finished(bot, 30)
    log = output_of(log_path)
    assert returncode == 0, log[-3000:]
    assert "Traceback" not in log and "Error finding id" not in log, log[-3000:]
    assert "changed in another process: reopening it" in log
    assert answered_during >= 1
    assert "deleted 1 article(s) older than 3650 days" in log

    # each text once: whichever process stored the CSV's rows first, the other found them there
    assert sum(r["added"] for r in reports) == 4 and sum(r["duplicates"] for r in reports) == 3, reports
    assert not any(r["failed"] for r in reports), reports
    assert "14 May" in bridge and "The new bridge over the Vessa river" in bridge, bridge
    assert "140" in harbour and "Harbour of Port Elda reopens" in harbour, harbour
    lines = latest.splitlines()[1:]
    assert len(lines) == 5 and len(set(lines)) == 5, latest
    assert "untitled" not in latest and all(line.split(". ", 1)[1].strip() for line in lines), latest
