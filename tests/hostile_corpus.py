"""A folder of hostile inputs beside three good articles, made by code (nothing binary is committed).

`build_hostile_folder(folder)` writes every kind below and returns them with what ingesting each should give:
stored (an article, or one per record), refused (a failed entry whose message holds `reason`), skipped (a
file a folder walk passes over, as documented), or duplicate (the text of an input read before it: counted, not
stored again). tests/test_hostile_inputs.py ingests it through the real
Newsroom; benchmarks/hostile_ingest.py times the same folder with the real default settings.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from index.loaders.files import printable

MB = 1024 * 1024
QUESTIONS = {
    "good/harbour.txt": "When did the harbour of Port Elda reopen?",
    "good/bakery.md": "Which bakery won the national rye bread prize?",
    "good/ferry.html": "When does the night ferry between Portwell and Eastholm resume service?",
}
HARBOUR = (
    "Harbour of Port Elda reopens after storm\n\n"
    "The harbour of Port Elda reopened on Monday, a week after a storm tore two cranes from the quay. "
    "Harbour master Ilse Varga said the first ferry left at six in the morning with 140 passengers aboard.\n\n"
    "Repairs to the northern pier will take until the summer, the town council said.\n"
)
BAKERY = (
    "---\ntitle: Kornhaus wins the rye bread prize\noutlet: Elda Courier\ndate: 2024-03-08\n---\n\n"
    "The Elda bakery **Kornhaus** won the national rye bread prize on Friday, ahead of forty bakeries from "
    "all over the country. Its sourdough rye is baked in a wood-fired oven that is a hundred years old.\n"
)
FERRY = (
    '<!doctype html><html lang="en"><head><title>Night ferry returns | Portwell Post</title></head><body>'
    "<nav>Home | Local | Sport</nav><article><h1>Night ferry returns after winter break</h1>"
    "<p>The night ferry between Portwell and Eastholm resumes service on Friday after its winter break, the "
    "operator said. Two crossings a night are planned until the end of October.</p>"
    "<p>Bicycles travel free of charge until the end of May, and a new café opens on the upper deck.</p>"
    "</article><footer>© Portwell Post</footer></body></html>"
)


@dataclass(frozen=True)
class Kind:
    """One hostile (or good) input and what ingesting it should give."""

    path: str  # relative to the folder; str, since a name may hold bytes that are not UTF-8 (surrogate escapes)
    expect: str  # "stored", "refused", "skipped" or "duplicate"
    reason: str = ""  # part of the failed entry's message, for "refused"
    records: int = 0  # for files of records: how many stored or refused entries ("file:line N", "file:row N")

    def source(self, folder: Path) -> str:
        """The source name newsbot reports for this input (its records' names start with it)."""
        return os.path.join(str(folder), *(printable(part) for part in self.path.split("/")))


def build_hostile_folder(folder: Path) -> list[Kind]:
    """Write every kind into `folder` (created), and return them."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(13)
    prose = _prose(rng, 64 * 1024)
    kinds: list[Kind] = []

    def write(path: str, data: bytes | str, expect: str, reason: str = "", records: int = 0) -> None:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        kinds.append(Kind(path, expect, reason, records))

    write("good/harbour.txt", HARBOUR, "stored")
    write("good/bakery.md", BAKERY, "stored")
    write("good/ferry.html", FERRY, "stored")
    write("same story again/harbour.txt", HARBOUR, "duplicate")  # walked after good/harbour.txt
    write("empty.txt", b"", "refused", "has no article text")
    write("whitespace.txt", "  \n\t\n   \n", "refused", "has no article text")
    write("binary.txt", bytes(rng.randrange(256) for _ in range(4096)) + b"\x00", "refused", "NUL bytes")
    write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "refused", "is a PNG image")
    write("nul in text.txt", "Title\n\nSome text\x00with a NUL byte inside.", "refused", "NUL bytes")
    write("truncated.json", '{"title": "Cut off", "text": "The text stops in the mid', "refused", "is not valid JSON")
    write("gzipped.json", gzip.compress(b'{"title": "Zipped", "text": "Compressed."}'), "refused", "gzip-compressed")
    write("deep.json", "[" * 100_000 + "]" * 100_000, "refused", "nests its JSON too deeply")
    write(
        "unbalanced quotes.csv",
        'title,text\n"Never closed,The quote above never ends\nSecond,row of text\n',
        "refused",
        "has no text in column 'text'",
        records=1,
    )
    write(
        "deep nesting.html",
        "<html><body>" + "<div>" * 10_000 + "<p>Deep down.</p>" + "</div>" * 10_000 + "</body></html>",
        "refused",
        "no article text found",
    )
    write(
        "script only.html",
        "<html><head><title>App</title><style>body{color:red}</style><script>window.__STATE__={}</script></head>"
        '<body><div id="root"></div></body></html>',
        "refused",
        "no article text found",
    )
    write(
        "huge page.html",
        "<html><body><article>" + "<p>One more short paragraph.</p>" * 25_000 + "</article></body></html>",
        "refused",
        "more than 20,000 HTML elements",
    )
    write(
        "utf16 with bom.txt",
        "Ölpreis steigt\n\nDer Ölpreis stieg am Montag um drei Prozent.\n".encode("utf-16"),
        "stored",
    )
    write(
        "utf16 without bom.txt",
        "Fähre fährt wieder\n\nDie Fähre über den Fluss fährt ab Freitag wieder.\n".encode("utf-16-le"),
        "stored",
    )
    write("latin1.txt", "Bürgermeister gewählt\n\nDer neue Bürgermeister heißt Jörg Maß.\n".encode("latin-1"), "stored")
    write(
        "arabic.txt",
        "افتتاح الميناء\n\n"
        "أعيد افتتاح ميناء بورت إلدا يوم الاثنين بعد أسبوع من العاصفة. "
        "وقال مدير الميناء إن أول عبارة غادرت في السادسة صباحا.\n",
        "stored",
    )
    write(
        "hebrew.md",
        "# הנמל נפתח מחדש\n\n"
        "נמל פורט אלדה נפתח מחדש ביום שני, שבוע אחרי הסערה. מנהלת הנמל אמרה שהמעבורת הראשונה יצאה בשש בבוקר.\n",
        "stored",
    )
    write("emoji only.md", "---\ntitle: Party\n---\n🎉🎉🎉\n\n😀🔥❤️ 🚢⚓ ✓ → ★\n", "refused", "has no words")
    write("slides.pptx", b"PK\x03\x04" + bytes(100), "skipped")
    write(
        "folder named.txt/inside.txt", "A story in a folder named like a file\n\nIt is read like any other.\n", "stored"
    )
    write("caf\udce9 \udcff.txt", "Café reopens\n\nThe café on the quay reopened after the storm as well.\n", "stored")
    write("[bold]markup.txt", b"", "refused", "has no article text")
    write(
        "lone surrogate.jsonl",
        '{"title": "First", "text": "A good first record about the quay."}\n'
        '{"title": "Broken emoji \\ud83d", "text": "A record with half an emoji: \\ud83d, stored all the same."}\n'
        '{"title": "Third", "text": "A good third record about the pier."}\n',
        "stored",
        records=3,
    )
    write(
        "year one.json",
        json.dumps({"title": "Very old news", "text": "Dated at the start of the calendar.", "date": "0001-01-01"}),
        "stored",
    )
    write("empty records.jsonl", "{}\n" * 300_000, "refused", "has no article text", records=300_000)
    write("long paragraph.txt", "A long paragraph\n\n" + prose[: 8 * 1024].replace("\n\n", " "), "stored")
    write("huge paragraph.txt", "A huge paragraph\n\n" + (prose.replace("\n\n", " ") + " ") * 80, "refused", "too long")
    write("long article.txt", "A long article\n\n" + (prose + "\n\n") * 96, "refused", "too long")
    write("big field.csv", 'title,text\nBig,"' + prose.replace('"', "") * 160 + '"\n', "refused", "too long", 1)
    write("one word.txt", "Buffalo\n\n" + "buffalo " * 600_000, "refused", "repeats the same few words")
    write("over the limit.txt", "Too big\n\n" + prose * 800, "refused", "more than the limit of 20 MB per file")
    _special_files(folder, kinds)
    return kinds


def _special_files(folder: Path, kinds: list[Kind]) -> None:
    """A pipe, symlinks to a device and out of the folder, an unreadable file (not for root, who reads all)."""
    os.mkfifo(folder / "pipe.txt")
    kinds.append(Kind("pipe.txt", "refused", "is a named pipe (FIFO), not a regular file"))
    (folder / "zero.txt").symlink_to("/dev/zero")
    kinds.append(Kind("zero.txt", "refused", "is a symlink to /dev/zero, outside the folder"))
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    kinds.append(Kind("passwd.txt", "refused", "is a symlink to /etc/passwd, outside the folder"))
    if os.geteuid() != 0:
        locked = folder / "locked.txt"
        locked.write_text("Locked\n\nNobody may read this.\n")
        locked.chmod(0)
        kinds.append(Kind("locked.txt", "refused", "permission denied"))


def _prose(rng: random.Random, size: int) -> str:
    """`size` characters of made-up sentences in paragraphs: varied enough to pass for text."""
    vocabulary = ["".join(rng.choice("abcdefghiklmnoprstuvw") for _ in range(rng.randint(2, 10))) for _ in range(5000)]
    paragraphs: list[str] = []
    length = 0
    while length < size:
        sentences = [
            " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 22))).capitalize() + "."
            for _ in range(rng.randint(3, 7))
        ]
        paragraphs.append(" ".join(sentences))
        length += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:size]
