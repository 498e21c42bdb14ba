"""Headlines: the answer to a question that asks only about a date or the present ("What happened today?", "Was
gibt es Neues?") lists the matching articles, newest first, each cited, instead of one arbitrary sentence.

    What happened today?  ->  Articles from 2026-12-02 (today):
                              • ECB raises rates [1]
                              • Storm closes Hamburg port [2]
"""

from __future__ import annotations

from collections.abc import Sequence

from index.dates import DateQuery
from index.models import Answer, Source, StoredArticle

MAX_HEADLINES = 10

HEADINGS = {
    "en": {
        "range": "Articles from {days} ({expression}):",
        "recent": "The newest articles:",
        "more": "… and {n} more.",
    },
    "de": {
        "range": "Artikel vom {days} ({expression}):",
        "recent": "Die neuesten Artikel:",
        "more": "… und {n} weitere.",
    },
}


def newest_first(articles: Sequence[StoredArticle]) -> list[StoredArticle]:
    """Dated articles newest first, then undated ones by when they were ingested: an undated article is never the
    newest."""
    return sorted(articles, key=recency, reverse=True)


def recency(article: StoredArticle) -> tuple[bool, float]:
    published = article.meta.published_ts
    return (published is not None, article.ingested_at if published is None else published)


def headlines_answer(
    question: str, dates: DateQuery, articles: Sequence[StoredArticle], *, language: str, limit: int = MAX_HEADLINES
) -> Answer:
    """The articles published in the question's range (all of them when it asks only for the latest news), newest
    first, at most `limit`, each a numbered source."""
    published = dates.published
    matching = [a for a in articles if published is None or published.contains(a.meta.published_ts)]
    shown = newest_first(matching)[:limit]
    texts = HEADINGS.get(language, HEADINGS["en"])
    if published is None:
        heading = texts["recent"]
    else:
        days = published.span(" bis " if language == "de" else " to ")
        heading = texts["range"].format(days=days, expression=published.expression)
    lines = [
        heading,
        *(
            f"• {article.meta.title or article.meta.url or 'untitled'} [{n}]"
            for n, article in enumerate(shown, start=1)
        ),
    ]
    if len(matching) > len(shown):
        lines.append(texts["more"].format(n=len(matching) - len(shown)))
    sources = [
        Source(n=n, article_id=article.article_id, meta=article.meta, snippet="", score=0.0)
        for n, article in enumerate(shown, start=1)
    ]
    return Answer(text="\n".join(lines), sources=sources, answerer="headlines", question=question)
