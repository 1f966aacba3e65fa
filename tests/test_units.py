"""Unit tests of the small parts: strict YAML, term matching, MathML."""

from __future__ import annotations

import markdown
import pytest

from macros.block_height import DESKTOP, GLOSSARY_DESKTOP, GLOSSARY_PHONE, PHONE, answer_height, term_height
from macros.errors import DataError
from macros.mathml import MathMLExtension, formula_errors
from macros.model import Question, Term
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
        Term(id="shap", term="SHAP", aliases=["Shapley additive explanations"], definition="d"),
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
    ("Check the shapes first", set()),
    ("SHAP values, or Shapley additive explanations", {"shap"}),
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


def _question(**fields) -> Question:
    return Question(**{"id": "q", "question": "Why?", "short_answer": "Because.", "answer": "It depends.",
                       "listen_for": ["A reason."], "pitfalls": ["No reason."], "difficulty": "easy", "kind": "concept",
                       "tags": ["cnn"], **fields})


def test_an_answer_is_estimated_taller_for_each_thing_it_holds_and_on_a_phone():
    base = _question()
    longer = {
        "prose": _question(answer="It depends. " * 40),
        "paragraphs": _question(answer="It depends.\n\nOn the data.\n\n- one\n- two"),
        "code": _question(answer="It depends.\n\n```python\nx = 1\ny = 2\n```"),
        "formula": _question(answer="It depends.\n\n$$\na = b\n$$"),
        "pitfalls": _question(pitfalls=["No reason.", "Another wrong reason, at some length."]),
    }
    for column in (PHONE, DESKTOP):
        for what, question in longer.items():
            assert answer_height(question, [], column) > answer_height(base, [], column), (what, column)
        assert answer_height(base, ["A related question"] * 5, column) > answer_height(base, [], column)
    long_answer = _question(answer="It depends. " * 200)
    assert answer_height(long_answer, [], PHONE) > answer_height(long_answer, [], DESKTOP)


def test_a_definition_is_estimated_taller_for_each_thing_it_holds_and_on_a_phone():
    def term(**fields):
        return Term(**{"id": "dropout", "term": "Dropout", "definition": "Zeroes random activations in training.", **fields})

    titles = ["Why does dropout regularize a network, and what does it do at inference time?"]
    for column in (GLOSSARY_PHONE, GLOSSARY_DESKTOP):
        plain = term_height(term(), [], [], column)
        for what, taller in {"prose": term_height(term(definition="Zeroes random activations. " * 30), [], [], column),
                             "paragraphs": term_height(term(definition="Zeroes activations.\n\nOnly in training."), [], [], column),
                             "formula": term_height(term(formula="y = m \\odot x / (1 - p)"), [], [], column),
                             "aliases": term_height(term(aliases=["dropout regularization"]), [], [], column),
                             "see also": term_height(term(), ["Regularization"], [], column),
                             "used in": term_height(term(), [], titles, column)}.items():
            assert taller > plain, (what, column)
        # More than five questions are folded into one line: shorter than five listed in full.
        assert term_height(term(), [], titles * 6, column) < term_height(term(), [], titles * 5, column)
    long_term = term(definition="Zeroes random activations. " * 30)
    assert term_height(long_term, [], [], GLOSSARY_PHONE) > term_height(long_term, [], [], GLOSSARY_DESKTOP)
