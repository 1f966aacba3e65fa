"""Flashcard decks of the questions, written by the publish step (scripts/build_decks.py): an Anki
package (`.apkg`, through genanki) and a CSV file for each topic and for the whole site.

One note per question: the question, its short answer, the points interviewers listen for, and a link
to the full answer; the topic and the question's tags are Anki tags; formulas are Anki's MathJax
(`\\(...\\)`, `\\[...\\]`). A note's guid comes from the question id alone, so importing a newer deck
updates the notes a reader already has instead of adding copies.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import genanki
from markdown import Markdown

from .mathml import MathMLExtension, to_mathjax
from .model import Question
from .site import Site

GUID_NAMESPACE = "dl-interview-reference"
MODEL_ID = 1_733_559_201  # fixed: a new id would make Anki treat every note as a new note type
CSV_COLUMNS = ["question", "short answer", "listen for", "tags", "url"]
ALL = "all"

CARD_STYLE = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.45; text-align: left; max-width: 40em; margin: auto; }
.short { margin: 0.8em 0; }
.listen h4 { margin: 1em 0 0.3em; font-size: 0.9em; }
.full { font-size: 0.85em; }"""

NOTE_MODEL = genanki.Model(
    MODEL_ID,
    "Deep learning interview question",
    fields=[{"name": "Question"}, {"name": "Short answer"}, {"name": "Listen for"}, {"name": "Full answer"}, {"name": "Id"}],
    templates=[{
        "name": "Question → answer",
        "qfmt": "{{Question}}",
        "afmt": '{{FrontSide}}<hr id="answer"><div class="short">{{Short answer}}</div>'
                '<div class="listen"><h4>What interviewers listen for</h4>{{Listen for}}</div>'
                '<p class="full"><a href="{{Full answer}}">Full answer and follow-ups</a></p>',
    }],
    css=CARD_STYLE,
    sort_field_index=0,
)


def note_guid(question_id: str) -> str:
    """The note's Anki guid: the same for a question id in every build."""
    return genanki.guid_for(GUID_NAMESPACE, question_id)


def deck_id(name: str) -> int:
    """A stable Anki deck id for a topic slug (or "all")."""
    return int.from_bytes(hashlib.sha256(f"{GUID_NAMESPACE}:{name}".encode()).digest()[:4], "big") | 1 << 30


def write_decks(site: Site, site_url: str, output: Path) -> list[Path]:
    """Write `<slug>.apkg` and `<slug>.csv` for every topic, and `all.apkg` and `all.csv`, into `output`."""
    output.mkdir(parents=True, exist_ok=True)
    markdown = Markdown(extensions=[MathMLExtension(render=to_mathjax)])
    base = site_url.rstrip("/") + "/"
    written = []
    everything = genanki.Deck(deck_id(ALL), "Deep learning interviews")
    rows = []
    for page in site.topics:
        deck = genanki.Deck(deck_id(page.slug), f"Deep learning interviews::{page.topic.title}")
        topic_rows = []
        for question in page.topic.questions:
            url = f"{base}topics/{page.slug}/#{question.id}"
            deck.add_note(_note(question, page.slug, url, markdown))
            everything.add_note(_note(question, page.slug, url, markdown))
            topic_rows.append(_row(question, page.slug, url))
        written += _write(deck, topic_rows, output / page.slug)
        rows += topic_rows
    written += _write(everything, rows, output / ALL)
    return written


def _note(question: Question, slug: str, url: str, markdown: Markdown) -> genanki.Note:
    listen = "<ul>" + "".join(f"<li>{_html(point, markdown, inline=True)}</li>" for point in question.listen_for) + "</ul>"
    return genanki.Note(
        model=NOTE_MODEL,
        fields=[_html(question.question, markdown, inline=True), _html(question.short_answer, markdown), listen, url, question.id],
        tags=[slug, *question.tags],
        guid=note_guid(question.id),
    )


def _html(text: str, markdown: Markdown, inline: bool = False) -> str:
    markdown.reset()
    html = markdown.convert(text)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def _row(question: Question, slug: str, url: str) -> list[str]:
    """A CSV row: the text as written in the data (Markdown, formulas as $...$)."""
    return [question.question, question.short_answer, "\n".join(f"- {point}" for point in question.listen_for),
            " ".join([slug, *question.tags]), url]


def _write(deck: genanki.Deck, rows: list[list[str]], stem: Path) -> list[Path]:
    package = stem.with_suffix(".apkg")
    genanki.Package(deck).write_to_file(str(package))
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    csv_file = stem.with_suffix(".csv")
    csv_file.write_text(table.getvalue(), encoding="utf-8")
    return [package, csv_file]
