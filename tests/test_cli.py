"""The `newsbot` command as a user runs it: JSON on stdout only, logs on stderr, errors as exit code 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app
from bot.cli.asking import format_answer
from index.models import Answer, ArticleMeta, Source
from tests.conftest import SAMPLES_DIR, SEED_ARTICLE, SEED_QUESTION


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"NEWSBOT_DATA_DIR": str(tmp_path / "data"), "NEWSBOT_EMBEDDER": "use", "NEWSBOT_LOG_LEVEL": "INFO"}


def invoke(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def test_ingest_json_summary_reports_added_unchanged_and_failed(env: dict[str, str], tmp_path: Path) -> None:
    result = invoke(env, "ingest", str(SAMPLES_DIR), str(tmp_path / "missing.txt"), "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["added"] == 7 and summary["updated"] == 0 and summary["unchanged"] == 0
    assert summary["failed"] == [{"source": str(tmp_path / "missing.txt"), "error": summary["failed"][0]["error"]}]
    again = json.loads(invoke(env, "ingest", str(SEED_ARTICLE), "--json").stdout)
    assert (again["added"], again["unchanged"]) == (0, 1)


def test_ingest_fails_when_nothing_could_be_read(env: dict[str, str], tmp_path: Path) -> None:
    result = invoke(env, "ingest", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr


def test_ingest_lists_each_failure_once_and_caps_a_long_list(env: dict[str, str], tmp_path: Path) -> None:
    """A failure used to be logged as a warning and then listed again; 300,000 bad records flooded stderr."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "[red]empty.txt").write_bytes(b"")
    (folder / "caf\udce9.txt").write_bytes(b"\x00binary")
    (folder / "records.jsonl").write_text("{}\n" * 50)
    result = invoke(env, "ingest", str(folder))
    assert result.exit_code == 0 and result.stdout.startswith("added 1, updated 0, unchanged 0, failed 52")
    assert result.stderr.count(f"{folder}/[red]empty.txt: has no article text") == 1
    assert result.stderr.count(f"{folder}/caf\\xe9.txt: contains NUL bytes") == 1
    assert result.stderr.count("records.jsonl:line") == 18
    assert "… and 32 more skipped; --json lists them all" in result.stderr
    listed = json.loads(invoke(env, "ingest", str(folder), "--json").stdout)["failed"]
    assert len(listed) == 52 and f"{folder}/caf\\xe9.txt" in {f["source"] for f in listed}


def test_follow_symlinks_reads_links_that_leave_the_folder(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "story.txt").symlink_to(SEED_ARTICLE)
    refused = json.loads(invoke(env, "ingest", str(folder), "--json").stdout)
    assert refused["added"] == 0 and "outside the folder" in refused["failed"][0]["error"]
    followed = json.loads(invoke(env, "ingest", str(folder), "--follow-symlinks", "--json").stdout)
    assert (followed["added"], followed["failed"]) == (1, [])


def test_ask_json_has_the_documented_shape(env: dict[str, str]) -> None:
    invoke(env, "ingest", str(SAMPLES_DIR), "--json")
    result = invoke(env, "ask", SEED_QUESTION, "--json")
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert set(answer) == {"answer", "abstained", "unsure", "sources"}
    for source in answer["sources"]:
        assert set(source) == {
            "n",
            "title",
            "outlet",
            "url",
            "published_at",
            "language",
            "author",
            "snippet",
            "score",
            "also_reported_by",
        }


def test_ask_prints_the_answer_and_numbered_sources(env: dict[str, str]) -> None:
    invoke(env, "ingest", str(SAMPLES_DIR))
    result = invoke(env, "ask", "Was hat John Kirby kritisiert?")
    assert result.exit_code == 0
    assert "Quellen:\n[1] " in result.stdout  # headed in the question's language
    english = invoke(env, "ask", "What did John Kirby criticise?")
    assert english.exit_code == 0 and "Sources:\n[1] " in english.stdout
    typo = invoke(env, "ask", "Was ist mit dem Landeroboter Phliae passiert?")
    assert typo.exit_code == 0 and typo.stdout.startswith("(Gelesen als: Philae (Phliae))\n")


