"""The default offline answerer over the bundled samples (the user's article and six 10kGNAD articles), with the
real default models: it answers what the news says, and says so when it does not (issue #10's examples)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.answerers.replies import EXAMPLE_QUESTIONS, REPLIES
from index.models import Turn
from index.newsroom import Newsroom
from index.settings import DEFAULT_EMBEDDER
from tests.conftest import SAMPLES_DIR, SEED_QUESTION, make_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    newsroom = Newsroom(make_settings(Path(tmp_path_factory.mktemp("trust")) / "data", embedder=DEFAULT_EMBEDDER))
    report = newsroom.ingest([str(SAMPLES_DIR)])
    assert report.added == 7 and not report.failed
    yield newsroom


def test_the_seed_question_is_answered_from_the_seed_article(newsroom: Newsroom) -> None:
    answer = newsroom.ask(SEED_QUESTION)
    assert not answer.abstained
    assert "Nordkorea" in answer.text and answer.text.rstrip().endswith("]")
    assert answer.sources[0].meta.title.startswith("Nordkorea dementiert")
    # no sentence of another article pads the answer
    assert len({source.article_id for source in answer.sources}) == 1


@pytest.mark.parametrize("question", ["Who is John Kirby?", "Wer ist John Kirby?", "Who is Kirby?"])
def test_who_someone_is_is_what_the_article_that_names_them_says(newsroom: Newsroom, question: str) -> None:
    # read as questions, these were below the relevance threshold and refused
    answer = newsroom.ask(question)
    assert answer.text == "John Kirby, Sprecher des Nationalen Sicherheitsrates der USA. [1]"
    assert answer.sources[0].meta.title.startswith("Nordkorea dementiert")
    assert newsroom.ask("Who is Taylor Swift?").abstained  # no article names her


@pytest.mark.parametrize(
    "question", [SEED_QUESTION.upper(), EXAMPLE_QUESTIONS["de"].upper(), EXAMPLE_QUESTIONS["de"].lower()]
)
def test_a_question_typed_in_one_case_is_answered_as_the_cased_one(newsroom: Newsroom, question: str) -> None:
    # read as typed, each word of one in capitals was a name the article lacked: "WHO DENIED SUPPLYING ARMS?" was
    # refused
    answer = newsroom.ask(question)
    assert not answer.abstained, answer.text
    assert answer.sources[0].meta.title.startswith("Nordkorea dementiert")


@pytest.mark.parametrize(
    ("question", "why_not"),
    [("Who won the 2026 FIFA World Cup?", "Why not?"), ("Wie hoch ist der Leitzins in Japan?", "Warum nicht?")],
)
def test_why_not_after_an_honest_no_is_no_question_about_the_news(
    newsroom: Newsroom, question: str, why_not: str
) -> None:
    # over 127 articles it got a sentence of whatever story "Why not?" and the refused question matched; over the
    # samples "the news does not say" again, which says nothing of why
    refused = newsroom.ask(question)
    assert refused.abstained
    answer = newsroom.ask(why_not, history=[Turn(question, refused.text)])
    assert answer.abstained and not answer.sources, answer.text
    assert answer.text in REPLIES["why_not"].values()


def test_news_the_samples_do_not_hold_gets_an_honest_no_in_lower_case_too(newsroom: Newsroom) -> None:
    # read as typed, it named nothing the samples could lack, and got a sentence on a helicopter crash in Kabul
    answer = newsroom.ask("how many people died when the morandi bridge collapsed in genoa?")
    assert answer.abstained and not answer.sources, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Who won the 2026 FIFA World Cup?",
        "Wie hoch ist der Leitzins in Japan?",
        "What is the capital of France?",
        "How many people died when the Morandi bridge collapsed in Genoa?",
    ],
)
def test_news_the_samples_do_not_hold_gets_an_honest_no(newsroom: Newsroom, question: str) -> None:
    answer = newsroom.ask(question)
    assert answer.abstained, answer.text
    assert not answer.sources


@pytest.mark.parametrize(
    "question",
    [
        # the stories are there, the facts asked for are not: answered with their closest sentence, which says it
        # is unsure (0.14 for the helicopter over the samples), or refused (0.08 for Philae's cost since model
        # version 7: its closest sentence names no sum; 0.0 for Kirby's age). ("Who is the president of Puerto
        # Rico?", here until version 6 at 0.23, is answered without doubt since, at 0.33, with the sentence on its
        # governor.)
        "How much did the Philae mission cost?",
        "How old is John Kirby?",
        "What kind of helicopter was it?",
    ],
)
def test_a_fact_the_samples_do_not_give_is_refused_or_said_to_be_unsure(newsroom: Newsroom, question: str) -> None:
    answer = newsroom.ask(question)
    assert answer.abstained or answer.unsure, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "How much debt does Puerto Rico have?",
        "Was hat Nordkorea bestritten?",
        "Wie hoch sind die Schulden von Puerto Rico?",
    ],
)
def test_a_plain_question_the_samples_answer_is_answered_without_doubt(newsroom: Newsroom, question: str) -> None:
    answer = newsroom.ask(question)  # probability 0.66 to 0.91 over the samples
    assert not answer.abstained and not answer.unsure, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "asdf qwer",
        "hi",
        "?",
        "Hallo!",
        "Vielen Dank!",
        "Wer bist du?",
        "help",
        "Was?",
        "How?",
        "Are you a robot?",
        "You are stupid",
        "lorem ipsum dolor sit amet",
        "a",
        "X",
    ],
)
def test_non_questions_never_get_a_cited_sentence(newsroom: Newsroom, question: str) -> None:
    answer = newsroom.ask(question)
    assert answer.abstained and not answer.sources and "[1]" not in answer.text


# Each follow-up as a user of a chat types it; retrieved with the previous question alone (before this release),
# "Wann war das?" and "Why?" were refused, "How many missiles?" went to the helicopter's story, "Where did it land?"
# to the comet lander's and "Was hat er gesagt?" to North Korea's.
CONVERSATIONS = [
    (["Who denied supplying arms?", "And who accused them?", "Wann war das?", "Why?"], "Nordkorea dementiert"),
    (
        [
            "Why did the helicopter make an emergency landing in Afghanistan?",
            "How many people were on board?",
            "Where did it land?",
        ],
        "18 Menschen",
    ),
    (
        ["Wie hoch sind die Schulden von Puerto Rico?", "Und wer ist der Gouverneur?", "Was hat er gesagt?"],
        "Staatsschulden",
    ),
    # a request for more keeps the story ("Tell me more" was refused, and "Who said so?" then lost the story)
    (["Who denied supplying arms?", "Tell me more", "Who said so?"], "Nordkorea dementiert"),
    (["Was ist mit Philae passiert?", "Erzähl mir mehr"], "Der womöglich letzte"),
]


@pytest.mark.parametrize(("conversation", "story"), CONVERSATIONS)
def test_follow_ups_stay_with_the_story_they_follow(newsroom: Newsroom, conversation: list[str], story: str) -> None:
    history: list[Turn] = []
    for question in conversation:
        answer = newsroom.ask(question, history=history)
        assert not answer.abstained, (question, answer.text)
        assert answer.sources[0].meta.title.startswith(story), (question, answer.sources[0].meta.title)
        history.append(Turn(question, answer.text))


def test_a_count_the_story_does_not_give_is_refused_not_taken_from_another_story(newsroom: Newsroom) -> None:
    # "How many missiles?" after the arms story went to the helicopter's ("21 Menschen an Bord"), before follow-ups
    # were read with their story. The story says only "Millionen von Artilleriegeschossen und Raketen", and not in
    # the sentence it would quote: since model version 7 a question for a count that its best sentence does not
    # give is doubted, and this one is refused (0.08). Either way no other story answers it.
    history: list[Turn] = []
    for question in ["Who denied supplying arms?", "And who accused them?", "Wann war das?", "Why?"]:
        history.append(Turn(question, newsroom.ask(question, history=history).text))
    answer = newsroom.ask("How many missiles?", history=history)
    assert answer.abstained or answer.sources[0].meta.title.startswith("Nordkorea dementiert"), answer.text


@pytest.mark.parametrize(("question", "language"), [("What did he say?", "en"), ("Wer gewann?", "de")])
def test_a_question_that_names_no_story_is_asked_which_one_unless_it_follows_one(
    newsroom: Newsroom, question: str, language: str
) -> None:
    alone = newsroom.ask(question)
    assert alone.abstained and not alone.sources and alone.text == REPLIES["no_story"][language]
    first = newsroom.ask(SEED_QUESTION)
    follow_up = newsroom.ask("What did he say?", history=[Turn(SEED_QUESTION, first.text)])
    assert not follow_up.abstained and follow_up.sources[0].meta.title.startswith("Nordkorea dementiert")


@pytest.mark.parametrize(
    "requests",
    [
        ["Tell me more", "go on"],
        ["Mehr dazu", "Und weiter?", "Was noch?"],
        # each got a sentence of another story over 127 articles
        ["Any details?", "What else do you know about this?"],
    ],
)
def test_a_request_for_more_tells_more_of_the_story_and_repeats_nothing(
    newsroom: Newsroom, requests: list[str]
) -> None:
    # before, "Tell me more" was answered as a question: "Und weiter?" got the very answer "Mehr dazu" had
    history: list[Turn] = []
    told: set[str] = set()
    for question in [SEED_QUESTION, *requests]:
        answer = newsroom.ask(question, history=history)
        assert not answer.abstained, (question, answer.text)
        assert [source.meta.title[:20] for source in answer.sources] == ["Nordkorea dementiert"], question
        sentences = {s.strip() for s in answer.text.removesuffix("[1]").split(". ") if s.strip()}
        assert not sentences & told, (question, sentences & told)
        told |= sentences
        history.append(Turn(question, answer.text))


@pytest.mark.parametrize(
    ("question", "story"),
    [
        ("What about Puerto Rico?", "Staatsschulden"),
        ("Und Afghanistan?", "18 Menschen"),
        ("And the comet lander Philae?", "Der womöglich letzte"),
        ("Und die Pensionen?", "Inflationswert"),
    ],
)
def test_a_follow_up_with_a_subject_of_its_own_leaves_the_story(newsroom: Newsroom, question: str, story: str) -> None:
    first = newsroom.ask(SEED_QUESTION)
    answer = newsroom.ask(question, history=[Turn(SEED_QUESTION, first.text)])
    assert not answer.abstained, answer.text
    assert answer.sources[0].meta.title.startswith(story), answer.sources[0].meta.title


@pytest.mark.parametrize("language", sorted(EXAMPLE_QUESTIONS))
def test_the_example_the_replies_suggest_is_answered(newsroom: Newsroom, language: str) -> None:
    # the German greeting suggested "Wer hat Waffenlieferungen bestritten?", which these samples refuse
    answer = newsroom.ask(EXAMPLE_QUESTIONS[language])
    assert not answer.abstained, answer.text
    assert answer.sources[0].meta.title.startswith("Nordkorea dementiert")


# Written for this test (no real town or person): an age in brackets after a name, as German news give it, and a
# second person whose age the article does not give.
MAYOR = """Bürgermeisterin von Oberwaldau tritt nach 14 Jahren zurück
Oberwaldau – Die Bürgermeisterin von Oberwaldau, Anna Berger (61), legt ihr Amt mit Ende März zurück. Das gab sie am \
Montag bei einer Sitzung des Gemeinderats bekannt. Berger führt die Stadt seit 2011. Ihr Nachfolger soll der bisherige \
Vizebürgermeister Karl Huber (ÖVP) werden, der Gemeinderat stimmt im April darüber ab. Als Grund für den Rücktritt \
nannte Berger gesundheitliche Probleme. Die Opposition kritisierte den Zeitpunkt: Die Stadt stehe vor großen \
Investitionen in das Hallenbad, das um 12 Millionen Euro saniert wird.
"""


BLOGGER = """Oberstes Gericht bestätigt Urteil gegen Blogger Jonas Weber
Lindenstadt – Das Oberste Gericht hat die Verurteilung des Bloggers Jonas Weber zu zehn Jahren Haft und einer \
Geldstrafe bestätigt. Eine Berufung ist nicht mehr möglich. Weber war im Juni 2019 festgenommen worden. Der \
34-jährige Blogger hatte in seinem Blog die Regierung kritisiert. Seine Frau lebt seit drei Jahren in Kanada und \
fordert seine Freilassung.
"""


def written_store(tmp_path_factory: pytest.TempPathFactory, articles: dict[str, str]) -> Newsroom:
    """A store of articles written for these tests, each text by its file's name."""
    folder = Path(tmp_path_factory.mktemp("written"))
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    newsroom = Newsroom(make_settings(folder / "data", embedder=DEFAULT_EMBEDDER))
    assert newsroom.ingest([str(folder)]).added == len(articles)
    return newsroom


