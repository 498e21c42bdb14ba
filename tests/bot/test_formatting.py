"""Answers become Telegram HTML that Telegram accepts: escaped, cited, with sources, split below 4096 characters."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.telegram.formatting import (
    MAX_MESSAGE_CHARS,
    compact_source_line,
    format_date,
    render_answer,
    render_full_sources,
    render_latest,
    split_html,
    utf16_len,
    visible_length,
)
from bot.texts import framing_language, primary_language, terminal_language
from index.models import BOT_REPLY, Answer, ArticleMeta, Source, StoredArticle
from tests.fakes.bot_api import BotApiError, checked_text, parse_telegram_html

KIRBY = Source(
    n=1,
    article_id="kirby",
    meta=ArticleMeta(
        title="Nordkorea dementiert Waffenlieferungen an Russland",
        outlet="Nau.ch",
        url="https://www.nau.ch/news/ausland/nordkorea?id=1&ref=rss",
        published_at=datetime(2022, 9, 22, 8, 15, tzinfo=UTC),
    ),
    snippet="Nordkorea hat Angaben der US-Regierung bestritten, wonach <der Staat> Munition liefert.",
    score=0.71,
)
FILE_SOURCE = Source(n=2, article_id="notes", meta=ArticleMeta(title="Notes & <drafts>"), snippet="", score=0.4)


def test_answer_text_is_escaped_and_citations_link_to_their_source() -> None:
    answer = Answer(text='North Korea denied it <"never"> & so on [1]. Also [2].', sources=[KIRBY, FILE_SOURCE])
    html = render_answer(answer)
    assert 'North Korea denied it &lt;"never"&gt; &amp; so on' in html
    assert '<a href="https://www.nau.ch/news/ausland/nordkorea?id=1&amp;ref=rss">[1]</a>' in html
    assert "Also [2]." in html  # no web page to link to
    assert parse_telegram_html(html)  # Telegram would accept it


def test_compact_source_list_has_outlet_date_and_link_per_source() -> None:
    html = render_answer(Answer(text="Yes [1][2].", sources=[KIRBY, FILE_SOURCE]))
    sources = html.split("<b>Sources</b>\n", 1)[1].splitlines()
    assert sources[0] == (
        '[1] <a href="https://www.nau.ch/news/ausland/nordkorea?id=1&amp;ref=rss">'
        "Nordkorea dementiert Waffenlieferungen an Russland</a> · Nau.ch, 22 Sep 2022"
    )
    assert sources[1] == "[2] Notes &amp; &lt;drafts&gt;"


def test_outlet_falls_back_to_the_host_of_the_url() -> None:
    source = Source(
        n=1, article_id="a", meta=ArticleMeta(title="T", url="https://www.example.org/a"), snippet="", score=1
    )
    assert "· example.org" in render_answer(Answer(text="x [1]", sources=[source]))


def test_a_question_read_otherwise_says_how_above_the_answer_in_the_questions_language() -> None:
    answer = Answer(text="Ja [1].", sources=[KIRBY], question="Wer ist <Phliae>?", read_as={"Phliae": "Philae"})
    html = render_answer(answer)
    assert html.startswith("<i>Gelesen als: Philae (Phliae)</i>\n\nJa")
    assert parse_telegram_html(html)
    english = Answer(text="Yes [1].", sources=[KIRBY], question="Who is Phliae?", read_as={"Phliae": "Philae"})
    assert render_answer(english).startswith("<i>Read as: Philae (Phliae)</i>")
    assert "Read as" not in render_answer(Answer(text="Yes [1].", sources=[KIRBY], question="Who is Philae?"))


def test_an_unsure_answer_says_so_before_it_in_the_questions_language() -> None:
    answer = Answer(text="Nordkorea dementiert [1].", sources=[KIRBY], question="Who denied it?", unsure=True)
    shown = parse_telegram_html(render_answer(answer)).splitlines()
    assert shown[:3] == ["I am not sure the news answers this. What comes closest:", "", "Nordkorea dementiert [1]."]
    german = render_answer(replace(answer, question="Wer hat das bestritten?", read_as={"bestriten": "bestritten"}))
    assert parse_telegram_html(german).splitlines()[:5] == [
        "Gelesen als: bestritten (bestriten)",
        "",
        "Ich bin nicht sicher, ob die Nachrichten das beantworten. Am ehesten passt dies:",
        "",
        "Nordkorea dementiert [1].",
    ]
    assert "not sure" not in render_answer(replace(answer, unsure=False))
    assert "not sure" not in render_answer(replace(answer, text="The indexed news does not say.", abstained=True))


def test_an_abstention_suggests_what_to_do_and_lists_no_sources() -> None:
    html = render_answer(Answer(text="The indexed news does not say.", abstained=True))
    assert "/latest" in html and "Sources" not in html
    greeting = Answer(text="Hello! Ask me about the news.", abstained=True, answerer=BOT_REPLY, question="Hello")
    assert render_answer(greeting) == "Hello! Ask me about the news."  # the bot's own reply: no rephrasing


def test_a_refusal_that_quotes_what_the_news_gives_instead_lists_its_sources_without_the_hint() -> None:
    text = "The indexed news gives no amount in euros. What it gives:\nDie Brille kostet 799 Dollar. [1]"
    html = render_answer(Answer(text=text, sources=[KIRBY], abstained=True, question="How much in euros?"))
    assert "What it gives:\nDie Brille kostet 799 Dollar." in html and "Sources" in html and "/latest" not in html
    assert parse_telegram_html(html)


def test_a_list_of_headlines_shows_each_title_once_with_its_link_outlet_and_date() -> None:
    answer = Answer(
        text="The newest articles:\n• Nordkorea dementiert [1]\n• Notes & <drafts> [2]\n… and 3 more.",
        sources=[KIRBY, FILE_SOURCE],
        answerer="headlines",
    )
    html = render_answer(answer)
    assert parse_telegram_html(html).splitlines() == [
        "The newest articles:",
        parse_telegram_html(compact_source_line(KIRBY)),
        "[2] Notes & <drafts>",
        "… and 3 more.",
    ]
    assert "Nau.ch, 22 Sep 2022" in html and 'href="https://www.nau.ch/news/ausland/nordkorea?id=1&amp;ref=rss"' in html
    read = render_answer(replace(answer, question="What is new about Phliae?", read_as={"Phliae": "Philae"}))
    assert parse_telegram_html(read).splitlines()[:3] == ["Read as: Philae (Phliae)", "", "The newest articles:"]


def test_a_german_questions_answer_is_framed_in_german() -> None:
    other = ArticleMeta(title="Dementi", outlet="SRF", url="https://www.srf.ch/news/1")
    source = Source(n=1, article_id="k", meta=KIRBY.meta, snippet="", score=0.7, also_reported_by=(other,))
    answer = Answer(text="Nordkorea. [1]", sources=[source], question="Wer hat bestritten, Waffen geliefert zu haben?")
    text = parse_telegram_html(render_answer(answer))
    assert "\nQuellen\n[1] Nordkorea dementiert" in text
    assert "Nau.ch, 22. Sept. 2022 · auch berichtet von SRF" in text
    refused = Answer(
        text="Die indexierten Nachrichten sagen dazu nichts.", abstained=True, question="Wer hat gewonnen?"
    )
    assert "Fragen Sie anders" in render_answer(refused)
    assert render_full_sources([], "Wer hat gewonnen?") == "Die letzte Antwort hat keine Quellen."
    assert format_date(datetime(2026, 3, 2, tzinfo=UTC), "de") == "2. März 2026"


@pytest.mark.parametrize(
    ("question", "unsure", "heading", "also"),
    [
        ("¿Quién negó haber suministrado armas a Rusia?", "No estoy seguro de que", "Fuentes", "también informado por"),
        (
            "Qui a nié avoir livré des armes à la Russie ?",
            "Je ne suis pas sûr que",
            "Sources",
            "également rapporté par",
        ),
        ("Chi ha negato di aver fornito armi alla Russia?", "Non sono sicuro che", "Fonti", "riportato anche da"),
        ("Кто отрицал поставки оружия в Россию?", "Я не уверен", "Источники", "также сообщили"),
    ],
)
def test_an_answer_is_framed_in_the_questions_language_where_the_bot_has_it(
    question: str, unsure: str, heading: str, also: str
) -> None:
    other = ArticleMeta(title="Dementi", outlet="SRF", url="https://www.srf.ch/news/1")
    source = Source(n=1, article_id="k", meta=KIRBY.meta, snippet="", score=0.7, also_reported_by=(other,))
    answer = Answer(text="Nordkorea dementiert [1].", sources=[source], question=question, unsure=True)
    shown = parse_telegram_html(render_answer(answer))
    assert shown.startswith(unsure)
    assert f"\n{heading}\n[1] Nordkorea dementiert" in shown and f"{also} SRF" in shown
    assert parse_telegram_html(render_full_sources([source], question)).startswith(f"{heading} ")


@pytest.mark.parametrize(
    ("question", "language"),
    [("Co nowego?", "pl"), ("Novidades?", "pt"), ("Notizie?", "it"), ("News?", "en"), ("Hm?", "en"), ("Wer?", "de")],
)
def test_a_question_too_short_to_identify_is_framed_in_the_language_of_its_words_of_the_present(
    question: str, language: str
) -> None:
    assert framing_language(question) == language


def test_full_sources_show_snippets_and_links() -> None:
    html = render_full_sources([KIRBY, FILE_SOURCE], "Who denied supplying arms?")
    text = parse_telegram_html(html)
    assert "Who denied supplying arms?" in text
    assert "wonach <der Staat> Munition liefert" in text
    assert "Nau.ch, 22 Sep 2022" in text
    assert "[2] Notes & <drafts>" in text


def test_full_sources_name_the_author_in_the_questions_language_and_the_compact_list_does_not() -> None:
    written = Source(n=1, article_id="k", meta=replace(KIRBY.meta, author="Jo <Baker>"), snippet="", score=0.7)
    assert "Nau.ch, 22 Sep 2022, by Jo <Baker>\n" in parse_telegram_html(render_full_sources([written], "Who?"))
    assert "Nau.ch, 22. Sept. 2022, von Jo <Baker>\n" in parse_telegram_html(render_full_sources([written], "Wer?"))
    assert "Baker" not in render_answer(Answer(text="Yes [1].", sources=[written]))


def test_latest_lists_titles_with_links() -> None:
    html = render_latest([StoredArticle(article_id="kirby", meta=KIRBY.meta, text_hash="h", chunks=1)])
    assert html.startswith("<b>Latest articles</b>\n1. <a href=")
    assert render_latest([]) == "I have not read any articles yet."


@pytest.mark.parametrize(
    ("moment", "shown"),
    [(datetime(2022, 9, 22, 8, 15, tzinfo=UTC), "22 Sep 2022"), (datetime(2023, 1, 5), "5 Jan 2023"), (None, "")],
)
def test_dates_are_short_and_unambiguous(moment: datetime | None, shown: str) -> None:
    assert format_date(moment) == shown


@pytest.mark.parametrize(
    ("code", "language"),
    [("de", "de"), ("de-AT", "de"), ("pt_BR", "pt"), ("nl_NL.UTF-8", "nl"), ("sr_RS@latin", "sr")]
    + [("C", ""), ("C.UTF-8", ""), ("POSIX", ""), ("", ""), (None, "")],
)
def test_the_language_of_a_telegram_code_or_a_locale_is_its_first_subtag(code: str | None, language: str) -> None:
    assert primary_language(code) == language


def test_the_terminals_language_is_read_as_the_c_library_reads_the_locale() -> None:
    assert terminal_language({"LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "nl_NL", "LANG": "de_DE.UTF-8"}) == "fr"
    assert terminal_language({"LC_ALL": "", "LC_MESSAGES": "nl_NL", "LANG": "de_DE.UTF-8"}) == "nl"
    assert terminal_language({"LANG": "de_DE.UTF-8"}) == "de"
    assert terminal_language({"LANG": "C.UTF-8"}) == terminal_language({}) == ""


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("de", "22. Sept. 2022"),
        ("fr", "22 sept. 2022"),
        ("es", "22 sept 2022"),
        ("it", "22 set 2022"),
        ("nl", "22 sep 2022"),
        ("pt", "22 de set. de 2022"),
        ("pl", "22 września 2022"),
        ("ru", "22 сентября 2022"),
        ("uk", "22 вересня 2022"),
        ("xx", "22 Sep 2022"),
    ],
)
def test_dates_are_in_the_users_language(language: str, shown: str) -> None:
    """Before, every language but German got the English `22 Sep 2022`."""
    assert format_date(datetime(2022, 9, 22, 8, 15, tzinfo=UTC), language) == shown


def test_an_answers_source_dates_are_in_the_questions_language() -> None:
    answer = Answer(text="Oui [1].", sources=[KIRBY], question="Qui a nié avoir fourni des armes à la Russie ?")
    assert render_answer(answer).endswith(
        "Nordkorea dementiert Waffenlieferungen an Russland</a> · Nau.ch, 22 sept. 2022"
    )


def test_slavic_months_are_in_the_genitive() -> None:
    may = datetime(2024, 5, 1, tzinfo=UTC)
    assert [format_date(may, language) for language in ("pl", "ru", "uk")] == [
        "1 maja 2024",
        "1 мая 2024",
        "1 травня 2024",
    ]
    assert format_date(datetime(2024, 2, 29, tzinfo=UTC), "ru") == "29 февраля 2024"


def test_latest_in_russian() -> None:
    article = StoredArticle("kirby", KIRBY.meta, "hash", 1)
    html = render_latest([article], language="ru", outlet="Nau.ch")
    assert html.startswith("<b>Последние статьи из Nau.ch</b>\n1. <a href=")
    assert html.endswith("· Nau.ch, 22 сентября 2022")
    assert render_latest([], language="ru") == "Я ещё не прочитал ни одной статьи."


# --- splitting -----------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


def _assert_valid_messages(parts: list[str], limit: int = MAX_MESSAGE_CHARS) -> None:
    for part in parts:
        text = checked_text(part, "HTML")  # raises as Telegram would: bad tags, entities, empty, too long
        assert utf16_len(text) <= limit


def test_short_text_is_one_message() -> None:
    assert split_html("<b>Hello</b> world") == ["<b>Hello</b> world"]


def test_long_answer_splits_at_paragraphs_without_losing_a_word() -> None:
    paragraphs = [" ".join(f"word{p}_{i}" for i in range(120)) for p in range(12)]
    html = "\n\n".join(paragraphs)
    parts = split_html(html)
    assert len(parts) > 1
    _assert_valid_messages(parts)
    assert _words(" ".join(parse_telegram_html(p) for p in parts)) == _words(html)
    paragraph_ends = {paragraph.split()[-1] for paragraph in paragraphs}
    assert all(parse_telegram_html(part).split()[-1] in paragraph_ends for part in parts[:-1])


def test_a_tag_open_at_the_cut_is_closed_and_reopened() -> None:
    html = "<b>bold " + "x " * 3000 + '</b> and <a href="https://example.org/?a=1&amp;b=2">' + "link " * 1500 + "</a>"
    parts = split_html(html)
    _assert_valid_messages(parts)
    assert parts[0].startswith("<b>") and parts[0].endswith("</b>")
    assert parts[1].startswith("<b>")
    assert any(p.startswith('<a href="https://example.org/?a=1&amp;b=2">') for p in parts[1:])
    assert _words(" ".join(parse_telegram_html(p) for p in parts)) == _words(parse_telegram_html(html))


def test_length_is_counted_after_entity_parsing() -> None:
    html = "&amp;" * 4000 + " " + "&lt;" * 96  # 20,000 characters of HTML, 4097 visible
    assert visible_length(html) == 4097
    parts = split_html(html)
    assert len(parts) == 2
    _assert_valid_messages(parts)
    assert parts[0] == "&amp;" * 4000 + " "
    assert parts[1] == "&lt;" * 96


def test_length_is_counted_in_utf16_code_units() -> None:
    html = "📰 " * 1500  # each newspaper emoji is 2 UTF-16 units: 4500 units in 3000 characters
    assert len(html) < MAX_MESSAGE_CHARS < visible_length(html)
    parts = split_html(html)
    assert len(parts) == 2
    _assert_valid_messages(parts)


def test_a_word_longer_than_half_a_message_is_cut_only_when_it_must_be() -> None:
    url = "https://example.org/" + "a" * 5000
    parts = split_html(f"see {url} end")
    _assert_valid_messages(parts)
    assert "".join(parse_telegram_html(p) for p in parts).replace(" ", "") == f"see{url}end"


def test_split_respects_a_smaller_limit_and_prefers_line_breaks() -> None:
    html = "\n".join(f"line {i} <i>with</i> words" for i in range(40))
    parts = split_html(html, limit=100)
    _assert_valid_messages(parts, limit=100)
    assert all(re.fullmatch(r"(line \d+ <i>with</i> words\n?)+", p.strip() + "\n") for p in parts)


def test_whitespace_only_pieces_are_dropped() -> None:
    assert split_html("   \n\n  ") == []
    with pytest.raises(BotApiError, match="empty"):
        checked_text("<b> </b>", "HTML")