def test_an_unsure_answer_says_so_on_the_line_before_it() -> None:
    source = Source(n=1, article_id="a", meta=ArticleMeta(title="Dementi", outlet="SRF"), snippet="", score=0.5)
    unsure = Answer(text="Nordkorea dementiert [1].", sources=[source], question="Who denied it?", unsure=True)
    assert format_answer(unsure).splitlines()[:2] == [
        "I am not sure the news answers this. What comes closest:",
        "Nordkorea dementiert [1].",
    ]
    german = Answer(text="Nordkorea dementiert [1].", sources=[source], question="Wer hat es bestritten?", unsure=True)
    assert format_answer(german).startswith("Ich bin nicht sicher, ob die Nachrichten das beantworten.")
    sure = Answer(text="Nordkorea dementiert [1].", sources=[source], question="Who denied it?")
    assert format_answer(sure).startswith("Nordkorea dementiert [1].")
    spanish = Answer(text="Nordkorea [1].", sources=[source], question="¿Quién negó haber suministrado armas?")
    assert format_answer(spanish).endswith("Nordkorea [1].\n\nFuentes:\n[1] Dementi — SRF")


def test_stats_latest_and_delete(env: dict[str, str]) -> None:
    invoke(env, "ingest", str(SAMPLES_DIR))
    assert json.loads(invoke(env, "stats", "--json").stdout)["articles"] == 7
    assert "read ahead: 0 of 7 articles (the bot and `newsbot watch` read the rest" in invoke(env, "stats").stdout
    latest = json.loads(invoke(env, "latest", "-n", "3", "--json").stdout)
    assert len(latest) == 3
    # the six 10kGNAD samples are derStandard's; the seed article names no outlet
    assert "outlets: derStandard.at (6); 1 article of no outlet" in invoke(env, "stats").stdout
    assert json.loads(invoke(env, "stats", "--json").stdout)["outlets"] == [{"outlet": "derStandard.at", "articles": 6}]
    of_standard = json.loads(invoke(env, "latest", "--outlet", "Der Standard", "--json").stdout)
    assert len(of_standard) == 6 and {a["outlet"] for a in of_standard} == {"derStandard.at"}
    unknown = invoke(env, "latest", "--outlet", "Guardian")
    assert unknown.exit_code == 1
    assert "from 'Guardian'; name one of the outlets read: derStandard.at" in " ".join(unknown.stderr.split())
    deleted = invoke(env, "delete", str(SEED_ARTICLE), "--json")
    assert json.loads(deleted.stdout) == {"deleted": 1}
    assert invoke(env, "delete", "nothing-like-this").exit_code == 1


def test_stats_counts_one_article_as_one(env: dict[str, str]) -> None:
    invoke(env, "ingest", str(SEED_ARTICLE))
    said = invoke(env, "stats").stdout
    assert said.startswith("1 article in ") and "read ahead: 0 of 1 article (" in said  # "1 articles" before


def test_a_bad_setting_is_exit_code_1_with_the_variable_named(env: dict[str, str]) -> None:
    result = invoke({**env, "NEWSBOT_EMBEDDER": "gpt-embed-9000"}, "stats")
    assert result.exit_code == 1
    assert "EMBEDDER" in result.stderr and "use, e5, minilm" in result.stderr


def test_an_unreachable_chroma_server_says_how_to_fix_it(env: dict[str, str]) -> None:
    result = invoke({**env, "NEWSBOT_CHROMA_HOST": "127.0.0.1", "NEWSBOT_CHROMA_PORT": "9"}, "stats")
    assert result.exit_code == 1
    assert "chroma run" in result.stderr


def test_bot_without_a_token_says_where_to_get_one(env: dict[str, str]) -> None:
    result = invoke(env, "bot")
    assert result.exit_code == 1
    assert "TELEGRAM_BOT_TOKEN" in result.stderr


def test_start_ingests_the_samples_and_answers_the_seed_question(env: dict[str, str]) -> None:
    result = invoke({**env, "NEWSBOT_EMBEDDER": os.environ.get("NEWSBOT_TEST_DEFAULT_EMBEDDER", "use")}, "start")
    assert result.exit_code == 0
    assert SEED_QUESTION in result.stdout
    assert "Sources:" in result.stdout


