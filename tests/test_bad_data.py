"""Every kind of bad data stops the build with file, line, entry id and what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, make_project, run_build
from macros.errors import DataError
from macros.site import build_site


@pytest.fixture
def data(tmp_path) -> Path:
    """A writable copy of the valid fixture data."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def line_of(path: Path, needle: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def problems(data: Path) -> str:
    with pytest.raises(DataError) as caught:
        build_site(data)
    return str(caught.value)


def test_fixture_is_valid(data):
    site = build_site(data)
    assert set(site.questions) == {"adam-vs-sgd", "batch-norm-vs-layer-norm"}


def test_invalid_yaml_names_file_and_line(data):
    topic = data / "topics" / "optimization.yml"
    edit(topic, "    tags: [optimizers]", "    tags: [optimizers")
    message = problems(data)
    assert "data/topics/optimization.yml:" in message
    assert "invalid YAML" in message
    line = int(message.split("optimization.yml:")[1].split(":")[0])
    assert abs(line - line_of(topic, "tags: [optimizers")) <= 2


def test_repeated_key_is_rejected(data):
    topic = data / "topics" / "optimization.yml"
    edit(topic, "    difficulty: medium\n", "    difficulty: medium\n    difficulty: hard\n")
    message = problems(data)
    assert f"optimization.yml:{line_of(topic, 'difficulty: hard')}:" in message
    assert "key 'difficulty' appears twice" in message


def test_missing_required_field(data):
    topic = data / "topics" / "optimization.yml"
    edit(topic, "    listen_for: [Bias correction of the moment estimates.]\n", "")
    message = problems(data)
    assert "optimization.yml:" in message and "question 'adam-vs-sgd'" in message
    assert "missing required field 'listen_for'" in message


# (file, text to replace, replacement, the entry named, what the message says)
ONE_LINE_MISTAKES = [
    ("topics/optimization.yml", "difficulty: medium", "difficulty: expert", "question 'adam-vs-sgd'",
     "'difficulty' is 'expert'; expected one of 'easy', 'medium' or 'hard'"),
    ("topics/optimization.yml", "kind: concept", "kind: trivia", "question 'adam-vs-sgd'",
     "'kind' is 'trivia'; expected one of 'concept', 'coding', 'system-design', 'behavioral', 'situational' or 'career'"),
    ("topics/normalization.yml", "tags: [normalization]", "tags: normalization", "question 'batch-norm-vs-layer-norm'",
     "'tags' must be a list, not str 'normalization'"),
    ("topics/normalization.yml", "related: [adam-vs-sgd]", "related: [adam-vs-sdg]", "question 'batch-norm-vs-layer-norm'",
     "related question 'adam-vs-sdg' points at nothing; did you mean 'adam-vs-sgd'?"),
    ("topics/optimization.yml", "id: batch-norm-vs-layer-norm", "id: batchnorm", "question 'adam-vs-sgd'",
     "follow-up question 'batchnorm' points at nothing"),
    ("glossary.yml", "see_also: [batch-normalization]", "see_also: [batch-norm]", "term 'stochastic-gradient-descent'",
     "'see also' term 'batch-norm' points at nothing; did you mean 'batch-normalization'?"),
    ("topics/optimization.yml", "tags: [optimizers]", "tags: [optimiser]", "question 'adam-vs-sgd'",
     "tag 'optimiser' points at nothing; did you mean 'optimizers'?"),
    ("topics/optimization.yml", "pitfalls:", "pitfals:", "question 'adam-vs-sgd'",
     "unknown field 'pitfals'; did you mean 'pitfalls'?"),
]


@pytest.mark.parametrize("name, old, new, entry, expected", ONE_LINE_MISTAKES, ids=[m[2] for m in ONE_LINE_MISTAKES])
def test_one_line_mistake_is_located_and_explained(data, name, old, new, entry, expected):
    path = data / name
    edit(path, old, new)
    assert f"data/{name}:{line_of(path, new)}: {entry}: {expected}" in problems(data)


def test_duplicate_question_id(data):
    topic = data / "topics" / "normalization.yml"
    edit(topic, "  - id: batch-norm-vs-layer-norm", "  - id: adam-vs-sgd")
    edit(topic, "    related: [adam-vs-sgd]", "    related: []")
    message = problems(data)
    first = line_of(topic, "id: adam-vs-sgd")
    second = line_of(data / "topics" / "optimization.yml", "id: adam-vs-sgd")
    assert f"optimization.yml:{second}: question 'adam-vs-sgd': duplicate question id" in message
    assert f"already used at data/topics/normalization.yml:{first}" in message