@pytest.fixture(scope="module")
def mayor(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    """A store of two articles written for these tests: MAYOR and BLOGGER."""
    return written_store(tmp_path_factory, {"oberwaldau.txt": MAYOR, "blogger.txt": BLOGGER})


@pytest.mark.parametrize(
    "question", ["How old is Anna Berger?", "Wie alt ist Anna Berger?", "How old is the mayor of Oberwaldau?"]
)
def test_how_old_someone_is_is_read_from_the_age_in_brackets_after_their_name(mayor: Newsroom, question: str) -> None:
    # An age counted only as "61 Jahre" or "die 61-Jährige": here the English question was unsure (0.25), and over
    # the 1,028 articles of 10kGNAD's test split "How old is Tim Hunt?" ("Tim Hunt (72)") was refused (0.04).
    answer = mayor.ask(question)
    assert not answer.abstained and not answer.unsure, answer.text
    assert "Anna Berger (61)" in answer.text


@pytest.mark.parametrize("question", ["How old is Karl Huber?", "Wie alt ist Karl Huber?"])
def test_someone_elses_age_does_not_say_how_old_someone_is(mayor: Newsroom, question: str) -> None:
    # counted wherever it stood, Anna Berger's age was quoted for Karl Huber's (the German question, unsure, 0.25)
    answer = mayor.ask(question)
    assert "(61)" not in answer.text, answer.text
    assert answer.abstained or answer.unsure, answer.text


@pytest.mark.parametrize("question", ["How old is Jonas Weber?", "Wie alt ist Jonas Weber?"])
def test_a_term_of_years_is_no_age_and_the_sentence_stating_the_age_joins_the_answer(
    mayor: Newsroom, question: str
) -> None:
    # "zu zehn Jahren Haft" counted as his age: "Wie alt ist Raif Badawi?" got the lead on his sentence, sure of it
    # (0.57), over the 1,028 test articles; the age was in a sentence the ranker put fifth
    answer = mayor.ask(question)
    assert not answer.abstained, answer.text
    assert "Der 34-jährige Blogger" in answer.text, answer.text


COPA = """Chile gewinnt die Copa im Elfmeterschießen
Santiago – Gastgeber Chile hat am Samstag erstmals die Südamerikameisterschaft gewonnen. Im Finale gegen Argentinien \
stand es nach 120 Minuten 0:0. Zu verdanken hatte es die Mannschaft vor allem ihrem Kapitän Claudio Bravo. Der \
Tormann feierte bereits seinen vierten Titel innerhalb weniger Wochen. Im Elfmeterschießen trafen vier Chilenen. \
Bravo parierte vor 48.000 Zuschauern den Elfmeter von Ever Banega. Argentinien wartet damit seit 1993 auf einen \
Titel. Trainer Jorge Sampaoli lobte seine Spieler.
"""


VILLA = """Römische Villa unter Parkplatz entdeckt
Trier – Archäologen haben unter einem Parkplatz in der Trierer Innenstadt die Reste einer römischen Villa \
freigelegt. Die Mauern aus dem zweiten Jahrhundert seien bei Bauarbeiten für eine Tiefgarage entdeckt worden, teilte \
die Stadt am Dienstag mit. Die Fundamente sind außergewöhnlich gut erhalten. Bisher hatte man angenommen, dass an der \
Stelle nur Felder lagen. In den Räumen fanden die Forscher Mosaike und Münzen. Das zeigt, dass die Stadt damals viel \
weiter reichte als gedacht, sagte die Grabungsleiterin Kerstin Albrecht. Die Tiefgarage soll trotzdem gebaut werden, \
die Mosaike kommen ins Museum.
"""


# The keeper named in full once, then by surname where the question's words are; another player named in full after
FINAL = """Chile feiert ersten Titel bei der Copa América
Santiago – Chile hat am Samstag erstmals die Copa América gewonnen. Zu verdanken hatte es die Mannschaft vor allem \
ihrem Kapitän Claudio Bravo. Das Finale der Copa América in Santiago endete nach 120 Minuten torlos. Im Finale der \
Copa América in Santiago kam es deshalb zum Elfmeterschießen. Dort hielt Bravo den Elfmeter von Ever Banega. Danach \
verwandelte Alexis Sánchez den entscheidenden Elfmeter. Die Fans feierten bis in die Morgenstunden.
"""


# The reason the clean-up is hard follows the sentence that says it is, without a cause word
DERAILMENT = """Bergung des entgleisten Güterzuges dauert Wochen
Bruck – Die Bergung des entgleisten Güterzuges auf der Bergstrecke bei Bruck gestaltet sich schwierig, teilten die \
Bundesbahnen am Dienstag mit. Die Unglücksstelle ist nur über die Gleise zu erreichen, eine Forststraße gibt es dort \
nicht. Der Zug war am Sonntagabend aus noch ungeklärter Ursache aus den Schienen gesprungen. Verletzt wurde niemand. \
Wegen eines Signalfehlers hatte der Lokführer zuvor eine Notbremsung eingeleitet. Die Strecke bleibt bis mindestens \
Ende des Monats gesperrt. Fahrgäste müssen auf Busse umsteigen.
"""


@pytest.fixture(scope="module")
def derailment(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    """A store of one article written for this test: DERAILMENT."""
    return written_store(tmp_path_factory, {"derailment.txt": DERAILMENT})


@pytest.fixture(scope="module")
def copa(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    """A store of one article written for this test: COPA."""
    return written_store(tmp_path_factory, {"copa.txt": COPA})


@pytest.fixture(scope="module")
def final(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    """A store of one article written for this test: FINAL."""
    return written_store(tmp_path_factory, {"final.txt": FINAL})


@pytest.fixture(scope="module")
def villa(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    """A store of one article written for this test: VILLA."""
    return written_store(tmp_path_factory, {"villa.txt": VILLA})


@pytest.mark.parametrize(
    "question", ["Wer hielt den Elfmeter von Ever Banega?", "Which goalkeeper saved Ever Banega's penalty?"]
)
def test_someone_named_by_surname_alone_is_named_in_full_too(copa: Newsroom, question: str) -> None:
    # news names a person in full once, then by surname: "Bravo parierte …" alone answered the German question,
    # and over the 1,028 test articles "Williams sitzt …" answered who claims to be Prince's son ("Carlin Q. Williams")
    answer = copa.ask(question)
    assert "Bravo parierte" in answer.text and "Claudio Bravo" in answer.text, answer.text


def test_a_question_for_someone_gets_the_sentence_that_names_someone(villa: Newsroom) -> None:
    # the sentences on the dig that name no one answered it: "Who heads the excavation …" over the 1,028 test articles
    # got three sentences on the find on Rome's Quirinal, none naming its head, Mirella Serlorenzi
    answer = villa.ask(
        "Wer leitet die Grabung, bei der in Trier eine römische Villa unter einem Parkplatz entdeckt wurde?"
    )
    assert not answer.abstained, answer.text
    assert "Grabungsleiterin Kerstin Albrecht" in answer.text, answer.text


def test_a_which_question_for_a_role_gets_the_sentence_that_names_someone(villa: Newsroom) -> None:
    # "Welcher britische Archäologe vermutet …?" over the 1,028 test articles got the headline on the find, not the
    # sentence naming the archaeologist: the rule above read "who" alone (roles.py)
    answer = villa.ask(
        "Welche Archäologin leitet die Grabung, bei der in Trier eine römische Villa unter einem Parkplatz gefunden "
        "wurde?"
    )
    assert not answer.abstained, answer.text
    assert "Grabungsleiterin Kerstin Albrecht" in answer.text, answer.text


def test_someone_named_by_surname_is_someone_and_no_one_else_joins(final: Newsroom) -> None:
    # "Bravo parierte …" named no one to the rule above, which put a sentence naming someone else in its place:
    # "Which Chilean goalkeeper …?" over the 1,028 test articles lost Claudio Bravo for Arturo Vidal
    answer = final.ask("Wer hielt im Finale der Copa América in Santiago den Elfmeter?")
    assert "Dort hielt Bravo den Elfmeter" in answer.text, answer.text
    assert "Alexis Sánchez" not in answer.text, answer.text


def test_a_why_question_gets_the_sentence_after_the_one_that_tells_the_event(derailment: Newsroom) -> None:
    # the reason has no cause word and ranked low: the answer was the sentence saying the recovery is hard, alone;
    # "Warum sind die Aufräumarbeiten … am Semmering so schwierig?" over the 1,028 test articles lost "Die Stelle ist
    # nur über die Schienen zu erreichen" so
    answer = derailment.ask("Warum ist die Bergung des entgleisten Güterzuges bei Bruck so schwierig?")
    assert not answer.abstained, answer.text
    assert "nur über die Gleise zu erreichen" in answer.text, answer.text
