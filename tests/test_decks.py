"""The flashcard decks of the publish step: Anki packages opened as the zip and SQLite they are, and
CSV files parsed back."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from macros.decks import MODEL_ID, write_decks

URL = "https://example.org/"


def notes(package: Path, tmp_path: Path) -> dict[str, dict]:
    """The notes of an .apkg, by their `Id` field: {id: {guid, fields, tags}}; and checks its note type."""
    with zipfile.ZipFile(package) as archive:
        assert "collection.anki2" in archive.namelist()
        tmp_path.mkdir(parents=True, exist_ok=True)
        database = tmp_path / f"{package.stem}.anki2"
        database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    models = json.loads(connection.execute("SELECT models FROM col").fetchone()[0])
    assert str(MODEL_ID) in models
    assert [f["name"] for f in models[str(MODEL_ID)]["flds"]] == ["Question", "Short answer", "Listen for", "Full answer", "Id"]
    rows = connection.execute("SELECT guid, flds, tags, mid FROM notes").fetchall()
    cards = connection.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    connection.close()
    assert cards == len(rows) and all(row[3] == MODEL_ID for row in rows)
    found = {}
    for guid, fields, tags, _ in rows:
        values = fields.split("\x1f")
        found[values[4]] = {"guid": guid, "fields": values, "tags": tags.split()}
    return found


@pytest.fixture(scope="module")
def decks(tmp_path_factory, real_data) -> Path:
    folder = tmp_path_factory.mktemp("decks")
    write_decks(real_data, URL, folder)
    return folder


def test_a_deck_and_a_csv_for_every_topic_and_for_everything(decks, real_data):
    names = {page.slug for page in real_data.topics} | {"all"}
    assert {p.stem for p in decks.glob("*.apkg")} == names and {p.stem for p in decks.glob("*.csv")} == names


def test_one_note_per_question_with_its_answer_points_link_and_tags(decks, real_data, tmp_path):
    everything = notes(decks / "all.apkg", tmp_path)
    assert set(everything) == set(real_data.questions)
    for page in real_data.topics[:3]:
        assert set(notes(decks / f"{page.slug}.apkg", tmp_path)) == {q.id for q in page.topic.questions}
    question = real_data.questions["adam-vs-sgd"] if "adam-vs-sgd" in real_data.questions else next(iter(real_data.questions.values()))
    note = everything[question.id]
    text, short, listen, link, _ = note["fields"]
    slug = real_data.topic_of[question.id]
    assert link == f"{URL}topics/{slug}/#{question.id}"
    assert listen.count("<li>") == len(question.listen_for)
    assert note["tags"] == [slug, *question.tags]
    assert "<" not in question.question or "&lt;" in text


def test_formulas_are_anki_mathjax(decks, real_data, tmp_path):
    everything = notes(decks / "all.apkg", tmp_path)
    with_formula = [q for q in real_data.questions.values() if "$" in q.short_answer]
    assert with_formula
    for question in with_formula:
        short = everything[question.id]["fields"][1]
        assert "\\(" in short or "\\[" in short, short
        assert "<math" not in short and "$" not in short.replace("\\$", "")


def test_note_guids_are_stable_and_follow_the_question_id(decks, real_data, tmp_path):
    page = real_data.topics[0]
    first = page.topic.questions[0]
    renamed = page.topic.model_copy(update={"questions": [first.model_copy(update={"id": "a-renamed-question"}),
                                                          *page.topic.questions[1:]]})
    changed = dataclasses.replace(real_data, topics=(dataclasses.replace(page, topic=renamed), *real_data.topics[1:]))
    again = tmp_path / "again"
    write_decks(changed, URL, again)
    before, after = notes(decks / "all.apkg", tmp_path / "b"), notes(again / "all.apkg", tmp_path / "a")
    unchanged = set(before) - {first.id}
    assert all(before[i]["guid"] == after[i]["guid"] for i in unchanged)
    assert after["a-renamed-question"]["guid"] not in {note["guid"] for note in before.values()}


def test_the_csv_reads_back(decks, real_data):
    page = real_data.topics[1]
    rows = list(csv.reader(io.StringIO((decks / f"{page.slug}.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["question", "short answer", "listen for", "tags", "url"]
    assert [row[0] for row in rows[1:]] == [q.question for q in page.topic.questions]
    for row, question in zip(rows[1:], page.topic.questions):
        assert row[1] == question.short_answer and row[2].count("\n") == len(question.listen_for) - 1
        assert row[4].endswith(f"/topics/{page.slug}/#{question.id}") and row[3].split()[0] == page.slug


def test_published_pages_link_their_decks(published_site):
    topic = (published_site / "topics" / "optimization" / "index.html").read_text()
    sheet = (published_site / "cheat-sheets" / "optimization" / "index.html").read_text()
    for html in (topic, sheet):
        assert 'href="../../decks/optimization.apkg"' in html and 'href="../../decks/optimization.csv"' in html
