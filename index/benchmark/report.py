"""What `newsbot bench` found: the figures as one JSON object, and the same as Markdown tables.

The headline keys (`ingest_vs_raw_ratio`, `reingest_vs_first_ratio`, `retrieval_p95_ms` and `answer_p95_ms` at the
largest size in the embedded store, `peak_rss_mb`, `first_answer_s`) sit at the top level of the JSON; `targets`
compares them with issue #14's targets for a 2-core machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Issue #14's targets on a 2-core machine: (key, comparison, bound).
TARGETS = (
    ("answer_p95_ms", "<=", 300.0),
    ("retrieval_p95_ms", "<=", 60.0),
    ("ingest_vs_raw_ratio", ">=", 0.90),
    ("reingest_vs_first_ratio", "<=", 0.02),
    ("peak_rss_mb", "<=", 1200.0),
    ("cli_ask_s", "<=", 3.0),
    ("first_answer_s", "<=", 10.0),
)


@dataclass(frozen=True)
class IngestFigures:
    """One pipeline's ingest of the subset: wall time, and the same embedder's raw encode of its chunks."""

    pipeline: str
    articles: int
    chunks: int
    ingest_s: float
    raw_s: float
    peak_rss_mb: float
    reingest_s: float | None = None
    #: NEWSBOT_READ_AHEAD=idle: reading the stored articles' sentences behind ingest, all at once
    read_behind_s: float | None = None

    @property
    def ratio(self) -> float:
        """Pipeline throughput over raw encode throughput on the same chunks (1.0: the pipeline costs nothing)."""
        return self.raw_s / self.ingest_s if self.ingest_s else 0.0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "articles": self.articles,
            "chunks": self.chunks,
            "ingest_s": round(self.ingest_s, 2),
            "articles_per_s": round(self.articles / self.ingest_s, 2) if self.ingest_s else 0.0,
            "chunks_per_s": round(self.chunks / self.ingest_s, 2) if self.ingest_s else 0.0,
            "raw_chunks_per_s": round(self.chunks / self.raw_s, 2) if self.raw_s else 0.0,
            "ingest_vs_raw_ratio": round(self.ratio, 3),
            "peak_rss_mb": round(self.peak_rss_mb),
        }
        if self.reingest_s is not None:
            data["reingest_s"] = round(self.reingest_s, 2)
            data["reingest_vs_first_ratio"] = round(self.reingest_s / self.ingest_s, 4) if self.ingest_s else 0.0
        if self.read_behind_s is not None:
            data["read_behind_s"] = round(self.read_behind_s, 2)
            data["read_behind_vs_ingest_ratio"] = round(self.read_behind_s / self.ingest_s, 3) if self.ingest_s else 0.0
        return data


@dataclass(frozen=True)
class LatencyFigures:
    """Query latency over one store: retrieval alone and the whole answer, in milliseconds."""

    size: int
    store: str
    chunks: int
    fill_s: float
    first_search_ms: float
    retrieval_ms: tuple[float, float]
    answer_ms: tuple[float, float]
    queries: int
    #: the question's embedding alone (both models of use+e5), the floor under retrieval
    embed_ms: tuple[float, float] = (0.0, 0.0)
    #: a fresh Newsroom's warm-up: models, the store, and the BM25 index (built on the first one over a store)
    warm_up_s: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "store": self.store,
            "chunks": self.chunks,
            "fill_s": round(self.fill_s, 1),
            "warm_up_s": round(self.warm_up_s, 2),
            "first_search_ms": round(self.first_search_ms),
            "retrieval_p50_ms": round(self.retrieval_ms[0], 1),
            "retrieval_p95_ms": round(self.retrieval_ms[1], 1),
            "answer_p50_ms": round(self.answer_ms[0], 1),
            "answer_p95_ms": round(self.answer_ms[1], 1),
            "question_embedding_p50_ms": round(self.embed_ms[0], 1),
            "question_embedding_p95_ms": round(self.embed_ms[1], 1),
            "queries": self.queries,
        }


@dataclass
class BenchReport:
    embedder: str
    corpus: str
    subset_articles: int
    cache: dict[str, Any]
    #: NEWSBOT_READ_AHEAD: `ingest` or `idle` (behind ingest): the filled stores get the cache store's sentence
    #: vectors, as when the reader has caught up; `off`: answers read their sentences when asked
    read_ahead: str = "off"
    ingest: list[IngestFigures] = field(default_factory=list)
    latency: list[LatencyFigures] = field(default_factory=list)
    processes: dict[str, float] = field(default_factory=dict)
    #: the 1-minute load average before and after the run: timings compare only between runs on an idle machine
    load_average: tuple[float, float] = (0.0, 0.0)

    def headline(self) -> dict[str, float | None]:
        ours = self.ingest[0]
        largest = max((f for f in self.latency if f.store == "embedded"), key=lambda f: f.size, default=None)
        rss = [f.peak_rss_mb for f in self.ingest[:1]] + [
            self.processes[k] for k in ("fill_peak_rss_mb", "bot_peak_rss_mb") if k in self.processes
        ]
        return {
            "ingest_vs_raw_ratio": round(ours.ratio, 3),
            "reingest_vs_first_ratio": round((ours.reingest_s or 0.0) / ours.ingest_s, 4) if ours.ingest_s else None,
            "retrieval_p95_ms": round(largest.retrieval_ms[1], 1) if largest else None,
            "answer_p95_ms": round(largest.answer_ms[1], 1) if largest else None,
            "peak_rss_mb": round(max(rss)),
            "first_answer_s": self.processes.get("first_answer_s"),
            "cli_ask_s": self.processes.get("cli_ask_s"),
        }

    def targets(self) -> dict[str, dict[str, Any]]:
        headline = self.headline()
        result: dict[str, dict[str, Any]] = {}
        for key, op, bound in TARGETS:
            value = headline.get(key)
            met = None if value is None else (value <= bound if op == "<=" else value >= bound)
            result[key] = {"value": value, "target": f"{op} {bound:g}", "met": met}
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.headline(),
            "embedder": self.embedder,
            "read_ahead": self.read_ahead,
            "corpus": self.corpus,
            "sizes": sorted({f.size for f in self.latency}),
            "cache": self.cache,
            "ingest": {f.pipeline: f.to_dict() for f in self.ingest},
            "latency": [f.to_dict() for f in self.latency],
            "processes": {k: round(v, 2) for k, v in self.processes.items()},
            "targets": self.targets(),
            "load_average": {"before": round(self.load_average[0], 2), "after": round(self.load_average[1], 2)},
        }

    def to_markdown(self) -> str:
        read_ahead = {
            "ingest": " with read-ahead at ingest",
            "idle": " reading behind ingest (answers measured once it has caught up and the article listing is kept)",
        }.get(self.read_ahead, " without read-ahead")
        lines = [
            f"embedder {self.embedder}{read_ahead}; corpus {self.corpus}; timed ingest of its first "
            f"{self.subset_articles} articles; larger stores filled from {self.cache['chunks']} cached chunk vectors "
            f"({self.cache['how']}), repeated under new ids with nudged vectors; load average "
            f"{self.load_average[0]:.1f} before, {self.load_average[1]:.1f} after (2 cores: above 2 means contention)",
            "",
            "| ingest | articles | chunks | articles/s | chunks/s | raw encode chunks/s | ingest ÷ raw "
            "| re-ingest ÷ first | reading behind ÷ ingest | peak RSS MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for f in self.ingest:
            d = f.to_dict()
            again = f"{d['reingest_vs_first_ratio']:.2%}" if "reingest_vs_first_ratio" in d else "–"
            behind = f"{d['read_behind_vs_ingest_ratio']:.2f}" if "read_behind_vs_ingest_ratio" in d else "–"
            lines.append(
                f"| {f.pipeline} | {f.articles} | {f.chunks} | {d['articles_per_s']:.2f} | {d['chunks_per_s']:.1f} "
                f"| {d['raw_chunks_per_s']:.1f} | {f.ratio:.2f} | {again} | {behind} | {f.peak_rss_mb:.0f} |"
            )
        lines += [
            "",
            "| chunks | store | question embedding p50/p95 ms | retrieval p50 ms | retrieval p95 ms | answer p50 ms "
            "| answer p95 ms | warm-up s | first search ms | fill s |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for lat in self.latency:
            lines.append(
                f"| {lat.chunks} | {lat.store} | {lat.embed_ms[0]:.0f} / {lat.embed_ms[1]:.0f} "
                f"| {lat.retrieval_ms[0]:.0f} | {lat.retrieval_ms[1]:.0f} "
                f"| {lat.answer_ms[0]:.0f} | {lat.answer_ms[1]:.0f} | {lat.warm_up_s:.1f} "
                f"| {lat.first_search_ms:.0f} | {lat.fill_s:.1f} |"
            )
        lines += ["", "| process | figure |", "|---|---:|"]
        lines += [f"| {name} | {value:.2f} |" for name, value in self.processes.items()]
        lines += ["", "| target | value | met |", "|---|---:|---|"]
        for key, target in self.targets().items():
            met = {True: "yes", False: "no", None: "–"}[target["met"]]
            lines.append(f"| {key} {target['target']} | {target['value']} | {met} |")
        return "\n".join(lines)