def test_duplicate_glossary_term(data):
    glossary = data / "glossary.yml"
    edit(glossary, "    abbreviations: [SGD]", "    abbreviations: [BN]")
    message = problems(data)
    assert f"glossary.yml:{line_of(glossary, 'Gradient descent on the loss') - 1}:" in message
    assert "term 'stochastic-gradient-descent'" in message
    assert "duplicate glossary term: 'BN' already names term 'batch-normalization'" in message


def test_duplicate_glossary_id(data):
    glossary = data / "glossary.yml"
    edit(glossary, "  - id: stochastic-gradient-descent", "  - id: batch-normalization")
    edit(glossary, "    see_also: [stochastic-gradient-descent]", "    see_also: []")
    message = problems(data)
    assert "duplicate glossary term id 'batch-normalization'" in message


def test_empty_answer(data):
    topic = data / "topics" / "normalization.yml"
    text = topic.read_text()
    start = text.index("    answer: |")
    end = text.index("    listen_for:")
    topic.write_text(text[:start] + '    answer: "   "\n' + text[end:])
    message = problems(data)
    line = line_of(topic, '    answer: "')
    assert f"normalization.yml:{line}: question 'batch-norm-vs-layer-norm':" in message
    assert "'answer' is empty" in message


def test_raw_html_and_unreadable_formula(data):
    topic = data / "topics" / "normalization.yml"
    edit(topic, "Layer normalization does not.", "Layer normalization <b>does not</b> and $x^$.")
    message = problems(data)
    assert "'answer' contains raw HTML" in message
    assert "cannot render formula" in message


def test_every_problem_is_reported_at_once(data):
    edit(data / "topics" / "optimization.yml", "difficulty: medium", "difficulty: expert")
    edit(data / "topics" / "normalization.yml", "kind: concept", "kind: trivia")
    message = problems(data)
    assert message.startswith("2 problems in the data:")


def test_the_build_fails_with_the_message_and_no_traceback(tmp_path, data):
    edit(data / "topics" / "optimization.yml", "difficulty: medium", "difficulty: expert")
    project = make_project(tmp_path / "project", data)
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/topics/optimization.yml:" in output and "'difficulty' is 'expert'" in output
    assert "Traceback" not in output


def test_unknown_area(data):
    topic = data / "topics" / "optimization.yml"
    edit(topic, "area: training", "area: trainin")
    assert (f"data/topics/optimization.yml:{line_of(topic, 'area: trainin')}: area 'trainin' points at nothing; "
            "did you mean 'training'? (add it to data/areas.yml if it is new)") in problems(data)


def test_duplicate_and_empty_areas(data):
    areas = data / "areas.yml"
    edit(areas, "    title: Training\n", "    title: Training\n  - id: training\n    title: Again\n  - id: unused\n    title: Unused\n")
    message = problems(data)
    assert f"data/areas.yml:{line_of(areas, 'title: Again') - 1}: area 'training': duplicate area id 'training'" in message
    assert (f"data/areas.yml:{line_of(areas, 'id: unused')}: area 'unused': area 'unused' has no topics; "
            "give a topic `area: unused` or remove it") in message


def test_missing_areas_file(data):
    (data / "areas.yml").unlink()
    assert "data/areas.yml: is missing" in problems(data)


