"""Unit tests of the small parts: strict YAML, term matching, MathML."""

from __future__ import annotations

import markdown
import pytest

from macros.errors import DataError
from macros.mathml import MathMLExtension, formula_errors
from macros.model import Term
from macros.terms import TermMatcher
from macros.yaml_source import read_yaml


def test_yaml_records_lines_and_rejects_nested_repeated_keys(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("a: 1\nlist:\n  - x: 1\n    y: 2\n  - x: 3\n")
    document = read_yaml(path, "a.yml")
    assert document.data == {"a": 1, "list": [{"x": 1, "y": 2}, {"x": 3}]}
    assert document.line_of(("list", 1, "x")) == 5
    assert document.line_of(("list", 0, "missing")) == 3
    path.write_text("list:\n  - x: 1\n    x: 2\n")
    with pytest.raises(DataError, match=r"a.yml:3: key 'x' appears twice in one mapping \(first on line 2\)"):
        read_yaml(path, "a.yml")


def test_yaml_refuses_python_tags(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("a: !!python/object:os.system echo\n")
    with pytest.raises(DataError, match=r"a.yml:1: cannot read value"):
        read_yaml(path, "a.yml")


def matcher() -> TermMatcher:
    return TermMatcher([
        Term(id="gan", term="Generative adversarial network", abbreviations=["GAN"], definition="d"),
        Term(id="bn", term="Batch normalization", abbreviations=["BN"], aliases=["batch norm", "batch-norm"], definition="d"),
        Term(id="norm", term="Normalization", definition="d"),
        Term(id="lstm", term="Long short-term memory", abbreviations=["LSTM"], definition="d"),
    ])


@pytest.mark.parametrize("text, expected", [
    ("An organ grows.", set()),
    ("Two GANs compete.", {"gan"}),
    ("a gan in lower case", set()),
    ("We use batch-norm here", {"bn"}),
    ("BATCH NORM, shouted", {"bn"}),
    ("Batch normalization and layer normalization", {"bn", "norm"}),
    ("Code `BN(x)` and math $BN$ are skipped", set()),
    ("```\nLSTM in a fence\n```", set()),
    ("LSTMs remember", {"lstm"}),
    ("pre-BN layers", set()),
])
def test_term_matching_respects_words_case_code_and_math(text, expected):
    assert matcher().find(text) == expected


def test_mathml_inline_display_and_code():
    md = markdown.Markdown(extensions=[MathMLExtension()])
    html = md.convert("Inline $a*b*c$ and `$not math$`.\n\n$$\n\\frac{1}{2}\n$$\n\n1. item\n\n    $$\n    x^2\n    $$\n")
    assert html.count("<math") == 3
    assert "<code>$not math$</code>" in html
    assert "<em>" not in html
    assert '<div class="math-display"><math' in html
    assert html.index("<ol>") < html.index("x</mi><mn>2") < html.index("</ol>")


def test_formula_errors_name_the_formula():
    assert formula_errors("fine $x^2$") == []
    errors = formula_errors("broken $x^$ here")
    assert len(errors) == 1 and "x^" in errors[0]


def test_angle_brackets_in_formulas_do_not_break_html_blocks():
    md = markdown.Markdown(extensions=[MathMLExtension(), "md_in_html"])
    html = md.convert("Tokens $x_{<t}$ and $a > b$.\n\n<div class=\"box\" markdown>\n**inside**\n</div>\n\nafter `a<b`\n")
    assert '<div class="box">\n<p><strong>inside</strong></p>\n</div>' in html
    assert "<code>a&lt;b</code>" in html and html.count("<math") == 2


SEARCH_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
                 "fields": {"title": {"boost": 1000}, "text": {"boost": 1}, "tags": {"boost": 2}}}


def test_search_shards_split_terms_by_prefix_and_keep_pages_and_snippets(tmp_path):
    import json

    from macros.search_shards import shard_of, write_shards

    docs = [
        {"location": "topics/opt/", "title": "Optimization", "text": "<p>How networks are trained.</p>", "boost": 0.1},
        {"location": "topics/opt/#adam", "title": "How does Adam work?", "text": "<p>Adam keeps moment estimates &amp; "
         "<code>m</code>. " + "It adapts the step. " * 40 + "</p>", "tags": ["optimizers"]},
        {"location": "topics/opt/#sgd", "title": "What is SGD?", "text": "<p>SGD with momentum beats Adam sometimes.</p>"},
        {"location": "glossary/", "title": "Glossary", "text": ""},
        {"location": "glossary/#adam", "title": "Adam", "text": "<p>An optimizer.</p>"},
    ]
    small = write_shards({"config": SEARCH_CONFIG, "docs": docs}, tmp_path)
    assert small["docs"] == [] and small["config"]["shards"]["pages"] == [0, 3]
    count = small["config"]["shards"]["shards"]

    def shard(word: str) -> dict:
        path = tmp_path / "shards" / f"{shard_of(word, count)}.json"
        return json.loads(path.read_text()) if path.exists() else {}

    assert {"adam", "adapts"} <= set(shard("adam"))
    assert all(shard_of(term, count) == shard_of("ad", count) for term in shard("adam") if term.startswith("ad"))
    assert len(list((tmp_path / "shards").iterdir())) <= count
    weights = dict(zip(shard("adam")["adam"][::2], shard("adam")["adam"][1::2]))
    assert set(weights) == {1, 2, 4}
    assert weights[1] > weights[2] and weights[4] > weights[2]  # a title match outweighs the text
    assert not any(word in shard(word) for word in ("the", "how", "is", "with"))  # Lunr's stop words are not indexed
    assert shard("optimizers")["optimizers"][0] == 1
    location, title, snippet = json.loads((tmp_path / "docs" / "0.json").read_text())[1]
    assert (location, title) == ("topics/opt/#adam", "How does Adam work?")
    assert snippet.startswith("Adam keeps moment estimates & m. It adapts") and snippet.endswith(" …")
    assert len(snippet) <= 322
