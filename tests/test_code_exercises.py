"""Every coding question's NumPy implementation runs and passes its own check."""

from __future__ import annotations

import contextlib
import io

import pytest
from pydantic import ValidationError

from conftest import ROOT
from macros.model import Question
from macros.site import build_site

CODING = [q for q in build_site(ROOT / "data").questions.values() if q.kind == "coding"]


def run_exercise(code: str) -> str:
    """Execute `code` in a fresh namespace; return what it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<exercise>", "exec"), {"__name__": "__exercise__"})  # noqa: S102 (our own data)
    return printed.getvalue()


@pytest.mark.parametrize("question", CODING, ids=[q.id for q in CODING])
def test_exercise_runs_and_checks_itself(question):
    assert "assert" in question.code, "an exercise must check its own result"
    assert "import numpy" in question.code
    run_exercise(question.code)


def test_a_wrong_result_fails_the_exercise():
    """The harness can fail: an exercise whose check does not hold raises."""
    with pytest.raises(AssertionError):
        run_exercise("import numpy as np\nassert np.allclose(np.ones(3).sum(), 4.0)")


@pytest.mark.parametrize("question", CODING, ids=[q.id for q in CODING])
def test_the_exercise_check_catches_its_deliberate_bug(question):
    """With the bug its data names put in, the exercise's own check fails (an assertion, not a crash)."""
    with pytest.raises(AssertionError):
        run_exercise(question.code.replace(question.code_break.find, question.code_break.replace))


def test_a_coding_question_must_name_a_deliberate_bug():
    question = CODING[0].model_dump()
    with pytest.raises(ValidationError, match="a coding question needs `code_break`"):
        Question(**{**question, "code_break": None})


def test_a_deliberate_bug_must_be_in_the_code():
    question = CODING[0].model_dump()
    with pytest.raises(ValidationError, match="must occur exactly once in `code`; it occurs 0 times"):
        Question(**{**question, "code_break": {"find": "no such text in the code", "replace": "x"}})
