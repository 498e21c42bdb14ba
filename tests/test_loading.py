"""Loading: every source becomes Articles with raw text, every bad input a SourceError; web tests use 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import logging
import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from index.errors import SourceError, UnsupportedSourceError
from index.loaders.common import MAX_TITLE_CHARS, parse_date
from index.loading import CsvColumns, LoadOptions, count_inputs, iter_articles
from index.models import Article, content_hash
from index.text import host_of
from tests.fakes.news_site import LoopbackSite, Route, serving

DATA = Path(__file__).parent / "data" / "loading"
SEED_ARTICLE = Path(__file__).resolve().parents[1] / "index" / "samples" / "000_69f38e4b299e07f8.txt"
UTC = UTC
CET = timezone(timedelta(hours=1))
# The test sites listen on 127.0.0.1, which the egress guard refuses unless told otherwise.
LOOPBACK = LoadOptions(allow_private_hosts=True)


def load(*sources: str | Path, **options: object) -> list[Article | SourceError]:
    return list(iter_articles([str(source) for source in sources], **options))  # type: ignore[arg-type]


def load_one(source: str | Path, **options: object) -> Article:
    results = load(source, **options)
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


def load_error(source: str | Path, **options: object) -> SourceError:
    results = load(source, **options)
    assert len(results) == 1 and isinstance(results[0], SourceError), results
    return results[0]


# --- plain text and Markdown ---------------------------------------------------------------------------------


def test_the_users_sample_loads_with_its_first_line_as_title_and_the_whole_rest_as_text() -> None:
    first_line, _, rest = SEED_ARTICLE.read_text(encoding="utf-8").partition("\n")

    article = load_one(SEED_ARTICLE)

    assert article.meta.title == first_line.strip()
    assert article.text == rest.strip()
    assert "Nordkorea hat Angaben der US-Regierung bestritten" in article.text
    assert article.meta.source == str(SEED_ARTICLE)
    assert (article.meta.url, article.meta.outlet, article.meta.published_at, article.meta.language) == (
        "",
        "",
        None,
        "",
    )


def test_txt_front_matter_sets_the_metadata_and_the_whole_body_is_text() -> None:
    article = load_one(DATA / "front_matter.txt")

    assert article.meta.title == "Harbour town opens a floating library"
    assert article.meta.outlet == "Example Gazette"
    assert article.meta.url == "https://gazette.example/2024/03/floating-library"
    assert article.meta.published_at == datetime(2024, 3, 5, 8, 30, tzinfo=CET)
    assert article.meta.language == "en"
    assert article.meta.author == "Mara Lind"
    assert article.text.startswith("The library sits on a converted ferry")
    assert article.text.endswith("the harbour master said.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Just a headline\n\n", "has no article text: put the title on the first line and the article text below"),
        ("---\ntitle: Never closed\nThe text.\n", "is never closed: add a '---' line after it"),
    ],
    ids=["title only", "unclosed front matter"],
)
def test_a_malformed_txt_is_an_error_that_names_the_fix(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.txt").write_text(content, encoding="utf-8")
    assert message in load_error(tmp_path / "bad.txt").reason


def test_a_rule_at_the_top_without_keys_is_text_not_front_matter(tmp_path: Path) -> None:
    (tmp_path / "ruled.txt").write_text("---\nHeadline between rules\n---\nThe text.\n", encoding="utf-8")
    article = load_one(tmp_path / "ruled.txt")
    assert (article.meta.title, article.text) == ("Headline between rules", "---\nThe text.")


def test_markdown_takes_the_first_heading_as_title_and_loses_its_syntax() -> None:
    article = load_one(DATA / "article.md")

    assert article.meta.title == "The floating library opens"
    assert article.text == (
        "The converted ferry holds 4,000 books and a reading room.\n\n"
        "Who runs it\n\n"
        "Volunteers from the harbour association keep it open on weekdays, said harbour master Ana Ruiz."
    )
    assert article.meta.outlet == "Example Gazette"
    assert article.meta.published_at == datetime(2024, 3, 5)


def test_markdown_front_matter_title_wins_over_the_heading(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text("---\ntitle: 'From front matter'\n---\n# A heading\n\nBody.\n", encoding="utf-8")
    article = load_one(tmp_path / "post.md")
    assert (article.meta.title, article.text) == ("From front matter", "A heading\n\nBody.")


# --- HTML files ----------------------------------------------------------------------------------------------


def test_html_file_gives_the_main_text_and_the_pages_metadata() -> None:
    article = load_one(DATA / "article.html")

    assert article.meta.title == "Floating library draws crowds"
    assert article.text.startswith("A library on a converted ferry welcomed 1,200 visitors")
    assert "the town council pays for fuel" in article.text
    assert not any(noise in article.text for noise in ("Sport", "cookies", "All rights reserved"))
    assert article.meta.outlet == "Example Gazette"
    assert article.meta.author == "Jo Baker"
    assert article.meta.url == "https://gazette.example/2024/03/floating-library"
    assert article.meta.published_at is not None and article.meta.published_at.date() == datetime(2024, 3, 5).date()
    assert article.meta.language == "en"


def test_an_html_file_without_article_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>Nothing</title></head><body></body></html>")
    assert "no article text" in load_error(tmp_path / "empty.html").reason


# --- JSON, JSON Lines, CSV -----------------------------------------------------------------------------------


def test_json_list_loads_every_good_entry_and_reports_the_bad_ones() -> None:
    results = load(DATA / "articles.json")
    source = str(DATA / "articles.json")

    assert [type(result) for result in results] == [Article, Article, SourceError, SourceError, Article]
    first, second, no_text, not_object, undated = results
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(undated, Article)
    assert isinstance(no_text, SourceError) and isinstance(not_object, SourceError)
    assert first.meta.source == f"{source}#entry 1"
    assert (first.meta.title, first.meta.outlet, first.meta.language) == (
        "Ferry library opens",
        "Example Gazette",
        "en",
    )
    assert first.meta.url == "https://gazette.example/ferry-library"
    assert first.meta.published_at == datetime(2024, 3, 5, 8, 30, tzinfo=CET)
    assert second.meta.title == "Bridge closed for repairs"  # field names are matched ignoring case
    assert second.text == "The old bridge closes on Monday.\n\nBuses take the ring road."
    assert second.meta.outlet == "Portwell Post"
    assert no_text.source == f"{source}#entry 3" and "'text', 'body' or 'content'" in no_text.reason
    assert not_object.source == f"{source}#entry 4" and "not an object" in not_object.reason
    assert undated.meta.published_at is None  # "sometime soon" is dropped, the article is kept
    assert len({first.id, second.id, undated.id}) == 3  # without a URL, the "#entry N" source tells them apart


def test_json_single_object_in_newsapi_shape() -> None:
    article = load_one(DATA / "single.json")
    assert article.meta.source == str(DATA / "single.json")
    assert article.meta.outlet == "Portwell Post"
    assert article.meta.published_at == datetime(2024, 3, 7, 6, 0, tzinfo=UTC)
    assert article.meta.author == "Sam Reed"
    assert article.text == "Ferries will run every twenty minutes from April."


@pytest.mark.parametrize(
    ("author", "line"),
    [
        ("By Jane Doe", "Jane Doe"),
        (["Jane Doe", {"name": "John Roe"}, "Jane Doe"], "Jane Doe, John Roe"),
        ({"name": "Ann One"}, "Ann One"),
        ("  ", ""),
        (42, ""),  # a strange byline loses the byline, not the article
    ],
)
def test_an_author_is_read_from_a_record_as_one_line(tmp_path: Path, author: object, line: str) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"text": "The ferry runs.", "author": author}), encoding="utf-8")
    assert load_one(tmp_path / "a.json").meta.author == line


def test_a_csv_author_column_and_an_authors_hash_only_when_there_is_one(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("title,text,byline\nFerry,The ferry runs.,Jane Doe\nBridge,It closes.,\n")
    ferry, bridge = load(tmp_path / "a.csv", csv_columns=CsvColumns.parse("author=byline"))
    assert isinstance(ferry, Article) and isinstance(bridge, Article)
    assert (ferry.meta.author, bridge.meta.author) == ("Jane Doe", "")
    # an article without an author hashes as before authors were read: stored articles are not stored again
    meta = bridge.meta
    assert bridge.text_hash == content_hash(meta.title, bridge.text, meta.outlet, meta.url, meta.published_iso)
    assert ferry.text_hash != replace(ferry, meta=replace(ferry.meta, author="")).text_hash


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('[\n  {"title": "x",\n  "text": }\n]\n', encoding="utf-8")
    assert "line 3" in load_error(tmp_path / "broken.json").reason


def test_jsonl_bad_lines_are_reported_by_line_number_and_the_others_load() -> None:
    results = load(DATA / "articles.jsonl")
    source = str(DATA / "articles.jsonl")
    assert [result.source for result in results] == [f"{source}:line {n}" for n in (1, 2, 3, 5)]
    assert [type(result) for result in results] == [Article, SourceError, Article, SourceError]
    assert "not valid JSON" in results[1].reason  # type: ignore[union-attr]


def test_csv_with_default_header_names() -> None:
    results = load(DATA / "articles.csv")
    source = str(DATA / "articles.csv")

    assert [result.source for result in results] == [f"{source}:row {n}" for n in (2, 3, 4)]
    ferry, no_text, bridge = results
    assert isinstance(ferry, Article) and isinstance(bridge, Article)
    assert ferry.text == "The converted ferry lends books.\nIt opened on Tuesday."
    assert (ferry.meta.outlet, ferry.meta.published_at) == ("Example Gazette", datetime(2024, 3, 5))
    assert isinstance(no_text, SourceError) and "no text in column 'text'" in no_text.reason
    assert (bridge.meta.published_at, bridge.meta.language) == (None, "de")


def test_csv_columns_can_be_renamed_and_the_delimiter_changed() -> None:
    columns = CsvColumns.parse("title=Schlagzeile,text=Inhalt,url=Adresse,delimiter=;")
    article = load_one(DATA / "semicolon_cp1252.csv", csv_columns=columns)
    assert article.meta.title == "Fähre wird Bibliothek"  # Windows-1252 bytes, decoded
    assert article.text == "Die umgebaute Fähre verleiht Bücher – an alle."
    assert article.meta.url == "https://zeitung.example/faehre"


def test_csv_without_the_text_column_lists_the_columns_and_spots_the_delimiter() -> None:
    error = load_error(DATA / "semicolon_cp1252.csv")
    assert "no column 'text'" in error.reason
    assert "Schlagzeile;Inhalt;Adresse" in error.reason and "delimiter=semicolon" in error.reason


def test_csv_without_header_uses_column_numbers(tmp_path: Path) -> None:
    (tmp_path / "plain.csv").write_text("Ferry\tBooks on a boat.\nBridge\tClosed on Monday.\n", encoding="utf-8")
    columns = CsvColumns.parse("title=1,text=2,delimiter=tab,header=false")
    results = load(tmp_path / "plain.csv", csv_columns=columns)
    expected = [("Ferry", "Books on a boat."), ("Bridge", "Closed on Monday.")]
    assert [(a.meta.title, a.text) for a in results if isinstance(a, Article)] == expected
    assert results[0].source.endswith("plain.csv:row 1")


# 10kGNAD's layout: `label;text`, no header row, quoted with '.
LABEL_TEXT = (
    "Sport;'Der Titelverteidiger verlor am Sonntag das Auftaktspiel gegen den Aufsteiger mit zwei zu drei Toren.'\n"
    "Kultur;'Das Stadttheater zeigt im Herbst drei neue Stücke junger Autorinnen aus der Region und aus Wien.'\n"
    "Web;'Ein neues Telefon kommt im Frühjahr auf den Markt, teurer als das alte und mit größerem Bildschirm.'\n"
)
CSV_LOGGER = "index.loaders.records"


def _label_text(tmp_path: Path) -> Path:
    path = tmp_path / "gnad.csv"
    path.write_text(LABEL_TEXT, encoding="utf-8")
    return path


def _csv_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == CSV_LOGGER and r.levelno == logging.WARNING]


def test_a_headerless_label_text_csv_loads_with_the_documented_mapping(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    columns = CsvColumns.parse("text=2,header=false,delimiter=semicolon,quotechar='")
    with caplog.at_level(logging.WARNING, logger=CSV_LOGGER):
        results = load(_label_text(tmp_path), csv_columns=columns)
    assert [a.text.split()[0] for a in results if isinstance(a, Article)] == ["Der", "Das", "Ein"]
    assert _csv_warnings(caplog) == []


def test_a_header_row_that_looks_like_an_article_is_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    columns = CsvColumns.parse("text=2,delimiter=semicolon,quotechar='")  # header=true by default
    with caplog.at_level(logging.WARNING, logger=CSV_LOGGER):
        results = load(_label_text(tmp_path), csv_columns=columns)
    assert len(results) == 2  # the first article went as the header
    [warning] = _csv_warnings(caplog)
    assert "gnad.csv: row 1 is read as the header, but it looks like an article" in warning
    assert "add header=false" in warning


def test_a_missing_text_column_in_a_headerless_file_suggests_header_false(tmp_path: Path) -> None:
    error = load_error(_label_text(tmp_path), csv_columns=CsvColumns.parse("delimiter=semicolon,quotechar='"))
    assert "no column 'text'" in error.reason
    assert "the first row looks like an article: without a header, add header=false and text=<number>" in error.reason


def test_header_false_on_a_file_with_a_header_row_is_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "with_header.csv"
    path.write_text("title,text\nFerry,The ferry runs again on Friday.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger=CSV_LOGGER):
        load(path, csv_columns=CsvColumns.parse("title=1,text=2,header=false"))
    [warning] = _csv_warnings(caplog)
    assert "with_header.csv: row 1 looks like a header (title, text)" in warning
    assert "remove header=false" in warning


def test_a_text_column_of_one_word_per_row_is_warned_about(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    columns = CsvColumns.parse("text=1,header=false,delimiter=semicolon,quotechar='")  # the label, not the text
    with caplog.at_level(logging.WARNING, logger=CSV_LOGGER):
        results = load(_label_text(tmp_path), csv_columns=columns)
    assert len(results) == 3  # loaded all the same: the warning says what to check
    [warning] = _csv_warnings(caplog)
    assert "the text column '1' holds one word per row ('Sport', 'Kultur', 'Web')" in warning
    assert "text=<column>; the widest cell of the first row is in column 2" in warning


def test_a_well_mapped_csv_with_a_header_gets_no_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=CSV_LOGGER):
        load(DATA / "articles.csv")
        load(DATA / "semicolon_cp1252.csv", csv_columns=CsvColumns.parse("title=Schlagzeile,text=Inhalt,delimiter=;"))
    assert _csv_warnings(caplog) == []


def test_csv_column_spec_parses_every_key() -> None:
    columns = CsvColumns.parse(" title=headline , text=body,url=link,outlet=,delimiter=pipe,quotechar=',header=no")
    assert columns == CsvColumns(
        title="headline", text="body", url="link", outlet="", delimiter="|", quotechar="'", header=False
    )


@pytest.mark.parametrize(
    ("spec", "named"),
    [
        ("title=headline,body=text", "part 'body=text': unknown key 'body'"),
        ("title", "part 'title': expected key=value"),
        ("header=maybe", "part 'header=maybe': header takes true or false"),
        ("delimiter=;;", "part 'delimiter=;;': delimiter takes one character or one of comma, semicolon, tab"),
        ("text=a,text=b", "part 'text=b': 'text' is given twice"),
        ("text=", "the text column cannot be empty"),
        ("delimiter=',quotechar='", "delimiter and quotechar are both"),
    ],
)
def test_a_bad_csv_column_spec_names_the_bad_part_and_the_valid_keys(spec: str, named: str) -> None:
    with pytest.raises(ValueError) as raised:
        CsvColumns.parse(spec)
    assert named in str(raised.value)
    assert str(raised.value).endswith(
        "valid keys: title, text, url, outlet, published_at, language, author, delimiter, quotechar, header"
    )


# --- folders, paths and bad inputs ---------------------------------------------------------------------------


@pytest.fixture
def news_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "b.txt").write_text("Bridge closed\nThe old bridge closes.", encoding="utf-8")
    (folder / "a.md").write_text("# Ferry\n\nBooks on a boat.", encoding="utf-8")
    (folder / "sub" / "c.JSON").write_text('[{"text": "One."}, {"text": "Two."}]', encoding="utf-8")
    (folder / ".draft.txt").write_text("Hidden\nNot loaded.", encoding="utf-8")
    (folder / ".git" / "d.txt").write_text("Hidden\nNot loaded.", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    return folder


def test_a_folder_loads_supported_files_recursively_in_sorted_order(news_folder: Path) -> None:
    results = load(news_folder)

    assert all(isinstance(result, Article) for result in results)
    assert [result.source for result in results] == [
        str(news_folder / "a.md"),
        str(news_folder / "b.txt"),
        f"{news_folder / 'sub' / 'c.JSON'}#entry 1",
        f"{news_folder / 'sub' / 'c.JSON'}#entry 2",
    ]


def test_count_inputs_counts_files_and_urls_not_articles(news_folder: Path) -> None:
    assert count_inputs([str(news_folder), "https://news.example/feed", "missing.txt"]) == 5


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert "folder has no .txt, .md" in load_error(tmp_path / "empty").reason


def test_a_missing_path_is_reported_and_the_other_inputs_still_load(tmp_path: Path) -> None:
    results = load(tmp_path / "missing.txt", DATA / "front_matter.txt")
    assert isinstance(results[0], SourceError)
    assert results[0].source == str(tmp_path / "missing.txt") and "no such file or folder" in results[0].reason
    assert isinstance(results[1], Article)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("report.pdf", "unsupported file type '.pdf': convert it to .txt, .md, .html, .json, .jsonl or .csv"),
        ("README", "unsupported file without an extension: convert it to .txt"),
    ],
)
def test_an_unsupported_file_named_explicitly_says_how_to_convert_it(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / name).write_bytes(b"%PDF-1.4")
    error = load_error(tmp_path / name)
    assert isinstance(error, UnsupportedSourceError) and message in error.reason


def test_an_unsupported_url_scheme_is_reported() -> None:
    error = load_error("ftp://files.example/news.txt")
    assert isinstance(error, UnsupportedSourceError) and "use an http(s) URL" in error.reason


@pytest.mark.parametrize(
    ("data", "title"),
    [
        ("Grüße aus Köln\nText.".encode("utf-8-sig"), "Grüße aus Köln"),
        ("Grüße – aus Köln\nText.".encode("cp1252"), "Grüße – aus Köln"),
        ("Grüße aus Köln\r\nText.".encode("utf-16"), "Grüße aus Köln"),
    ],
    ids=["utf-8 with BOM", "windows-1252", "utf-16 with BOM"],
)
def test_text_encodings_are_detected(tmp_path: Path, data: bytes, title: str) -> None:
    (tmp_path / "article.txt").write_bytes(data)
    article = load_one(tmp_path / "article.txt")
    assert (article.meta.title, article.text) == (title, "Text.")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Title\n\x81\x8d\x8f\x90\x9d", "re-save it as UTF-8"),
        (b"Title\n\x00\x01\x02binary", "binary data, not text"),
    ],
    ids=["no encoding fits", "binary"],
)
def test_undecodable_files_say_what_to_do(tmp_path: Path, data: bytes, message: str) -> None:
    (tmp_path / "article.txt").write_bytes(data)
    assert message in load_error(tmp_path / "article.txt").reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T08:30:00Z", datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        ("Tue, 05 Mar 2024 08:30:00 GMT", datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        ("March 5, 2024", datetime(2024, 3, 5)),
        (1709627400, datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        ("next Tuesday", None),
        ("March 5", None),
        ("", None),
        ("0001-01-01", None),  # no Unix timestamp in local time: the store could not sort by it
    ],
)
def test_dates_in_common_formats_are_parsed_and_the_rest_ignored(value: object, expected: datetime | None) -> None:
    assert parse_date(value) == expected


# --- URLs and feeds, served from 127.0.0.1 -------------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Iterator[LoopbackSite]:
    site = LoopbackSite()
    feed = (DATA / "feed.xml").read_text(encoding="utf-8").replace("{base}", site.base).encode("utf-8")
    site.routes = {
        "/news/night-ferry": Route((DATA / "page_for_web.html").read_bytes()),
        "/old-link": Route(status=301, headers={"Location": "/news/night-ferry"}),
        "/feed": Route(feed, "application/rss+xml; charset=utf-8"),
        "/stories/dredging": Route((DATA / "feed_page.html").read_bytes()),
        "/atom": Route((DATA / "atom.xml").read_bytes(), "application/xml"),
        "/empty": Route(b"<html><head><title>Home</title><script>render()</script></head><body></body></html>"),
        "/forbidden": Route(b"no", "text/plain", 403),
        "/broken": Route(b"oops", "text/plain", 500),
        "/slow": Route(b"<html><body><p>late</p></body></html>", delay_s=1.0),
        "/huge": Route(b"<html><body><p>" + b"x" * (11 * 1024 * 1024), send_length=False),
        "/report.pdf": Route(b"%PDF-1.4 made up", "application/pdf"),
    }
    with serving(site):
        yield site


@pytest.fixture(autouse=True)
def _no_proxy_for_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's HTTP(S)_PROXY must not swallow requests to the loopback test server."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def test_a_web_page_is_extracted_and_keeps_the_final_url_after_redirects(site: LoopbackSite) -> None:
    article = load_one(f"{site.base}/old-link", options=LOOPBACK)

    assert article.meta.source == f"{site.base}/old-link"
    assert article.meta.url == f"{site.base}/news/night-ferry"
    assert article.meta.title == "Night ferry returns after winter break"
    assert article.text.startswith("The night ferry between Portwell and Eastholm resumes service on Friday")
    assert "bicycles travel free of charge" in article.text and "Weather" not in article.text
    assert article.meta.outlet == "127.0.0.1"  # no site name in the page: the host stands in, without "www."
    assert host_of("https://www.example.org/news/1") == "example.org"
    assert site.user_agents[-1] == "newsbot/0.1"


def test_an_rss_feed_yields_an_article_per_entry_from_its_page_or_else_its_summary(
    site: LoopbackSite, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="index.loaders.web")  # a failure shows why a page fell back to the feed
    results = load(f"{site.base}/feed", options=LOOPBACK)

    assert [result.source for result in results] == [f"{site.base}/feed#entry {n}" for n in (1, 2, 3)]
    from_page, from_feed, nothing = results
    assert isinstance(from_page, Article)
    assert from_page.meta.title == "Harbour to dredge eastern basin"  # the feed's title beats the page's
    assert from_page.text.startswith("The harbour will dredge its eastern basin in May")
    assert (from_page.meta.url, from_page.meta.outlet) == (f"{site.base}/stories/dredging", "Portwell Post")
    assert from_page.meta.published_at == datetime(2024, 3, 6, 9, 15, tzinfo=UTC)
    assert from_page.meta.language == "en"
    assert from_page.meta.author == "Ana Ruiz"  # RSS's "desk@post.example (Ana Ruiz)": the name, no address
    # the second entry's page is gone: the entry's own summary stands in, with its link and date
    assert isinstance(from_feed, Article)
    assert from_feed.meta.title == "Lighthouse repainted"
    assert from_feed.text == "The lighthouse at Cape Wren got a fresh coat of red paint.\n\nTours resume in June."
    assert from_feed.meta.url == f"{site.base}/stories/gone"
    assert from_feed.meta.outlet == "Portwell Post – Local news"
    assert from_feed.meta.published_at == datetime(2024, 3, 7, 10, 0, tzinfo=UTC)
    assert from_feed.meta.language == "en"
    assert from_feed.meta.author == "Tom Wren"  # dc:creator
    assert isinstance(nothing, SourceError) and "no link" in nothing.reason


def test_an_atom_feed_served_as_plain_xml_is_recognised(site: LoopbackSite) -> None:
    article = load_one(f"{site.base}/atom", options=LOOPBACK)
    assert article.meta.title == "Ferry fares frozen for 2024"
    assert article.text == "Fares on all island ferries stay the same this year, the operator said."
    assert (article.meta.outlet, article.meta.published_at) == ("Eastholm Herald", datetime(2024, 3, 8, 12, tzinfo=UTC))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found: check the address"),
        ("/forbidden", "HTTP 403 Forbidden: the site needs a login or refuses automated downloads"),
        ("/broken", "HTTP 500 Internal Server Error: the site has a problem of its own; try again later"),
        ("/empty", "no article text found in the page"),
        ("/huge", "is larger than 10 MB"),
        ("/report.pdf", "returned application/pdf, not HTML or a feed"),
    ],
)
def test_web_failures_are_source_errors_that_say_what_to_check(site: LoopbackSite, path: str, message: str) -> None:
    error = load_error(f"{site.base}{path}", options=LOOPBACK)
    assert error.source == f"{site.base}{path}" and message in error.reason


def test_a_slow_site_times_out_with_the_timeout_in_the_message(site: LoopbackSite) -> None:
    error = load_error(f"{site.base}/slow", http_timeout=0.2, options=LOOPBACK)
    assert "no answer within 0.2 s" in error.reason


def test_an_unreachable_host_is_a_source_error() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert "cannot connect" in load_error(f"http://127.0.0.1:{port}/news", options=LOOPBACK).reason


def test_files_and_urls_mix_and_one_failure_never_loses_the_rest(site: LoopbackSite, tmp_path: Path) -> None:
    results = load(
        tmp_path / "missing.txt",
        f"{site.base}/missing",
        DATA / "front_matter.txt",
        f"{site.base}/atom",
        options=LOOPBACK,
    )
    assert [type(result) for result in results] == [SourceError, SourceError, Article, Article]


def test_an_injected_transport_is_used_and_left_open_for_its_owner(site: LoopbackSite) -> None:
    with httpx.HTTPTransport(retries=0) as transport:
        first = load_one(f"{site.base}/atom", transport=transport, options=LOOPBACK)
        second = load_one(f"{site.base}/atom", transport=transport, options=LOOPBACK)
    assert first == second


# --- hostile bytes (more in tests/test_hostile_inputs.py) ----------------------------------------------------


def test_a_lone_surrogate_in_a_jsonl_record_is_replaced_and_its_neighbours_load(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"title": "One", "text": "First."}\n{"title": "Half \\ud83d", "text": "Cut \\udc00 emoji."}\n'
        '{"title": "Three", "text": "Third."}\n'
    )
    first, broken, third = load(path)
    assert isinstance(broken, Article) and (broken.meta.title, broken.text) == ("Half \ufffd", "Cut \ufffd emoji.")
    assert isinstance(first, Article) and isinstance(third, Article) and broken.id and broken.text_hash
    assert content_hash("\ud83d") != content_hash("\ufffd")  # hashing never raises, and stays exact


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (gzip.compress(b'{"title": "x", "text": "y"}'), "is gzip-compressed data, not text: unpack it (gunzip)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF document, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is a PNG image, not text"),
        (b"PK\x03\x04\x14\x00", "is a ZIP archive (or an Office document), not text"),
    ],
)
def test_binary_formats_under_a_text_extension_are_named(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "story.json"
    path.write_bytes(data)
    assert reason in load_error(path).reason


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_text_is_read_with_or_without_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Fähre fährt\n\nDie Fähre fährt ab Freitag wieder.\n".encode(encoding))
    article = load_one(path)
    assert (article.meta.title, article.text) == ("Fähre fährt", "Die Fähre fährt ab Freitag wieder.")


def test_a_title_of_a_megabyte_is_cut_to_a_titles_length(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("headline " * 100_000 + "\n\nThe text.\n")
    title = load_one(path).meta.title
    assert len(title) <= MAX_TITLE_CHARS + 1 and title.endswith("headline…")
