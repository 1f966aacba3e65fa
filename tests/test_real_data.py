"""The real data: valid, complete for the seed articles, and to the content standard."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT
from macros.schema import schema_texts

SEEDS = yaml.safe_load((Path(__file__).parent / "seed_questions.yml").read_text())


def test_counts(real_data):
    assert len(real_data.questions) >= 50
    assert len(real_data.glossary.terms) >= 80
    assert len(real_data.topics) >= 10


@pytest.mark.parametrize("seed, place, question_id",
                         [(seed, place, qid) for seed, places in SEEDS.items() for place, qid in places.items()])
def test_every_seed_question_is_answered_and_cites_its_seed(real_data, seed, place, question_id):
    assert question_id in real_data.questions, f"{seed} question {place} has no answer '{question_id}'"
    assert seed in real_data.questions[question_id].sources


def test_every_cited_seed_is_in_the_checklist(real_data):
    for question in real_data.questions.values():
        for seed in question.sources:
            assert question.id in SEEDS[seed].values(), f"{question.id} cites {seed} but answers none of its questions"


def test_entries_meet_the_content_standard(real_data):
    for question in real_data.questions.values():
        assert len(question.short_answer.split()) <= 45, question.id
        assert 100 <= len(question.answer.split()) <= 450, (question.id, len(question.answer.split()))
        assert 1 <= len(question.listen_for) <= 5, question.id
        assert question.follow_ups, question.id


def test_follow_ups_the_site_answers_are_linked(real_data):
    """A follow-up whose text is a question the site answers must link to it."""
    by_text = {q.question.casefold().rstrip("?"): q.id for q in real_data.questions.values()}
    for question in real_data.questions.values():
        for follow_up in question.follow_ups:
            target = by_text.get(follow_up.question.casefold().rstrip("?"))
            if target:
                assert follow_up.id == target, f"{question.id}: follow-up '{follow_up.question}' should link {target}"


def test_every_term_is_used_or_linked(real_data):
    linked = {target for term in real_data.glossary.terms for target in term.see_also}
    orphans = [term.id for term in real_data.glossary.terms
               if term.id not in real_data.term_users and term.id not in linked]
    assert not orphans, f"terms used by no question and linked from no term: {orphans}"


@pytest.mark.parametrize("name, text", sorted(schema_texts().items()))
def test_committed_json_schema_is_current(name, text):
    committed = ROOT / "data" / "schema" / name
    assert committed.read_text(encoding="utf-8") == text, "run: python -m macros schema"


def test_real_data_passes_the_exported_json_schema():
    schemas = {name: json.loads(text) for name, text in schema_texts().items()}
    for path in sorted((ROOT / "data" / "topics").glob("*.yml")):
        jsonschema.validate(yaml.safe_load(path.read_text()), schemas["topic.schema.json"])
    jsonschema.validate(yaml.safe_load((ROOT / "data" / "glossary.yml").read_text()), schemas["glossary.schema.json"])


def test_exported_json_schema_rejects_what_the_loader_rejects():
    topic = yaml.safe_load((ROOT / "tests" / "fixtures" / "data" / "topics" / "optimization.yml").read_text())
    topic["questions"][0]["difficulty"] = "expert"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(topic, json.loads(schema_texts()["topic.schema.json"]))
