"""Cleaning keeps the story and drops the web noise a copied news page carries."""

from index.cleaning import clean_article, clean_text
from index.models import Article, ArticleMeta
from tests.conftest import SEED_ARTICLE


def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


def test_seed_article_loses_ads_captions_tags_and_trailer() -> None:
    cleaned = clean_text(seed_text())
    lines = cleaned.splitlines()
    assert "Ad" not in lines
    assert "ukraine krieg" not in lines and "trump" not in lines
    assert "Keystone" not in cleaned and "keystone" not in cleaned
    assert "Mehr zum Thema" not in cleaned and "RegierungStaat" not in cleaned


def test_seed_article_keeps_the_story() -> None:
    cleaned = clean_text(seed_text())
    assert "Nordkorea hat Angaben der US-Regierung bestritten" in cleaned
    assert "Nordkorea dementiert, Russland mit Waffen und Munition versorgt zu haben." in cleaned
    assert "Experten vermuten Waffenmangel in Russland wegen Sanktionen" in cleaned  # a sub-heading stays
    assert "vom Welthandel praktisch ausgeschlossen." in cleaned


def test_bullets_lose_their_marker_but_keep_their_text() -> None:
    assert clean_text("Intro sentence here.\n  • First point of the story.\n- Second point.") == (
        "Intro sentence here.\nFirst point of the story.\nSecond point."
    )


def test_captions_lose_their_credits_and_move_after_the_story() -> None:
    text = (
        "The minister spoke on Tuesday.\n"
        "The minister at the press conference. - Reuters\n"
        "Foto: Max Muster\n"
        "Kim und Putin beim Gipfel 2019 (Archivbild)\n"
        "The talks continue next week."
    )
    assert clean_text(text) == (
        "The minister spoke on Tuesday.\nThe talks continue next week.\n\n"
        "The minister at the press conference. Kim und Putin beim Gipfel 2019."
    )


def test_a_fact_stated_only_in_a_caption_is_kept() -> None:
    cleaned = clean_text(seed_text())
    assert cleaned.endswith("John Kirby, Sprecher des Nationalen Sicherheitsrates der USA.")
    assert "(Archiv)" not in cleaned and "keystone" not in cleaned.lower()


def test_a_trailer_marker_at_the_very_start_does_not_empty_the_article() -> None:
    text = "Read more:\nThe council voted on Monday to close the bridge.\nIt reopens in May."
    assert "The council voted" in clean_text(text)


def test_sentences_that_merely_mention_an_agency_stay() -> None:
    text = "According to Reuters, the talks failed.\nThe news agency dpa reported the same on Friday."
    assert clean_text(text) == text


def test_clean_article_drops_a_repeated_title() -> None:
    article = Article(text="Big news\n\nThe story goes on.", meta=ArticleMeta(title="Big news", source="x.txt"))
    assert clean_article(article).text == "The story goes on."


def test_an_embedded_post_keeps_its_words_and_loses_its_links_and_signature() -> None:
    from index.loaders.documents import html_to_article

    # the embed code as the platform gives it: one line
    page = """<html lang="de"><head><title>Apple patzt beim Design</title></head><body><article>
    <h1>Apple patzt beim Design</h1>
    <p>Bislang gingen die Begriffe Apple und Design Hand in Hand. Kaum ein anderer Designer ist so bekannt wie
    Jonathan Ive. Owen Williams, Webentwickler und Autor bei The Next Web, hat es in einem Tweet gesagt.</p>
    <blockquote class="twitter-tweet" lang="en"><p lang="en" dir="ltr">apples 2015 lineup is looking great \
<a href="https://t.co/302S7jstSp">pic.twitter.com/302S7jstSp</a></p>&mdash; Owen Williams (@ow) \
<a href="https://twitter.com/ow/status/1">September 10, 2015</a></blockquote>
    <p>So gab es auch bereits bei der neuen Apple-Maus Kritik am Design, die man zum Laden umdrehen muss.</p>
    </article></body></html>"""
    text = clean_article(html_to_article(page, "apple.html", url="https://example.org/apple")).text
    assert "apples 2015 lineup is looking great" in text and "So gab es auch bereits" in text
    assert "twitter.com" not in text and "t.co/" not in text
    assert "@ow" not in text and "September 10, 2015" not in text  # the post's signature: a credit


def test_a_flattened_post_ends_at_its_link_instead_of_gluing_to_the_next_sentence() -> None:
    flattened = (
        "Owen Williams hat es in einem Tweet gesagt. apples 2015 lineup is looking great pic.twitter.com/302S7jstSp "
        "So gab es auch bereits Kritik. Erstes Plasma: Wendelstein 7-X in Betrieb https://t.co/QH1bJFIB6F, sagte er."
    )
    assert clean_text(flattened) == (
        "Owen Williams hat es in einem Tweet gesagt. apples 2015 lineup is looking great. So gab es auch bereits "
        "Kritik. Erstes Plasma: Wendelstein 7-X in Betrieb, sagte er."
    )
    # a colon announced the link, initials signed the post: the post ends there, the story's next sentence starts
    assert clean_text(
        "Ich wüsste keine bessere Wahl als Harriet Tubman: https://t.co/YcsZC4ZrKg -H 1849 sollen Araminta und "
        "zwei ihrer Brüder verkauft werden. I stand with Guo. https://t.co/WbqDsdPr5q -H Chinas Führung sieht das "
        "anders. Er schrieb: pic.twitter.com/abc -EU-Recht gilt."
    ) == (
        "Ich wüsste keine bessere Wahl als Harriet Tubman. 1849 sollen Araminta und zwei ihrer Brüder verkauft "
        "werden. I stand with Guo. Chinas Führung sieht das anders. Er schrieb. -EU-Recht gilt."
    )
    # an editor's signature ends what it signs, and goes
    assert clean_text(
        "Abstract Scientific Reports: Chimpanzees and bonobos differ in tool use (red, 16.6.2015)\n\n"
        "Das Klima bleibt ihm erspart. (red, 23.8.2015) ERGEBNISSE der WM am Sonntag. Redaktion Am Schauplatz "
        "(red, 15.1.2016) Die Sendung am Samstag (19.7.2015) lief gut (laut ORF, 3.4.2016)."
    ) == (
        "Abstract Scientific Reports: Chimpanzees and bonobos differ in tool use\n\nDas Klima bleibt ihm erspart. "
        "ERGEBNISSE der WM am Sonntag. Redaktion Am Schauplatz. Die Sendung am Samstag (19.7.2015) lief gut (laut "
        "ORF, 3.4.2016)."
    )
    assert clean_text("Mehr dazu unter www.allinrechner.at und x.com/ow.") == (
        "Mehr dazu unter www.allinrechner.at und x.com/ow."
    )
