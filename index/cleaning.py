"""Cleaning: strip web noise from an article's text so that only the story becomes chunks.

Pages copied from news sites carry lines that are not the story: ad markers ("Ad", "Anzeige"), tag lines
("ukraine krieg"), and trailers that start a list of links ("Mehr zum Thema:", "Read more:"). Left in, they become
chunks that compete with the text at retrieval time. Each rule below removes one kind, and keeps a line whenever
in doubt. Photo captions ("John Kirby, Sprecher des Nationalen Sicherheitsrates. (Archiv) - Keystone") lose their
credit and archive marks but keep their words: a caption may be the only place a fact is stated (a person's
role). They move to one paragraph after the story, so they neither split the story's passages nor open it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from index.models import Article

AD_MARKERS = frozenset(
    {"ad", "ads", "anzeige", "advertisement", "werbung", "sponsored", "publicité", "pubblicità", "publicidad"}
)

# A trailer marker ends the story: what follows is a list of links or tags.
TRAILER_RE = re.compile(
    r"^(mehr zum thema|mehr zu diesem thema|das könnte sie auch interessieren|lesen sie auch|weitere artikel"
    r"|read more|related( articles| stories)?|more on this( story)?|see also|tags|themen|schlagwörter"
    r"|share this( article)?|artikel teilen)\s*:?\s*$",
    re.IGNORECASE,
)

# Captions end in a photo credit or start with one.
AGENCIES = (
    r"keystone|dpa|afp|reuters|ap|epa|apa|sda|key|getty( images)?|imago|picture alliance|shutterstock"
    r"|istock|ddp|kna|anp|efe|ansa|xinhua|tass|zvg|ho"
)
CAPTION_END_RE = re.compile(rf"\s[-–—|/]\s*(\(?\s*(foto|bild|photo|image)\s*:?\s*)?({AGENCIES})[^\n]{{0,40}}$", re.I)
CAPTION_START_RE = re.compile(r"^(foto|bild|photo|image|picture|quelle|source|©)\s*[:©]", re.IGNORECASE)
CAPTION_MARK_RE = re.compile(r"\((archiv|archivbild|symbolbild|archive|file photo|illustration)\)", re.IGNORECASE)
BULLET_RE = re.compile(r"^\s*[•·▪●◦‣∙*\-–]\s+")
# An embedded post keeps its words (what was posted is often what the story is about) but loses its links to the
# post's picture and the platform's short links, which are no words of anyone's; with the text flattened (a page's
# text copied, 10kGNAD's articles) the link is all that ends the post, so it ends a sentence there instead of
# gluing the post to the story's next sentence ("… looking great pic.twitter.com/302S7jstSp So gab es …").
MEDIA_LINK = r"\s*\b(?:https?://)?(?:pic\.(?:twitter|x)\.com|t\.co)/\w+"
# The line that signs an embedded post: "— Owen Williams (@ow) September 10, 2015": a credit, dropped like a
# photo's.
POST_SIGNATURE_RE = re.compile(r"^[—–-]\s*[^\n]{0,80}\(@\w{1,30}\)[^\n]{0,40}$")
# Initials that sign a post after its link ("… for the $20 bill than Harriet Tubman: https://t.co/… -H"): gone
# with it.
POST_INITIALS_RE = re.compile(r"^[—–-][A-Z]{1,2}(?:\s|$)")
# An editor's initials and the date that sign a piece or a reader forum's question ("… tool use (red, 16.6.2015)",
# "Und jetzt schmachte! (flu, 24.7.2015)"): a credit too, and in flattened text the end of what it signs.
EDITOR_SIGNATURE = r"\s*\((?:[a-z]{2,5}|APA|red)\s*,\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\)"
# What is cut out of a line, ending a sentence where it was.
CUT_RE = re.compile(f"{MEDIA_LINK}|{EDITOR_SIGNATURE}")
SENTENCE_END = (".", "!", "?", ":", "»", "«", '"', "“", "”", ")", "…")
# What may follow a removed link without a sentence end before it.
CLAUSE_MARKS = (*SENTENCE_END, ",", ";")
CAPTION_MAX_CHARS = 300
MIN_CAPTION_WORDS = 3
TAG_LINE_MAX_WORDS = 4


def clean_text(text: str) -> str:
    """The story's text, paragraphs separated by blank lines, without ads, tag lines and trailers; captions, without
    their credits, in a last paragraph."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    captions: list[str] = []
    for raw in text.split("\n"):
        line = _without_cuts(BULLET_RE.sub("", " ".join(raw.split())))
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if TRAILER_RE.match(line) and len(kept) >= 3:
            break
        if _is_caption(line):
            caption = _caption_words(line)
            if len(caption.split()) >= MIN_CAPTION_WORDS and caption not in captions:
                captions.append(caption)
            continue
        if _is_noise(line) or POST_SIGNATURE_RE.match(line):
            continue
        kept.append(line)
    story = "\n".join(kept).strip()
    return f"{story}\n\n{' '.join(captions)}" if story and captions else story


def clean_article(article: Article) -> Article:
    """The article with its text cleaned and its title tidied; metadata untouched."""
    title = " ".join(article.meta.title.split())
    body = clean_text(article.text)
    # A .txt article repeats its title as the first line of the body: drop the repeat.
    first, _, rest = body.partition("\n")
    if first.strip() == title:
        body = rest.strip()
    return replace(article, text=body, meta=replace(article.meta, title=title))


def _without_cuts(line: str) -> str:
    """The line without links to a post's picture, short links and editors' signatures; text that followed one
    starts a sentence."""
    pieces = CUT_RE.split(line)
    out = pieces[0].strip()
    for piece in pieces[1:]:
        piece = POST_INITIALS_RE.sub("", piece.strip())
        if not piece:
            continue
        if out and not piece.startswith(CLAUSE_MARKS):
            if out.endswith(":"):  # a colon announced the link, which is gone: the post ends there
                out = out[:-1] + "."
            elif not out.endswith(SENTENCE_END):
                out += "."
            out += " "
        out += piece
    return out


def _is_noise(line: str) -> bool:
    return line.lower().strip(" .:") in AD_MARKERS or _is_tag_line(line)


def _is_caption(line: str) -> bool:
    return len(line) <= CAPTION_MAX_CHARS and bool(
        CAPTION_END_RE.search(line) or CAPTION_START_RE.match(line) or _is_marked_caption(line)
    )


def _caption_words(line: str) -> str:
    """A caption without its credit ("- Keystone", "Foto: …") and archive marks, ending like a sentence."""
    if CAPTION_START_RE.match(line):
        return ""  # "Foto: Max Muster" is all credit
    words = CAPTION_MARK_RE.sub(" ", CAPTION_END_RE.sub("", line))
    words = " ".join(words.split()).rstrip(" -–—|/")
    if words and not words.endswith(SENTENCE_END):
        words += "."
    return words


def _is_marked_caption(line: str) -> bool:
    """ "Kim und Putin beim Gipfel 2019 (Archivbild)" — a caption even without a credit."""
    return bool(CAPTION_MARK_RE.search(line[-40:]))


def _is_tag_line(line: str) -> bool:
    """Short all-lowercase keyword lines ("ukraine krieg") and glued tag lists ("RegierungStaat")."""
    words = line.split()
    if line.endswith(SENTENCE_END) or len(words) > TAG_LINE_MAX_WORDS:
        return False
    if line == line.lower() and any(ch.isalpha() for ch in line):
        return True
    return len(words) == 1 and bool(re.fullmatch(r"(?:[A-ZÄÖÜ][a-zäöüß]+){2,}", line))