def last_line_of(path: Path, needle: str) -> int:
    return max(number for number, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


OPTIMIZATION_FOLLOW_UP = "      - question: What is AdamW?"
NORMALIZATION_QUESTION = "What is the difference between batch normalization and layer normalization"

# (file, text to replace, replacement, text on the reported line (its last occurrence), the entry named, the message)
CONTENT_MISTAKES = [
    ("topics/optimization.yml", OPTIMIZATION_FOLLOW_UP, f"      - question: {NORMALIZATION_QUESTION.lower()}",
     NORMALIZATION_QUESTION.lower(), "question 'adam-vs-sgd'",
     f"follow-up '{NORMALIZATION_QUESTION.lower()}' is question 'batch-norm-vs-layer-norm', which the site answers; "
     "link it with `id: batch-norm-vs-layer-norm` under the follow-up"),
    ("topics/optimization.yml", OPTIMIZATION_FOLLOW_UP,
     "      - question: So what's the difference between batch normalization and layer normalization?",
     "So what's the difference", "question 'adam-vs-sgd'",
     "follow-up 'So what's the difference between batch normalization and layer normalization?' is question "
     "'batch-norm-vs-layer-norm', which the site answers; link it with `id: batch-norm-vs-layer-norm` under the follow-up"),
    ("topics/optimization.yml", OPTIMIZATION_FOLLOW_UP, f"{OPTIMIZATION_FOLLOW_UP}\n      - question: what is AdamW",
     "question: what is AdamW", "question 'adam-vs-sgd'", "follow-up 3 repeats follow-up 2; remove one"),
    ("topics/optimization.yml", OPTIMIZATION_FOLLOW_UP,
     f"{OPTIMIZATION_FOLLOW_UP}\n      - question: Why does batch norm allow larger learning rates?\n"
     "        id: batch-norm-vs-layer-norm", "id: batch-norm-vs-layer-norm", "question 'adam-vs-sgd'",
     "follow-up 3 links 'batch-norm-vs-layer-norm' like follow-up 1; link each answer once (remove one, or this `id`)"),
    ("topics/optimization.yml", OPTIMIZATION_FOLLOW_UP, "      - question: '  '", "question: '  '",
     "question 'adam-vs-sgd'", "'question' is empty; write the text"),
    ("topics/normalization.yml", "Layer normalization does not.", "Studies show that layer normalization does not.",
     "answer: |", "question 'batch-norm-vs-layer-norm'",
     "'answer' says \"Studies show\" without naming the source in the same sentence; cite it (for example "
     "'Hui & Belkin (2021)') or state only what the text supports"),
    ("topics/normalization.yml", "short_answer: BN", "short_answer: It has been shown that BN", "short_answer:",
     "question 'batch-norm-vs-layer-norm'", "'short_answer' says \"It has been shown that\" without naming the source"),
    ("topics/normalization.yml", "[Which axis each one normalizes over.]", "[Which axis, since research suggests it matters.]",
     "listen_for:", "question 'batch-norm-vs-layer-norm'", "'listen_for' says \"research suggests\" without naming"),
    ("topics/normalization.yml", "size 1.]", "size 1, as some studies claim.]", "pitfalls:",
     "question 'batch-norm-vs-layer-norm'", "'pitfalls' says \"some studies\" without naming"),
    ("topics/normalization.yml", "Layer normalization does not.",
     "Layer normalization does not.\n\n      | | Batch norm | Layer norm |\n      |---|---|---|\n      | Axis | batch | features |",
     "answer: |", "question 'batch-norm-vs-layer-norm'",
     "the table header '| | Batch norm | Layer norm |' has an empty cell; name the column (for example 'Aspect')"),
    ("topics/normalization.yml", "question: What is the difference between batch normalization and layer normalization?",
     "question: How do batch normalization and layer normalization normalize $x \\in \\mathbb{R}^{B \\times d}$?",
     "question: How do batch", "question 'batch-norm-vs-layer-norm'",
     "the question has a formula, but it is also a heading, a link and a search title, where a formula shows as TeX; "
     "write it in plain text (for example 'AᵀA', 'x²')"),
    ("glossary.yml", "trained against each other.", "trained against each other. Experts say they are unstable.",
     "Experts say", "term 'generative-adversarial-network'", "'definition' says \"Experts say\" without naming"),
]


@pytest.mark.parametrize("name, old, new, needle, entry, expected", CONTENT_MISTAKES, ids=[m[2].strip() for m in CONTENT_MISTAKES])
def test_content_mistake_is_located_and_explained(data, name, old, new, needle, entry, expected):
    path = data / name
    edit(path, old, new)
    assert f"data/{name}:{last_line_of(path, needle)}: {entry}: {expected}" in problems(data)


@pytest.mark.parametrize("follow_up", [
    "What is the difference between batch normalization and group normalization?",  # one word swapped: another question
    "How does AdamW differ from SGD?",
    "Why is there no difference between batch normalization and layer normalization at batch size 1?",
])
def test_a_different_question_is_not_taken_for_a_site_question(data, follow_up):
    edit(data / "topics" / "normalization.yml", "    related: [adam-vs-sgd]",
         f"    related: [adam-vs-sgd]\n    follow_ups:\n      - question: {follow_up}")
    build_site(data)


@pytest.mark.parametrize("sentence", [
    "Studies show that layer normalization does not (Ba et al., 2016).",
    "Research by Ba, Kiros and Hinton shows this; see *Layer Normalization*.",
    'As "Layer Normalization" reports, studies have shown it does not.',
    "Hui and Belkin, ICLR 2021, found that research suggests it does not.",
])
def test_an_appeal_to_research_with_a_named_source_is_accepted(data, sentence):
    edit(data / "topics" / "normalization.yml", "Layer normalization does not.", sentence)
    build_site(data)


def test_career_question_must_date_its_facts(data):
    edit(data / "areas.yml", "    title: Training\n", "    title: Training\n  - id: the-job\n    title: The job\n")
    topic = data / "topics" / "normalization.yml"
    edit(topic, "area: training", "area: the-job")
    edit(topic, "kind: concept", "kind: career")
    assert (f"data/topics/normalization.yml:{line_of(topic, 'answer: |')}: question 'batch-norm-vs-layer-norm': "
            "a career question's facts go stale; say when they held with \"as of <Month> <Year>\" in the answer") \
        in problems(data)
    edit(topic, "Layer normalization does not.", "As of December 2026, layer normalization does not.")
    build_site(data)
