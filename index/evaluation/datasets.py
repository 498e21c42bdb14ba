"""Readers for evaluation data: question-answer sets (JSONL) and distractor news corpora.

Question-answer sets are JSONL, one question a line, in one of two layouts, told apart by the first line's keys:

XQuAD layout (google-deepmind/xquad, flattened; see ../shared/data/xquad/README.md)
    question_en, question_de   the question in English and in German (`question_field` picks one)
    answers_en, answers_de     lists of gold answer strings
    context_de                 the German paragraph the question is about; it is what gets indexed
    context_id                 the paragraph's id; questions sharing a paragraph share the id
    title                      optional: the Wikipedia article the paragraph comes from
    id                         optional: the question's id

news_qa layout (../shared/data/news_qa/README.md): the XQuAD keys with `qtype` (and no `answer_start_de`), plus
unanswerable lines
    answerable                 false for a question the indexed news cannot answer (absent: true)
    kind                       same_story (about an indexed article, asking for a fact it does not give) or
                               absent_topic (news nowhere in the corpus); `context_id` only for same_story
    Its gold answers are `answers_de` alone: the bot quotes the German article, and answers are scored verbatim
    (`substring_containment`).

Any layout may name a file instead of giving the paragraph's text: `context_file`, a path relative to the JSONL
file, read as `newsbot ingest` reads it (.txt, .md or .html; its front matter is read and dropped, its title kept
and indexed with it, in the news_qa layout too). benchmarks/data/short_questions.jsonl asks so about the bundled
samples.

Generic layout (for your own data)
    question      the question
    answers       a list of gold answer strings, in the language of `context`
    context       the paragraph that answers it
    context_id    the paragraph's id; paragraphs with the same id must have the same text
    title         optional: a title indexed with the paragraph
    id            optional: the question's id (default: its line number)

    {"question": "Wer gewann?", "answers": ["Denver"], "context": "Denver gewann ...", "context_id": "p1"}

Gold answers of an XQuAD question are answers_de followed by answers_en: the indexed paragraphs are German, so an
extractive answer is German text and answers_de is the real gold; answers_en is kept because names and numbers
are often written the same way (354 of XQuAD's 1,190 answers are identical in both languages).

Distractors are other articles indexed alongside the paragraphs, so that retrieval has to find the gold paragraph
among realistic news. Readers: the 10kGNAD CSV (`label;text`, quote character `'`, no header) and JSONL with
`title` and `text` per line.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from index.errors import DatasetError
from index.loaders.documents import READERS
from index.models import Article, ArticleMeta
from index.text import join_names

XQUAD_QUESTION_FIELDS = ("question_en", "question_de")
GENERIC_QUESTION_FIELD = "question"


@dataclass(frozen=True)
class Paragraph:
    """A gold paragraph: indexed as one article whose source names the dataset and the paragraph id."""

    context_id: str
    text: str
    title: str = ""

    def to_article(self, source_prefix: str) -> Article:
        # No URL, so the article id derives from source + title: stable across runs, unique per paragraph.
        return Article(text=self.text, meta=ArticleMeta(title=self.title, source=f"{source_prefix}:{self.context_id}"))


@dataclass(frozen=True)
class QAItem:
    """One question with its gold answers and the id of the paragraph that answers it; an unanswerable question
    (news_qa) has no answers, `kind` says why (same_story, absent_topic) and `context_id` may be empty."""

    id: str
    question: str
    answers: tuple[str, ...]
    context_id: str
    kind: str = "answerable"
    #: scored verbatim (news_qa), not after SQuAD normalisation
    verbatim: bool = False

    @property
    def answerable(self) -> bool:
        return self.kind == "answerable"


@dataclass(frozen=True)
class QADataset:
    """Questions and the distinct paragraphs they are about, in file order."""

    name: str
    layout: str
    items: list[QAItem]
    paragraphs: list[Paragraph]

    def limited(self, limit: int | None) -> QADataset:
        """The first `limit` questions (all when None). Every paragraph stays: fewer candidates would make
        retrieval easier than on the full set."""
        if limit is None or limit >= len(self.items):
            return self
        return QADataset(self.name, self.layout, self.items[:limit], self.paragraphs)


def _answers(value: object, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return list(value)
    raise DatasetError(f"{where}: answers must be a list of strings, got {value!r}")


def detect_layout(row: dict[str, object]) -> str:
    """'news_qa', 'xquad', 'mlqa' or 'generic' from a row's keys."""
    german_context = "context_de" in row or "context_file" in row
    # an unanswerable news_qa line, or an answerable one (its `qtype`): a file of those alone is news_qa too
    answerable_news_qa = "qtype" in row and german_context and "answer_start_de" not in row
    if "answerable" in row or "kind" in row or answerable_news_qa:
        return "news_qa"
    if german_context and "context_id" in row:
        return "xquad"
    if "context_de" in row and "question_de" in row and "answers_de" in row:
        return "mlqa"  # MLQA de: one paragraph per row, identified by its text
    if {"question", "answers", "context", "context_id"} <= row.keys():
        return "generic"
    raise DatasetError(
        f"unknown layout with keys {sorted(row)}: expected XQuAD (question_en/question_de, answers_de, "
        "context_de, context_id), MLQA (question_de, answers_de, context_de) or generic (question, answers, "
        "context, context_id)"
    )