def test_the_installed_command_keeps_stdout_for_json(env: dict[str, str], tmp_path: Path) -> None:
    """A real process: logs and progress go to stderr, so stdout parses as JSON."""
    newsbot = Path(sys.executable).with_name("newsbot")
    result = subprocess.run(
        [str(newsbot), "--verbose", "ingest", str(SEED_ARTICLE), "--json"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 1


def test_the_installed_ask_and_stats_print_everything_before_their_quick_exit(
    env: dict[str, str], tmp_path: Path
) -> None:
    """`newsbot ask` and `stats` end their process without tearing it down (bot/cli/common.py `end_one_shot`):
    their whole output still arrives, through a pipe, with exit code 0."""
    assert invoke(env, "ingest", str(SAMPLES_DIR)).exit_code == 0
    newsbot = Path(sys.executable).with_name("newsbot")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(newsbot), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=300, cwd=tmp_path
        )

    asked = run("ask", SEED_QUESTION, "--json")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert "[1]" in answer["answer"] and answer["sources"]
    plain = run("ask", SEED_QUESTION)
    assert plain.returncode == 0 and "Sources:\n[1] " in plain.stdout
    stats = run("stats", "--json")
    assert stats.returncode == 0 and json.loads(stats.stdout)["articles"] == 7


def test_chat_keeps_the_conversation_and_shows_sources(env: dict[str, str]) -> None:
    invoke(env, "ingest", str(SAMPLES_DIR))
    session = f"{SEED_QUESTION}\nAnd what did the US say?\n/sources\nWhere is that from?\n/quit\n"
    result = CliRunner().invoke(app, ["chat"], env=env, input=session, catch_exceptions=False)
    assert result.exit_code == 0
    answers = result.stdout.split("you> ")
    assert "Nordkorea" in answers[1] and "Sources:" in answers[1]
    assert "[1] Nordkorea dementiert" in answers[2]  # the follow-up found the same story
    full_sources = answers[3].strip().splitlines()
    assert full_sources[0].startswith("[1] Nordkorea dementiert") and len(full_sources) >= 2  # title, then passage
    assert answers[4].strip().splitlines() == full_sources  # asked in words: the same


def test_chat_answers_each_question_of_a_message_the_later_after_the_earlier(env: dict[str, str]) -> None:
    invoke(env, "ingest", str(SEED_ARTICLE))
    session = "Who denied supplying arms? Where to?\n/quit\n"
    result = CliRunner().invoke(app, ["chat"], env=env, input=session, catch_exceptions=False)
    assert result.exit_code == 0
    first, second = result.stdout.split("you> ")[1].split("\nSources:")[:2]
    assert "Nordkorea" in first
    assert "Which story do you mean?" not in second and "Russland" in second  # "Where to?" after the first
    assert result.stdout.count("Sources:") == 2
    # a German follow-up of one question word is framed in German
    german = "Wer hat bestritten, Waffen zu liefern? Wohin?\n/quit\n"
    result = CliRunner().invoke(app, ["chat"], env=env, input=german, catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout.count("Quellen:") == 2


def test_the_terminals_locale_settles_which_language_a_shared_word_is_answered_in(env: dict[str, str]) -> None:
    invoke(env, "ingest", str(SEED_ARTICLE))
    dutch = {**env, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"}
    assert invoke(dutch, "ask", "Hallo").stdout.startswith("Hallo! Stel me een vraag over het nieuws")
    chatted = CliRunner().invoke(app, ["chat"], env=dutch, input="Hallo\n/quit\n", catch_exceptions=False)
    assert "Stel me een vraag" in chatted.stdout
    # any other locale, or none: "Hallo" is German, as it was for everyone
    for locale in ("de_DE.UTF-8", "en_GB.UTF-8", "C.UTF-8"):
        said = invoke({**env, "LC_ALL": locale}, "ask", "Hallo").stdout
        assert said.startswith("Hallo! Fragen Sie mich etwas zu den Nachrichten"), locale


def test_ingest_help_documents_the_csv_columns_with_a_headerless_example(env: dict[str, str]) -> None:
    result = invoke(env, "ingest", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "--csv-columns" in text and "quotechar" in text and "header (true/false)" in text
    assert "text=2,header=false,delimiter=semicolon" in text.replace(" ", "")


def write_dated_records(path: Path) -> Path:
    records = [
        {
            "title": "Parliament passes the 2027 budget",
            "text": "Parliament passed the budget for 2027 on Tuesday with "
            "380 votes to 250. Spending on schools rises.",
            "outlet": "Wire",
            "published_at": "2026-12-01T16:00:00Z",
        },
        {
            "title": "Storm closes the port of Hamburg",
            "text": "A winter storm closed the port of Hamburg on Friday. Ferries stopped.",
            "outlet": "Wire",
            "published_at": "2026-11-20T09:00:00Z",
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ask_now_sets_what_yesterday_means_and_sources_show_their_dates(env: dict[str, str], tmp_path: Path) -> None:
    invoke(env, "ingest", str(write_dated_records(tmp_path / "news.jsonl")))
    result = invoke(env, "ask", "What happened yesterday?", "--now", "2026-12-02")
    assert result.exit_code == 0
    assert result.stdout.startswith("Articles from 2026-12-01 (yesterday):\n• Parliament passes the 2027 budget [1]")
    assert "[1] Parliament passes the 2027 budget — Wire, 2026-12-01" in result.stdout
    assert "Hamburg" not in result.stdout


def test_an_articles_author_is_stored_and_shown_with_its_sources(env: dict[str, str], tmp_path: Path) -> None:
    record = {
        "title": "Floating library opens in the harbour",
        "text": "A floating library opened in the harbour of Portwell on Tuesday. It lends books to sailors.",
        "outlet": "Portwell Post",
        "author": "By Mara Lind",
        "published_at": "2026-12-01",
    }
    (tmp_path / "news.json").write_text(json.dumps(record), encoding="utf-8")
    assert invoke(env, "ingest", str(tmp_path / "news.json")).exit_code == 0
    question = "Where did the floating library open?"
    (source,) = json.loads(invoke(env, "ask", question, "--json").stdout)["sources"]
    assert source["author"] == "Mara Lind"
    assert "[1] Floating library opens in the harbour — Portwell Post, 2026-12-01, by Mara Lind" in (
        invoke(env, "ask", question).stdout
    )


def test_newsbot_now_answers_that_no_article_is_from_today(env: dict[str, str], tmp_path: Path) -> None:
    invoke(env, "ingest", str(write_dated_records(tmp_path / "news.jsonl")))
    result = invoke({**env, "NEWSBOT_NOW": "2026-12-05T08:00+01:00"}, "ask", "Was ist heute passiert?", "--json")
    answer = json.loads(result.stdout)
    assert answer["abstained"] and not answer["sources"]
    assert answer["answer"] == (
        "Kein indexierter Artikel ist vom 2026-12-05 (heute); der neueste ist vom 2026-12-01: "
        "„Parliament passes the 2027 budget“."
    )


def test_a_bad_now_is_exit_code_1_with_the_fix(env: dict[str, str]) -> None:
    result = invoke(env, "ask", "What happened today?", "--now", "tomorrow")
    assert result.exit_code == 1
    assert "--now" in result.stderr and "2026-12-02T09:30" in result.stderr


def test_chat_now_holds_for_the_whole_conversation(env: dict[str, str], tmp_path: Path) -> None:
    invoke(env, "ingest", str(write_dated_records(tmp_path / "news.jsonl")))
    session = "What happened last week?\nWas ist gestern passiert?\n/quit\n"
    result = CliRunner().invoke(app, ["chat", "--now", "2026-11-25"], env=env, input=session, catch_exceptions=False)
    assert result.exit_code == 0
    answers = result.stdout.split("you> ")
    assert answers[1].startswith("Articles from 2026-11-16 to 2026-11-22 (last week):\n• Storm closes the port")
    # the newest article before yesterday: the one of 2026-12-01 is not yet news on 2026-11-25
    assert answers[2].startswith(
        "Kein indexierter Artikel ist vom 2026-11-24 (gestern); der neueste ist vom 2026-11-20"
    )
