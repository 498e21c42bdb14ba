"""newsbot's exception tree. The library raises these; only the CLI and the bot turn them into messages.

    NewsbotError                 every error newsbot raises on purpose
    ├── ConfigError              a setting is missing or invalid (names the setting and how to fix it)
    ├── SourceError              one input (file, URL, feed, row) could not be read or made into an article
    │   └── UnsupportedSourceError   the input's kind is not one newsbot reads
    ├── EmbeddingError           the embedding model failed to load or to embed
    ├── IngestCancelled          an ingest was stopped before it finished (the bot shutting down)
    ├── StoreError               Chroma (embedded or server) failed
    │   └── StoreUnavailableError    the Chroma server cannot be reached
    ├── AnswerError              the answerer (LLM) failed; callers fall back to the extractive answer
    │   └── AnswerTimeoutError   the LLM did not answer in time
    ├── FeedError                a followed feed cannot be added, removed or polled as asked
    ├── UnknownOutletError       an outlet asked for (`newsbot latest --outlet`, /latest NAME) wrote no stored article
    ├── DatasetError             an evaluation file is missing or not in a layout `newsbot eval` reads
    └── BenchmarkError           a `newsbot bench` step (a measured process, its options) failed

Third-party errors are mapped at the boundary with `raise OurError(...) from exc`.
"""

from __future__ import annotations

#: how many outlets an UnknownOutletError names
MAX_OUTLETS_LISTED = 10


class NewsbotError(Exception):
    """Base of every error newsbot raises on purpose."""


class ConfigError(NewsbotError):
    """A setting is missing or invalid."""


class SourceError(NewsbotError):
    """One input could not be read or made into an article."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class UnsupportedSourceError(SourceError):
    """The input's kind is not one newsbot reads."""


class FeedError(NewsbotError):
    """A followed feed cannot be added, removed or polled as asked."""


class UnknownOutletError(NewsbotError):
    """An outlet asked for by name wrote no stored article; `known` lists the outlets that did, most articles
    first."""

    def __init__(self, outlet: str, known: list[str]) -> None:
        listed = ", ".join(known[:MAX_OUTLETS_LISTED]) + (", …" if len(known) > MAX_OUTLETS_LISTED else "")
        super().__init__(f"no stored article is from {outlet!r}; name one of the outlets read: {listed or 'none yet'}")
        self.outlet = outlet
        self.known = known


class EmbeddingError(NewsbotError):
    """The embedding model failed to load or to embed."""


class IngestCancelled(NewsbotError):
    """An ingest was told to stop (the bot shutting down); what it stored before stays."""


class StoreError(NewsbotError):
    """Chroma failed."""


class StoreUnavailableError(StoreError):
    """The Chroma server cannot be reached."""


class AnswerError(NewsbotError):
    """The answerer failed."""


class AnswerTimeoutError(AnswerError):
    """The LLM did not answer in time."""


class DatasetError(NewsbotError):
    """An evaluation file is missing or not in a layout `newsbot eval` reads."""


class BenchmarkError(NewsbotError):
    """A `newsbot bench` step failed: a measured child process, or the options it was given."""