def read_qa_jsonl(path: Path, *, question_field: str | None = None, source_prefix: str | None = None) -> QADataset:
    """Read a question-answer JSONL file in the news_qa, XQuAD, MLQA or generic layout.

    `question_field` picks the question's language in the XQuAD layout (default question_en); the generic layout
    has only `question`. Paragraph articles get the source `<source_prefix>:<context_id>`, by default `xquad:03_2`
    for the XQuAD layout and `<file stem>:<context_id>` for the generic one.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    rows: list[dict[str, object]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{number}: not JSON: {exc}") from exc
    if not rows:
        raise DatasetError(f"{path} holds no questions")
    layout = "news_qa" if any(detect_layout(row) == "news_qa" for row in rows) else detect_layout(rows[0])
    answer_keys: tuple[str, ...]
    if layout == "news_qa":
        field = question_field or XQUAD_QUESTION_FIELDS[0]
        context_key, answer_keys = "context_de", ("answers_de",)
    elif layout == "xquad":
        field = question_field or XQUAD_QUESTION_FIELDS[0]
        context_key, answer_keys = "context_de", ("answers_de", "answers_en")
    elif layout == "mlqa":
        field = question_field or "question_de"
        context_key, answer_keys = "context_de", ("answers_de",)
    else:
        field = question_field or GENERIC_QUESTION_FIELD
        context_key, answer_keys = "context", ("answers",)

    items: list[QAItem] = []
    paragraphs: dict[str, Paragraph] = {}
    for number, row in enumerate(rows, start=1):
        where = f"{path}:{number}"
        question = row.get(field)
        if not isinstance(question, str) or not question.strip():
            raise DatasetError(f"{where}: no question in field {field!r} (keys: {sorted(row)})")
        context_id = str(row.get("context_id", ""))
        if layout == "mlqa" and not context_id and isinstance(row.get(context_key), str):
            context_id = hashlib.sha1(str(row[context_key]).encode("utf-8")).hexdigest()[:12]
        if row.get("answerable") is False:
            kind = str(row.get("kind") or "unanswerable")
            items.append(QAItem(str(row.get("id") or number), question.strip(), (), context_id, kind, verbatim=True))
            continue
        context = row.get(context_key)
        # news_qa's title is the article's first sentence, which its text starts with: the article is indexed as
        # the news corpus holds it, untitled, so it is the same article as its row among the distractors.
        title = "" if layout == "news_qa" else str(row.get("title") or "")
        if "context_file" in row and context is None:
            context, title = _context_file(path, row["context_file"], where)
        if not context_id or not isinstance(context, str) or not context.strip():
            raise DatasetError(f"{where}: needs {context_key!r} (or 'context_file') and 'context_id'")
        answers: list[str] = []
        for key in answer_keys:
            if key in row:
                answers.extend(a for a in _answers(row[key], where) if a not in answers)
        if not answers:
            raise DatasetError(f"{where}: no gold answers in {' or '.join(answer_keys)}")
        known = paragraphs.get(context_id)
        if known is None:
            paragraphs[context_id] = Paragraph(context_id=context_id, text=context, title=title)
        elif known.text != context:
            raise DatasetError(f"{where}: context_id {context_id!r} has two different paragraph texts")
        items.append(
            QAItem(
                str(row.get("id") or number),
                question.strip(),
                tuple(answers),
                context_id,
                verbatim=layout == "news_qa",
            )
        )
    default_prefix = {"xquad": "xquad", "news_qa": "news_qa", "mlqa": "mlqa"}.get(layout, path.stem)
    return QADataset(
        name=source_prefix or default_prefix, layout=layout, items=items, paragraphs=list(paragraphs.values())
    )


def _context_file(dataset: Path, name: object, where: str) -> tuple[str, str]:
    """(text, title) of the article a row's `context_file` names, relative to the dataset file, read as ingest
    reads a file of its kind."""
    if not isinstance(name, str) or not name.strip():
        raise DatasetError(f"{where}: context_file must be a path, got {name!r}")
    file = dataset.parent / name
    reader = READERS.get(file.suffix.lower())
    if reader is None:
        raise DatasetError(f"{where}: context_file {name!r}: not a {join_names(list(READERS), 'or')} file")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise DatasetError(f"{where}: cannot read context_file {name!r} ({file}): {exc.strerror or exc}") from exc
    article = reader(data, str(file))
    return article.text, article.meta.title


def read_10kgnad_csv(path: Path, *, limit: int | None = None) -> Iterator[Article]:
    """Articles of a 10kGNAD CSV (`label;text`, quote `'`, no header), untitled: the corpus has no headline (its
    text starts with the sub-headline) and the label is dropped, as a news bot never sees one. Ids are stable
    per file name and row."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    with handle:
        for row_number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if limit is not None and row_number >= limit:
                return
            if len(row) < 2 or not row[1].strip():
                continue
            yield Article(
                text=row[1].strip(), meta=ArticleMeta(source=f"10kgnad:{path.name}#{row_number}", language="de")
            )


def read_articles_jsonl(path: Path, *, limit: int | None = None) -> Iterator[Article]:
    """Articles of a JSONL file with `title` and `text` per line (optional `url`, `outlet`, `language`)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if limit is not None and count >= limit:
            return
        row = json.loads(line)
        if not isinstance(row.get("text"), str):
            raise DatasetError(f"{path}:{number}: needs a 'text' field")
        count += 1
        meta = ArticleMeta(
            title=str(row.get("title") or ""),
            source=f"{path.name}#{number}",
            url=str(row.get("url") or ""),
            outlet=str(row.get("outlet") or ""),
            language=str(row.get("language") or ""),
        )
        yield Article(text=row["text"], meta=meta)


def read_distractors(path: Path, *, limit: int | None = None) -> Iterator[Article]:
    """Distractor articles from a 10kGNAD-style `.csv` or a `.jsonl` with title and text."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return read_10kgnad_csv(path, limit=limit)
    if path.suffix.lower() in {".jsonl", ".json"}:
        return read_articles_jsonl(path, limit=limit)
    raise DatasetError(f"{path}: distractors must be a 10kGNAD .csv or a .jsonl of title/text articles")
